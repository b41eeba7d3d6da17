/** Identifiers as they come from a URL or a form: checked before they reach SQL. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u;

/** A canonical lower-case UUID (36 dashes are not one: the database would refuse the cast). */
export function isUuid(v: unknown): v is string {
  return typeof v === "string" && UUID.test(v);
}

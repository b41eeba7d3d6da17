/** Field checks shared by the anonymous forms (they read no database: a typo tells nothing). */
import { AppError, type FieldError } from "../domain/errors.ts";
import { normalizeFiscalCode, parseFiscalCode } from "../domain/fiscal-code.ts";

/** The body as an object, or MALFORMED_REQUEST. */
export function bodyObject(raw: unknown): Record<string, unknown> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new AppError("MALFORMED_REQUEST");
  return raw as Record<string, unknown>;
}

/** A trimmed string of at most `max` characters ("" when absent or not a string). */
export const textOf = (v: unknown, max = 300): string =>
  typeof v === "string" ? v.slice(0, max).trim() : "";

/** The normalised fiscal code; its problem, if any, pushed onto `fields`. */
export function fiscalCodeField(raw: unknown, today: string, fields: FieldError[]): string {
  const fiscalCode = normalizeFiscalCode(textOf(raw, 40));
  if (fiscalCode === "") fields.push({ field: "fiscalCode", code: "required" });
  else {
    const parsed = parseFiscalCode(fiscalCode, today);
    if (!parsed.ok) fields.push({ field: "fiscalCode", code: `fiscal_code_${parsed.error}` });
  }
  return fiscalCode;
}

export function throwIfInvalid(fields: readonly FieldError[]): void {
  if (fields.length > 0) throw new AppError("VALIDATION_FAILED", { fields: [...fields] });
}

/**
 * Validation of an online claim, shared by the JSON API and the web form: the shape
 * (claim-schema.ts), the policy refusals, and the cross-field rules (claim-rules.ts).
 */
import { AppError } from "../domain/errors.ts";
import { claimBodySchema, zodIssues, type ClaimInput } from "./claim-schema.ts";
import { partialCrossFieldIssues, refineClaim } from "./claim-rules.ts";

export {
  claimBodySchema,
  DOCUMENT_TYPES,
  KNOWN_CODES,
  type ClaimBody,
  type ClaimInput,
  type FieldIssue,
} from "./claim-schema.ts";

/**
 * Raw body → valid ClaimInput, or an AppError the HTTP layer renders: 400 when the body is
 * not an object at all, the policy refusals (residence in Italy, an Italian document) as soon
 * as the country fields are readable, otherwise 422 naming every bad field.
 */
export function validateClaim(raw: unknown, today: string): ClaimInput {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new AppError("MALFORMED_REQUEST");
  const parsed = claimBodySchema.safeParse(raw);
  const refusal = policyRefusal(raw);
  if (refusal !== null) throw refusal;
  if (!parsed.success) {
    // Name every bad field at once: the cross-field rules run on the parts that are readable.
    // One message per field, the first (an empty date is "required", not also "invalid").
    const seen = new Set<string>();
    const fields = zodIssues(parsed.error).filter((f) => !seen.has(f.field) && seen.add(f.field));
    const reported = new Set(fields.map((f) => f.field));
    throw new AppError("VALIDATION_FAILED", {
      fields: [...fields, ...partialCrossFieldIssues(raw, today, reported)],
    });
  }
  const refined = refineClaim(parsed.data, today);
  if (!refined.ok) throw new AppError("VALIDATION_FAILED", { fields: refined.issues });
  return refined.value;
}

function policyRefusal(raw: object): AppError | null {
  const residence = "residence" in raw ? raw.residence : undefined;
  const residenceCountry =
    typeof residence === "object" && residence !== null && "country" in residence
      ? residence.country
      : undefined;
  if (typeof residenceCountry === "string" && residenceCountry.trim().toUpperCase() === "IT") {
    return new AppError("RESIDENT_IN_ITALY", {
      fields: [{ field: "residence.country", code: "resident_in_italy" }],
    });
  }
  const doc = "document" in raw ? raw.document : undefined;
  const docCountry =
    typeof doc === "object" && doc !== null && "issuingCountry" in doc
      ? doc.issuingCountry
      : undefined;
  if (typeof docCountry === "string" && docCountry.trim().toUpperCase() === "IT") {
    return new AppError("ITALIAN_DOCUMENT_DECLARED", {
      fields: [{ field: "document.issuingCountry", code: "italian_document" }],
    });
  }
  return null;
}

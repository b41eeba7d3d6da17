/**
 * Form MV35's input as the clerk typed it (every bad field named at once) and who may get a PIN
 * at the desk (the archive's facts and the dated policy, as for the online claim).
 */
import { mayClaimNewPin, romeDate } from "../../domain/eligibility.ts";
import { AppError, type FieldError } from "../../domain/errors.ts";
import { normalizeMobile } from "../../domain/phone.ts";
import type { ArchiveIdentity } from "../ports.ts";
import { checkedDocument, failIfAny, reasonOr, type CheckedDocument } from "./desk-common.ts";
import { staffFiscalCode, type RecordReason } from "./record.ts";

export interface Mv35Input {
  fiscalCode: string;
  document: CheckedDocument;
  mobile: string;
  email: string;
  reason: RecordReason;
  requestKey: string | null;
  lang: "it" | "en";
}

/** The MV35 body checked; VALIDATION_FAILED naming every bad field at once. */
export function validateMv35(raw: unknown, now: Date): Mv35Input {
  const o = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const fields: FieldError[] = [];
  const today = romeDate(now);
  // In person only: the clerk confirms no delegate stands for the applicant.
  if (o.applicantPresent !== true)
    fields.push({ field: "applicantPresent", code: "applicant_present_required" });
  let fiscalCode = "";
  try {
    fiscalCode = staffFiscalCode(o.fiscalCode, now);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    fields.push(...err.fields);
  }
  const document = checkedDocument(o.document, today, fields);
  const mobileRaw = typeof o.mobile === "string" ? o.mobile.trim() : "";
  const phone = normalizeMobile(mobileRaw);
  if (mobileRaw === "") fields.push({ field: "mobile", code: "required" });
  else if (!phone.ok)
    fields.push({
      field: "mobile",
      code: phone.error === "not_mobile" ? "not_mobile" : "invalid_phone",
    });
  const email = typeof o.email === "string" ? o.email.trim().toLowerCase() : "";
  if (email === "") fields.push({ field: "email", code: "required" });
  else if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(email))
    fields.push({ field: "email", code: "invalid_email" });
  const reason =
    o.reason === undefined || o.reason === null
      ? { kind: "desk_visit" as const, ref: "MV35" }
      : reasonOr(o.reason, fields);
  const key = typeof o.requestKey === "string" ? o.requestKey.trim() : "";
  failIfAny(fields);
  if (document === null || reason === null || !phone.ok) throw new Error("unreachable");
  return {
    fiscalCode,
    document,
    mobile: phone.e164,
    email,
    reason,
    requestKey: /^[A-Za-z0-9_-]{16,64}$/u.test(key) ? key : null,
    lang: o.lang === "en" ? "en" : "it",
  };
}

/** Why a person may not get a PIN at the desk: the archive's facts and the dated policy. */
export function eligibilityProblems(person: ArchiveIdentity | null, today: string): string[] {
  if (person === null) return ["fiscal_code_unknown"];
  const residentAbroad = person.residence.country !== "IT";
  const reasons: string[] = [];
  if (!residentAbroad) reasons.push("residence_in_italy_on_file");
  if (person.italianIdOnFile) reasons.push("italian_id_on_file");
  if (!mayClaimNewPin(today, { residentAbroad, italianIdOnFile: person.italianIdOnFile }))
    reasons.push("not_eligible_on_date");
  return reasons;
}

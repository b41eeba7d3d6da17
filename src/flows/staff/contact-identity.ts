/**
 * Contact centre: the identity check of a caller, before any action for them (issue 7).
 *
 *   {fiscalCode, reason, answers} ──malformed──▶ 422 naming the fields
 *     ──3 failed checks for this fiscal code in 24 h──▶ 429 IDENTITY_CHECKS_EXHAUSTED (audited)
 *     ──answers compared with the archive──▶ {checkId, passed} (audited `identity.checked`,
 *           the questions asked, never the answers)
 *
 * A passed check is a row: valid 30 minutes, for the agent who made it and that fiscal code
 * only. Every later action for the caller names it (`checkId`) and is refused without it
 * (403 IDENTITY_CHECK_REQUIRED), inside the action's own transaction.
 */
import type { Acting } from "../../domain/actor.ts";
import { isCountryCode } from "../../domain/address.ts";
import { checkIdentityAnswers, type IdentityAnswers } from "../../domain/contact-identity.ts";
import { AppError, type FieldError } from "../../domain/errors.ts";
import { isUuid } from "../../domain/ids.ts";
import type { StaffMember } from "../../domain/staff.ts";
import type { BaseDeps } from "../deps.ts";
import { bodyObject, fiscalCodeField, textOf, throwIfInvalid } from "../fields.ts";
import type { PassedCheck } from "../ports-contact.ts";
import type { Repos } from "../ports.ts";
import { romeDate } from "../../domain/eligibility.ts";
import { parseRecordReason } from "./record.ts";

export const IDENTITY_CHECK_SECONDS = 30 * 60;
export const FAILED_CHECKS_PER_DAY = 3;

export type ContactDeps = BaseDeps & { newId: () => string };

const CONTROL = /[\p{Cc}\p{Cs}]/u;

function answerText(v: unknown, field: string, max: number, fields: FieldError[]): string {
  const s = textOf(v, max + 1);
  if (s === "") fields.push({ field, code: "required" });
  else if (s.length > max) fields.push({ field, code: "too_long" });
  else if (CONTROL.test(s)) fields.push({ field, code: "invalid" });
  return s;
}

function parseAnswers(raw: unknown, fields: FieldError[]): IdentityAnswers {
  const a = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const birthDate = textOf(a.birthDate, 20);
  if (birthDate === "") fields.push({ field: "answers.birthDate", code: "required" });
  else if (
    !/^\d{4}-\d{2}-\d{2}$/u.test(birthDate) ||
    new Date(`${birthDate}T00:00:00Z`).toISOString().slice(0, 10) !== birthDate
  )
    fields.push({ field: "answers.birthDate", code: "invalid_date" });
  const birthPlace = answerText(a.birthPlace, "answers.birthPlace", 80, fields);
  const ad = typeof a.address === "object" && a.address !== null ? a.address : {};
  const get = (k: string) => (ad as Record<string, unknown>)[k];
  const line1 = answerText(get("line1"), "answers.address.line1", 120, fields);
  const city = answerText(get("city"), "answers.address.city", 80, fields);
  const country = textOf(get("country"), 4).toUpperCase();
  if (country === "") fields.push({ field: "answers.address.country", code: "required" });
  else if (!isCountryCode(country))
    fields.push({ field: "answers.address.country", code: "invalid_country" });
  const postalCode = textOf(get("postalCode"), 20);
  const line2 = textOf(get("line2"), 120);
  const card = textOf(a.healthCardNumber, 40).replace(/[\s-]/gu, "");
  if (card !== "" && !/^\d{20}$/u.test(card))
    fields.push({ field: "answers.healthCardNumber", code: "health_card_number" });
  return {
    birthDate,
    birthPlace,
    address: { line1, ...(line2 === "" ? {} : { line2 }), city, postalCode, country },
    healthCardNumber: card === "" ? undefined : card,
  };
}

export interface IdentityCheckResult {
  checkId: string;
  passed: boolean;
  /** Until when a passed check lets the agent act for the caller (null when failed). */
  expiresAt: string | null;
  fiscalCode: string;
}

export async function checkCallerIdentity(
  deps: ContactDeps,
  req: { by: Acting; member: StaffMember; body: unknown },
): Promise<IdentityCheckResult> {
  const body = bodyObject(req.body);
  const now = deps.clock.now();
  const fields: FieldError[] = [];
  const fiscalCode = fiscalCodeField(body.fiscalCode, romeDate(now), fields);
  const answers = parseAnswers(body.answers, fields);
  throwIfInvalid(fields);
  const reason = parseRecordReason(body.reason);
  const person = await deps.uow.direct.archive.findPerson(fiscalCode);
  const verdict = checkIdentityAnswers(answers, person);
  const checkId = deps.newId();
  const expiresAt = new Date(now.getTime() + IDENTITY_CHECK_SECONDS * 1000);
  const acting = { actor: req.by.actor, origin: req.by.origin, subject: fiscalCode };
  const failures = await deps.uow.run(async (r) => {
    const since = new Date(now.getTime() - 86_400_000);
    const failed = await r.contactCentre.failedChecksSince(fiscalCode, since);
    if (failed >= FAILED_CHECKS_PER_DAY) {
      r.audit.record({
        type: "identity.check_refused",
        outcome: "refused",
        ...acting,
        details: { reason: "too_many_failures", failures: failed },
      });
      return failed;
    }
    await r.contactCentre.insertCheck({
      id: checkId,
      staffId: req.member.id,
      fiscalCode,
      passed: verdict.passed,
      questions: verdict.questions,
      reasonKind: reason.kind,
      reasonRef: reason.ref,
      createdAt: now,
      expiresAt,
    });
    r.audit.record({
      type: "identity.checked",
      outcome: verdict.passed ? "success" : "failure",
      ...acting,
      details: {
        checkId,
        passed: verdict.passed,
        method: "archive_questions",
        questions: verdict.questions,
        reason: reason.kind,
        ref: reason.ref,
      },
    });
    return null;
  });
  if (failures !== null) throw new AppError("IDENTITY_CHECKS_EXHAUSTED");
  return {
    checkId,
    passed: verdict.passed,
    expiresAt: verdict.passed ? expiresAt.toISOString() : null,
    fiscalCode,
  };
}

/**
 * The agent's passed, unexpired check named by `checkId` (for `fiscalCode` when given), read
 * in the action's transaction; IDENTITY_CHECK_REQUIRED otherwise.
 */
export async function requirePassedCheck(
  r: Pick<Repos, "contactCentre">,
  member: StaffMember,
  checkId: unknown,
  now: Date,
  fiscalCode?: string,
): Promise<PassedCheck> {
  const id = typeof checkId === "string" ? checkId.trim().toLowerCase() : "";
  const check = isUuid(id) ? await r.contactCentre.passedCheck(id, member.id, now) : null;
  if (check === null || (fiscalCode !== undefined && check.fiscalCode !== fiscalCode))
    throw new AppError("IDENTITY_CHECK_REQUIRED");
  return check;
}

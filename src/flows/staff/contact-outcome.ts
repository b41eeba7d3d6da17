/**
 * Contact centre, the outcome of a verification call (only the agent holding the claim's lease):
 *
 *   validated ──no archive record, or not eligible on file──▶ 409 CLAIM_NOT_ISSUABLE
 *             ──a PIN already active──▶ 409 PIN_ALREADY_ACTIVE
 *             └──▶ issued as online: ordinary, first half by the claimant's chosen SMS/e-mail,
 *                   second half by letter to the residence on file (issueInitialPin)
 *   rejected (reason required) ──▶ closed, the claimant told by e-mail (SMS without e-mail)
 *   no_answer ──▶ due again at 08:00 of the next working day; the third call without an answer
 *             (three different working days, since a claim is due at most once a day) closes it
 *             as `unreachable` and the claimant is told
 *   Each outcome is audited `verification.outcome` {claimId, outcome, attempt}, the person as
 *   subject, in the same transaction.
 */
import type { Acting } from "../../domain/actor.ts";
import { nextWorkingDayOpening } from "../../domain/contact-hours.ts";
import { mayClaimNewPin, romeDate } from "../../domain/eligibility.ts";
import { AppError, type FieldError } from "../../domain/errors.ts";
import { isUuid } from "../../domain/ids.ts";
import { generatePin, INITIAL_PIN_LENGTH } from "../../domain/pin.ts";
import type { StaffMember } from "../../domain/staff.ts";
import type { PinIssuingDeps } from "../deps.ts";
import { bodyObject, throwIfInvalid } from "../fields.ts";
import { claimReference, hashInitialPin, issueInitialPin } from "../initial-pin.ts";
import type { VerificationClaim } from "../ports-contact.ts";
import type { Repos } from "../ports.ts";
import { MAX_CALL_ATTEMPTS } from "./contact-queue.ts";

export const CALL_OUTCOMES = ["validated", "rejected", "no_answer"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export interface OutcomeResult {
  claimId: string;
  outcome: CallOutcome | "unreachable";
  attempt: number;
  /** When a no-answer claim is due again (null otherwise). */
  nextCallAt: string | null;
}

const CONTROL = /[\p{Cc}\p{Cs}]/u;

function parseOutcome(raw: unknown): { outcome: CallOutcome; reason: string | null } {
  const body = bodyObject(raw);
  const fields: FieldError[] = [];
  const outcome = CALL_OUTCOMES.find((o) => o === body.outcome);
  if (outcome === undefined) fields.push({ field: "outcome", code: "invalid" });
  const reason = typeof body.reason === "string" ? body.reason.trim().slice(0, 501) : "";
  if (outcome === "rejected" && reason === "") fields.push({ field: "reason", code: "required" });
  else if (reason.length > 500) fields.push({ field: "reason", code: "too_long" });
  else if (/[\p{Cs}]/u.test(reason) || CONTROL.test(reason.replace(/[\r\n]/gu, " ")))
    fields.push({ field: "reason", code: "invalid" });
  throwIfInvalid(fields);
  return { outcome: outcome ?? "no_answer", reason: reason === "" ? null : reason };
}

/** The claimant's contact for a notice: the e-mail typed, else the mobile. */
function noticeTarget(
  declared: Record<string, unknown>,
): { channel: "email"; recipient: string } | { channel: "sms"; recipient: string } | null {
  if (typeof declared.email === "string" && declared.email !== "")
    return { channel: "email", recipient: declared.email };
  if (typeof declared.mobile === "string" && declared.mobile !== "")
    return { channel: "sms", recipient: declared.mobile };
  return null;
}

export async function recordCallOutcome(
  deps: PinIssuingDeps,
  req: { by: Acting; member: StaffMember; claimId: unknown; body: unknown },
): Promise<OutcomeResult> {
  const { outcome, reason } = parseOutcome(req.body);
  const claimId = typeof req.claimId === "string" ? req.claimId.toLowerCase() : "";
  if (!isUuid(claimId)) throw new AppError("NOT_FOUND");
  const now = deps.clock.now();
  // The PIN's hashes before the transaction: no row lock held during argon2id.
  const pin = outcome === "validated" ? generatePin(INITIAL_PIN_LENGTH, deps.randomBytes) : null;
  const hashes = pin === null ? null : await hashInitialPin(deps.hasher, pin);
  return deps.uow.run(async (r) => {
    const c = await r.contactCentre.lockClaim(claimId);
    if (c === null) throw new AppError("NOT_FOUND");
    if (
      c.status !== "under_verification" ||
      c.leaseStaffId !== req.member.id ||
      c.leaseUntil === null ||
      c.leaseUntil.getTime() <= now.getTime()
    )
      throw new AppError("VERIFICATION_NOT_LEASED");
    const attempt = c.attempts + 1;
    const today = romeDate(now);
    const declared = (c.declared ?? {}) as Record<string, unknown>;
    const acting = { actor: req.by.actor, origin: req.by.origin, subject: c.fiscalCode };
    const decided = { reason, staffId: req.member.id, today, now };
    let final: OutcomeResult["outcome"] = outcome;
    let nextCallAt: Date | null = null;
    if (outcome === "validated" && pin !== null && hashes !== null) {
      await validate(deps, r, c, declared, pin, hashes, now, acting);
      await r.contactCentre.decide(c.id, "issued", { ...decided, attempts: attempt });
      for (const id of await r.claims.supersedePending(c.fiscalCode, c.id, now))
        r.audit.record({
          type: "claim.superseded",
          outcome: "success",
          ...acting,
          details: { claimId: id, supersededBy: c.id },
        });
    } else if (outcome === "rejected") {
      await r.contactCentre.decide(c.id, "rejected", { ...decided, attempts: attempt });
      await tell(deps, r, c, declared, { kind: "claim_rejected", reason: reason ?? "" }, now);
    } else if (attempt >= MAX_CALL_ATTEMPTS) {
      final = "unreachable";
      await r.contactCentre.decide(c.id, "unreachable", { ...decided, attempts: attempt });
      await tell(deps, r, c, declared, { kind: "claim_unreachable" }, now);
    } else {
      nextCallAt = nextWorkingDayOpening(now);
      await r.contactCentre.markNoAnswer(c.id, attempt, nextCallAt, today);
    }
    r.audit.record({
      type: "verification.outcome",
      outcome: "success",
      ...acting,
      details: { claimId: c.id, outcome: final, attempt },
    });
    return {
      claimId: c.id,
      outcome: final,
      attempt,
      nextCallAt: nextCallAt?.toISOString() ?? null,
    };
  });
}

async function validate(
  deps: PinIssuingDeps,
  r: Repos,
  c: VerificationClaim,
  declared: Record<string, unknown>,
  pin: string,
  hashes: Awaited<ReturnType<typeof hashInitialPin>>,
  now: Date,
  acting: { actor: Acting["actor"]; origin: Acting["origin"]; subject: string },
): Promise<void> {
  const person = await r.archive.findPerson(c.fiscalCode);
  // The letter goes to the residence on file only, and the policy is the archive's.
  if (
    person === null ||
    !mayClaimNewPin(romeDate(now), {
      residentAbroad: person.residence.country !== "IT",
      italianIdOnFile: person.italianIdOnFile,
    })
  )
    throw new AppError("CLAIM_NOT_ISSUABLE");
  if ((await r.credentials.active(c.fiscalCode)) !== null) throw new AppError("PIN_ALREADY_ACTIVE");
  const mobile = typeof declared.mobile === "string" ? declared.mobile : null;
  const email = typeof declared.email === "string" ? declared.email : null;
  const recipient = c.delivery === "sms" ? mobile : email;
  if (recipient === null) throw new AppError("CLAIM_NOT_ISSUABLE");
  await r.accounts.upsertContacts(c.fiscalCode, { mobile, email, pec: null, lang: c.lang }, now);
  await issueInitialPin(deps, r, {
    fiscalCode: c.fiscalCode,
    person,
    claimId: c.id,
    level: "ordinary",
    delivery: c.delivery,
    recipient,
    lang: c.lang,
    pin,
    hashes,
    now,
  });
  r.audit.record({
    type: "claim.issued",
    outcome: "success",
    ...acting,
    details: { claimId: c.id, delivery: c.delivery },
  });
}

async function tell(
  deps: PinIssuingDeps,
  r: Repos,
  c: VerificationClaim,
  declared: Record<string, unknown>,
  m: { kind: "claim_rejected"; reason: string } | { kind: "claim_unreachable" },
  now: Date,
): Promise<void> {
  const to = noticeTarget(declared);
  if (to === null) return;
  const claimRef = claimReference(c.id);
  if (m.kind === "claim_rejected")
    await r.outbox.enqueue(
      {
        id: deps.newId(),
        kind: "claim_rejected",
        ...to,
        payload: { lang: c.lang, claimReference: claimRef, reason: m.reason },
      },
      now,
    );
  else
    await r.outbox.enqueue(
      {
        id: deps.newId(),
        kind: "claim_unreachable",
        ...to,
        payload: { lang: c.lang, claimReference: claimRef },
      },
      now,
    );
}

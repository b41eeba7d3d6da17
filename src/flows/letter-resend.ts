/**
 * "The letter never arrived" (issue 6 §2): whoever holds an initial PIN's first half (the SMS
 * or e-mail) may ask for a new initial PIN once the letter is overdue (LETTER_OVERDUE_DAYS
 * after issue). Both halves are issued afresh — the first by the claim's channel and contact,
 * the second by letter to the residence on file — and the old initial PIN stops working. At
 * most 3 resends per 90 days per person.
 *
 * Every well-formed request answers 202 {"status":"received"} and does the same work (one
 * argon2id verify, dummy when there is nothing to check, and the two hashes of a new PIN), so
 * neither the answer nor its time tells whether the fiscal code exists, the half was right,
 * the letter overdue or the limit reached. Why it was refused is in the audit trail only.
 */
import type { Acting } from "../domain/actor.ts";
import { romeDate } from "../domain/eligibility.ts";
import { ConflictError, type FieldError } from "../domain/errors.ts";
import {
  generatePin,
  INITIAL_PIN_LENGTH,
  isPinShaped,
  normalizePinInput,
  OPERATING_PIN_LENGTH,
} from "../domain/pin.ts";
import type { PinHasher } from "../security/hasher.ts";
import type { LimitsDeps, PinIssuingDeps } from "./deps.ts";
import { hashInitialPin, issueInitialPin, type InitialPinHashes } from "./initial-pin.ts";
import type { Credential } from "./ports.ts";
import { enforceLimit, withinDirectLimit } from "./rate-limit.ts";
import { paced } from "./pacing.ts";
import { bodyObject, fiscalCodeField, textOf, throwIfInvalid } from "./fields.ts";

export type LetterResendDeps = Omit<PinIssuingDeps, "hasher"> &
  LimitsDeps & {
    hasher: Pick<PinHasher, "hash" | "verify" | "verifyDummy">;
    config: { letterOverdueDays: number; answerFloorMs: number };
  };

export const RESENDS_PER_WINDOW = 3;
export const RESEND_WINDOW_DAYS = 90;

const RECEIVED = { status: "received" } as const;

export type LetterResendRefusal =
  "no_initial_pin" | "wrong_first_half" | "not_overdue" | "too_many";

export function resendLetter(
  deps: LetterResendDeps,
  req: { by: Acting; body: unknown },
): Promise<typeof RECEIVED> {
  return paced(deps.config.answerFloorMs, () => resend(deps, req));
}

async function resend(
  deps: LetterResendDeps,
  req: { by: Acting; body: unknown },
): Promise<typeof RECEIVED> {
  await enforceLimit(deps, req.by, "letter_resend_source", req.by.origin.ip);
  const now = deps.clock.now();
  const input = validate(req.body, romeDate(now));
  const fc = input.fiscalCode;
  // Past the limit per fiscal code the answer stays the same (a 429 would let a stranger keep
  // the holder out and tell when someone last tried); nothing is checked, so guessing halves
  // stays bounded.
  if (!(await withinDirectLimit(deps, req.by, "letter_resend_subject", fc))) {
    await deps.uow.run(async (r) => {
      r.audit.record({
        type: "letter_resend.refused",
        outcome: "refused",
        actor: req.by.actor,
        origin: req.by.origin,
        subject: fc,
        details: { reason: "rate_limited" },
      });
    });
    return RECEIVED;
  }
  const credential = await deps.uow.direct.credentials.active(fc);
  const resendable =
    credential !== null &&
    credential.kind === "initial" &&
    credential.claimId !== null &&
    credential.firstHalfHash !== null
      ? credential
      : null;
  // The same work whatever the case: a verify and the hashes of a new PIN.
  const [halfOk, pin] = await Promise.all([
    resendable?.firstHalfHash != null
      ? deps.hasher.verify(resendable.firstHalfHash, input.firstHalf)
      : deps.hasher.verifyDummy(input.firstHalf),
    Promise.resolve(generatePin(INITIAL_PIN_LENGTH, deps.randomBytes)),
  ]);
  const hashes = await hashInitialPin(deps.hasher, pin);
  const acting = { actor: req.by.actor, origin: req.by.origin, subject: fc };
  await deps.uow
    .run(async (r) => {
      const refusal = await refusalOf(deps, resendable, halfOk, now, (since) =>
        r.claims.resendsSince(fc, since),
      );
      if (refusal !== null || resendable?.claimId == null) {
        r.audit.record({
          type: "letter_resend.refused",
          outcome: "refused",
          ...acting,
          details: { reason: refusal ?? "no_initial_pin" },
        });
        return;
      }
      await issue(deps, r, resendable, resendable.claimId, pin, hashes, now, acting);
    })
    .catch((err: unknown) => {
      // The PIN changed meanwhile (activated, recovered): nothing to resend, same answer.
      if (!(err instanceof ConflictError)) throw err;
    });
  return RECEIVED;
}

async function refusalOf(
  deps: LetterResendDeps,
  c: Credential | null,
  halfOk: boolean,
  now: Date,
  resendsSince: (since: Date) => Promise<number>,
): Promise<LetterResendRefusal | null> {
  if (c === null) return "no_initial_pin";
  if (!halfOk) return "wrong_first_half";
  if (now.getTime() < c.setAt.getTime() + deps.config.letterOverdueDays * 86_400_000)
    return "not_overdue";
  const since = new Date(now.getTime() - RESEND_WINDOW_DAYS * 86_400_000);
  if ((await resendsSince(since)) >= RESENDS_PER_WINDOW) return "too_many";
  return null;
}

async function issue(
  deps: LetterResendDeps,
  r: Parameters<Parameters<LetterResendDeps["uow"]["run"]>[0]>[0],
  old: Credential,
  claimId: string,
  pin: string,
  hashes: InitialPinHashes,
  now: Date,
  acting: { actor: Acting["actor"]; origin: Acting["origin"]; subject: string },
): Promise<void> {
  const fc = old.fiscalCode;
  const [claim, person, contacts] = await Promise.all([
    r.claims.summary(claimId),
    r.archive.findPerson(fc),
    r.accounts.contacts(fc),
  ]);
  if (claim === null || person === null || claim.destination === null)
    throw new ConflictError("the claim of the PIN is gone");
  const level = await r.credentials.end(old.id, "superseded", now);
  if (level === null) throw new ConflictError("the PIN changed during the resend");
  await issueInitialPin(deps, r, {
    fiscalCode: fc,
    person,
    claimId,
    level,
    delivery: claim.delivery,
    recipient: claim.destination,
    lang: contacts?.lang ?? "it",
    pin,
    hashes,
    now,
  });
  await r.claims.recordResend(fc, old.id, now);
  r.audit.record({
    type: "letter_resend.issued",
    outcome: "success",
    ...acting,
    details: { claimId, delivery: claim.delivery },
  });
}

function validate(raw: unknown, today: string): { fiscalCode: string; firstHalf: string } {
  const body = bodyObject(raw);
  const fields: FieldError[] = [];
  const fiscalCode = fiscalCodeField(body.fiscalCode, today, fields);
  const firstHalf = normalizePinInput(textOf(body.firstHalf, 40));
  if (firstHalf === "") fields.push({ field: "firstHalf", code: "required" });
  else if (!isPinShaped(firstHalf, OPERATING_PIN_LENGTH))
    fields.push({ field: "firstHalf", code: "first_half_shape" });
  throwIfInvalid(fields);
  return { fiscalCode, firstHalf };
}

/** The contact centre resends by phone, the identity check standing in for the first half. */
export { issue as reissueInitialPin, refusalOf as letterResendRefusal };

/**
 * Contact centre, actions for a caller whose identity the agent checked (`checkId`, see
 * contact-identity.ts; without it 403 IDENTITY_CHECK_REQUIRED). Each reuses the citizen
 * flow's own transaction and is audited with the person as subject:
 *
 *   add a contact   only a kind not registered yet, and only when at least one is registered
 *                   (seed: "se si è già fornito almeno un riferimento…"); the registered contacts
 *                   are told (`contact.added`). Replacing one stays online, with its code.
 *   revoke the PIN  revocation.ts's revoking transaction (`pin.revoked`; 409 NO_ACTIVE_PIN)
 *   lift a lock     lift-lockout.ts (`lock.lifted`)
 *   resend letter   letter-resend.ts's reissue, the check standing in for the first half: the
 *                   same rules (an unused initial PIN, letter overdue, 3 per 90 days), refused
 *                   with its reason (409 LETTER_RESEND_REFUSED, audited `letter_resend.refused`)
 */
import type { Acting } from "../../domain/actor.ts";
import { AppError, ConflictError } from "../../domain/errors.ts";
import { generatePin, INITIAL_PIN_LENGTH } from "../../domain/pin.ts";
import type { StaffMember } from "../../domain/staff.ts";
import { CONTACT_KINDS, validateContact } from "../contacts.ts";
import { bodyObject } from "../fields.ts";
import { hashInitialPin } from "../initial-pin.ts";
import {
  letterResendRefusal,
  reissueInitialPin,
  type LetterResendDeps,
  type LetterResendRefusal,
} from "../letter-resend.ts";
import { liftLockout } from "../lift-lockout.ts";
import type { ContactKind } from "../ports.ts";
import { revokeActivePin } from "../revocation.ts";
import { requirePassedCheck } from "./contact-identity.ts";

type CallerRequest = { by: Acting; member: StaffMember; body: unknown };

const CHANNEL = { mobile: "sms", email: "email", pec: "pec" } as const;

export async function addCallerContact(
  deps: LetterResendDeps,
  req: CallerRequest,
): Promise<{ kind: ContactKind; noticesSent: number }> {
  const body = bodyObject(req.body);
  const { kind, value } = validateContact(body);
  const now = deps.clock.now();
  return deps.uow.run(async (r) => {
    const check = await requirePassedCheck(r, req.member, body.checkId, now);
    const fc = check.fiscalCode;
    const contacts = await r.accounts.contacts(fc);
    const registered = CONTACT_KINDS.filter((k) => contacts !== null && contacts[k] !== null);
    if (contacts === null || registered.length === 0) throw new AppError("NO_CONTACT_REGISTERED");
    if (contacts[kind] !== null) throw new AppError("CONTACT_ALREADY_REGISTERED");
    await r.contacts.set(fc, kind, value, now);
    for (const k of registered) {
      const recipient = contacts[k];
      if (recipient === null) continue;
      await r.outbox.enqueue(
        {
          id: deps.newId(),
          kind: "contact_added",
          channel: CHANNEL[k],
          recipient,
          payload: { lang: contacts.lang, kind, at: now.toISOString() },
        },
        now,
      );
    }
    r.audit.record({
      type: "contact.added",
      outcome: "success",
      actor: req.by.actor,
      origin: req.by.origin,
      subject: fc,
      details: { kind, noticesSent: registered.length, checkId: check.id },
    });
    return { kind, noticesSent: registered.length };
  });
}

export async function revokeCallerPin(
  deps: LetterResendDeps,
  req: CallerRequest,
): Promise<{ status: "revoked" }> {
  const body = bodyObject(req.body);
  const now = deps.clock.now();
  const revoked = await deps.uow.run(async (r) => {
    const check = await requirePassedCheck(r, req.member, body.checkId, now);
    return revokeActivePin(
      deps,
      r,
      { actor: req.by.actor, origin: req.by.origin, subject: check.fiscalCode },
      now,
    );
  });
  if (!revoked) throw new AppError("NO_ACTIVE_PIN");
  return { status: "revoked" };
}

export async function liftCallerLockout(
  deps: LetterResendDeps,
  req: CallerRequest,
): Promise<{ status: "lifted" }> {
  const body = bodyObject(req.body);
  const check = await requirePassedCheck(
    deps.uow.direct,
    req.member,
    body.checkId,
    deps.clock.now(),
  );
  await liftLockout(deps, {
    by: req.by,
    fiscalCode: check.fiscalCode,
    reason: "identity_checked_by_phone",
  });
  return { status: "lifted" };
}

export async function resendCallerLetter(
  deps: LetterResendDeps,
  req: CallerRequest,
): Promise<{ status: "issued" }> {
  const body = bodyObject(req.body);
  const now = deps.clock.now();
  const first = await requirePassedCheck(deps.uow.direct, req.member, body.checkId, now);
  const fc = first.fiscalCode;
  const pin = generatePin(INITIAL_PIN_LENGTH, deps.randomBytes);
  const hashes = await hashInitialPin(deps.hasher, pin);
  const refusal = await deps.uow
    .run(async (r): Promise<LetterResendRefusal | null> => {
      await requirePassedCheck(r, req.member, body.checkId, now, fc);
      const acting = { actor: req.by.actor, origin: req.by.origin, subject: fc };
      const c = await r.credentials.active(fc);
      const resendable =
        c !== null && c.kind === "initial" && c.claimId !== null && c.firstHalfHash !== null
          ? c
          : null;
      const refused = await letterResendRefusal(deps, resendable, true, now, (since) =>
        r.claims.resendsSince(fc, since),
      );
      if (refused !== null || resendable?.claimId == null) {
        r.audit.record({
          type: "letter_resend.refused",
          outcome: "refused",
          ...acting,
          details: { reason: refused ?? "no_initial_pin" },
        });
        return refused ?? "no_initial_pin";
      }
      await reissueInitialPin(deps, r, resendable, resendable.claimId, pin, hashes, now, acting);
      return null;
    })
    .catch((err: unknown): LetterResendRefusal => {
      // The PIN changed meanwhile (activated, recovered): nothing to resend.
      if (err instanceof ConflictError) return "no_initial_pin";
      throw err;
    });
  if (refusal !== null) throw new AppError("LETTER_RESEND_REFUSED", { extra: { reason: refusal } });
  return { status: "issued" };
}

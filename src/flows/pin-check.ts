/**
 * Checks a PIN against the lockout rules (src/domain/lockout.ts), for a login and for every
 * other place a PIN is typed (the PIN card): one attempt is reserved on the right counter
 * (the known device's, else the fiscal code's shared one) before argon2id runs — against a
 * dummy hash when the fiscal code has no active PIN, so known and unknown codes cost the same
 * and answer the same. A wrong PIN is audited, and the failure that starts a lock tells the
 * holder (at most once a day). The caller records the success in its own transaction.
 */
import type { Acting } from "../domain/actor.ts";
import { AppError } from "../domain/errors.ts";
import { lockUntil, remainingAttempts, type AttemptVerdict } from "../domain/lockout.ts";
import { hmacHex } from "../security/crypto.ts";
import type { PinCheckDeps } from "./deps.ts";
import type { LoginCandidate, Repos } from "./ports.ts";

export type PinPurpose = "login" | "pin_card";

export interface PinCheckInput {
  by: Acting;
  fiscalCode: string;
  pin: string;
  /** A device id from a device cookie whose signature holds for this fiscal code. */
  deviceId: string | null;
  purpose: PinPurpose;
}

export interface PinCheckPass {
  credential: LoginCandidate;
  subjectKey: string;
  knownDevice: boolean;
  /** Counters a success resets (the device's and the shared one). */
  counterKeys: string[];
}

/** One notice a day at most, whatever the number of locks. */
export const LOCK_NOTICE_INTERVAL_SECONDS = 24 * 3600;

export function subjectKeyOf(deps: Pick<PinCheckDeps, "keys">, fiscalCode: string): string {
  return hmacHex(deps.keys.subject, fiscalCode);
}

export async function checkPin(deps: PinCheckDeps, input: PinCheckInput): Promise<PinCheckPass> {
  const subjectKey = subjectKeyOf(deps, input.fiscalCode);
  const reservation = await deps.uow.direct.throttle.reserve({
    subjectKey,
    deviceId: input.deviceId,
    fiscalCode: input.fiscalCode,
    now: deps.clock.now(),
  });
  const { verdict, knownDevice, counterKey } = reservation;
  if (verdict.kind !== "attempt") {
    await refuse(deps, input, verdict, knownDevice, subjectKey);
  }
  const cred = reservation.credential;
  let ok: boolean;
  try {
    ok =
      cred === null
        ? await deps.hasher.verifyDummy(input.pin)
        : await deps.hasher.verify(cred.pinHash, input.pin);
  } catch (err) {
    // No verdict (hash queue full: 503, or a failure): the attempt was counted in advance and
    // must be given back, or a login storm would lock out the people it delayed.
    await deps.uow.direct.throttle.release(counterKey);
    throw err;
  }
  if (ok && cred !== null) {
    return { credential: cred, subjectKey, knownDevice, counterKeys: [counterKey, subjectKey] };
  }
  const failuresBefore = verdict.kind === "attempt" ? verdict.failuresBefore : 0;
  const left = remainingAttempts(failuresBefore);
  await deps.uow.run(async (r) => {
    const now = deps.clock.now();
    const locked = await r.throttle.recordFailure(counterKey, failuresBefore, now);
    r.audit.record(
      input.purpose === "login"
        ? {
            type: "login.failed",
            outcome: "failure",
            actor: input.by.actor,
            origin: input.by.origin,
            subject: input.fiscalCode,
            details: { reason: "wrong_pin", remainingAttempts: left, knownDevice },
          }
        : {
            type: "pin_card.refused",
            outcome: "failure",
            actor: input.by.actor,
            origin: input.by.origin,
            subject: input.fiscalCode,
            details: { reason: "wrong_pin" },
          },
    );
    if (locked) {
      await lockStarted(deps, r, input, knownDevice, subjectKey, now);
    }
  });
  throw new AppError("INVALID_CREDENTIALS", { extra: { remainingAttempts: left } });
}

async function refuse(
  deps: PinCheckDeps,
  input: PinCheckInput,
  verdict: Exclude<AttemptVerdict, { kind: "attempt" }>,
  knownDevice: boolean,
  subjectKey: string,
): Promise<never> {
  const now = deps.clock.now();
  await deps.uow.run(async (r) => {
    const common = {
      actor: input.by.actor,
      origin: input.by.origin,
      subject: input.fiscalCode,
    };
    if (verdict.kind === "lock_started") {
      await lockStarted(deps, r, input, knownDevice, subjectKey, now);
    } else if (verdict.kind === "locked") {
      r.audit.record({
        type: "lock.restarted",
        outcome: "refused",
        ...common,
        details: { until: verdict.lockedUntil.toISOString(), knownDevice },
      });
    }
    const reason = verdict.kind === "suspended" ? "suspended" : "locked";
    r.audit.record(
      input.purpose === "login"
        ? { type: "login.refused", outcome: "refused", ...common, details: { reason, knownDevice } }
        : { type: "pin_card.refused", outcome: "refused", ...common, details: { reason } },
    );
  });
  if (verdict.kind === "suspended") throw new AppError("LOGIN_SUSPENDED");
  throw new AppError("PIN_LOCKED", {
    extra: {
      retryAfterSeconds: Math.ceil((verdict.lockedUntil.getTime() - now.getTime()) / 1000),
      lockedUntil: verdict.lockedUntil.toISOString(),
    },
  });
}

/** Audits the start of a lock and tells the holder, at most once a day. */
async function lockStarted(
  deps: PinCheckDeps,
  r: Repos,
  input: PinCheckInput,
  knownDevice: boolean,
  subjectKey: string,
  now: Date,
): Promise<void> {
  const until = lockUntil(now);
  r.audit.record({
    type: "lock.started",
    outcome: "refused",
    actor: input.by.actor,
    origin: input.by.origin,
    subject: input.fiscalCode,
    details: { until: until.toISOString(), knownDevice },
  });
  const contacts = await r.accounts.contacts(input.fiscalCode);
  const to =
    contacts?.email != null
      ? { channel: "email" as const, recipient: contacts.email }
      : contacts?.mobile != null
        ? { channel: "sms" as const, recipient: contacts.mobile }
        : null;
  if (to === null || contacts === null) return;
  if (!(await r.throttle.claimLockNotice(subjectKey, now, LOCK_NOTICE_INTERVAL_SECONDS))) return;
  await r.outbox.enqueue(
    {
      id: deps.newId(),
      kind: "pin_locked",
      ...to,
      payload: { lang: contacts.lang, lockedAt: now.toISOString() },
    },
    now,
  );
  r.audit.record({
    type: "lock.notified",
    outcome: "success",
    actor: { kind: "system", name: "lockout" },
    origin: input.by.origin,
    subject: input.fiscalCode,
    details: { channel: to.channel },
  });
}

/**
 * Checks a PIN against the lockout rules (src/domain/lockout.ts), for a login and for every
 * other place a PIN is typed (the PIN card): one attempt is reserved on the right counter
 * (the known device's, else the fiscal code's shared one) before argon2id runs — against a
 * dummy hash when the fiscal code has no active PIN, so known and unknown codes cost the same
 * and answer the same. A wrong PIN is audited, and the failure that starts a lock tells the
 * holder (at most once a day). The caller records the success in its own transaction.
 */
import type { Acting } from "../domain/actor.ts";
import type { AuditRecord } from "../domain/audit.ts";
import { AppError } from "../domain/errors.ts";
import { lockUntil, remainingAttempts, type AttemptVerdict } from "../domain/lockout.ts";
import type { LimiterName } from "../domain/rate-limits.ts";
import { hmacHex } from "../security/crypto.ts";
import type { PinCheckDeps } from "./deps.ts";
import type { LoginCandidate, Repos } from "./ports.ts";
import { limitKeyOf, refuseOverLimit } from "./rate-limit.ts";

export type PinPurpose = "login" | "pin_card" | "reauth";

export interface PinCheckInput {
  by: Acting;
  fiscalCode: string;
  pin: string;
  /** A device id from a device cookie whose signature holds for this fiscal code. */
  deviceId: string | null;
  purpose: PinPurpose;
  /** The rate limit a PIN typed here counts on (checked first; over it, no attempt counted). */
  limit: { name: LimiterName; value: string };
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

export function subjectKeyOf(
  deps: { keys: Pick<PinCheckDeps["keys"], "subject"> },
  fiscalCode: string,
): string {
  return hmacHex(deps.keys.subject, fiscalCode);
}

export async function checkPin(deps: PinCheckDeps, input: PinCheckInput): Promise<PinCheckPass> {
  const subjectKey = subjectKeyOf(deps, input.fiscalCode);
  const target = {
    subjectKey,
    deviceId: input.deviceId,
    fiscalCode: input.fiscalCode,
    now: deps.clock.now(),
  };
  // The common case — within the rate limit, an attempt — is one statement. An attempt that
  // would be refused changed nothing and is reserved again in a transaction with its audit
  // events (and the lock notice): a lock started or restarted is never left unrecorded.
  // (Meanwhile it may have become an attempt.)
  const { name, value } = input.limit;
  const first = await deps.uow.direct.throttle.tryReserve(target, {
    name,
    key: limitKeyOf(deps, name, value),
    limit: deps.limits[name],
  });
  await refuseOverLimit(deps, input.by, name, first.limit);
  const reservation =
    first.reservation ??
    (await deps.uow.run(async (r) => {
      const res = await r.throttle.reserve({ ...target, now: deps.clock.now() });
      if (res.verdict.kind !== "attempt")
        await recordRefusal(deps, r, input, res.verdict, res.knownDevice, subjectKey);
      return res;
    }));
  const { verdict, knownDevice, counterKey } = reservation;
  if (verdict.kind !== "attempt") throw refusal(verdict, deps.clock.now());
  const cred = reservation.credential;
  // No active PIN: the last revoked one, if any, takes the dummy's place (same cost, read in the
  // reservation), so that its holder learns it was revoked — only with the right PIN.
  const revokedHash = cred === null ? reservation.revokedHash : null;
  let ok: boolean;
  try {
    ok =
      cred !== null
        ? await deps.hasher.verify(cred.pinHash, input.pin)
        : revokedHash !== null
          ? await deps.hasher.verify(revokedHash, input.pin)
          : await deps.hasher.verifyDummy(input.pin);
  } catch (err) {
    // No verdict (hash queue full: 503, or a failure): the attempt was counted in advance and
    // must be given back, or a login storm would lock out the people it delayed.
    await deps.uow.direct.throttle.release(counterKey);
    throw err;
  }
  if (ok && cred !== null) {
    return { credential: cred, subjectKey, knownDevice, counterKeys: [counterKey, subjectKey] };
  }
  if (ok) {
    // Not a failed attempt: the attempt counted in advance is given back.
    await deps.uow.direct.throttle.release(counterKey);
    await deps.uow.run(async (r) => {
      r.audit.record(pinEvent(input, "refused", "revoked", knownDevice));
    });
    throw new AppError("PIN_REVOKED");
  }
  const failuresBefore = verdict.failuresBefore;
  const left = remainingAttempts(failuresBefore);
  const now = deps.clock.now();
  const locked = await deps.uow.run(async (r) => {
    const started = await r.throttle.recordFailure(counterKey, failuresBefore, now);
    r.audit.record(pinEvent(input, "failure", "wrong_pin", knownDevice, left));
    if (started) await lockStarted(deps, r, input, knownDevice, subjectKey, now);
    return started;
  });
  // The wrong PIN that starts the lock says so, and until when (a retry now would restart it).
  throw new AppError("INVALID_CREDENTIALS", {
    extra: {
      remainingAttempts: left,
      ...(locked ? { lockedUntil: lockUntil(now).toISOString() } : {}),
    },
  });
}

async function recordRefusal(
  deps: PinCheckDeps,
  r: Repos,
  input: PinCheckInput,
  verdict: Exclude<AttemptVerdict, { kind: "attempt" }>,
  knownDevice: boolean,
  subjectKey: string,
): Promise<void> {
  const common = { actor: input.by.actor, origin: input.by.origin, subject: input.fiscalCode };
  if (verdict.kind === "lock_started") {
    await lockStarted(deps, r, input, knownDevice, subjectKey, deps.clock.now());
  } else if (verdict.kind === "locked") {
    r.audit.record({
      type: "lock.restarted",
      outcome: "refused",
      ...common,
      details: { until: verdict.lockedUntil.toISOString(), knownDevice },
    });
  }
  r.audit.record(
    pinEvent(input, "refused", verdict.kind === "suspended" ? "suspended" : "locked", knownDevice),
  );
}

/** The audit event of a PIN typed for `purpose` that did not pass. */
function pinEvent(
  input: PinCheckInput,
  outcome: "failure" | "refused",
  reason: "wrong_pin" | "locked" | "suspended" | "revoked",
  knownDevice: boolean,
  remaining = 0,
): AuditRecord {
  const common = {
    outcome,
    actor: input.by.actor,
    origin: input.by.origin,
    subject: input.fiscalCode,
  };
  if (input.purpose === "pin_card")
    return { type: "pin_card.refused", ...common, details: { reason } };
  if (input.purpose === "reauth") return { type: "reauth.refused", ...common, details: { reason } };
  return reason === "wrong_pin"
    ? {
        type: "login.failed",
        ...common,
        details: { reason, remainingAttempts: remaining, knownDevice },
      }
    : { type: "login.refused", ...common, details: { reason, knownDevice } };
}

function refusal(verdict: Exclude<AttemptVerdict, { kind: "attempt" }>, now: Date): AppError {
  if (verdict.kind === "suspended") return new AppError("LOGIN_SUSPENDED");
  return lockedError(verdict.lockedUntil, now);
}

/** PIN_LOCKED with until when (the page tells it in Rome time) and Retry-After. */
function lockedError(until: Date, now: Date): AppError {
  return new AppError("PIN_LOCKED", {
    extra: {
      retryAfterSeconds: Math.ceil((until.getTime() - now.getTime()) / 1000),
      lockedUntil: until.toISOString(),
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

/**
 * Login with fiscal code and PIN (SPEC.md "Credential rules", "Login").
 *
 *   reserve an attempt (locked? → 423, lock restarted) → verify argon2id (a dummy hash when
 *   the code has no active PIN, so unknown and known codes cost the same) →
 *     wrong → 401 (the 10th consecutive one locks for 5 minutes)
 *     right → count reset; initial PIN → session "pin_change_required";
 *             expired operating PIN → "renewal_required"; otherwise "authenticated".
 *   The same answers whether or not the fiscal code exists.
 */
import type { KeyObject } from "node:crypto";
import type { SessionPolicy } from "../auth/sessions.ts";
import { newSession } from "../auth/sessions.ts";
import {
  isPinExpired,
  LOCKOUT_SECONDS,
  LOCKOUT_THRESHOLD,
  type PinLevel,
} from "../domain/credential.ts";
import { mayUseExistingPin, romeDate } from "../domain/eligibility.ts";
import { AppError } from "../domain/errors.ts";
import { normalizeFiscalCode, parseFiscalCode } from "../domain/fiscal-code.ts";
import { isPinShaped, normalizePinInput } from "../domain/pin.ts";
import { hmacHex } from "../security/crypto.ts";
import type { PinHasher } from "../security/hasher.ts";
import { withCte } from "../store/db.ts";
import {
  attemptDecision,
  recordFailure,
  releaseAttempt,
  recordSuccess,
  recordSuccessStatement,
  reserveAttemptStatement,
} from "../store/repos/throttle.ts";
import type { SessionState } from "../store/repos/sessions.ts";
import type { BaseDeps } from "./deps.ts";

export interface LoginDeps extends BaseDeps {
  hasher: Pick<PinHasher, "verify" | "verifyDummy">;
  /** Keyed hash for lockout counters (HMAC with a key derived from the pepper). */
  throttleKey: KeyObject;
  sessions: SessionPolicy;
}

export interface LoginInput {
  fiscalCode: string;
  pin: string;
  userAgent: string | null;
}

export interface LoginResult {
  token: string;
  state: SessionState;
  level: PinLevel;
}

/** Shape checks that need no database: a typo is told at once and costs no attempt. */
export function validateLogin(raw: unknown, today: string): { fiscalCode: string; pin: string } {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new AppError("MALFORMED_REQUEST");
  const body = raw as Record<string, unknown>;
  const fields: { field: string; code: string }[] = [];
  const cfRaw = typeof body.fiscalCode === "string" ? body.fiscalCode : "";
  const pinRaw = typeof body.pin === "string" ? body.pin : "";
  const fiscalCode = normalizeFiscalCode(cfRaw.slice(0, 40));
  const pin = normalizePinInput(pinRaw.slice(0, 40));
  if (fiscalCode === "") fields.push({ field: "fiscalCode", code: "required" });
  else {
    const parsed = parseFiscalCode(fiscalCode, today);
    if (!parsed.ok) fields.push({ field: "fiscalCode", code: `fiscal_code_${parsed.error}` });
  }
  if (pin === "") fields.push({ field: "pin", code: "required" });
  else if (pin.length !== 8 && pin.length !== 16) fields.push({ field: "pin", code: "pin_length" });
  else if (!isPinShaped(pin, pin.length)) fields.push({ field: "pin", code: "pin_characters" });
  if (fields.length > 0) throw new AppError("VALIDATION_FAILED", { fields });
  return { fiscalCode, pin };
}

/** The reserved attempt, with the active credential or (none) nulls. */
type LookupRow = { failures: number; locked_until: Date | null } & (
  CandidateRow | { [K in keyof CandidateRow]: null }
);

interface CandidateRow {
  id: string;
  kind: "initial" | "operating";
  level: PinLevel;
  pin_hash: string;
  set_at: Date;
  res_country: string | null;
  italian_id_on_file: boolean | null;
  surname: string | null;
  given_names: string | null;
}

export async function run(deps: LoginDeps, input: LoginInput): Promise<LoginResult> {
  const key = hmacHex(deps.throttleKey, input.fiscalCode);
  // One round trip reserves the attempt and reads the credential (a missing one reads as nulls).
  const lookup = withCte("t", reserveAttemptStatement(key, deps.clock.now()), {
    sql: `SELECT t.failures, t.locked_until, c.id, c.kind, c.level, c.pin_hash, c.set_at,
                 p.res_country, p.italian_id_on_file, p.surname, p.given_names
            FROM t
            LEFT JOIN credential c ON c.fiscal_code = $1 AND c.status = 'active'
            LEFT JOIN archive_person p ON p.fiscal_code = c.fiscal_code`,
    params: [input.fiscalCode],
  });
  const row = (await deps.db.query<LookupRow>(lookup.sql, lookup.params))[0];
  const decision = attemptDecision(row);
  if (decision.kind === "locked") {
    throw new AppError("PIN_LOCKED", { extra: { retryAfterSeconds: LOCKOUT_SECONDS } });
  }
  const cred = row !== undefined && row.id !== null ? row : undefined;
  let ok: boolean;
  try {
    ok =
      cred === undefined
        ? await deps.hasher.verifyDummy(input.pin)
        : await deps.hasher.verify(cred.pin_hash, input.pin);
  } catch (err) {
    // No verdict (hash queue full: 503, or a failure): the attempt was counted in advance and
    // must be given back, or a login storm would lock out the people it delayed.
    await releaseAttempt(deps.db, key);
    throw err;
  }
  const now = deps.clock.now();
  if (!ok || cred === undefined) {
    const locked = await recordFailure(deps.db, key, decision.failuresBefore, now);
    throw new AppError("INVALID_CREDENTIALS", {
      extra: { remainingAttempts: locked ? 0 : LOCKOUT_THRESHOLD - decision.failuresBefore - 1 },
    });
  }
  const eligible =
    cred.res_country !== null &&
    mayUseExistingPin(romeDate(now), {
      residentAbroad: cred.res_country !== "IT",
      italianIdOnFile: cred.italian_id_on_file === true,
    });
  if (!eligible) {
    // The PIN was right (so the count resets), but the policy no longer lets this holder use it.
    await recordSuccess(deps.db, key, now);
    throw new AppError("PIN_NOT_ELIGIBLE");
  }
  const state: SessionState =
    cred.kind === "initial"
      ? "pin_change_required"
      : isPinExpired(cred.kind, cred.set_at, now)
        ? "renewal_required"
        : "authenticated";
  // One round trip resets the count and stores the new session.
  const session = newSession(
    deps.clock,
    deps.sessions,
    {
      fiscalCode: input.fiscalCode,
      credentialId: cred.id,
      state,
      level: cred.level,
      userAgent: input.userAgent,
    },
    {
      credentialKind: cred.kind,
      credentialSetAt: cred.set_at,
      surname: cred.surname,
      givenNames: cred.given_names,
    },
  );
  const write = withCte("reset", recordSuccessStatement(key, now), session.statement);
  await deps.db.query(write.sql, write.params);
  return { token: session.token, state, level: cred.level };
}

/**
 * Login with fiscal code and PIN (SPEC.md "Credential rules", "Login"), the one orchestration
 * the API and the login page both call:
 *
 *   checkPin (rate limit per source, lockout, dummy hash for unknown codes) →
 *     wrong / locked / suspended → the error (same answer whether or not the code exists)
 *     right → in one transaction: counts reset, the browser's previous session ended, a new
 *             session opened in the state the journey gives (initial PIN → PIN change;
 *             expired PIN → renewal; otherwise authenticated), the device remembered, audited.
 */
import type { Acting } from "../domain/actor.ts";
import { isPinExpired, type PinLevel } from "../domain/credential.ts";
import { mayUseExistingPin, romeDate } from "../domain/eligibility.ts";
import { AppError, ConflictError, type FieldError } from "../domain/errors.ts";
import { loginEvent, transition, type SessionState } from "../domain/journey.ts";
import { isPinShaped, normalizePinInput } from "../domain/pin.ts";
import { deviceEntry, deviceIdFor } from "../security/device-cookie.ts";
import type { PinCheckDeps } from "./deps.ts";
import { checkPin, subjectKeyOf } from "./pin-check.ts";
import { bodyObject, fiscalCodeField, throwIfInvalid } from "./fields.ts";
import { openSession, sessionIdHash, type SessionDeps } from "./session.ts";

export type LoginDeps = PinCheckDeps & SessionDeps;

export interface LoginInput {
  by: Acting;
  fiscalCode: string;
  pin: string;
  /** The browser's device cookie, as sent. */
  deviceCookie: string | undefined;
  /** The browser's current session cookie, ended on success (never upgraded). */
  previousToken: string | undefined;
  /** Where to resume once the journey allows (already checked by the edge). */
  returnTo: string | null;
}

export interface LoginResult {
  token: string;
  state: SessionState;
  level: PinLevel;
  returnTo: string | null;
  /** The device cookie entry for this holder and browser (set or refreshed). */
  deviceEntry: string;
}

/** Shape checks that need no database: a typo is told at once and costs no attempt. */
export function validateLogin(raw: unknown, today: string): { fiscalCode: string; pin: string } {
  const body = bodyObject(raw);
  const fields: FieldError[] = [];
  const fiscalCode = fiscalCodeField(body.fiscalCode, today, fields);
  const pin = normalizePinInput(typeof body.pin === "string" ? body.pin.slice(0, 40) : "");
  if (pin === "") fields.push({ field: "pin", code: "required" });
  else if (pin.length !== 8 && pin.length !== 16) fields.push({ field: "pin", code: "pin_length" });
  else if (!isPinShaped(pin, pin.length)) fields.push({ field: "pin", code: "pin_characters" });
  throwIfInvalid(fields);
  return { fiscalCode, pin };
}

export async function run(deps: LoginDeps, input: LoginInput): Promise<LoginResult> {
  const subjectKey = subjectKeyOf(deps, input.fiscalCode);
  const deviceId = deviceIdFor(deps.keys.device, input.deviceCookie, subjectKey);
  const pass = await checkPin(deps, {
    ...input,
    deviceId,
    purpose: "login",
    limit: { name: "login_source", value: input.by.origin.ip },
  });
  const cred = pass.credential;
  const now = deps.clock.now();
  const eligible =
    cred.residenceCountry !== null &&
    mayUseExistingPin(romeDate(now), {
      residentAbroad: cred.residenceCountry !== "IT",
      italianIdOnFile: cred.italianIdOnFile,
    });
  if (!eligible) {
    // The PIN was right (so the count resets), but the policy no longer lets this holder use it.
    await deps.uow.run(async (r) => {
      await r.throttle.recordSuccess(pass.counterKeys, now);
      r.audit.record({
        type: "login.refused",
        outcome: "refused",
        actor: input.by.actor,
        origin: input.by.origin,
        subject: input.fiscalCode,
        details: { reason: "not_eligible", knownDevice: pass.knownDevice },
      });
    });
    throw new AppError("PIN_NOT_ELIGIBLE");
  }
  const state = transition(
    "anonymous",
    loginEvent({ kind: cred.kind, expired: isPinExpired(cred.kind, cred.setAt, now) }),
  ) as SessionState;
  const device = deviceId ?? deps.newId();
  const previous = input.previousToken === undefined ? null : sessionIdHash(input.previousToken);
  const opened = await deps.uow
    .run(async (r) => {
      // Rotation: whatever session the browser had before is ended, never upgraded.
      if (previous !== null && (await r.sessions.delete(previous))) {
        r.audit.record({
          type: "session.ended",
          outcome: "success",
          actor: input.by.actor,
          origin: input.by.origin,
          details: { reason: "replaced_by_login" },
        });
      }
      // The counts reset and the device (re)registered with the session, in one statement: a
      // signed cookie whose device row was forgotten becomes known again.
      const session = await openSession(
        deps,
        r,
        {
          fiscalCode: input.fiscalCode,
          credentialId: cred.id,
          state,
          level: cred.level,
          userAgent: input.by.origin.userAgent,
          returnTo: input.returnTo,
          newPinUntil: null,
        },
        { resetCounters: pass.counterKeys, device: { id: device, subjectKey } },
      );
      r.audit.record({
        type: "login.succeeded",
        outcome: "success",
        actor: { kind: "citizen", fiscalCode: input.fiscalCode },
        origin: input.by.origin,
        subject: input.fiscalCode,
        details: { state, level: cred.level, knownDevice: pass.knownDevice },
      });
      return session;
    })
    .catch((err: unknown) => {
      // The PIN was revoked or changed while it was being checked: it no longer opens anything.
      if (err instanceof ConflictError) throw new AppError("INVALID_CREDENTIALS", { cause: err });
      throw err;
    });
  if (previous !== null) deps.sessions.cache?.delete(previous);
  return {
    token: opened.token,
    state,
    level: cred.level,
    returnTo: input.returnTo,
    deviceEntry: deviceEntry(deps.keys.device, device, subjectKey),
  };
}

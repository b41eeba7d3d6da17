/**
 * The 8-character operating PIN: first access (activate), renewal, and the explicit
 * replacement of a PIN just shown. Each generates a new PIN with the same level, ends the old
 * credential (and every session opened with it), opens a new session under a new token in the
 * state "pin_shown" for 15 minutes (PIN card, replacement), and returns the PIN exactly once.
 *
 *   pin_change_required ──activate──▶ pin_shown   (initial PIN → consumed)
 *   renewal_required    ──renew─────▶ pin_shown   (old PIN → superseded)
 *   pin_shown           ──replace───▶ pin_shown   (the PIN shown → superseded; asked for
 *                                                  explicitly, never by a reload)
 *   pin_shown           ──noted─────▶ authenticated
 *
 * A reload, a back button or a resubmitted form never replaces a PIN: repeating activate or
 * renew in pin_shown answers PIN_ALREADY_SHOWN, and the edge offers the explicit replacement.
 */
import type { Acting } from "../domain/actor.ts";
import { pinExpiresAt, type PinLevel } from "../domain/credential.ts";
import { AppError, ConflictError } from "../domain/errors.ts";
import { transition, type JourneyEvent, type SessionState } from "../domain/journey.ts";
import { generatePin, OPERATING_PIN_LENGTH } from "../domain/pin.ts";
import type { PinIssuingDeps } from "./deps.ts";
import type { SessionRecord } from "./ports.ts";
import { openSession, type SessionDeps } from "./session.ts";

/** How long after a PIN change the PIN card may be downloaded and the PIN replaced. */
export const NEW_PIN_WINDOW_SECONDS = 15 * 60;

export type PinChangeMode = "activate" | "renew" | "replace";

const REQUIRED: Record<PinChangeMode, SessionState> = {
  activate: "pin_change_required",
  renew: "renewal_required",
  replace: "pin_shown",
};

const EVENT: Record<PinChangeMode, JourneyEvent> = {
  activate: "pin_activated",
  renew: "pin_renewed",
  replace: "pin_replaced",
};

const AUDIT = {
  activate: "pin.activated",
  renew: "pin.renewed",
  replace: "pin.replaced",
} as const;

export interface NewOperatingPin {
  pin: string;
  level: PinLevel;
  setAt: Date;
  expiresAt: Date;
  /** The new session's token: the old one stopped working. */
  token: string;
  returnTo: string | null;
}

export type OperatingPinDeps = PinIssuingDeps & SessionDeps;

export interface PinChangeInput {
  by: Acting;
  session: SessionRecord;
  /** The session's journey state now (effectiveState). */
  state: SessionState;
  mode: PinChangeMode;
}

export async function changePin(
  deps: OperatingPinDeps,
  input: PinChangeInput,
): Promise<NewOperatingPin> {
  const { session, mode } = input;
  if (input.state !== REQUIRED[mode]) {
    throw new AppError(input.state === "pin_shown" ? "PIN_ALREADY_SHOWN" : "NO_PIN_CHANGE_PENDING");
  }
  const next = transition(input.state, EVENT[mode]) as SessionState;
  const pin = generatePin(OPERATING_PIN_LENGTH, deps.randomBytes);
  const pinHash = await deps.hasher.hash(pin);
  const credentialId = deps.newId();
  const now = deps.clock.now();
  const token = await deps.uow
    .run(async (r) => {
      const ended = await r.credentials.end(
        session.credentialId,
        mode === "activate" ? "consumed" : "superseded",
        now,
      );
      // Another request already replaced it: never leave two PINs.
      if (!ended) throw new AppError("NO_PIN_CHANGE_PENDING");
      await r.credentials.insert({
        id: credentialId,
        fiscalCode: session.fiscalCode,
        kind: "operating",
        level: session.level,
        pinHash,
        setAt: now,
        claimId: null,
      });
      const opened = await openSession(deps, r, {
        fiscalCode: session.fiscalCode,
        credentialId,
        state: next,
        level: session.level,
        userAgent: input.by.origin.userAgent,
        returnTo: session.returnTo,
        newPinUntil: new Date(now.getTime() + NEW_PIN_WINDOW_SECONDS * 1000),
      });
      r.audit.record({
        type: AUDIT[mode],
        outcome: "success",
        actor: input.by.actor,
        origin: input.by.origin,
        subject: session.fiscalCode,
        details: { level: session.level },
      });
      return opened.token;
    })
    .catch((err: unknown) => {
      if (err instanceof ConflictError) throw new AppError("NO_PIN_CHANGE_PENDING", { cause: err });
      throw err;
    });
  deps.sessions.cache?.delete(session.idHash);
  return {
    pin,
    level: session.level,
    setAt: now,
    expiresAt: pinExpiresAt(now),
    token,
    returnTo: session.returnTo,
  };
}

/** "I have noted my new PIN": the journey leaves the new-PIN state. */
export async function pinNoted(
  deps: SessionDeps,
  input: { by: Acting; session: SessionRecord; state: SessionState },
): Promise<{ returnTo: string | null }> {
  if (input.state !== "pin_shown") return { returnTo: input.session.returnTo };
  const next = transition(input.state, "pin_noted") as SessionState;
  const now = deps.clock.now();
  await deps.uow.run(async (r) => {
    await r.sessions.update(input.session.idHash, { state: next, newPinUntil: null, now });
    r.audit.record({
      type: "pin.noted",
      outcome: "success",
      actor: input.by.actor,
      origin: input.by.origin,
      subject: input.session.fiscalCode,
      details: {},
    });
  });
  deps.sessions.cache?.delete(input.session.idHash);
  return { returnTo: input.session.returnTo };
}

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
 * A retry whose answer was lost (a double click, a dropped connection) still carries the old
 * token, which no longer opens a session: for two minutes it gets the same answer again — the
 * same PIN and the same new session — from a copy sealed with a key derived from that old token
 * (which the service never stores), so only the browser that asked can open it.
 */
import type { Acting } from "../domain/actor.ts";
import { pinExpiresAt, type PinLevel } from "../domain/credential.ts";
import { AppError, ConflictError } from "../domain/errors.ts";
import { transition, type JourneyEvent, type SessionState } from "../domain/journey.ts";
import { generatePin, OPERATING_PIN_LENGTH } from "../domain/pin.ts";
import { deriveKey, open, seal } from "../security/crypto.ts";
import type { BaseDeps, PinIssuingDeps } from "./deps.ts";
import type { SessionRecord } from "./ports.ts";
import { holderName, openSession, sessionIdHash, type SessionDeps } from "./session.ts";

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
  holderName: string;
}

export type OperatingPinDeps = PinIssuingDeps & SessionDeps;

export interface PinChangeInput {
  by: Acting;
  session: SessionRecord;
  /** The session's token as sent (its answer is sealed with a key derived from it). */
  token: string;
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
  const { token, level } = await deps.uow
    .run(async (r) => {
      // The level of the PIN as it ends, not the session's: an approval to dispositive since
      // the login is kept.
      const level = await r.credentials.end(
        session.credentialId,
        mode === "activate" ? "consumed" : "superseded",
        now,
      );
      // Another request already replaced it: never leave two PINs.
      if (level === null) throw new AppError("NO_PIN_CHANGE_PENDING");
      await r.credentials.insert({
        id: credentialId,
        fiscalCode: session.fiscalCode,
        kind: "operating",
        level,
        pinHash,
        setAt: now,
        claimId: null,
      });
      const opened = await openSession(deps, r, {
        fiscalCode: session.fiscalCode,
        credentialId,
        state: next,
        level,
        userAgent: input.by.origin.userAgent,
        returnTo: session.returnTo,
        newPinUntil: new Date(now.getTime() + NEW_PIN_WINDOW_SECONDS * 1000),
      });
      const answer: SealedAnswer = {
        token: opened.token,
        pin,
        level,
        setAt: now.toISOString(),
        returnTo: session.returnTo,
        holderName: holderName(session),
      };
      await r.handovers.save(session.idHash, {
        fiscalCode: session.fiscalCode,
        credentialId,
        sealed: seal(handoverKey(input.token), JSON.stringify(answer), session.idHash),
        expiresAt: new Date(now.getTime() + REPLAY_WINDOW_SECONDS * 1000),
      });
      r.audit.record({
        type: AUDIT[mode],
        outcome: "success",
        actor: input.by.actor,
        origin: input.by.origin,
        subject: session.fiscalCode,
        details: { level },
      });
      return { token: opened.token, level };
    })
    .catch((err: unknown) => {
      if (err instanceof ConflictError) throw new AppError("NO_PIN_CHANGE_PENDING", { cause: err });
      throw err;
    });
  deps.sessions.cache?.delete(session.idHash);
  return {
    pin,
    level,
    setAt: now,
    expiresAt: pinExpiresAt(now),
    token,
    returnTo: session.returnTo,
    holderName: holderName(session),
  };
}

/** How long the answer of a PIN change can be given again to a retry of the same request. */
export const REPLAY_WINDOW_SECONDS = 2 * 60;

interface SealedAnswer {
  token: string;
  pin: string;
  level: PinLevel;
  setAt: string;
  returnTo: string | null;
  holderName: string;
}

function handoverKey(token: string): Buffer {
  return deriveKey(Buffer.from(token, "utf8"), "pin-change-handover");
}

/**
 * The answer of a PIN change made with `token` moments ago, for a retry that still carries it
 * (its answer was lost): the same PIN and the new session, or null — no change made with this
 * token, too late, the PIN changed again since, or a token that cannot open it.
 */
export async function replayPinChange(
  deps: BaseDeps,
  input: { by: Acting; token: string },
): Promise<NewOperatingPin | null> {
  const oldIdHash = sessionIdHash(input.token);
  const h = await deps.uow.direct.handovers.find(oldIdHash);
  const now = deps.clock.now();
  if (h === null || h.expiresAt.getTime() <= now.getTime()) return null;
  const active = await deps.uow.direct.credentials.active(h.fiscalCode);
  if (active?.id !== h.credentialId) return null;
  let answer: SealedAnswer;
  try {
    answer = JSON.parse(open(handoverKey(input.token), h.sealed, oldIdHash)) as SealedAnswer;
  } catch {
    return null;
  }
  await deps.uow.run(async (r) => {
    r.audit.record({
      type: "pin.answer_repeated",
      outcome: "success",
      actor: { kind: "citizen", fiscalCode: h.fiscalCode },
      origin: input.by.origin,
      subject: h.fiscalCode,
      details: {},
    });
  });
  const setAt = new Date(answer.setAt);
  return {
    pin: answer.pin,
    level: answer.level,
    setAt,
    expiresAt: pinExpiresAt(setAt),
    token: answer.token,
    returnTo: answer.returnTo,
    holderName: answer.holderName,
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
    if (!(await r.sessions.update(input.session.idHash, { state: next, newPinUntil: null, now })))
      return;
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

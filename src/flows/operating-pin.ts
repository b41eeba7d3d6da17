/**
 * First access (activate) and renewal share one step: the system generates a new 8-character
 * operating PIN with the same level, ends the old credential, moves the session to
 * "authenticated" under a new id, and returns the PIN exactly once.
 *
 *   session pin_change_required ──activate──▶ authenticated   (initial PIN → consumed)
 *   session renewal_required   ──renew────▶ authenticated   (old PIN → superseded)
 */
import type { SessionPolicy } from "../auth/sessions.ts";
import { pinExpiresAt, type PinLevel } from "../domain/credential.ts";
import { AppError } from "../domain/errors.ts";
import { generatePin, OPERATING_PIN_LENGTH } from "../domain/pin.ts";
import { rotateSession, type SessionRecord } from "../store/repos/sessions.ts";
import { endCredential, insertCredential } from "../store/repos/credentials.ts";
import type { PinIssuingDeps } from "./deps.ts";

/** How long after activation the printable PIN card may be downloaded in the same session. */
export const PIN_CARD_WINDOW_SECONDS = 15 * 60;

/** How long after a PIN change a repeated request counts as a repeat (a lost answer, a double click). */
export const REPEAT_WINDOW_SECONDS = 2 * 60;

export interface NewOperatingPin {
  pin: string;
  level: PinLevel;
  setAt: Date;
  expiresAt: Date;
}

export type OperatingPinDeps = Pick<
  PinIssuingDeps,
  "db" | "clock" | "hasher" | "randomBytes" | "newId"
> & { sessions: SessionPolicy };

/**
 * A repeat of the step just done in this session (a double click, a resubmitted form, a
 * retried request whose answer was lost on a bad connection): the browser shows the LAST
 * answer, so a repeat generates a fresh PIN again instead of failing and leaving the
 * citizen with a PIN nobody saw. Only within two minutes of the change, in the same session,
 * and only while its credential is the PIN that step made.
 */
export function isRepeatOfPinChange(session: SessionRecord, now: Date): boolean {
  return (
    session.state === "authenticated" &&
    session.credentialKind === "operating" &&
    session.pinCardUntil !== null &&
    session.pinCardUntil.getTime() > now.getTime() &&
    session.credentialSetAt.getTime() >=
      session.pinCardUntil.getTime() - PIN_CARD_WINDOW_SECONDS * 1000 &&
    now.getTime() - session.credentialSetAt.getTime() < REPEAT_WINDOW_SECONDS * 1000
  );
}

export async function replaceWithOperatingPin(
  deps: OperatingPinDeps,
  session: SessionRecord,
  mode: "activate" | "renew",
): Promise<NewOperatingPin> {
  const expected = mode === "activate" ? "pin_change_required" : "renewal_required";
  const now = deps.clock.now();
  const repeat = isRepeatOfPinChange(session, now);
  if (session.state !== expected && !repeat) throw new AppError("NO_PIN_CHANGE_PENDING");
  const pin = generatePin(OPERATING_PIN_LENGTH, deps.randomBytes);
  const pinHash = await deps.hasher.hash(pin);
  const credentialId = deps.newId();
  await deps.db.transaction(async (tx) => {
    const ended = await endCredential(
      tx,
      session.credentialId,
      repeat || mode === "renew" ? "superseded" : "consumed",
      now,
      session.idHash,
    );
    // Another request already replaced it: never leave two PINs.
    if (!ended) throw new AppError("NO_PIN_CHANGE_PENDING");
    await insertCredential(tx, {
      id: credentialId,
      fiscalCode: session.fiscalCode,
      kind: "operating",
      level: session.level,
      pinHash,
      setAt: now,
      claimId: null,
    });
    // The session keeps its id (minted at login moments ago, so fixation is not a concern): a
    // repeated request still carries a cookie that works and gets the newest PIN.
    const moved = await rotateSession(tx, session.idHash, {
      idHash: session.idHash,
      state: "authenticated",
      credentialId,
      now,
      pinCardUntil: new Date(now.getTime() + PIN_CARD_WINDOW_SECONDS * 1000),
    });
    if (!moved) throw new AppError("AUTHENTICATION_REQUIRED");
  });
  deps.sessions.cache?.delete(session.idHash);
  return { pin, level: session.level, setAt: now, expiresAt: pinExpiresAt(now) };
}

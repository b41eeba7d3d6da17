/**
 * First access (activate) and renewal share one step: the system generates a new 8-character
 * operating PIN with the same level, ends the old credential, moves the session to
 * "authenticated" under a new id, and returns the PIN exactly once.
 *
 *   session pin_change_required ──activate──▶ authenticated   (initial PIN → consumed)
 *   session renewal_required   ──renew────▶ authenticated   (old PIN → superseded)
 */
import { rotate, type SessionPolicy } from "../auth/sessions.ts";
import { pinExpiresAt, type PinLevel } from "../domain/credential.ts";
import { AppError } from "../domain/errors.ts";
import { generatePin, OPERATING_PIN_LENGTH } from "../domain/pin.ts";
import type { SessionRecord } from "../store/repos/sessions.ts";
import { endCredential, insertCredential } from "../store/repos/credentials.ts";
import type { PinIssuingDeps } from "./deps.ts";

/** How long after activation the printable PIN card may be downloaded in the same session. */
export const PIN_CARD_WINDOW_SECONDS = 15 * 60;

export interface NewOperatingPin {
  pin: string;
  level: PinLevel;
  setAt: Date;
  expiresAt: Date;
  /** The rotated session token. */
  token: string;
}

export type OperatingPinDeps = Pick<
  PinIssuingDeps,
  "db" | "clock" | "hasher" | "randomBytes" | "newId"
> & { sessions: SessionPolicy };

export async function replaceWithOperatingPin(
  deps: OperatingPinDeps,
  session: SessionRecord,
  mode: "activate" | "renew",
): Promise<NewOperatingPin> {
  const expected = mode === "activate" ? "pin_change_required" : "renewal_required";
  if (session.state !== expected) throw new AppError("NO_PIN_CHANGE_PENDING");
  const pin = generatePin(OPERATING_PIN_LENGTH, deps.randomBytes);
  const pinHash = await deps.hasher.hash(pin);
  const now = deps.clock.now();
  const credentialId = deps.newId();
  const token = await deps.db.transaction(async (tx) => {
    const ended = await endCredential(
      tx,
      session.credentialId,
      mode === "activate" ? "consumed" : "superseded",
      now,
      session.idHash,
    );
    // Another tab or request already did it: never hand out a second PIN.
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
    const rotated = await rotate(tx, deps.clock, deps.sessions, session.idHash, {
      state: "authenticated",
      credentialId,
      pinCardUntil: new Date(now.getTime() + PIN_CARD_WINDOW_SECONDS * 1000),
    });
    if (rotated === null) throw new AppError("AUTHENTICATION_REQUIRED");
    return rotated;
  });
  return { pin, level: session.level, setAt: now, expiresAt: pinExpiresAt(now), token };
}

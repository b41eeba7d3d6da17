/**
 * The printable PIN card, right after a PIN change: the page that showed the new PIN posts it
 * back; it is checked like any other PIN typed anywhere — against the lockout, counting a wrong
 * one — and never stored. Only in the new-PIN window of the same session (the journey's
 * pin_shown state), and rate-limited per holder.
 */
import type { Acting } from "../domain/actor.ts";
import { pinExpiresAt, type PinLevel } from "../domain/credential.ts";
import { AppError } from "../domain/errors.ts";
import type { SessionState } from "../domain/journey.ts";
import { normalizePinInput } from "../domain/pin.ts";
import { deviceIdFor } from "../security/device-cookie.ts";
import type { PinCheckDeps } from "./deps.ts";
import { checkPin, subjectKeyOf } from "./pin-check.ts";
import type { SessionRecord } from "./ports.ts";
import { holderName } from "./session.ts";

export interface PinCardData {
  holderName: string;
  fiscalCode: string;
  pin: string;
  level: PinLevel;
  issuedAt: Date;
  expiresAt: Date;
}

export async function pinCard(
  deps: PinCheckDeps,
  input: {
    by: Acting;
    session: SessionRecord;
    state: SessionState;
    pin: string;
    deviceCookie: string | undefined;
  },
): Promise<PinCardData> {
  const { session } = input;
  if (input.state !== "pin_shown") throw new AppError("NO_PIN_CHANGE_PENDING");
  const pin = normalizePinInput(input.pin.slice(0, 40));
  const deviceId = deviceIdFor(
    deps.keys.device,
    input.deviceCookie,
    subjectKeyOf(deps, session.fiscalCode),
  );
  const pass = await checkPin(deps, {
    by: input.by,
    fiscalCode: session.fiscalCode,
    pin,
    deviceId,
    purpose: "pin_card",
    limit: { name: "pin_card", value: session.fiscalCode },
  });
  // The session's own PIN only (a concurrent change elsewhere ended this session's PIN).
  if (pass.credential.id !== session.credentialId) throw new AppError("NO_PIN_CHANGE_PENDING");
  const now = deps.clock.now();
  await deps.uow.run(async (r) => {
    await r.throttle.recordSuccess(pass.counterKeys, now);
    r.audit.record({
      type: "pin_card.downloaded",
      outcome: "success",
      actor: input.by.actor,
      origin: input.by.origin,
      subject: session.fiscalCode,
      details: {},
    });
  });
  return {
    holderName: holderName(session),
    fiscalCode: session.fiscalCode,
    pin,
    level: pass.credential.level,
    issuedAt: pass.credential.setAt,
    expiresAt: pinExpiresAt(pass.credential.setAt),
  };
}

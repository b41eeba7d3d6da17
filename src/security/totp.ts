/**
 * TOTP for staff (RFC 6238: SHA-1, 6 digits, 30 s — what every authenticator app reads) through
 * otplib. Codes are checked against the injected clock, one step either side for clock drift;
 * the caller refuses a step not later than the last accepted one (no replay).
 */
import { generate, generateSecret, generateURI, verify } from "otplib";

export const TOTP_PERIOD = 30;
export const TOTP_ISSUER = "INPS PIN operatori";

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, username: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: username, secret });
}

/** The time step a code matched (within ±1 step of `now`), or null. */
export async function matchTotp(secret: string, code: string, now: Date): Promise<number | null> {
  if (!/^\d{6}$/u.test(code)) return null;
  const epoch = Math.floor(now.getTime() / 1000);
  const result = await verify({ secret, token: code, epoch, epochTolerance: TOTP_PERIOD });
  if (!result.valid) return null;
  return Math.floor(epoch / TOTP_PERIOD) + result.delta;
}

/** The code of an instant (tests and the development aids' demo staff). */
export function totpAt(secret: string, at: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

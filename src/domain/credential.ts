/**
 * Credential rules from SPEC.md "Credential rules": levels and expiry (lockout: lockout.ts).
 * All functions take the current instant; nothing here reads a clock.
 */

export type PinLevel = "ordinary" | "dispositive";
export type PinKind = "initial" | "operating";

/** 6 months after the PIN was set (seeds: "Il PIN assegnato ai cittadini scade ogni sei mesi"). */
export const PIN_VALIDITY_MONTHS = 6;

/** Adds calendar months in UTC, clamping to the last day of the month (31 Aug + 6 → 28/29 Feb). */
export function addMonths(instant: Date, months: number): Date {
  const d = new Date(instant.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

export function pinExpiresAt(setAt: Date): Date {
  return addMonths(setAt, PIN_VALIDITY_MONTHS);
}

/**
 * The initial 16-character PIN is single use and does not run the 6-month clock: the seeds
 * tell holders of a PIN "received years ago but not used yet" that they can still activate
 * it. Only operating PINs expire.
 */
export function isPinExpired(kind: PinKind, setAt: Date, now: Date): boolean {
  if (kind === "initial") return false;
  return now.getTime() >= pinExpiresAt(setAt).getTime();
}

/**
 * Credential rules from SPEC.md "Credential rules": levels, expiry and lockout.
 * All functions take the current instant; nothing here reads a clock.
 */

export type PinLevel = "ordinary" | "dispositive";
export type PinKind = "initial" | "operating";

/** 6 months after the PIN was set (seeds: "Il PIN assegnato ai cittadini scade ogni sei mesi"). */
export const PIN_VALIDITY_MONTHS = 6;
export const LOCKOUT_THRESHOLD = 10;
export const LOCKOUT_SECONDS = 5 * 60;

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

/** What a login attempt may do, given the lockout state read just before it. */
export type ThrottleDecision =
  { kind: "locked"; lockedUntil: Date } | { kind: "attempt"; failuresBefore: number };

export interface ThrottleState {
  failures: number;
  lockedUntil: Date | null;
}

/**
 * 10 consecutive wrong PINs lock for 5 minutes; an attempt during the lock restarts it and is
 * refused whatever the PIN. When a lock has ended the count starts again from zero.
 * `failures` counts attempts already reserved (pessimistically, before the hash is checked),
 * so concurrent requests can never slip past the threshold.
 */
export function decideAttempt(state: ThrottleState, now: Date): ThrottleDecision {
  if (state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime()) {
    return { kind: "locked", lockedUntil: lockUntil(now) };
  }
  const failures = state.lockedUntil !== null ? 0 : state.failures;
  if (failures >= LOCKOUT_THRESHOLD) return { kind: "locked", lockedUntil: lockUntil(now) };
  return { kind: "attempt", failuresBefore: failures };
}

export function lockUntil(now: Date): Date {
  return new Date(now.getTime() + LOCKOUT_SECONDS * 1000);
}

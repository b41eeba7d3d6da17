/**
 * The lockout rules (SPEC.md "Credential rules", "Beyond the seeds: lockout relief"), as one
 * pure function the store mirrors in SQL (src/store/repos/throttle.ts; the conformance suite
 * checks they agree on every state):
 * - 10 consecutive wrong PINs lock for 5 minutes; any attempt during the lock restarts it and
 *   is refused whatever the PIN; once the lock ends the count starts from zero (the seeds).
 * - Counters: one per fiscal code for unknown browsers (the seeds' rule), and one per known
 *   device — a browser where the holder once logged in (OWASP's device cookies) — so a lock
 *   caused elsewhere does not lock the holder's own devices.
 * - After 100 consecutive failures with no success, unknown browsers are refused altogether
 *   until the holder succeeds from a known device (NIST SP 800-63B), recovers the PIN or the
 *   contact centre lifts it.
 * Attempts are counted before the hash is checked (pessimistically), so concurrent requests on
 * any number of processes can never slip past the threshold; a success resets the counts, an
 * attempt that got no verdict is given back.
 */

export const LOCKOUT_THRESHOLD = 10;
export const LOCKOUT_SECONDS = 5 * 60;
export const SUSPEND_AFTER_FAILURES = 100;

export interface ThrottleState {
  /** Attempts counted since the last success or the end of the last lock. */
  failures: number;
  lockedUntil: Date | null;
  /** Consecutive failures since the last success, across locks. */
  streak: number;
}

/**
 * - attempt: go on and check the PIN (failuresBefore: wrong ones already counted before it);
 * - locked: refused; the lock was running and now restarts;
 * - lock_started: refused; the threshold had been reached and the lock starts now;
 * - suspended: refused; 100 consecutive failures from unknown browsers.
 */
export type AttemptVerdict =
  | { kind: "attempt"; failuresBefore: number }
  | { kind: "locked"; lockedUntil: Date }
  | { kind: "lock_started"; lockedUntil: Date }
  | { kind: "suspended" };

export const NO_ATTEMPTS: ThrottleState = { failures: 0, lockedUntil: null, streak: 0 };

export function lockUntil(now: Date): Date {
  return new Date(now.getTime() + LOCKOUT_SECONDS * 1000);
}

/**
 * One attempt on a counter: the verdict and the counter's next state. `shared` is the counter
 * of unknown browsers (the only one that can be suspended).
 */
export function reserveAttempt(
  state: ThrottleState,
  now: Date,
  shared: boolean,
): { verdict: AttemptVerdict; next: ThrottleState } {
  if (state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime()) {
    const until = lockUntil(now);
    return {
      verdict: { kind: "locked", lockedUntil: until },
      next: { ...state, lockedUntil: until },
    };
  }
  if (shared && state.streak >= SUSPEND_AFTER_FAILURES) {
    return { verdict: { kind: "suspended" }, next: state };
  }
  if (state.lockedUntil === null && state.failures >= LOCKOUT_THRESHOLD) {
    const until = lockUntil(now);
    return {
      verdict: { kind: "lock_started", lockedUntil: until },
      next: { ...state, lockedUntil: until },
    };
  }
  const failuresBefore = state.lockedUntil !== null ? 0 : state.failures;
  return {
    verdict: { kind: "attempt", failuresBefore },
    next: { failures: failuresBefore + 1, lockedUntil: null, streak: state.streak + 1 },
  };
}

/** After a wrong PIN (already counted): whether this failure starts the lock. */
export function failureLocks(failuresBefore: number): boolean {
  return failuresBefore + 1 >= LOCKOUT_THRESHOLD;
}

/** What the login page tells after a wrong PIN. */
export function remainingAttempts(failuresBefore: number): number {
  return Math.max(0, LOCKOUT_THRESHOLD - failuresBefore - 1);
}

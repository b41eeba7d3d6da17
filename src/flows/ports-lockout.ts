/**
 * The lockout's ports (src/domain/lockout.ts in storage): the attempt reserved before argon2id
 * runs, on the right counter, with the active PIN read in the same round trip. Part of the
 * flows' ports (ports.ts re-exports them).
 */
import type { PinKind, PinLevel } from "../domain/credential.ts";
import type { AttemptVerdict } from "../domain/lockout.ts";
import type { Limit, LimitVerdict, LimiterName } from "../domain/rate-limits.ts";

/** The active PIN of a fiscal code as a login needs it, with the holder's eligibility facts. */
export interface LoginCandidate {
  id: string;
  kind: PinKind;
  level: PinLevel;
  pinHash: string;
  setAt: Date;
  residenceCountry: string | null;
  italianIdOnFile: boolean;
}

export interface Reservation {
  /** The counter the attempt went to: the known device's, or the fiscal code's shared one. */
  counterKey: string;
  knownDevice: boolean;
  verdict: AttemptVerdict;
  credential: LoginCandidate | null;
  /**
   * Without an active PIN, the hash of the last revoked one (read in the same statement, so a
   * fiscal code with or without an active PIN costs the same round trips).
   */
  revokedHash: string | null;
}

/** A hit on a named rate limit: the key is already a keyed hash. */
export interface LimitHit {
  name: LimiterName;
  key: string;
  limit: Limit;
}

export interface AttemptTarget {
  subjectKey: string;
  deviceId: string | null;
  fiscalCode: string;
  now: Date;
}

export interface ThrottleStore {
  /**
   * Counts an attempt (before the PIN is checked) on the device's counter when `deviceId` is a
   * device registered for this subject, else on the subject's shared counter; reads the active
   * PIN in the same round trip.
   */
  reserve(a: AttemptTarget): Promise<Reservation>;
  /**
   * A hit on the rate limit first, then — within it — reserve() when the attempt goes ahead;
   * when it would be refused (locked, lock starting, suspended) nothing changes and the
   * reservation is null: the caller then reserves inside a transaction that records the
   * refusal. One statement for the common case.
   */
  tryReserve(
    a: AttemptTarget,
    limit: LimitHit,
  ): Promise<{ limit: LimitVerdict; reservation: Reservation | null }>;
  /** Gives back an attempt that got no verdict (the hash could not run). */
  release(counterKey: string): Promise<void>;
  /** After a wrong PIN (already counted): true when this failure starts the lock. */
  recordFailure(counterKey: string, failuresBefore: number, now: Date): Promise<boolean>;
  /** A right PIN resets these counters. */
  recordSuccess(counterKeys: readonly string[], now: Date): Promise<void>;
  /**
   * Ends every lock and suspension of a holder: the shared counter and the counters of every
   * browser registered for them (a recovery, or the contact centre after an identity check).
   */
  clearSubject(subjectKey: string, now: Date): Promise<void>;
  /** True (and remembered) when the holder was not told of a lock in the last `seconds`. */
  claimLockNotice(counterKey: string, now: Date, seconds: number): Promise<boolean>;
  deleteStale(now: Date): Promise<number>;
}

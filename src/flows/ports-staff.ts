/** What the staff flows need from storage: accounts, recovery codes and staff sessions. */
import type { StaffMember, StaffRole } from "../domain/staff.ts";

export interface StaffAccount extends StaffMember {
  passwordHash: string | null;
  totpSealed: string | null;
  /** The last TOTP time step accepted: a code is never accepted twice. */
  totpLastStep: number | null;
  enrolmentExpiresAt: Date | null;
  /** When the password step of the enrolment was done (null: not yet). */
  enrolmentStartedAt: Date | null;
  failures: number;
  lockedUntil: Date | null;
  /** The member of staff who created the account or last reset it (null: the command line). */
  enrolmentIssuedBy: string | null;
  createdAt: Date;
  lastLoginAt: Date | null;
}

export interface NewStaffAccount {
  id: string;
  username: string;
  role: StaffRole;
  officeId: string | null;
  enrolmentHash: string;
  enrolmentExpiresAt: Date;
  /** The member of staff creating it (null: the command line). */
  issuedBy: string | null;
  now: Date;
}

export interface StaffSessionRecord {
  idHash: string;
  member: StaffMember;
  createdAt: Date;
  lastSeenAt: Date;
  absoluteExpiry: Date;
}

export interface StaffStore {
  /** ConflictError when the username is taken. */
  create(a: NewStaffAccount): Promise<void>;
  byUsername(username: string): Promise<StaffAccount | null>;
  byId(id: string): Promise<StaffAccount | null>;
  /** The account an unexpired enrolment link stands for, locked for update. */
  byEnrolment(hash: string, now: Date): Promise<StaffAccount | null>;
  list(): Promise<StaffAccount[]>;
  /** The password step: password and (unconfirmed) TOTP secret set, recovery codes replaced. */
  startEnrolment(
    id: string,
    e: { passwordHash: string; totpSealed: string; recoveryHashes: readonly string[]; now: Date },
  ): Promise<void>;
  /** The first code confirmed: the account becomes active and the link is spent. */
  completeEnrolment(id: string, totpStep: number, now: Date): Promise<void>;
  /** A new enrolment link: password, TOTP and recovery codes dropped, sessions ended. */
  resetEnrolment(
    id: string,
    link: { hash: string; expiresAt: Date; issuedBy: string | null },
    now: Date,
  ): Promise<number>;
  /** Disables or re-enables; disabling ends every session of the account (count returned). */
  setStatus(id: string, status: "active" | "disabled", now: Date): Promise<number>;
  /**
   * Reserves one second-factor attempt before the code is checked (atomic, so parallel guesses
   * cannot all pass a lock read earlier): false when the account is locked or `maxFailures`
   * attempts are already counted. A lock that has run out starts a fresh count.
   */
  reserveAttempt(id: string, maxFailures: number, now: Date): Promise<boolean>;
  /** The reserved attempt failed: at `maxFailures` the account locks until `lockUntil`. */
  recordFailure(
    id: string,
    maxFailures: number,
    lockUntil: Date,
  ): Promise<{ failures: number; lockedUntil: Date | null }>;
  /** When the account is locked until (null: not locked at `now`). */
  /**
   * A good code: accepted only if its time step is later than the last accepted one (false: a
   * replay); the failure counter is reset.
   */
  acceptTotpStep(id: string, step: number, now: Date): Promise<boolean>;
  lockedUntil(id: string, now: Date): Promise<Date | null>;
  /** Spends a recovery code; false when it is not one of the account's unused codes. */
  useRecoveryCode(id: string, codeHash: string, now: Date): Promise<boolean>;
  unusedRecoveryCodes(id: string): Promise<number>;
  replaceRecoveryCodes(id: string, hashes: readonly string[]): Promise<void>;
  createSession(s: {
    idHash: string;
    staffId: string;
    now: Date;
    absoluteExpiry: Date;
    userAgent: string | null;
  }): Promise<void>;
  /** The session with its member, only while the account is active. */
  findSession(idHash: string): Promise<StaffSessionRecord | null>;
  touchSession(idHash: string, now: Date): Promise<void>;
  deleteSession(idHash: string): Promise<boolean>;
  deleteExpiredSessions(now: Date, idleSeconds: number): Promise<number>;
}

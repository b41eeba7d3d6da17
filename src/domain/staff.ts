/**
 * Staff of the back office (issue 7): their roles, and the rules of their accounts and
 * sessions. Staff authenticate with a username, a password (argon2id) and a mandatory TOTP
 * code; their sessions are separate from citizens' (own cookie and table) and shorter.
 */
import type { StaffRole } from "./actor.ts";

export type { StaffRole };

export const STAFF_ROLES: readonly StaffRole[] = [
  "contact_centre_agent",
  "office_clerk",
  "back_office_reviewer",
  "supervisor",
];

export function isStaffRole(v: unknown): v is StaffRole {
  return typeof v === "string" && (STAFF_ROLES as readonly string[]).includes(v);
}

export type StaffStatus = "enrolling" | "active" | "disabled";

/** A member of staff as every staff request sees them. */
export interface StaffMember {
  id: string;
  username: string;
  role: StaffRole;
  /** The office (sede) a clerk belongs to; null for the other roles. */
  officeId: string | null;
  status: StaffStatus;
}

export const STAFF_SESSION = {
  /** Idle timeout: 15 minutes. */
  idleSeconds: 15 * 60,
  /** Absolute lifetime: 10 hours (a working day). */
  absoluteSeconds: 10 * 3600,
} as const;

export const STAFF_LOCKOUT = {
  /** Consecutive failed logins (password or code) that lock the account... */
  maxFailures: 5,
  /** ...for this long; the next failure after the lock starts another. */
  lockSeconds: 15 * 60,
} as const;

/** How long an enrolment link stays valid. */
export const ENROLMENT_SECONDS = 72 * 3600;
export const RECOVERY_CODE_COUNT = 10;

/** Usernames: lower-case letters, digits, dot, dash, underscore; 3–40 characters. */
export function normalizeUsername(v: string): string {
  return v.trim().toLowerCase();
}

export function isValidUsername(v: string): boolean {
  return /^[a-z0-9][a-z0-9._-]{2,39}$/u.test(v);
}

/**
 * The password rule (NIST SP 800-63B): at least 12 characters, at most 128, not the username,
 * not one character repeated. Returns the field error code, or null.
 */
export function passwordProblem(password: string, username: string): string | null {
  // Code points, not UTF-16 units: a password of accented letters counts as typed.
  const length = Array.from(password).length;
  if (length < 12) return "password_too_short";
  if (length > 128) return "password_too_long";
  if (password.toLowerCase().includes(username.toLowerCase())) return "password_contains_username";
  if (new Set(password).size < 4) return "password_too_simple";
  return null;
}

/**
 * The back office's review of conversion requests (issue 7) and the supervisors' figures: who
 * may do what, the reasons a request is rejected for, how long a reviewer holds an item, and
 * Europe/Rome calendar days as instants (the queues' "per day" figures).
 */
import { romeDate } from "./eligibility.ts";
import type { StaffRole } from "./staff.ts";

/** Who works the review queue (read, open documents, decide). */
export const REVIEW_ROLES: readonly StaffRole[] = ["back_office_reviewer", "supervisor"];
/** Who registers the pages of a received fax. */
export const FAX_ROLES: readonly StaffRole[] = ["back_office_reviewer", "supervisor"];
/** Who searches the audit trail, manages accounts and reads the queues' figures. */
export const SUPERVISOR_ROLES: readonly StaffRole[] = ["supervisor"];

export const REJECTION_REASONS = [
  "illegible",
  "document_expired",
  "signature_missing",
  "data_mismatch",
  "form_missing",
  "other",
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export function isRejectionReason(v: unknown): v is RejectionReason {
  return typeof v === "string" && (REJECTION_REASONS as readonly string[]).includes(v);
}

export type ConversionChannel = "online" | "fax" | "desk";

/** How long opening an item keeps it for the reviewer (renewed when they open it again). */
export const REVIEW_LEASE_SECONDS = 20 * 60;

/** The most pages (files, or TIFF pages) one fax intake takes. */
export const MAX_FAX_PAGES = 20;
export const MAX_FAX_FILES = 10;

/**
 * A free-text note: trimmed, at most 500 characters, no control characters but new lines;
 * null when empty, false when unacceptable.
 */
export function cleanNote(v: unknown): string | null | false {
  if (v === undefined || v === null) return null;
  if (typeof v !== "string") return false;
  const s = v.replace(/\r\n?/gu, "\n").trim();
  if (s === "") return null;
  if (s.length > 500 || /[\p{Cc}--[\n]]/v.test(s)) return false;
  return s;
}

/** Whether `v` is a Europe/Rome calendar date "YYYY-MM-DD" that exists. */
export function isCivilDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(v)) return false;
  const d = new Date(`${v}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** The instant a Europe/Rome day starts (its midnight is 22:00 or 23:00 UTC the day before). */
export function romeDayStart(date: string): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  for (const hours of [2, 1, 0]) {
    const candidate = new Date(utcMidnight - hours * 3_600_000);
    if (romeDate(candidate) === date) return candidate;
  }
  return new Date(utcMidnight);
}

/** The day after a civil date. */
export function nextCivilDate(date: string): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The `days` Rome dates ending with the one of `now`, oldest first. */
export function lastRomeDays(now: Date, days: number): string[] {
  const today = romeDate(now);
  const out: string[] = [];
  let d = today;
  for (let i = 0; i < days; i++) {
    out.unshift(d);
    d = new Date(Date.parse(`${d}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  }
  return out;
}

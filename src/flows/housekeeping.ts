/**
 * Housekeeping, run by the worker: expired sessions and confirmation links, stale lockout counters, browsers unused
 * for longer than their device cookie lives and finished rate-limit windows removed; delivered messages' personal data scrubbed once the retention
 * period has passed; uploaded documents deleted once their request was decided long enough ago
 * (SPEC.md "Retention").
 */
import { DEFAULT_LIMITS, type Limit, type LimiterName } from "../domain/rate-limits.ts";
import { systemActor } from "../domain/actor.ts";
import { STAFF_SESSION } from "../domain/staff.ts";
import { enqueueAppointmentReminders } from "./appointments-reminders.ts";
import type { BaseDeps } from "./deps.ts";

export interface HousekeepingDeps extends BaseDeps {
  idleSeconds: number;
  outboxRetentionDays: number;
  /** Days after a conversion's decision before its documents go (default 90). */
  documentRetentionDays?: number;
  limits?: Readonly<Record<LimiterName, Limit>>;
}

export interface HousekeepingReport {
  sessions: number;
  handovers: number;
  links: number;
  contactChanges: number;
  counters: number;
  devices: number;
  rateLimits: number;
  scrubbedMessages: number;
  documents: number;
  staffSessions: number;
  /** Contact centre (issue 7): callers' identity checks past the failure window. */
  identityChecks: number;
  /** Desk-appointment reminders enqueued for tomorrow (issue 7, appointments). */
  appointmentReminders: number;
  /** Desk appointments deleted once APPOINTMENT_RETENTION_DAYS past (issue 7, appointments). */
  appointments: number;
  /** PINs issued at the desk whose one printout lapsed: their sealed copy erased (issue 7, desk). */
  deskHandovers: number;
  /** SMS delivery-report signatures past the webhook's replay window (issue 8). */
  smsReportSignatures: number;
}

/** Kept past the webhook's ±5-minute window: a report stamped 5 minutes ahead stays refusable. */
const SMS_REPORT_SIGNATURE_MS = 15 * 60_000;

/** Days after an appointment before its row (name, contact, fiscal code) is deleted. */
export const APPOINTMENT_RETENTION_DAYS = 90;

export async function housekeeping(deps: HousekeepingDeps): Promise<HousekeepingReport> {
  const now = deps.clock.now();
  const d = deps.uow.direct;
  const longest = Math.max(
    ...Object.values(deps.limits ?? DEFAULT_LIMITS).map((l) => l.windowSeconds),
  );
  return {
    sessions: await endExpiredSessions(deps, now),
    handovers: await d.handovers.deleteExpired(now),
    // Kept a week past expiry: a late click is told "used or expired", not "unknown".
    links: await d.links.deleteExpired(new Date(now.getTime() - 7 * 86_400_000)),
    contactChanges: await d.contacts.deleteExpired(now),
    counters: await d.throttle.deleteStale(now),
    // A device cookie lives two years: a browser unused for longer is forgotten.
    devices: await d.devices.deleteUnused(new Date(now.getTime() - 2 * 365 * 86_400_000)),
    rateLimits: await d.limits.deleteExpired(now, longest),
    scrubbedMessages: await d.outboxMaintenance.scrubDelivered(
      new Date(now.getTime() - deps.outboxRetentionDays * 86_400_000),
      now,
    ),
    documents: await d.conversions.purgeDocuments(
      new Date(now.getTime() - (deps.documentRetentionDays ?? 90) * 86_400_000),
      now,
    ),
    staffSessions: await d.staff.deleteExpiredSessions(now, STAFF_SESSION.idleSeconds),
    // Needed for 30 minutes (a passed check) or 24 hours (failures counted); the audit trail
    // keeps every check.
    identityChecks: await d.contactCentre.deleteChecksBefore(
      new Date(now.getTime() - 2 * 86_400_000),
    ),
    appointmentReminders: await enqueueAppointmentReminders(deps, now),
    appointments: await d.appointments.deleteOlderThan(
      new Date(now.getTime() - APPOINTMENT_RETENTION_DAYS * 86_400_000),
    ),
    // The office desk (issue 7, desk).
    deskHandovers: await d.desk.expireHandovers(now),
    smsReportSignatures: await d.outboxMaintenance.deleteSmsReportSignatures(
      new Date(now.getTime() - SMS_REPORT_SIGNATURE_MS),
    ),
  };
}

/** Sessions past their idle or absolute time, ended and audited in one transaction. */
async function endExpiredSessions(deps: HousekeepingDeps, now: Date): Promise<number> {
  return deps.uow.run(async (r) => {
    const ended = await r.sessions.deleteExpired(now, deps.idleSeconds);
    for (const fiscalCode of ended) {
      r.audit.record({
        type: "session.ended",
        outcome: "success",
        ...systemActor("housekeeping"),
        subject: fiscalCode,
        details: { reason: "timeout" },
      });
    }
    return ended.length;
  });
}

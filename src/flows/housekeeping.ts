/**
 * Housekeeping, run by the worker: expired sessions, stale lockout counters, browsers unused
 * for longer than their device cookie lives and finished rate-limit windows removed; delivered messages' personal data scrubbed once the retention
 * period has passed (SPEC.md "Retention").
 */
import { DEFAULT_LIMITS, type Limit, type LimiterName } from "../domain/rate-limits.ts";
import type { BaseDeps } from "./deps.ts";

export interface HousekeepingDeps extends BaseDeps {
  idleSeconds: number;
  outboxRetentionDays: number;
  limits?: Readonly<Record<LimiterName, Limit>>;
}

export interface HousekeepingReport {
  sessions: number;
  counters: number;
  devices: number;
  rateLimits: number;
  scrubbedMessages: number;
}

export async function housekeeping(deps: HousekeepingDeps): Promise<HousekeepingReport> {
  const now = deps.clock.now();
  const d = deps.uow.direct;
  const longest = Math.max(
    ...Object.values(deps.limits ?? DEFAULT_LIMITS).map((l) => l.windowSeconds),
  );
  return {
    sessions: await d.sessions.deleteExpired(now, deps.idleSeconds),
    counters: await d.throttle.deleteStale(now),
    // A device cookie lives two years: a browser unused for longer is forgotten.
    devices: await d.devices.deleteUnused(new Date(now.getTime() - 2 * 365 * 86_400_000)),
    rateLimits: await d.limits.deleteExpired(now, longest),
    scrubbedMessages: await d.outboxMaintenance.scrubDelivered(
      new Date(now.getTime() - deps.outboxRetentionDays * 86_400_000),
      now,
    ),
  };
}

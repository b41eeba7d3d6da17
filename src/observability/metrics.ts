/**
 * Prometheus metrics (prom-client), one registry per process, served by GET /metrics.
 * Metric objects are created once here and imported where things happen; gauges that read the
 * database (outbox depth, oldest message), the hash queue and the pool are set at scrape time
 * (http/metrics-route.ts).
 *
 * Labels never carry personal data: channel, kind, outcome, route pattern, status code.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

/** A message handed to (or refused by) a provider. outcome: sent | retry | abandoned | delivered | failed. */
export const deliveries = new Counter({
  name: "inps_outbox_deliveries_total",
  help: "Outbox deliveries by channel and outcome (sent, retry, abandoned; delivered or failed from provider reports; printed from the print vendor)",
  labelNames: ["channel", "outcome"] as const,
  registers: [registry],
});

/** Letter batches for the print vendor by outcome: uploaded, acknowledged. */
export const letterBatches = new Counter({
  name: "inps_letter_batches_total",
  help: "Letter batches uploaded to the print vendor's drop and acknowledged by the vendor",
  labelNames: ["outcome"] as const,
  registers: [registry],
});
export const httpDuration = new Histogram({
  name: "inps_http_request_duration_seconds",
  help: "HTTP requests by method, route pattern and status: durations (its _count gives the rates)",
  labelNames: ["method", "route", "status"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const auditEvents = new Counter({
  name: "inps_audit_events_total",
  help: "Audit events committed, by type",
  labelNames: ["type"] as const,
  registers: [registry],
});

export const logins = new Counter({
  name: "inps_logins_total",
  help: "Citizen logins by outcome (success, wrong_pin, refused)",
  labelNames: ["outcome"] as const,
  registers: [registry],
});

export const pinLocks = new Counter({
  name: "inps_pin_locks_total",
  help: "PIN lockouts started (10 wrong PINs)",
  registers: [registry],
});

export const claims = new Counter({
  name: "inps_claims_total",
  help: "PIN claims by outcome (received, issued, under_verification, refused)",
  labelNames: ["outcome"] as const,
  registers: [registry],
});

export const outboxMessages = new Gauge({
  name: "inps_outbox_messages",
  help: "Outbox messages not yet sent, by channel and status (queued, sending, failed, abandoned)",
  labelNames: ["channel", "status"] as const,
  registers: [registry],
});

export const outboxOldestAge = new Gauge({
  name: "inps_outbox_oldest_age_seconds",
  help: "Age of the oldest message not yet sent, by channel and status",
  labelNames: ["channel", "status"] as const,
  registers: [registry],
});

export const outboxAbandoned = new Gauge({
  name: "inps_outbox_abandoned",
  help: "Abandoned messages waiting for a supervisor (resend or let retention scrub them): the alert metric",
  registers: [registry],
});

export const circuitState = new Gauge({
  name: "inps_outbox_circuit_state",
  help: "Delivery circuit per channel in this worker: 0 closed, 1 half-open, 2 open",
  labelNames: ["channel"] as const,
  registers: [registry],
});

export const hashQueue = new Gauge({
  name: "inps_hash_queue",
  help: "PIN hashing (argon2id): hashes running (state=active) and waiting (state=waiting)",
  labelNames: ["state"] as const,
  registers: [registry],
});

export const dbPool = new Gauge({
  name: "inps_db_pool_connections",
  help: "Database pool connections by pool (main, technical) and state (total, idle, waiting clients)",
  labelNames: ["pool", "state"] as const,
  registers: [registry],
});

/** An audit event as the unit of work reports it after the commit. */
export interface CommittedAuditEvent {
  id: string;
  type: string;
  outcome: string;
}

const LOGIN_OUTCOMES: Record<string, string> = {
  "login.succeeded": "success",
  "login.failed": "wrong_pin",
  "login.refused": "refused",
};
const CLAIM_OUTCOMES: Record<string, string> = {
  "claim.received": "received",
  "claim.issued": "issued",
  "claim.queued_for_verification": "under_verification",
  "claim.refused": "refused",
};

/** Counts committed audit events: by type, and logins, locks and claims by outcome. */
export function countAuditEvents(events: readonly CommittedAuditEvent[]): void {
  for (const e of events) {
    auditEvents.inc({ type: e.type });
    const login = LOGIN_OUTCOMES[e.type];
    if (login !== undefined) logins.inc({ outcome: login });
    const claim = CLAIM_OUTCOMES[e.type];
    if (claim !== undefined) claims.inc({ outcome: claim });
    if (e.type === "lock.started") pinLocks.inc();
  }
}

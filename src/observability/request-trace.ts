/**
 * What one HTTP request did that its completion log line reports: the audit events its units
 * of work committed. The edge opens a trace per request (AsyncLocalStorage); the unit of work
 * reports committed events through `auditCommitted` below, wired in main.ts, which also
 * counts them for the metrics.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { countAuditEvents, type CommittedAuditEvent } from "./metrics.ts";

export interface RequestTrace {
  auditEventIds: string[];
}

const traces = new AsyncLocalStorage<RequestTrace>();

/** Runs `fn` (the rest of the request's handling) with `trace` as the current trace. */
export function withTrace(trace: RequestTrace, fn: () => void): void {
  traces.run(trace, fn);
}

/** The unit of work's report after a commit: counted, and added to the current request's trace. */
export function auditCommitted(events: readonly CommittedAuditEvent[]): void {
  countAuditEvents(events);
  traces.getStore()?.auditEventIds.push(...events.map((e) => e.id));
}

/**
 * The ports of the supervisors' tools (issue 7): the audit trail searched (subjects only by
 * their keyed hash), and the queues' figures. Part of the flows' ports (ports.ts, key
 * `supervisor`).
 */
import type { Channel } from "../notifications/channel-kind.ts";

export interface AuditSearch {
  subjectKey: string | null;
  actorId: string | null;
  type: string | null;
  from: Date | null;
  /** Exclusive. */
  to: Date | null;
  /** Events with a sequence number below this (the next page), newest first. */
  before: number | null;
  limit: number;
}

export interface AuditSearchRow {
  seq: number;
  at: Date;
  type: string;
  outcome: string;
  actorKind: string;
  actorId: string | null;
  actorRole: string | null;
  /** The member of staff's username when the actor is staff. */
  actorUsername: string | null;
  subjectHint: string | null;
  sourceIp: string | null;
  requestId: string | null;
  details: unknown;
}

export interface QueueFigures {
  waiting: number;
  oldest: Date | null;
  /** Handled per UTC hour since the start asked (grouped into Rome days by the flow). */
  handledByHour: { hour: number; count: number }[];
}

/** An outbox message as supervisors see it (the recipient is masked by the flow). */
export interface AbandonedMessage {
  id: string;
  kind: string;
  channel: Channel;
  recipient: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  abandonedAt: Date;
  /** The sealed secret (PIN half, link token) is still there. */
  hasSecret: boolean;
  status: string;
  scrubbed: boolean;
}

export interface SupervisorStore {
  searchAudit(q: AuditSearch): Promise<AuditSearchRow[]>;
  /** The outbound verification queue: waiting claims; handled = `verification.outcome` events. */
  verificationQueue(since: Date): Promise<QueueFigures>;
  /** The review queue: submitted conversion requests; handled = decided ones. */
  reviewQueue(since: Date): Promise<QueueFigures>;
  /** Abandoned outbox messages not yet scrubbed, most recently abandoned first (issue 8). */
  abandonedMessages(limit: number): Promise<AbandonedMessage[]>;
  /** One outbox message, locked until the transaction ends; null when unknown. */
  lockMessage(id: string): Promise<AbandonedMessage | null>;
  /** Queued again, due now, attempts reset; false when no longer abandoned. */
  requeueAbandoned(id: string, now: Date): Promise<boolean>;
}

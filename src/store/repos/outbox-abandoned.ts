/**
 * Abandoned messages for supervisors (flows/staff/supervisor-outbox.ts): the list, and the
 * resend that queues one again with its attempts reset. Recipients leave here in clear only
 * to be masked by the flow; secrets never leave (they stay sealed in the row).
 */
import type { AbandonedMessage } from "../../flows/ports-supervisor.ts";
import type { Channel } from "../../notifications/channel-kind.ts";
import type { Queryable } from "../db.ts";

interface Row {
  id: string;
  kind: string;
  channel: Channel;
  recipient: string;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  abandoned_at: Date | null;
  next_attempt_at: Date;
  has_secret: boolean;
  status: string;
  scrubbed: boolean;
}

const COLUMNS = `id, kind, channel, recipient, attempts, last_error, created_at, abandoned_at,
  next_attempt_at, secret IS NOT NULL AS has_secret, status, scrubbed_at IS NOT NULL AS scrubbed`;

function toMessage(r: Row): AbandonedMessage {
  return {
    id: r.id,
    kind: r.kind,
    channel: r.channel,
    recipient: r.recipient,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at,
    // Abandoned before abandoned_at was recorded: its last due instant is the closest.
    abandonedAt: r.abandoned_at ?? r.next_attempt_at,
    hasSecret: r.has_secret,
    status: r.status,
    scrubbed: r.scrubbed,
  };
}

/** Abandoned messages not yet scrubbed, most recently abandoned first. */
export async function abandonedMessages(q: Queryable, limit: number): Promise<AbandonedMessage[]> {
  const rows = await q.query<Row>(
    `SELECT ${COLUMNS} FROM outbox
      WHERE status = 'abandoned' AND scrubbed_at IS NULL
      ORDER BY abandoned_at DESC NULLS LAST, created_at DESC
      LIMIT $1`,
    [limit],
  );
  return rows.map(toMessage);
}

/** One message (locked for the resend's transaction), whatever its status. */
export async function lockMessage(q: Queryable, id: string): Promise<AbandonedMessage | null> {
  const rows = await q.query<Row>(`SELECT ${COLUMNS} FROM outbox WHERE id = $1 FOR UPDATE`, [id]);
  const r = rows[0];
  return r === undefined ? null : toMessage(r);
}

/** Queued again, due now, attempts reset; false when it is no longer abandoned. */
export async function requeueAbandoned(q: Queryable, id: string, now: Date): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    `UPDATE outbox SET status = 'queued', attempts = 0, next_attempt_at = $2, abandoned_at = NULL,
            lease_until = NULL, letter_batch_id = NULL
      WHERE id = $1 AND status = 'abandoned' AND scrubbed_at IS NULL
      RETURNING id`,
    [id, now],
  );
  return rows.length === 1;
}

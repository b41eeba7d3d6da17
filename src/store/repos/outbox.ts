/**
 * The transactional outbox. Flows enqueue inside their own transaction; workers (any number,
 * in any process) lease due messages with FOR UPDATE SKIP LOCKED, deliver, and mark them.
 * A PIN half travels sealed (AES-256-GCM, bound to the message id) and is erased when the
 * message is sent; an abandoned message keeps it so that a supervisor can resend it once the
 * provider is fixed, until the retention scrub (OUTBOX_RETENTION_DAYS) erases it.
 */
import type { OutboxDepthRow } from "../../flows/ports.ts";
import type { Channel } from "../../notifications/channel-kind.ts";
import type { MessageKind, OutgoingMessage } from "../../notifications/registry.ts";
import { open, seal } from "../../security/crypto.ts";
import type { Queryable } from "../db.ts";

export type { Channel };
export type OutboxStatus = "queued" | "sending" | "sent" | "failed" | "abandoned";

export interface LeasedMessage {
  id: string;
  kind: string;
  channel: Channel;
  recipient: string;
  payload: Record<string, unknown>;
  secret: string | undefined;
  attempts: number;
  createdAt: Date;
  /** Set when the sealed secret cannot be opened (wrong OUTBOX_KEY, damaged row); secret is then undefined. */
  secretError?: string | undefined;
}

export async function enqueue<K extends MessageKind>(
  q: Queryable,
  key: Buffer,
  m: OutgoingMessage<K>,
  now: Date,
): Promise<void> {
  const secret: string | undefined = m.secret;
  await q.query(
    `INSERT INTO outbox (id, kind, channel, recipient, payload, secret, status, next_attempt_at, created_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, 'queued', $7, $7)`,
    [
      m.id,
      m.kind,
      m.channel,
      m.recipient,
      JSON.stringify(m.payload),
      secret === undefined ? null : seal(key, secret, m.id),
      now,
    ],
  );
}

interface Row {
  id: string;
  kind: string;
  channel: Channel;
  recipient: string;
  payload: Record<string, unknown>;
  secret: string | null;
  attempts: number;
  created_at: Date;
}

/**
 * Leases up to `limit` due messages of the given channels, including ones whose previous lease
 * expired (a dead worker).
 */
export async function leaseDue(
  q: Queryable,
  key: Buffer,
  now: Date,
  limit: number,
  leaseSeconds: number,
  channels: readonly Channel[],
): Promise<LeasedMessage[]> {
  const rows = await q.query<Row>(
    `UPDATE outbox SET status = 'sending', lease_until = $2, attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM outbox
         WHERE ((status IN ('queued', 'failed') AND next_attempt_at <= $1)
            OR (status = 'sending' AND lease_until < $1))
           AND channel = ANY($4::text[])
         ORDER BY next_attempt_at
         LIMIT $3
         FOR UPDATE SKIP LOCKED)
      RETURNING id, kind, channel, recipient, payload, secret, attempts, created_at`,
    [now, new Date(now.getTime() + leaseSeconds * 1000), limit, channels],
  );
  return rows.map((r) => toLeased(key, r));
}

/**
 * Leases due messages, at most `perChannel[c]` of each channel and `limit` in all (the oldest
 * due first): one statement, each channel's candidates locked in its own LATERAL sub-select,
 * so a busy channel never takes the places of the others (the worker's lanes).
 */
export async function leaseDueByChannel(
  q: Queryable,
  key: Buffer,
  now: Date,
  limit: number,
  leaseSeconds: number,
  perChannel: ReadonlyMap<Channel, number>,
): Promise<LeasedMessage[]> {
  const caps = [...perChannel].filter(([, n]) => n > 0);
  if (caps.length === 0 || limit <= 0) return [];
  const rows = await q.query<Row>(
    `UPDATE outbox SET status = 'sending', lease_until = $2, attempts = attempts + 1
      WHERE id IN (
        SELECT m.id FROM unnest($4::text[], $5::text[]) AS c(channel, n)
        CROSS JOIN LATERAL (
          SELECT id, next_attempt_at FROM outbox
           WHERE ((status IN ('queued', 'failed') AND next_attempt_at <= $1)
              OR (status = 'sending' AND lease_until < $1))
             AND channel = c.channel
           ORDER BY next_attempt_at
           LIMIT c.n::int
           FOR UPDATE SKIP LOCKED) m
         ORDER BY m.next_attempt_at
         LIMIT $3)
      RETURNING id, kind, channel, recipient, payload, secret, attempts, created_at`,
    [
      now,
      new Date(now.getTime() + leaseSeconds * 1000),
      limit,
      caps.map(([c]) => c),
      caps.map(([, n]) => String(n)),
    ],
  );
  return rows.map((r) => toLeased(key, r));
}

function toLeased(key: Buffer, r: Row): LeasedMessage {
  // One unreadable secret must not fail the whole batch (and, re-leased, block the queue):
  // the message is returned with the error and the worker retries or abandons it alone.
  let secret: string | undefined;
  let secretError: string | undefined;
  try {
    secret = r.secret === null ? undefined : open(key, r.secret, r.id);
  } catch {
    secretError = "message secret cannot be decrypted (wrong OUTBOX_KEY or damaged row)";
  }
  return {
    id: r.id,
    kind: r.kind,
    channel: r.channel,
    recipient: r.recipient,
    payload: r.payload,
    secret,
    attempts: r.attempts,
    createdAt: r.created_at,
    ...(secretError === undefined ? {} : { secretError }),
  };
}

export async function markSent(
  q: Queryable,
  id: string,
  now: Date,
  providerRef: string | null,
): Promise<void> {
  await q.query(
    `UPDATE outbox SET status = 'sent', sent_at = $2, secret = NULL, lease_until = NULL, provider_ref = $3,
            last_error = NULL
      WHERE id = $1 AND status = 'sending'`,
    [id, now, providerRef],
  );
}

/**
 * nextAttemptAt null → abandoned: the sealed secret is kept for a supervisor's resend (the
 * retention scrub erases it); `now` records when (default: the database's clock).
 * `attempt` (the lease's attempts count) makes a failure that outlived its lease a no-op: the
 * message was leased again meanwhile, and only that newer attempt may decide its fate. (A late
 * success still marks it sent: the provider took it.)
 */
export async function markFailed(
  q: Queryable,
  id: string,
  error: string,
  nextAttemptAt: Date | null,
  now?: Date,
  attempt?: number,
): Promise<void> {
  if (nextAttemptAt === null) {
    await q.query(
      `UPDATE outbox SET status = 'abandoned', lease_until = NULL, last_error = $2,
              abandoned_at = coalesce($3::timestamptz, now())
        WHERE id = $1 AND status = 'sending' AND ($4::int IS NULL OR attempts = $4)`,
      [id, error.slice(0, 500), now ?? null, attempt ?? null],
    );
  } else {
    await q.query(
      `UPDATE outbox SET status = 'failed', next_attempt_at = $3, lease_until = NULL, last_error = $2
        WHERE id = $1 AND status = 'sending' AND ($4::int IS NULL OR attempts = $4)`,
      [id, error.slice(0, 500), nextAttemptAt, attempt ?? null],
    );
  }
}

export async function outboxCounts(q: Queryable): Promise<Record<OutboxStatus, number>> {
  const rows = await q.query<{ status: OutboxStatus; n: number }>(
    "SELECT status, count(*)::int AS n FROM outbox GROUP BY status",
  );
  const counts: Record<OutboxStatus, number> = {
    queued: 0,
    sending: 0,
    sent: 0,
    failed: 0,
    abandoned: 0,
  };
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

/**
 * Retention: once a message was delivered or abandoned long enough ago, its recipient, payload
 * (names, addresses, contacts) and an abandoned message's sealed secret are scrubbed (it can no
 * longer be resent); the row stays for counts and audits.
 */
export async function scrubDelivered(q: Queryable, before: Date, now: Date): Promise<number> {
  const rows = await q.query<{ n: number }>(
    `WITH s AS (
       UPDATE outbox SET recipient = '', payload = '{}'::jsonb, secret = NULL, last_error = NULL, scrubbed_at = $2
        WHERE scrubbed_at IS NULL AND status IN ('sent', 'abandoned')
          AND coalesce(sent_at, abandoned_at, next_attempt_at) < $1
        RETURNING 1)
     SELECT count(*)::int AS n FROM s`,
    [before, now],
  );
  return rows[0]?.n ?? 0;
}

/**
 * Messages not yet sent (abandoned ones until scrubbed) per channel and status, with the age
 * of the oldest: one query at each metrics scrape.
 */
export async function outboxDepth(q: Queryable, now: Date): Promise<OutboxDepthRow[]> {
  const rows = await q.query<{
    channel: Channel;
    status: OutboxDepthRow["status"];
    n: number;
    age: number;
  }>(
    // Two arms, each matching a partial index (outbox_due, outbox_abandoned): the sent
    // messages, nearly the whole table, are never read.
    `SELECT channel, status, count(*)::int AS n,
            greatest(0, extract(epoch FROM ($1::timestamptz - min(created_at))))::float8 AS age
       FROM outbox WHERE status IN ('queued', 'failed', 'sending')
      GROUP BY channel, status
     UNION ALL
     SELECT channel, status, count(*)::int AS n,
            greatest(0, extract(epoch FROM ($1::timestamptz - min(created_at))))::float8 AS age
       FROM outbox WHERE status = 'abandoned' AND scrubbed_at IS NULL
      GROUP BY channel, status`,
    [now],
  );
  return rows.map((r) => ({
    channel: r.channel,
    status: r.status,
    count: r.n,
    oldestAgeSeconds: r.age,
  }));
}

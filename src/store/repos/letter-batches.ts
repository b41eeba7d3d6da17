/**
 * Letter batches for the print vendor (notifications/letters/): which letters went in which
 * batch, the batch's progress (building → uploaded → acknowledged), and the vendor's verdict
 * on each letter. A letter is claimed into one batch once and never leaves it once uploaded;
 * its sealed second half stays until the vendor says it was printed.
 */
import type { Db, Queryable } from "../db.ts";

export type LetterBatchStatus = "building" | "uploaded" | "acknowledged";

export interface LetterBatch {
  id: string;
  romeDate: string;
  status: LetterBatchStatus;
  createdAt: Date;
  uploadedAt: Date | null;
  acknowledgedAt: Date | null;
  letters: number;
  pages: number;
}

export interface BatchLetter {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  /** Sealed (security/crypto.ts seal, bound to the id); null once erased. */
  secret: string | null;
  /** Batches this letter was claimed into (the outbox's attempts). */
  attempts: number;
  createdAt: Date;
}

interface BatchRow {
  id: string;
  rome_date: string;
  status: LetterBatchStatus;
  created_at: Date;
  uploaded_at: Date | null;
  acknowledged_at: Date | null;
  letters: number;
  pages: number;
}

const BATCH_COLUMNS =
  "id, rome_date::text AS rome_date, status, created_at, uploaded_at, acknowledged_at, letters, pages";

const toBatch = (r: BatchRow): LetterBatch => ({
  id: r.id,
  romeDate: r.rome_date,
  status: r.status,
  createdAt: r.created_at,
  uploadedAt: r.uploaded_at,
  acknowledgedAt: r.acknowledged_at,
  letters: r.letters,
  pages: r.pages,
});

/**
 * In one transaction: a new batch row (building, leased to the caller until `leaseUntil`) and
 * every queued or failed letter that is in no batch yet (and any left leased one by one by a
 * worker that is gone, from before a drop was configured), claimed into it. Null (and no row)
 * when no letter waits. Concurrent callers never claim the same letter: the second one's
 * UPDATE re-checks `letter_batch_id IS NULL` after the first commits.
 */
export async function claimNewBatch(
  db: Db,
  b: { id: string; romeDate: string; now: Date; owner: string; leaseUntil: Date },
): Promise<{ batch: LetterBatch; letters: number } | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<BatchRow>(
      `INSERT INTO letter_batch (id, rome_date, status, created_at, lease_owner, lease_until)
       VALUES ($1, $2::date, 'building', $3, $4, $5)
       RETURNING ${BATCH_COLUMNS}`,
      [b.id, b.romeDate, b.now, b.owner, b.leaseUntil],
    );
    const claimed = await tx.query<{ id: string }>(
      `UPDATE outbox SET letter_batch_id = $1, status = 'sending', lease_until = NULL,
              attempts = attempts + 1
        WHERE channel = 'letter' AND letter_batch_id IS NULL
          AND (status IN ('queued', 'failed')
               -- leased one by one before a drop was configured, by a worker that is gone
               OR (status = 'sending' AND (lease_until IS NULL OR lease_until < $2)))
        RETURNING id`,
      [b.id, b.now],
    );
    if (claimed.length === 0 || row === undefined) {
      await tx.query("DELETE FROM letter_batch WHERE id = $1", [b.id]);
      return null;
    }
    return { batch: toBatch(row), letters: claimed.length };
  });
}

/** Batches left building (a killed process, a dropped connection), oldest first. */
export async function buildingBatches(q: Queryable): Promise<LetterBatch[]> {
  const rows = await q.query<BatchRow>(
    `SELECT ${BATCH_COLUMNS} FROM letter_batch WHERE status = 'building' ORDER BY created_at, id`,
  );
  return rows.map(toBatch);
}

/**
 * Takes or renews the upload lease of a building batch for `owner`; false when another owner
 * holds an unexpired lease (or the batch is no longer building).
 */
export async function leaseBatch(
  q: Queryable,
  id: string,
  owner: string,
  now: Date,
  leaseUntil: Date,
): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    `UPDATE letter_batch SET lease_owner = $2, lease_until = $4
      WHERE id = $1 AND status = 'building'
        AND (lease_owner = $2 OR lease_until IS NULL OR lease_until < $3)
      RETURNING id`,
    [id, owner, now, leaseUntil],
  );
  return rows.length > 0;
}

/** Gives a building batch's lease back (the upload failed: the next run may resume at once). */
export async function releaseBatch(q: Queryable, id: string, owner: string): Promise<void> {
  await q.query(
    `UPDATE letter_batch SET lease_owner = NULL, lease_until = NULL
      WHERE id = $1 AND status = 'building' AND lease_owner = $2`,
    [id, owner],
  );
}

/** A building batch all of whose letters left it (none could be rendered): removed. */
export async function discardEmptyBatch(q: Queryable, id: string): Promise<void> {
  await q.query(
    `DELETE FROM letter_batch WHERE id = $1 AND status = 'building'
        AND NOT EXISTS (SELECT 1 FROM outbox WHERE letter_batch_id = $1)`,
    [id],
  );
}

/** The letters of a batch still to upload, in a stable order. */
export async function lettersOfBatch(q: Queryable, batchId: string): Promise<BatchLetter[]> {
  const rows = await q.query<{
    id: string;
    kind: string;
    payload: Record<string, unknown>;
    secret: string | null;
    attempts: number;
    created_at: Date;
  }>(
    `SELECT id, kind, payload, secret, attempts, created_at FROM outbox
      WHERE letter_batch_id = $1 AND status = 'sending' ORDER BY created_at, id`,
    [batchId],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    payload: r.payload,
    secret: r.secret,
    attempts: r.attempts,
    createdAt: r.created_at,
  }));
}

/**
 * A letter that cannot be rendered leaves its (still building) batch: failed, for the next
 * batch, or abandoned with its secret erased once `abandon` (too many attempts).
 */
export async function dropFromBatch(
  q: Queryable,
  id: string,
  error: string,
  now: Date,
  abandon: boolean,
): Promise<void> {
  await q.query(
    `UPDATE outbox SET letter_batch_id = NULL, last_error = $2, next_attempt_at = $3,
            status = CASE WHEN $4 THEN 'abandoned' ELSE 'failed' END,
            abandoned_at = CASE WHEN $4 THEN $3 ELSE abandoned_at END,
            secret = CASE WHEN $4 THEN NULL ELSE secret END
      WHERE id = $1 AND status = 'sending'`,
    [id, error.slice(0, 500), now, abandon],
  );
}

/**
 * The manifest is on the drop: the batch is uploaded and its letters sent (provider_ref: the
 * batch id). Their secrets stay sealed until the vendor acknowledges them.
 */
export async function markUploaded(
  db: Db,
  id: string,
  now: Date,
  totals: { letters: number; pages: number },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `UPDATE letter_batch SET status = 'uploaded', uploaded_at = $2, lease_owner = NULL, lease_until = NULL,
              letters = $3, pages = $4
        WHERE id = $1 AND status = 'building'`,
      [id, now, totals.letters, totals.pages],
    );
    await tx.query(
      `UPDATE outbox SET status = 'sent', sent_at = $2, provider_ref = $1, lease_until = NULL,
              last_error = NULL
        WHERE letter_batch_id = $1 AND status = 'sending'`,
      [id, now],
    );
  });
}

export async function uploadedBatches(q: Queryable): Promise<LetterBatch[]> {
  const rows = await q.query<BatchRow>(
    `SELECT ${BATCH_COLUMNS} FROM letter_batch WHERE status = 'uploaded' ORDER BY created_at, id`,
  );
  return rows.map(toBatch);
}

/** Printed letters of the batch: marked, their sealed half erased. Returns the ids changed. */
export async function markPrinted(
  q: Queryable,
  batchId: string,
  ids: readonly string[],
  now: Date,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await q.query<{ id: string }>(
    `UPDATE outbox SET letter_printed_at = $3, secret = NULL
      WHERE letter_batch_id = $1 AND id::text = ANY($2::text[])
        AND status = 'sent' AND letter_printed_at IS NULL
      RETURNING id`,
    [batchId, ids, now],
  );
  return rows.map((r) => r.id);
}

/**
 * A letter the vendor could not print: abandoned with the reason, its secret kept sealed (a
 * supervisor may resend it) until the retention scrub. Returns whether the letter changed.
 */
/**
 * The vendor's words as kept in outbox.last_error (shown to supervisors): letters and plain
 * punctuation only, 80 characters — digits go (house numbers, postal codes), so does anything
 * that could carry more of an address than a word or two.
 */
export function vendorReason(reason: string): string {
  return reason
    .replace(/[^\p{L} .,:;'()-]/gu, "")
    .replace(/\s+/gu, " ")
    .trim()
    .slice(0, 80);
}

export async function markRejected(
  q: Queryable,
  batchId: string,
  id: string,
  reason: string,
  now: Date,
): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    `UPDATE outbox SET status = 'abandoned', last_error = $3, abandoned_at = $4
      WHERE letter_batch_id = $1 AND id::text = $2 AND status = 'sent' AND letter_printed_at IS NULL
      RETURNING id`,
    [batchId, id, `print vendor rejected the letter: ${vendorReason(reason)}`, now],
  );
  return rows.length > 0;
}

/** The batch's letters and what became of them. */
export async function batchLetterStates(
  q: Queryable,
  batchId: string,
): Promise<{ id: string; state: "pending" | "printed" | "rejected" | "other" }[]> {
  const rows = await q.query<{ id: string; status: string; printed: boolean }>(
    `SELECT id, status, letter_printed_at IS NOT NULL AS printed FROM outbox
      WHERE letter_batch_id = $1 ORDER BY created_at, id`,
    [batchId],
  );
  return rows.map((r) => ({
    id: r.id,
    state: r.printed
      ? "printed"
      : r.status === "sent"
        ? "pending"
        : r.status === "abandoned"
          ? "rejected"
          : "other",
  }));
}

export async function markAcknowledged(q: Queryable, id: string, now: Date): Promise<void> {
  await q.query(
    `UPDATE letter_batch SET status = 'acknowledged', acknowledged_at = $2
      WHERE id = $1 AND status = 'uploaded'`,
    [id, now],
  );
}

export interface BatchSummary extends LetterBatch {
  printed: number;
  rejected: number;
  pending: number;
}

/** The most recent batches with their letters' outcome (inps-pin letters status). */
export async function recentBatches(q: Queryable, limit: number): Promise<BatchSummary[]> {
  const rows = await q.query<BatchRow & { printed: number; rejected: number; pending: number }>(
    `SELECT b.id, b.rome_date::text AS rome_date, b.status, b.created_at, b.uploaded_at,
            b.acknowledged_at, b.letters, b.pages,
            count(o.id) FILTER (WHERE o.letter_printed_at IS NOT NULL)::int AS printed,
            count(o.id) FILTER (WHERE o.status = 'abandoned')::int AS rejected,
            count(o.id) FILTER (WHERE o.letter_printed_at IS NULL AND o.status IN ('sending', 'sent'))::int AS pending
       FROM letter_batch b LEFT JOIN outbox o ON o.letter_batch_id = b.id
      GROUP BY b.id ORDER BY b.created_at DESC, b.id LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    ...toBatch(r),
    printed: r.printed,
    rejected: r.rejected,
    pending: r.pending,
  }));
}

/** The scheduled run of a Rome day: true for the one caller that inserted the day's row. */
export async function claimRunDate(q: Queryable, romeDate: string, now: Date): Promise<boolean> {
  const rows = await q.query<{ run_date: string }>(
    `INSERT INTO letter_batch_run (run_date, started_at) VALUES ($1::date, $2)
     ON CONFLICT (run_date) DO NOTHING RETURNING run_date::text AS run_date`,
    [romeDate, now],
  );
  return rows.length > 0;
}

/** Gives the day's run back (the run failed before it could start a batch). */
export async function releaseRunDate(q: Queryable, romeDate: string): Promise<void> {
  await q.query("DELETE FROM letter_batch_run WHERE run_date = $1::date", [romeDate]);
}

/**
 * SMS delivery reports from the gateway's webhook (http/hooks/sms-status.ts): the signature
 * is remembered (a replay changes nothing) and each report marks its outbox row, in one
 * transaction. Only SMS rows are touched; "delivered" wins over "failed", never the reverse.
 */
import type { SmsReportOutcome, SmsReportUpdate } from "../../flows/ports.ts";
import type { Queryable, Tx } from "../db.ts";

export async function recordSmsReports(
  tx: Tx,
  signature: string,
  reports: readonly SmsReportUpdate[],
  now: Date,
): Promise<SmsReportOutcome> {
  const seen = await tx.query<{ signature: string }>(
    `INSERT INTO sms_report_signature (signature, received_at) VALUES ($1, $2)
     ON CONFLICT (signature) DO NOTHING RETURNING signature`,
    [signature, now],
  );
  if (seen.length === 0) return { replay: true, applied: [] };
  const applied: SmsReportUpdate[] = [];
  for (const r of reports) {
    const rows = await tx.query<{ id: string }>(
      `UPDATE outbox SET delivery_status = $2, delivery_reported_at = $3, delivery_error = $4
        WHERE id = $1 AND channel = 'sms'
          AND (delivery_status IS NULL OR (delivery_status = 'failed' AND $2 = 'delivered'))
        RETURNING id`,
      [r.id, r.status, r.at, r.error === null ? null : r.error.slice(0, 300)],
    );
    if (rows.length > 0) applied.push(r);
  }
  return { replay: false, applied };
}

/** Signatures received before `before` (past the replay window): removed by housekeeping. */
export async function deleteSmsReportSignatures(q: Queryable, before: Date): Promise<number> {
  const rows = await q.query<{ n: number }>(
    `WITH d AS (DELETE FROM sms_report_signature WHERE received_at < $1 RETURNING 1)
     SELECT count(*)::int AS n FROM d`,
    [before],
  );
  return rows[0]?.n ?? 0;
}

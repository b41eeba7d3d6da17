/**
 * The contact centre (flows/ports-contact.ts, migration 011): identity checks of callers and
 * the outbound verification queue. Leases are taken like the outbox's (`FOR UPDATE SKIP
 * LOCKED` in one UPDATE), so any number of agents on any number of instances never get the
 * same claim; a lease that expires gives the claim back.
 */
import type {
  ClaimDecision,
  NewIdentityCheck,
  PassedCheck,
  QueueSummary,
  VerificationClaim,
} from "../../flows/ports-contact.ts";
import type { Queryable } from "../db.ts";

export async function insertCheck(q: Queryable, c: NewIdentityCheck): Promise<void> {
  await q.query(
    `INSERT INTO identity_check (id, staff_id, fiscal_code, passed, questions, reason_kind, reason_ref,
       created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9)`,
    [
      c.id,
      c.staffId,
      c.fiscalCode,
      c.passed,
      JSON.stringify(c.questions),
      c.reasonKind,
      c.reasonRef,
      c.createdAt,
      c.expiresAt,
    ],
  );
}

export async function failedChecksSince(
  q: Queryable,
  fiscalCode: string,
  since: Date,
): Promise<number> {
  const rows = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM identity_check
      WHERE fiscal_code = $1 AND NOT passed AND created_at > $2`,
    [fiscalCode, since],
  );
  return rows[0]?.n ?? 0;
}

export async function passedCheck(
  q: Queryable,
  id: string,
  staffId: string,
  now: Date,
): Promise<PassedCheck | null> {
  const rows = await q.query<{
    id: string;
    fiscal_code: string;
    reason_kind: string;
    reason_ref: string;
    expires_at: Date;
  }>(
    `SELECT id, fiscal_code, reason_kind, reason_ref, expires_at FROM identity_check
      WHERE id = $1 AND staff_id = $2 AND passed AND expires_at > $3`,
    [id, staffId, now],
  );
  const r = rows[0];
  return r === undefined
    ? null
    : {
        id: r.id,
        fiscalCode: r.fiscal_code,
        reasonKind: r.reason_kind,
        reasonRef: r.reason_ref,
        expiresAt: r.expires_at,
      };
}

interface ClaimRow {
  id: string;
  fiscal_code: string;
  declared: unknown;
  reasons: string[];
  delivery: "sms" | "email";
  lang: string;
  created_at: Date;
  call_attempts: number;
  lease_staff_id: string | null;
  lease_until: Date | null;
  status: string;
}

const RETURNING = `id, fiscal_code, declared, reasons, delivery, lang, created_at, call_attempts,
  lease_staff_id, lease_until, status`;

const toClaim = (r: ClaimRow): VerificationClaim => ({
  id: r.id,
  fiscalCode: r.fiscal_code,
  declared: r.declared,
  reasons: r.reasons,
  delivery: r.delivery,
  lang: r.lang === "en" ? "en" : "it",
  createdAt: r.created_at,
  attempts: r.call_attempts,
  leaseStaffId: r.lease_staff_id,
  leaseUntil: r.lease_until,
  status: r.status,
});

export async function leaseNext(
  q: Queryable,
  staffId: string,
  now: Date,
  until: Date,
): Promise<VerificationClaim | null> {
  // The claim this agent already holds comes first: one call at a time, and a reload of the
  // page (or a lost answer) shows the same claim instead of taking another.
  const mine = await q.query<ClaimRow>(
    `UPDATE claim SET lease_until = $3
      WHERE id = (SELECT id FROM claim
                   WHERE status = 'under_verification' AND lease_staff_id = $2 AND lease_until > $1
                   ORDER BY created_at, id LIMIT 1 FOR UPDATE)
      RETURNING ${RETURNING}`,
    [now, staffId, until],
  );
  if (mine[0] !== undefined) return toClaim(mine[0]);
  const rows = await q.query<ClaimRow>(
    `UPDATE claim SET lease_staff_id = $2, lease_until = $3
      WHERE id = (SELECT id FROM claim
                   WHERE status = 'under_verification'
                     AND coalesce(call_due_at, created_at) <= $1
                     AND (lease_until IS NULL OR lease_until <= $1)
                   ORDER BY created_at, id LIMIT 1
                   FOR UPDATE SKIP LOCKED)
      RETURNING ${RETURNING}`,
    [now, staffId, until],
  );
  return rows[0] === undefined ? null : toClaim(rows[0]);
}

export async function lockClaim(q: Queryable, id: string): Promise<VerificationClaim | null> {
  const rows = await q.query<ClaimRow>(`SELECT ${RETURNING} FROM claim WHERE id = $1 FOR UPDATE`, [
    id,
  ]);
  return rows[0] === undefined ? null : toClaim(rows[0]);
}

export async function markNoAnswer(
  q: Queryable,
  id: string,
  attempts: number,
  dueAt: Date,
  today: string,
): Promise<void> {
  await q.query(
    `UPDATE claim SET call_attempts = $2, call_due_at = $3, last_call_on = $4,
            lease_staff_id = NULL, lease_until = NULL
      WHERE id = $1`,
    [id, attempts, dueAt, today],
  );
}

export async function decideClaim(
  q: Queryable,
  id: string,
  status: ClaimDecision,
  d: { attempts: number; reason: string | null; staffId: string; today: string; now: Date },
): Promise<void> {
  await q.query(
    `UPDATE claim SET status = $2, decided_at = $3, call_attempts = $4, last_call_on = $5,
            decision_reason = $6, decided_by = $7, lease_staff_id = NULL, lease_until = NULL,
            closed_reason = $8
      WHERE id = $1`,
    [
      id,
      status,
      d.now,
      d.attempts,
      d.today,
      d.reason,
      d.staffId,
      status === "issued" ? null : `contact_centre_${status}`,
    ],
  );
}

export async function queueSummary(q: Queryable, now: Date): Promise<QueueSummary> {
  const rows = await q.query<{
    waiting: number;
    due: number;
    leased: number;
    oldest: Date | null;
  }>(
    `SELECT count(*)::int AS waiting,
            count(*) FILTER (WHERE coalesce(call_due_at, created_at) <= $1
                               AND (lease_until IS NULL OR lease_until <= $1))::int AS due,
            count(*) FILTER (WHERE lease_until > $1)::int AS leased,
            min(created_at) AS oldest
       FROM claim WHERE status = 'under_verification'`,
    [now],
  );
  const r = rows[0];
  return {
    waiting: r?.waiting ?? 0,
    due: r?.due ?? 0,
    leased: r?.leased ?? 0,
    oldest: r?.oldest ?? null,
  };
}

export async function deleteChecksBefore(q: Queryable, before: Date): Promise<number> {
  const rows = await q.query<{ one: number }>(
    "DELETE FROM identity_check WHERE created_at < $1 RETURNING 1 AS one",
    [before],
  );
  return rows.length;
}

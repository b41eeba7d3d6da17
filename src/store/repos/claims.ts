/** PIN claims from every channel, with the automatic checks' findings for operators. */
import type { ClaimStatus, ClaimSummary, Delivery, NewClaim } from "../../flows/ports.ts";
import type { Queryable } from "../db.ts";

export async function insertClaim(q: Queryable, c: NewClaim): Promise<void> {
  await q.query(
    `INSERT INTO claim (id, fiscal_code, channel, status, declared, reasons, delivery, lang, created_at, decided_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9, $10)`,
    [
      c.id,
      c.fiscalCode,
      c.channel,
      c.status,
      JSON.stringify(c.declared),
      JSON.stringify(c.reasons),
      c.delivery,
      c.lang,
      c.createdAt,
      c.status === "under_verification" ? null : c.createdAt,
    ],
  );
}

/**
 * Closes every failed claim still waiting for verification for this fiscal code: a claim that
 * passed every check supersedes them (a stranger's junk claim must not block the real person).
 */
export async function supersedePendingClaims(
  q: Queryable,
  fiscalCode: string,
  byClaimId: string,
  now: Date,
): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `UPDATE claim SET status = 'superseded', decided_at = $3, superseded_by = $2,
            closed_reason = 'superseded_by_valid_claim'
      WHERE fiscal_code = $1 AND status = 'under_verification' RETURNING id`,
    [fiscalCode, byClaimId, now],
  );
  return rows.map((r) => r.id);
}

export async function claimSummary(q: Queryable, id: string): Promise<ClaimSummary | null> {
  const rows = await q.query<{
    id: string;
    status: ClaimStatus;
    delivery: Delivery;
    mobile: string | null;
    email: string | null;
    res_country: string | null;
    created_at: Date;
  }>(
    `SELECT c.id, c.status, c.delivery, c.declared->>'mobile' AS mobile, c.declared->>'email' AS email,
            p.res_country, c.created_at
       FROM claim c LEFT JOIN archive_person p ON p.fiscal_code = c.fiscal_code AND c.status = 'issued'
      WHERE c.id = $1`,
    [id],
  );
  const r = rows[0];
  if (r === undefined) return null;
  return {
    id: r.id,
    status: r.status,
    delivery: r.delivery,
    destination: r.delivery === "sms" ? r.mobile : r.email,
    letterCountry: r.res_country,
    createdAt: r.created_at,
  };
}

export interface QueuedClaim {
  id: string;
  fiscalCode: string;
  reasons: string[];
  createdAt: Date;
}

/** The outbound verification queue, oldest first (for contact-centre operators). */
export async function verificationQueue(q: Queryable, limit: number): Promise<QueuedClaim[]> {
  const rows = await q.query<{
    id: string;
    fiscal_code: string;
    reasons: string[];
    created_at: Date;
  }>(
    `SELECT id, fiscal_code, reasons, created_at FROM claim WHERE status = 'under_verification'
      ORDER BY created_at, id LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    id: r.id,
    fiscalCode: r.fiscal_code,
    reasons: r.reasons,
    createdAt: r.created_at,
  }));
}

export async function claimStatus(
  q: Queryable,
  id: string,
): Promise<{ status: ClaimStatus; reasons: string[] } | null> {
  const rows = await q.query<{ status: ClaimStatus; reasons: string[] }>(
    "SELECT status, reasons FROM claim WHERE id = $1",
    [id],
  );
  return rows[0] ?? null;
}

export async function letterResendsSince(
  q: Queryable,
  fiscalCode: string,
  since: Date,
): Promise<number> {
  const rows = await q.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM letter_resend WHERE fiscal_code = $1 AND at > $2",
    [fiscalCode, since],
  );
  return rows[0]?.n ?? 0;
}

export async function recordLetterResend(
  q: Queryable,
  fiscalCode: string,
  credentialId: string,
  at: Date,
): Promise<void> {
  await q.query("INSERT INTO letter_resend (fiscal_code, credential_id, at) VALUES ($1, $2, $3)", [
    fiscalCode,
    credentialId,
    at,
  ]);
}

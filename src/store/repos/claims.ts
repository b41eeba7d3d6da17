/** PIN claims from every channel, with the automatic checks' findings for operators. */
import type { Queryable } from "../db.ts";

export type ClaimStatus = "issued" | "under_verification" | "rejected";
export type ClaimChannel = "online" | "contact_centre" | "desk";

export interface NewClaim {
  id: string;
  fiscalCode: string;
  channel: ClaimChannel;
  status: ClaimStatus;
  declared: unknown;
  reasons: readonly string[];
  delivery: "sms" | "email";
  lang: string;
  createdAt: Date;
}

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

export async function hasPendingClaim(q: Queryable, fiscalCode: string): Promise<boolean> {
  const rows = await q.query<{ one: number }>(
    "SELECT 1 AS one FROM claim WHERE fiscal_code = $1 AND status = 'under_verification'",
    [fiscalCode],
  );
  return rows.length > 0;
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
      ORDER BY created_at LIMIT $1`,
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

/** Single-use confirmation links (migration 004, flows/recovery.ts). */
import type { LinkPurpose, NewLink } from "../../flows/ports.ts";
import type { Queryable } from "../db.ts";

export async function createLink(q: Queryable, l: NewLink): Promise<void> {
  await q.query(
    `WITH older AS (
       UPDATE pin_link SET cancelled_at = $4
        WHERE fiscal_code = $3 AND purpose = $2 AND used_at IS NULL AND cancelled_at IS NULL)
     INSERT INTO pin_link (token_hash, purpose, fiscal_code, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [l.tokenHash, l.purpose, l.fiscalCode, l.createdAt, l.expiresAt],
  );
}

export async function findLink(
  q: Queryable,
  tokenHash: string,
  purpose: LinkPurpose,
  now: Date,
): Promise<string | null> {
  const rows = await q.query<{ fiscal_code: string }>(
    `SELECT fiscal_code FROM pin_link
      WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND cancelled_at IS NULL
        AND expires_at > $3`,
    [tokenHash, purpose, now],
  );
  return rows[0]?.fiscal_code ?? null;
}

export async function useLink(
  q: Queryable,
  tokenHash: string,
  purpose: LinkPurpose,
  now: Date,
): Promise<string | null> {
  // The row lock serialises concurrent uses; the loser re-reads used_at and matches nothing.
  const rows = await q.query<{ fiscal_code: string }>(
    `UPDATE pin_link SET used_at = $3
      WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND cancelled_at IS NULL
        AND expires_at > $3
     RETURNING fiscal_code`,
    [tokenHash, purpose, now],
  );
  return rows[0]?.fiscal_code ?? null;
}

export async function cancelPendingLinks(
  q: Queryable,
  fiscalCode: string,
  purpose: LinkPurpose,
  now: Date,
): Promise<number> {
  const rows = await q.query<{ one: number }>(
    `UPDATE pin_link SET cancelled_at = $3
      WHERE fiscal_code = $1 AND purpose = $2 AND used_at IS NULL AND cancelled_at IS NULL
     RETURNING 1 AS one`,
    [fiscalCode, purpose, now],
  );
  return rows.length;
}

export async function deleteExpiredLinks(q: Queryable, before: Date): Promise<number> {
  const rows = await q.query<{ one: number }>(
    "DELETE FROM pin_link WHERE expires_at < $1 RETURNING 1 AS one",
    [before],
  );
  return rows.length;
}

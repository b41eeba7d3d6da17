/** PIN-change answers kept briefly for a lost answer's retry (migration 003, flows/operating-pin.ts). */
import type { Handover } from "../../flows/ports.ts";
import type { Queryable } from "../db.ts";

export async function saveHandover(
  q: Queryable,
  h: Handover & { oldIdHash: string },
): Promise<void> {
  await q.query(
    `INSERT INTO pin_handover (old_id_hash, fiscal_code, credential_id, sealed, expires_at)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (old_id_hash) DO UPDATE SET fiscal_code = EXCLUDED.fiscal_code,
       credential_id = EXCLUDED.credential_id, sealed = EXCLUDED.sealed, expires_at = EXCLUDED.expires_at`,
    [h.oldIdHash, h.fiscalCode, h.credentialId, h.sealed, h.expiresAt],
  );
}

export async function findHandover(q: Queryable, oldIdHash: string): Promise<Handover | null> {
  const rows = await q.query<{
    fiscal_code: string;
    credential_id: string;
    sealed: string;
    expires_at: Date;
  }>(
    "SELECT fiscal_code, credential_id, sealed, expires_at FROM pin_handover WHERE old_id_hash = $1",
    [oldIdHash],
  );
  const r = rows[0];
  return r === undefined
    ? null
    : {
        fiscalCode: r.fiscal_code,
        credentialId: r.credential_id,
        sealed: r.sealed,
        expiresAt: r.expires_at,
      };
}

export async function deleteExpiredHandovers(q: Queryable, now: Date): Promise<number> {
  const rows = await q.query<{ n: number }>(
    `WITH d AS (DELETE FROM pin_handover WHERE expires_at <= $1 RETURNING 1) SELECT count(*)::int AS n FROM d`,
    [now],
  );
  return rows[0]?.n ?? 0;
}

/** Contact changes waiting for their code (migration 006, flows/contacts.ts). */
import type { ContactKind, PendingContactChange } from "../../flows/ports.ts";
import type { Queryable } from "../db.ts";

export async function savePendingChange(q: Queryable, c: PendingContactChange): Promise<void> {
  await q.query(
    `INSERT INTO contact_change (fiscal_code, kind, value, code_hash, tries, created_at, expires_at)
     VALUES ($1, $2, $3, $4, 0, $5, $6)
     ON CONFLICT (fiscal_code, kind) DO UPDATE SET value = EXCLUDED.value,
       code_hash = EXCLUDED.code_hash, tries = 0, created_at = EXCLUDED.created_at,
       expires_at = EXCLUDED.expires_at`,
    [c.fiscalCode, c.kind, c.value, c.codeHash, c.createdAt, c.expiresAt],
  );
}

/**
 * Counts a try on the pending change and returns it (with the tries so far), or null when
 * there is none, it expired or its tries are spent. Concurrent tries are serialised.
 */
export async function tryPendingChange(
  q: Queryable,
  fiscalCode: string,
  kind: ContactKind,
  maxTries: number,
  now: Date,
): Promise<{ value: string; codeHash: string; tries: number } | null> {
  const rows = await q.query<{ value: string; code_hash: string; tries: number }>(
    `UPDATE contact_change SET tries = tries + 1
      WHERE fiscal_code = $1 AND kind = $2 AND expires_at > $3 AND tries < $4
     RETURNING value, code_hash, tries`,
    [fiscalCode, kind, now, maxTries],
  );
  const r = rows[0];
  return r === undefined ? null : { value: r.value, codeHash: r.code_hash, tries: r.tries };
}

/** Takes the pending change with this code away: true for the one caller that got it. */
export async function takePendingChange(
  q: Queryable,
  fiscalCode: string,
  kind: ContactKind,
  codeHash: string,
): Promise<boolean> {
  const rows = await q.query<{ one: number }>(
    `DELETE FROM contact_change WHERE fiscal_code = $1 AND kind = $2 AND code_hash = $3
     RETURNING 1 AS one`,
    [fiscalCode, kind, codeHash],
  );
  return rows.length === 1;
}

export async function setContact(
  q: Queryable,
  fiscalCode: string,
  kind: ContactKind,
  value: string | null,
  now: Date,
): Promise<void> {
  // The column name comes from a closed set, never from input.
  const column = { mobile: "mobile", email: "email", pec: "pec" }[kind];
  await q.query(`UPDATE account SET ${column} = $2, updated_at = $3 WHERE fiscal_code = $1`, [
    fiscalCode,
    value,
    now,
  ]);
}

export async function deleteExpiredChanges(q: Queryable, now: Date): Promise<number> {
  const rows = await q.query<{ one: number }>(
    "DELETE FROM contact_change WHERE expires_at < $1 RETURNING 1 AS one",
    [now],
  );
  return rows.length;
}

export async function markPinEntered(q: Queryable, idHash: string, now: Date): Promise<boolean> {
  const rows = await q.query<{ one: number }>(
    "UPDATE session SET pin_at = $2 WHERE id_hash = $1 RETURNING 1 AS one",
    [idHash, now],
  );
  return rows.length === 1;
}

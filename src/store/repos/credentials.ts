/** PIN holders (account) and their PINs (credential). Only argon2id hashes are stored. */
import type { PinKind, PinLevel } from "../../domain/credential.ts";
import type { Queryable } from "../db.ts";

export interface Credential {
  id: string;
  fiscalCode: string;
  kind: PinKind;
  level: PinLevel;
  pinHash: string;
  status: "active" | "consumed" | "superseded" | "revoked";
  setAt: Date;
}

export interface Contacts {
  mobile: string | null;
  email: string | null;
  pec: string | null;
}

interface CredentialRow {
  id: string;
  fiscal_code: string;
  kind: PinKind;
  level: PinLevel;
  pin_hash: string;
  status: Credential["status"];
  set_at: Date;
}

const toCredential = (r: CredentialRow): Credential => ({
  id: r.id,
  fiscalCode: r.fiscal_code,
  kind: r.kind,
  level: r.level,
  pinHash: r.pin_hash,
  status: r.status,
  setAt: r.set_at,
});

export async function activeCredential(
  q: Queryable,
  fiscalCode: string,
): Promise<Credential | null> {
  const rows = await q.query<CredentialRow>(
    "SELECT id, fiscal_code, kind, level, pin_hash, status, set_at FROM credential WHERE fiscal_code = $1 AND status = 'active'",
    [fiscalCode],
  );
  const row = rows[0];
  return row === undefined ? null : toCredential(row);
}

export async function upsertAccount(
  q: Queryable,
  fiscalCode: string,
  contacts: Contacts,
  now: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO account (fiscal_code, mobile, email, pec, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)
     ON CONFLICT (fiscal_code) DO UPDATE SET mobile = EXCLUDED.mobile, email = EXCLUDED.email,
       pec = COALESCE(EXCLUDED.pec, account.pec), updated_at = EXCLUDED.updated_at`,
    [fiscalCode, contacts.mobile, contacts.email, contacts.pec, now],
  );
}

export async function accountContacts(q: Queryable, fiscalCode: string): Promise<Contacts | null> {
  const rows = await q.query<Contacts>(
    "SELECT mobile, email, pec FROM account WHERE fiscal_code = $1",
    [fiscalCode],
  );
  return rows[0] ?? null;
}

export async function insertCredential(
  q: Queryable,
  c: {
    id: string;
    fiscalCode: string;
    kind: PinKind;
    level: PinLevel;
    pinHash: string;
    setAt: Date;
    claimId: string | null;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO credential (id, fiscal_code, kind, level, pin_hash, status, set_at, claim_id)
     VALUES ($1, $2, $3, $4, $5, 'active', $6, $7)`,
    [c.id, c.fiscalCode, c.kind, c.level, c.pinHash, c.setAt, c.claimId],
  );
}

/**
 * Ends an active credential and every session opened with it (except `keepSession`, the one
 * a PIN change is moving to the new credential). Returns false when it was no longer active
 * (a concurrent activation or renewal won), so the caller can refuse instead of issuing a
 * second PIN.
 */
export async function endCredential(
  q: Queryable,
  id: string,
  status: "consumed" | "superseded" | "revoked",
  at: Date,
  keepSession: string | null = null,
): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    `WITH ended AS (
       UPDATE credential SET status = $2, ended_at = $3 WHERE id = $1 AND status = 'active' RETURNING id),
     gone AS (
       DELETE FROM session WHERE credential_id IN (SELECT id FROM ended) AND id_hash IS DISTINCT FROM $4)
     SELECT id FROM ended`,
    [id, status, at, keepSession],
  );
  return rows.length === 1;
}

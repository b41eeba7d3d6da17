/** PIN holders (account) and their PINs (credential). Only argon2id hashes are stored. */
import type { PinKind, PinLevel } from "../../domain/credential.ts";
import type { Contacts, Credential, NewCredential } from "../../flows/ports.ts";
import { ConflictError } from "../../domain/errors.ts";
import { isUniqueViolation, type Queryable } from "../db.ts";

interface CredentialRow {
  id: string;
  fiscal_code: string;
  kind: PinKind;
  level: PinLevel;
  pin_hash: string;
  status: Credential["status"];
  set_at: Date;
  claim_id: string | null;
  first_half_hash: string | null;
}

const toCredential = (r: CredentialRow): Credential => ({
  id: r.id,
  fiscalCode: r.fiscal_code,
  kind: r.kind,
  level: r.level,
  pinHash: r.pin_hash,
  status: r.status,
  setAt: r.set_at,
  claimId: r.claim_id,
  firstHalfHash: r.first_half_hash,
});

export async function activeCredential(
  q: Queryable,
  fiscalCode: string,
): Promise<Credential | null> {
  const rows = await q.query<CredentialRow>(
    `SELECT id, fiscal_code, kind, level, pin_hash, status, set_at, claim_id, first_half_hash
       FROM credential WHERE fiscal_code = $1 AND status = 'active'`,
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
    `INSERT INTO account (fiscal_code, mobile, email, pec, lang, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $6, $5, $5)
     ON CONFLICT (fiscal_code) DO UPDATE SET mobile = EXCLUDED.mobile, email = EXCLUDED.email,
       pec = COALESCE(EXCLUDED.pec, account.pec), lang = EXCLUDED.lang, updated_at = EXCLUDED.updated_at`,
    [fiscalCode, contacts.mobile, contacts.email, contacts.pec, now, contacts.lang],
  );
}

export async function accountContacts(q: Queryable, fiscalCode: string): Promise<Contacts | null> {
  const rows = await q.query<Contacts>(
    "SELECT mobile, email, pec, lang FROM account WHERE fiscal_code = $1",
    [fiscalCode],
  );
  return rows[0] ?? null;
}

/** Throws ConflictError when the fiscal code already has an active PIN (a concurrent claim). */
export async function insertCredential(q: Queryable, c: NewCredential): Promise<void> {
  try {
    await q.query(
      `INSERT INTO credential (id, fiscal_code, kind, level, pin_hash, status, set_at, claim_id, first_half_hash)
       VALUES ($1, $2, $3, $4, $5, 'active', $6, $7, $8)`,
      [c.id, c.fiscalCode, c.kind, c.level, c.pinHash, c.setAt, c.claimId, c.firstHalfHash ?? null],
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError("active credential", { cause: err });
    throw err;
  }
}

/**
 * Ends an active credential and every session opened with it. Returns false when it was no
 * longer active (a concurrent activation or renewal won), so the caller can refuse instead of
 * issuing a second PIN.
 */
export async function endCredential(
  q: Queryable,
  id: string,
  status: "consumed" | "superseded" | "revoked",
  at: Date,
): Promise<PinLevel | null> {
  const ended = await q.query<{ level: PinLevel }>(
    "UPDATE credential SET status = $2, ended_at = $3 WHERE id = $1 AND status = 'active' RETURNING level",
    [id, status, at],
  );
  const level = ended[0]?.level;
  if (level === undefined) return null;
  // A statement of its own (not a CTE of the UPDATE): it takes a fresh snapshot, so it also
  // sees a session a concurrent login committed while the UPDATE waited for the row lock.
  await q.query("DELETE FROM session WHERE credential_id = $1", [id]);
  return level;
}

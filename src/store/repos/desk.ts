/** The office desk's SQL (migration 012, flows/staff/desk-*.ts). */
import type { DelegationAuthority, DelegationForm } from "../../domain/delegations.ts";
import { ConflictError } from "../../domain/errors.ts";
import type {
  Delegation,
  DelegationDocument,
  DeskClaim,
  DeskHandover,
} from "../../flows/ports-desk.ts";
import { isUniqueViolation, type Queryable } from "../db.ts";

export async function insertDeskClaim(q: Queryable, c: DeskClaim): Promise<void> {
  await q.query(
    `INSERT INTO claim (id, fiscal_code, channel, status, declared, reasons, delivery, lang,
                        created_at, decided_at)
     VALUES ($1, $2, 'desk', 'issued', $3::jsonb, '[]'::jsonb, 'in_person', $4, $5, $5)`,
    [c.id, c.fiscalCode, JSON.stringify(c.declared), c.lang, c.createdAt],
  );
}

export async function saveDeskHandover(q: Queryable, h: DeskHandover): Promise<void> {
  try {
    await q.query(
      `INSERT INTO desk_pin_handover (id, staff_id, office_id, fiscal_code, credential_id,
                                      request_key, sealed, expires_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        h.id,
        h.staffId,
        h.officeId,
        h.fiscalCode,
        h.credentialId,
        h.requestKey,
        h.sealed,
        h.expiresAt,
        h.createdAt,
      ],
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError("desk request key", { cause: err });
    throw err;
  }
}

export async function deskHandoverByRequest(
  q: Queryable,
  staffId: string,
  requestKey: string,
  now: Date,
): Promise<{ id: string; printable: boolean } | null> {
  const rows = await q.query<{ id: string; printable: boolean }>(
    `SELECT id, sealed IS NOT NULL AND expires_at > $3 AS printable
       FROM desk_pin_handover WHERE staff_id = $1 AND request_key = $2`,
    [staffId, requestKey, now],
  );
  return rows[0] ?? null;
}

export async function takeDeskHandover(
  q: Queryable,
  id: string,
  staffId: string,
  now: Date,
): Promise<{ fiscalCode: string; credentialId: string; officeId: string; sealed: string } | null> {
  // The old value is read in the same statement that erases it: of two downloads one gets it.
  const rows = await q.query<{
    fiscal_code: string;
    credential_id: string;
    office_id: string;
    sealed: string;
  }>(
    `UPDATE desk_pin_handover h SET sealed = NULL, downloaded_at = $3
       FROM (SELECT id, sealed FROM desk_pin_handover WHERE id = $1 FOR UPDATE) old
      WHERE h.id = old.id AND h.staff_id = $2 AND old.sealed IS NOT NULL AND h.expires_at > $3
      RETURNING h.fiscal_code, h.credential_id, h.office_id, old.sealed`,
    [id, staffId, now],
  );
  const r = rows[0];
  return r === undefined
    ? null
    : {
        fiscalCode: r.fiscal_code,
        credentialId: r.credential_id,
        officeId: r.office_id,
        sealed: r.sealed,
      };
}

export async function expireDeskHandovers(q: Queryable, now: Date): Promise<number> {
  const rows = await q.query<{ n: number }>(
    `WITH e AS (UPDATE desk_pin_handover SET sealed = NULL
                 WHERE sealed IS NOT NULL AND expires_at <= $1 RETURNING 1)
     SELECT count(*)::int AS n FROM e`,
    [now],
  );
  await q.query("DELETE FROM desk_pin_handover WHERE created_at < $1", [
    new Date(now.getTime() - 86_400_000),
  ]);
  return rows[0]?.n ?? 0;
}

export async function insertDelegation(q: Queryable, d: Delegation): Promise<void> {
  await q.query(
    `INSERT INTO delegation (id, delegator_fiscal_code, delegate_fiscal_code, form, authority,
                             start_date, end_date, office_id, registered_by, registered_at)
     VALUES ($1, $2, $3, $4, $5, $6::date, $7::date, $8, $9, $10)`,
    [
      d.id,
      d.delegatorFiscalCode,
      d.delegateFiscalCode,
      d.form,
      d.authority,
      d.startDate,
      d.endDate,
      d.officeId,
      d.registeredBy,
      d.registeredAt,
    ],
  );
}

export async function putDelegationDocument(q: Queryable, d: DelegationDocument): Promise<void> {
  await q.query(
    `INSERT INTO delegation_document (id, delegation_id, role, media_type, size, key_id,
                                      wrapped_key, body, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [d.id, d.delegationId, d.role, d.mediaType, d.size, d.keyId, d.wrappedKey, d.body, d.createdAt],
  );
}

interface DelegationRow {
  id: string;
  delegator_fiscal_code: string;
  delegate_fiscal_code: string;
  form: DelegationForm;
  authority: DelegationAuthority | null;
  start_date: string;
  end_date: string;
  office_id: string;
  registered_by: string;
  registered_at: Date;
  ended_at: Date | null;
  ended_by: string | null;
  end_office_id: string | null;
}

const DELEGATION_COLUMNS = `id, delegator_fiscal_code, delegate_fiscal_code, form, authority,
  to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date,
  office_id, registered_by, registered_at, ended_at, ended_by, end_office_id`;

const delegation = (r: DelegationRow): Delegation => ({
  id: r.id,
  delegatorFiscalCode: r.delegator_fiscal_code,
  delegateFiscalCode: r.delegate_fiscal_code,
  form: r.form,
  authority: r.authority,
  startDate: r.start_date,
  endDate: r.end_date,
  officeId: r.office_id,
  registeredBy: r.registered_by,
  registeredAt: r.registered_at,
  endedAt: r.ended_at,
  endedBy: r.ended_by,
  endOfficeId: r.end_office_id,
});

export async function findDelegation(q: Queryable, id: string): Promise<Delegation | null> {
  const rows = await q.query<DelegationRow>(
    `SELECT ${DELEGATION_COLUMNS} FROM delegation WHERE id = $1`,
    [id],
  );
  return rows[0] === undefined ? null : delegation(rows[0]);
}

export async function delegationsOf(q: Queryable, fiscalCode: string): Promise<Delegation[]> {
  const rows = await q.query<DelegationRow>(
    `SELECT ${DELEGATION_COLUMNS} FROM delegation
      WHERE delegator_fiscal_code = $1 OR delegate_fiscal_code = $1
      ORDER BY registered_at DESC, id`,
    [fiscalCode],
  );
  return rows.map(delegation);
}

export async function lockPerson(q: Queryable, fiscalCode: string): Promise<void> {
  await q.query("SELECT 1 AS one FROM archive_person WHERE fiscal_code = $1 FOR UPDATE", [
    fiscalCode,
  ]);
}

export async function delegationDocuments(
  q: Queryable,
  delegationId: string,
): Promise<{ role: string; mediaType: string; size: number }[]> {
  return q.query<{ role: string; mediaType: string; size: number }>(
    `SELECT role, media_type AS "mediaType", size FROM delegation_document
      WHERE delegation_id = $1 ORDER BY role`,
    [delegationId],
  );
}

export async function endDelegation(
  q: Queryable,
  id: string,
  e: { at: Date; staffId: string; officeId: string },
): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    `UPDATE delegation SET ended_at = $2, ended_by = $3, end_office_id = $4
      WHERE id = $1 AND ended_at IS NULL RETURNING id`,
    [id, e.at, e.staffId, e.officeId],
  );
  return rows.length > 0;
}

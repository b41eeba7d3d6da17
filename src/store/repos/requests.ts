/** Conversion requests, their sealed documents and benefit claims (flows/ports-requests.ts). */
import { isUuid } from "../../domain/ids.ts";
import type { PinLevel } from "../../domain/credential.ts";
import { ConflictError } from "../../domain/errors.ts";
import type {
  BenefitClaim,
  ConversionRequest,
  ConversionStatus,
  SealedDocument,
} from "../../flows/ports-requests.ts";
import { isUniqueViolation, type Queryable } from "../db.ts";

/** A conversion_request row as read (repos/review.ts reads the review columns too). */
export interface ConversionRow {
  id: string;
  reference: string;
  fiscal_code: string;
  status: ConversionStatus;
  reason: string | null;
  submitted_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
  documents_deleted_at: Date | null;
}

export const CONVERSION_COLUMNS =
  "id, reference, fiscal_code, status, reason, submitted_at, decided_at, decided_by, documents_deleted_at";

export const toConversion = (r: ConversionRow): ConversionRequest => ({
  id: r.id,
  reference: r.reference,
  fiscalCode: r.fiscal_code,
  status: r.status,
  reason: r.reason,
  submittedAt: r.submitted_at,
  decidedAt: r.decided_at,
  decidedBy: r.decided_by,
  documentsDeletedAt: r.documents_deleted_at,
});

export async function insertConversion(q: Queryable, r: ConversionRequest): Promise<void> {
  try {
    await q.query(
      `INSERT INTO conversion_request (id, reference, fiscal_code, status, reason, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [r.id, r.reference, r.fiscalCode, r.status, r.reason, r.submittedAt],
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError("open conversion", { cause: err });
    throw err;
  }
}

export async function findConversion(q: Queryable, id: string): Promise<ConversionRequest | null> {
  if (!isUuid(id)) return null;
  const rows = await q.query<ConversionRow>(
    `SELECT ${CONVERSION_COLUMNS} FROM conversion_request WHERE id = $1`,
    [id],
  );
  return rows[0] === undefined ? null : toConversion(rows[0]);
}

export async function conversionsOf(q: Queryable, fc: string): Promise<ConversionRequest[]> {
  const rows = await q.query<ConversionRow>(
    `SELECT ${CONVERSION_COLUMNS} FROM conversion_request WHERE fiscal_code = $1
      ORDER BY submitted_at DESC, id`,
    [fc],
  );
  return rows.map(toConversion);
}

export async function listConversions(
  q: Queryable,
  status?: ConversionStatus,
): Promise<ConversionRequest[]> {
  const rows = await q.query<ConversionRow>(
    `SELECT ${CONVERSION_COLUMNS} FROM conversion_request
      WHERE $1::text IS NULL OR status = $1 ORDER BY submitted_at, id`,
    [status ?? null],
  );
  return rows.map(toConversion);
}

export async function decideConversion(
  q: Queryable,
  id: string,
  d: { status: "approved" | "rejected"; reason: string | null; at: Date; by: string },
): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    `UPDATE conversion_request SET status = $2, reason = $3, decided_at = $4, decided_by = $5
      WHERE id = $1 AND status = 'submitted' RETURNING id`,
    [id, d.status, d.reason, d.at, d.by],
  );
  return rows.length === 1;
}

export async function cancelOpenConversions(q: Queryable, fc: string, at: Date): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `UPDATE conversion_request SET status = 'cancelled', decided_at = $2, decided_by = 'system:revocation'
      WHERE fiscal_code = $1 AND status = 'submitted' RETURNING id`,
    [fc, at],
  );
  return rows.map((r) => r.id);
}

export async function purgeDocuments(q: Queryable, before: Date, now: Date): Promise<number> {
  const rows = await q.query<{ id: string }>(
    `WITH due AS (
       UPDATE conversion_request SET documents_deleted_at = $2
        WHERE decided_at < $1 AND documents_deleted_at IS NULL RETURNING id)
     DELETE FROM document WHERE request_id IN (SELECT id FROM due) RETURNING id`,
    [before, now],
  );
  return rows.length;
}

interface DocumentRow {
  id: string;
  request_id: string;
  role: SealedDocument["role"];
  media_type: SealedDocument["mediaType"];
  size: number;
  key_id: string;
  wrapped_key: Uint8Array;
  body: Uint8Array;
  created_at: Date;
}

export async function putDocument(q: Queryable, d: SealedDocument): Promise<void> {
  await q.query(
    `INSERT INTO document (id, request_id, role, media_type, size, key_id, wrapped_key, body,
                           created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [d.id, d.requestId, d.role, d.mediaType, d.size, d.keyId, d.wrappedKey, d.body, d.createdAt],
  );
}

export async function documentsOf(q: Queryable, requestId: string): Promise<SealedDocument[]> {
  const rows = await q.query<DocumentRow>(
    `SELECT id, request_id, role, media_type, size, key_id, wrapped_key, body, created_at
       FROM document WHERE request_id = $1 ORDER BY role, page`,
    [requestId],
  );
  return rows.map((r) => ({
    id: r.id,
    requestId: r.request_id,
    role: r.role,
    mediaType: r.media_type,
    size: r.size,
    keyId: r.key_id,
    wrappedKey: Buffer.from(r.wrapped_key),
    body: Buffer.from(r.body),
    createdAt: r.created_at,
  }));
}

export async function nextProtocol(q: Queryable, year: number): Promise<number> {
  const rows = await q.query<{ last: number }>(
    `INSERT INTO protocol_counter (year, last) VALUES ($1, 1)
     ON CONFLICT (year) DO UPDATE SET last = protocol_counter.last + 1 RETURNING last`,
    [year],
  );
  return Number(rows[0]?.last);
}

interface BenefitRow {
  id: string;
  protocol: string;
  fiscal_code: string;
  benefit_type: string;
  fields: Record<string, string>;
  status: BenefitClaim["status"];
  filed_at: Date;
  released_at: Date | null;
  lang: "it" | "en";
  client_key: string | null;
}

export async function insertBenefitClaim(q: Queryable, c: BenefitClaim): Promise<void> {
  try {
    await q.query(
      `INSERT INTO benefit_claim (id, protocol, fiscal_code, benefit_type, fields, status, filed_at,
                                  released_at, lang, client_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        c.id,
        c.protocol,
        c.fiscalCode,
        c.benefitType,
        JSON.stringify(c.fields),
        c.status,
        c.filedAt,
        c.releasedAt,
        c.lang,
        c.clientKey,
      ],
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError("benefit claim key", { cause: err });
    throw err;
  }
}

const BENEFIT_COLUMNS =
  "id, protocol, fiscal_code, benefit_type, fields, status, filed_at, released_at, lang, client_key";

const toBenefitClaim = (r: BenefitRow): BenefitClaim => ({
  id: r.id,
  protocol: r.protocol,
  fiscalCode: r.fiscal_code,
  benefitType: r.benefit_type,
  fields: r.fields,
  status: r.status,
  filedAt: r.filed_at,
  releasedAt: r.released_at,
  lang: r.lang,
  clientKey: r.client_key,
});

export async function benefitClaimByKey(
  q: Queryable,
  fc: string,
  key: string,
): Promise<BenefitClaim | null> {
  const rows = await q.query<BenefitRow>(
    `SELECT ${BENEFIT_COLUMNS} FROM benefit_claim WHERE fiscal_code = $1 AND client_key = $2`,
    [fc, key],
  );
  return rows[0] === undefined ? null : toBenefitClaim(rows[0]);
}

export async function benefitClaimsOf(q: Queryable, fc: string): Promise<BenefitClaim[]> {
  const rows = await q.query<BenefitRow>(
    `SELECT ${BENEFIT_COLUMNS} FROM benefit_claim WHERE fiscal_code = $1
      ORDER BY filed_at DESC, protocol DESC`,
    [fc],
  );
  return rows.map(toBenefitClaim);
}

export async function releaseWaitingClaims(q: Queryable, fc: string, at: Date): Promise<string[]> {
  const rows = await q.query<{ protocol: string }>(
    `UPDATE benefit_claim SET status = 'in_processing', released_at = $2
      WHERE fiscal_code = $1 AND status = 'waiting_for_dispositive' RETURNING protocol`,
    [fc, at],
  );
  return rows.map((r) => r.protocol).sort();
}

export async function activeLevelLocked(q: Queryable, fc: string): Promise<PinLevel | null> {
  const rows = await q.query<{ level: PinLevel }>(
    "SELECT level FROM credential WHERE fiscal_code = $1 AND status = 'active' FOR SHARE",
    [fc],
  );
  return rows[0]?.level ?? null;
}

export async function makeDispositive(q: Queryable, fc: string): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    `UPDATE credential SET level = 'dispositive' WHERE fiscal_code = $1 AND status = 'active'
     RETURNING id`,
    [fc],
  );
  return rows.length === 1;
}

/** The review queue and fax intake (flows/ports-review.ts) on conversion_request and document. */
import { ConflictError } from "../../domain/errors.ts";
import { isUuid } from "../../domain/ids.ts";
import type { ConversionChannel, RejectionReason } from "../../domain/review.ts";
import type { ConversionRequest } from "../../flows/ports-requests.ts";
import type {
  ReviewDocumentInfo,
  ReviewItem,
  SealedReviewDocument,
} from "../../flows/ports-review.ts";
import { isUniqueViolation, type Queryable } from "../db.ts";
import { CONVERSION_COLUMNS, toConversion, type ConversionRow } from "./requests.ts";

interface ItemRow extends ConversionRow {
  channel: ConversionChannel;
  registered_by: string | null;
  reason_code: RejectionReason | null;
  assigned_to: string | null;
  assigned_until: Date | null;
}

const ITEM_COLUMNS = `${CONVERSION_COLUMNS}, channel, registered_by, reason_code, assigned_to, assigned_until`;

const toItem = (r: ItemRow): ReviewItem => ({
  ...toConversion(r),
  channel: r.channel,
  registeredBy: r.registered_by,
  reasonCode: r.reason_code,
  assignedTo: r.assigned_to,
  assignedUntil: r.assigned_until,
});

export async function waitingItems(q: Queryable, limit: number): Promise<ReviewItem[]> {
  const rows = await q.query<ItemRow>(
    `SELECT ${ITEM_COLUMNS} FROM conversion_request WHERE status = 'submitted'
      ORDER BY submitted_at, id LIMIT $1`,
    [limit],
  );
  return rows.map(toItem);
}

export async function reviewItem(
  q: Queryable,
  id: string,
  lock = false,
): Promise<ReviewItem | null> {
  if (!isUuid(id)) return null;
  const rows = await q.query<ItemRow>(
    `SELECT ${ITEM_COLUMNS} FROM conversion_request WHERE id = $1${lock ? " FOR UPDATE" : ""}`,
    [id],
  );
  return rows[0] === undefined ? null : toItem(rows[0]);
}

export async function insertFaxRequest(
  q: Queryable,
  r: ConversionRequest & { registeredBy: string },
): Promise<void> {
  try {
    await q.query(
      `INSERT INTO conversion_request (id, reference, fiscal_code, status, reason, submitted_at,
                                       channel, registered_by)
       VALUES ($1, $2, $3, $4, $5, $6, 'fax', $7)`,
      [r.id, r.reference, r.fiscalCode, r.status, r.reason, r.submittedAt, r.registeredBy],
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError("open conversion", { cause: err });
    throw err;
  }
}

export async function putReviewDocument(q: Queryable, d: SealedReviewDocument): Promise<void> {
  await q.query(
    `INSERT INTO document (id, request_id, role, media_type, size, key_id, wrapped_key, body,
                           created_at, page)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      d.id,
      d.requestId,
      d.role,
      d.mediaType,
      d.size,
      d.keyId,
      d.wrappedKey,
      d.body,
      d.createdAt,
      d.page,
    ],
  );
}

interface DocumentRow {
  id: string;
  request_id: string;
  role: ReviewDocumentInfo["role"];
  media_type: ReviewDocumentInfo["mediaType"];
  size: number;
  page: number;
}

const toInfo = (r: DocumentRow): ReviewDocumentInfo => ({
  id: r.id,
  requestId: r.request_id,
  role: r.role,
  mediaType: r.media_type,
  size: r.size,
  page: r.page,
});

export async function reviewDocuments(
  q: Queryable,
  requestId: string,
): Promise<ReviewDocumentInfo[]> {
  if (!isUuid(requestId)) return [];
  const rows = await q.query<DocumentRow>(
    `SELECT id, request_id, role, media_type, size, page FROM document WHERE request_id = $1
      ORDER BY CASE role WHEN 'signed_form' THEN 0 WHEN 'identity_document' THEN 1 ELSE 2 END, page`,
    [requestId],
  );
  return rows.map(toInfo);
}

export async function reviewDocument(
  q: Queryable,
  requestId: string,
  documentId: string,
): Promise<SealedReviewDocument | null> {
  if (!isUuid(requestId) || !isUuid(documentId)) return null;
  const rows = await q.query<
    DocumentRow & { key_id: string; wrapped_key: Uint8Array; body: Uint8Array; created_at: Date }
  >(
    `SELECT id, request_id, role, media_type, size, page, key_id, wrapped_key, body, created_at
       FROM document WHERE request_id = $1 AND id = $2`,
    [requestId, documentId],
  );
  const r = rows[0];
  if (r === undefined) return null;
  return {
    ...toInfo(r),
    keyId: r.key_id,
    wrappedKey: Buffer.from(r.wrapped_key),
    body: Buffer.from(r.body),
    createdAt: r.created_at,
  };
}

export async function assignItem(
  q: Queryable,
  id: string,
  staffId: string,
  now: Date,
  until: Date,
): Promise<boolean> {
  if (!isUuid(id)) return false;
  const rows = await q.query<{ id: string }>(
    `UPDATE conversion_request SET assigned_to = $2, assigned_until = $4
      WHERE id = $1 AND status = 'submitted'
        AND (assigned_to IS NULL OR assigned_to = $2 OR assigned_until <= $3)
      RETURNING id`,
    [id, staffId, now, until],
  );
  return rows.length === 1;
}

export async function setReasonCode(
  q: Queryable,
  id: string,
  code: RejectionReason,
): Promise<void> {
  await q.query(`UPDATE conversion_request SET reason_code = $2 WHERE id = $1`, [id, code]);
}

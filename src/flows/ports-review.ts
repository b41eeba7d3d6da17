/**
 * The ports of the back office's review queue and fax intake (issue 7): conversion requests
 * with their channel, the member of staff who registered a fax, the reviewer holding an item,
 * and the fax's pages. Part of the flows' ports (ports.ts, key `review`).
 */
import type { ConversionChannel, RejectionReason } from "../domain/review.ts";
import type { ConversionRequest, DocumentMediaType } from "./ports-requests.ts";

export type ReviewDocumentRole = "signed_form" | "identity_document" | "fax_pages";

/** A request as the review queue sees it. */
export interface ReviewItem extends ConversionRequest {
  channel: ConversionChannel;
  /** The member of staff who registered a fax (null: the holder's own upload). */
  registeredBy: string | null;
  reasonCode: RejectionReason | null;
  /** The reviewer holding the item, until when. */
  assignedTo: string | null;
  assignedUntil: Date | null;
}

/** A document's description (never its body). */
export interface ReviewDocumentInfo {
  id: string;
  requestId: string;
  role: ReviewDocumentRole;
  mediaType: DocumentMediaType;
  size: number;
  page: number;
}

export interface SealedReviewDocument extends ReviewDocumentInfo {
  keyId: string;
  wrappedKey: Buffer;
  body: Buffer;
  createdAt: Date;
}

export interface ReviewStore {
  /** The waiting (submitted) requests, oldest first. */
  waiting(limit: number): Promise<ReviewItem[]>;
  /** One request; `lock`: FOR UPDATE until the transaction ends. */
  item(id: string, lock?: boolean): Promise<ReviewItem | null>;
  /** ConflictError when the person already has an open request. */
  insertFax(r: ConversionRequest & { registeredBy: string }): Promise<void>;
  putDocument(d: SealedReviewDocument): Promise<void>;
  documents(requestId: string): Promise<ReviewDocumentInfo[]>;
  document(requestId: string, documentId: string): Promise<SealedReviewDocument | null>;
  /**
   * Gives a waiting item to the reviewer until `until`, unless another holds it past `now`;
   * false when it is held by another or no longer waiting.
   */
  assign(id: string, staffId: string, now: Date, until: Date): Promise<boolean>;
  setReasonCode(id: string, code: RejectionReason): Promise<void>;
}

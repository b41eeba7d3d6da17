/**
 * /api/v1/staff/review-queue and /api/v1/staff/fax-intake (issue 7): the back office's review
 * of conversion requests (flows/staff/review-*.ts). Documents are streamed decrypted to staff
 * only, never cached: images inline, PDFs as a download.
 */
import type { FastifyInstance, FastifyReply } from "fastify";
import { FAX_ROLES, REJECTION_REASONS, REVIEW_ROLES } from "../../../domain/review.ts";
import { decideReviewItem } from "../../../flows/staff/review-decision.ts";
import { FAX_FIELD, registerFax } from "../../../flows/staff/review-fax.ts";
import {
  openReviewItem,
  readReviewDocument,
  reviewQueue,
  takeReviewItem,
  type ServedDocument,
} from "../../../flows/staff/review-queue.ts";
import { MAX_FAX_FILES } from "../../../domain/review.ts";
import type { AppContext } from "../../context.ts";
import { staffOf } from "../../staff-request.ts";
import { acceptUploads, textPart, UPLOAD_BODY_LIMIT, uploadedFileList } from "../../uploads.ts";
import { guarded, json, problem } from "../docs.ts";

const tags = ["staff review"];
const staff = { staff: REVIEW_ROLES };
const idParam = {
  type: "object",
  properties: { requestId: { type: "string", format: "uuid" } },
};
const entry = {
  type: "object",
  properties: {
    requestId: { type: "string" },
    reference: { type: "string" },
    fiscalCodeMasked: { type: "string" },
    channel: { type: "string", enum: ["online", "fax", "desk"] },
    submittedAt: { type: "string", format: "date-time" },
    holder: { type: "string", enum: ["free", "mine", "other"] },
    heldUntil: { type: ["string", "null"] },
    registeredByMe: { type: "boolean" },
  },
};

/** A decrypted document: no caching, no sniffing, nothing active even when opened directly. */
export function sendDocument(reply: FastifyReply, d: ServedDocument): FastifyReply {
  const inline = d.mediaType.startsWith("image/");
  return reply
    .type(d.mediaType)
    .header("cache-control", "no-store")
    .header("x-content-type-options", "nosniff")
    .header("content-security-policy", "default-src 'none'; sandbox")
    .header("content-disposition", `${inline ? "inline" : "attachment"}; filename="${d.fileName}"`)
    .send(d.bytes);
}

export function staffReviewRoutes(ctx: AppContext) {
  return async function staffReview(app: FastifyInstance): Promise<void> {
    await acceptUploads(app, { files: MAX_FAX_FILES });
    app.get(
      "/staff/review-queue",
      {
        config: staff,
        schema: {
          tags,
          summary: "Conversion requests waiting for a decision, oldest first (audited)",
          response: {
            200: json(
              { type: "object", properties: { items: { type: "array", items: entry } } },
              "The queue",
            ),
            ...guarded,
          },
        },
      },
      async (req) => {
        const { by, member } = await staffOf(ctx, req);
        return { items: await reviewQueue(ctx, { by, member }) };
      },
    );
    app.get(
      "/staff/review-queue/:requestId",
      {
        config: staff,
        schema: {
          tags,
          summary:
            "A request with the archive's data and its documents (recorded as a reading for the review item)",
          params: idParam,
          response: {
            200: json({ type: "object" }, "The request"),
            ...guarded,
            404: problem,
          },
        },
      },
      async (req) => {
        const { by, member } = await staffOf(ctx, req);
        const { requestId } = req.params as { requestId: string };
        return openReviewItem(ctx, { by, member, requestId });
      },
    );
    app.get(
      "/staff/review-queue/:requestId/documents/:documentId",
      {
        config: staff,
        schema: {
          tags,
          summary: "A document, decrypted (images inline, PDFs as a download; audited)",
          response: {
            200: {
              description: "The document",
              content: {
                "image/png": { schema: { type: "string", format: "binary" } },
                "image/jpeg": { schema: { type: "string", format: "binary" } },
                "application/pdf": { schema: { type: "string", format: "binary" } },
              },
            },
            ...guarded,
            404: problem,
          },
        },
      },
      async (req, reply) => {
        const { by } = await staffOf(ctx, req);
        const p = req.params as { requestId: string; documentId: string };
        return sendDocument(
          reply,
          await readReviewDocument(ctx, { by, requestId: p.requestId, documentId: p.documentId }),
        );
      },
    );
    app.post(
      "/staff/review-queue/:requestId/take",
      {
        config: staff,
        schema: {
          tags,
          summary: "Take the request for 20 minutes (another reviewer cannot decide it meanwhile)",
          params: idParam,
          response: {
            200: json(
              {
                type: "object",
                properties: { requestId: { type: "string" }, heldUntil: { type: "string" } },
              },
              "Taken",
            ),
            ...guarded,
            404: problem,
            409: problem,
          },
        },
      },
      async (req) => {
        const { by, member } = await staffOf(ctx, req);
        const { requestId } = req.params as { requestId: string };
        return takeReviewItem(ctx, { by, member, requestId });
      },
    );
    app.post(
      "/staff/review-queue/:requestId/decision",
      {
        config: staff,
        schema: {
          tags,
          summary: "Approve, or reject with a reason code (the holder is told)",
          description:
            "Who registered a fax cannot decide it: 403 SEGREGATION_OF_DUTIES. A request another reviewer holds: 409 REVIEW_ITEM_TAKEN.",
          params: idParam,
          body: {
            type: "object",
            required: ["decision"],
            properties: {
              decision: { type: "string", enum: ["approve", "reject"] },
              reasonCode: { type: "string", enum: [...REJECTION_REASONS] },
              note: { type: "string", maxLength: 500 },
            },
          },
          response: {
            200: json(
              {
                type: "object",
                properties: {
                  requestId: { type: "string" },
                  status: { type: "string", enum: ["approved", "rejected"] },
                  claimsReleased: { type: "array", items: { type: "string" } },
                },
              },
              "Decided",
            ),
            ...guarded,
            404: problem,
            409: problem,
            422: problem,
          },
        },
      },
      async (req) => {
        const { by, member } = await staffOf(ctx, req);
        const { requestId } = req.params as { requestId: string };
        return decideReviewItem(ctx, { by, member, requestId, body: req.body });
      },
    );
    app.post(
      "/staff/fax-intake",
      {
        config: { staff: FAX_ROLES },
        bodyLimit: UPLOAD_BODY_LIMIT,
        schema: {
          tags,
          summary: "Register the pages of a received fax (multipart: fiscalCode, pages)",
          description:
            "One or more `pages` files: TIFF (single or multi-page, each page re-encoded as PNG), PDF, JPEG or PNG, judged by content; at most 10 MB each, 20 pages in all. Creates a conversion request of channel fax registered by the caller, who cannot decide it.",
          consumes: ["multipart/form-data"],
          response: {
            201: json(
              {
                type: "object",
                properties: { requestId: { type: "string" }, reference: { type: "string" } },
              },
              "Registered",
            ),
            ...guarded,
            409: problem,
            413: problem,
            415: problem,
            422: problem,
          },
        },
      },
      async (req, reply) => {
        const { by, member } = await staffOf(ctx, req);
        const answer = await registerFax(ctx, {
          by,
          member,
          fiscalCode: textPart(req.body, "fiscalCode"),
          files: uploadedFileList(req.body, FAX_FIELD),
        });
        return reply.code(201).send(answer);
      },
    );
  };
}

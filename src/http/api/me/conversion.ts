/**
 * /api/v1/me/conversion (flows/conversion.ts): the pre-filled request form, the upload of the
 * signed form and an identity document (multipart, judged by content), and the status.
 */
import type { FastifyInstance } from "fastify";
import * as conversion from "../../../flows/conversion.ts";
import type { AppContext } from "../../context.ts";
import { langOf } from "../../lang.ts";
import { conversionFormFile } from "../../holder-documents.ts";
import { citizenOf, sendPdf } from "../../request.ts";
import { acceptUploads, UPLOAD_BODY_LIMIT, uploadedFiles } from "../../uploads.ts";
import { guarded, json, problem } from "../docs.ts";

const tags = ["conversion"];
const nullableString = { type: ["string", "null"] };
const statusBody = json(
  {
    type: "object",
    properties: {
      level: { type: "string", enum: ["ordinary", "dispositive"] },
      requestId: nullableString,
      reference: nullableString,
      status: { type: "string", enum: ["none", "submitted", "approved", "rejected"] },
      reason: nullableString,
      submittedAt: nullableString,
      decidedAt: nullableString,
    },
  },
  "The PIN's level and the latest conversion request",
);

const schemas = {
  form: {
    tags,
    summary: "The conversion request form, pre-filled with a QR code of its reference (PDF)",
    response: {
      200: {
        description: "PDF to print and sign",
        content: { "application/pdf": { schema: { type: "string", format: "binary" } } },
      },
      ...guarded,
      409: problem,
    },
  },
  submit: {
    tags,
    summary: "Upload the signed form and an identity document (multipart/form-data)",
    description:
      "Parts `signedForm` and `identityDocument`: PDF, JPEG or PNG decided by content, at most 10 MB each. Images are re-encoded without metadata; PDFs that are encrypted or carry JavaScript or embedded files are refused (422, each error naming the file). One open request at a time (409).",
    consumes: ["multipart/form-data"],
    response: {
      202: json(
        {
          type: "object",
          properties: {
            requestId: { type: "string" },
            reference: { type: "string" },
            status: { type: "string", enum: ["submitted"] },
          },
        },
        "Request submitted for review",
      ),
      ...guarded,
      409: problem,
      413: problem,
      415: problem,
      422: problem,
      429: problem,
    },
  },
  status: { tags, summary: "Status of the conversion", response: { 200: statusBody, ...guarded } },
};

export function conversionRoutes(ctx: AppContext) {
  const personal = { journey: "personal" } as const;
  return async function conversionResource(app: FastifyInstance): Promise<void> {
    await acceptUploads(app);
    app.get(
      "/me/conversion/form.pdf",
      { schema: schemas.form, config: personal },
      async (req, reply) => {
        const lang = langOf(req, { acceptLanguage: true });
        const f = await conversionFormFile(ctx, await citizenOf(ctx, req), lang);
        return sendPdf(reply, f.pdf, f.filename);
      },
    );
    app.post(
      "/me/conversion",
      { schema: schemas.submit, config: personal, bodyLimit: UPLOAD_BODY_LIMIT },
      async (req, reply) => {
        const answer = await conversion.submitConversion(ctx, {
          ...(await citizenOf(ctx, req)),
          files: uploadedFiles(req.body, { skipBlank: false }),
        });
        return reply.code(202).send(answer);
      },
    );
    app.get("/me/conversion", { schema: schemas.status, config: personal }, async (req) =>
      conversion.conversionStatus(ctx, (await citizenOf(ctx, req)).session),
    );
  };
}

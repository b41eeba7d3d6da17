/**
 * /api/v1/benefits (the catalogue) and /api/v1/me/benefit-claims (flows/benefit-claims.ts):
 * file a claim, list them, download a claim's receipt.
 */
import type { FastifyInstance } from "fastify";
import * as benefits from "../../../flows/benefit-claims.ts";
import type { AppContext } from "../../context.ts";
import { langOf } from "../../lang.ts";
import { sendClaimReceipt } from "../../holder-documents.ts";
import { citizenOf } from "../../request.ts";
import { guarded, json, problem } from "../docs.ts";

const tags = ["benefits"];
const claimStatus = { type: "string", enum: ["waiting_for_dispositive", "in_processing"] };
const claim = {
  type: "object",
  properties: {
    protocol: { type: "string" },
    benefitType: { type: "string" },
    filedAt: { type: "string", format: "date-time" },
    status: claimStatus,
    releasedAt: { type: ["string", "null"] },
    fields: { type: "object", additionalProperties: { type: "string" } },
  },
};

const schemas = {
  catalogue: {
    tags,
    summary: "Benefits a person living abroad may request, with the fields of each form",
    response: { 200: json({ type: "object" }, "The catalogue, in the request's language") },
  },
  file: {
    tags,
    summary: "File a benefit claim",
    description:
      "With an ordinary PIN the claim is filed (its filing time stops the deadlines) and waits for the dispositive PIN; with a dispositive PIN it goes to processing. An `Idempotency-Key` header (8–64 letters, digits, - or _) makes a retry with the same key answer the claim already filed instead of filing another.",
    body: {
      type: "object",
      properties: { benefitType: { type: "string" }, fields: { type: "object" } },
      required: ["benefitType", "fields"],
    },
    response: {
      201: json(
        {
          type: "object",
          properties: {
            protocol: { type: "string" },
            filedAt: { type: "string", format: "date-time" },
            status: claimStatus,
          },
        },
        "Claim filed",
      ),
      ...guarded,
      422: problem,
      429: problem,
    },
  },
  list: {
    tags,
    summary: "The holder's benefit claims, newest first",
    response: {
      200: json(
        { type: "object", properties: { claims: { type: "array", items: claim } } },
        "Claims",
      ),
      ...guarded,
    },
  },
  receipt: {
    tags,
    summary: "The receipt of a claim (PDF)",
    response: {
      200: {
        description: "Receipt",
        content: { "application/pdf": { schema: { type: "string", format: "binary" } } },
      },
      ...guarded,
      404: problem,
    },
  },
};

export function benefitRoutes(ctx: AppContext) {
  const personal = { journey: "personal" } as const;
  return async function benefitResource(app: FastifyInstance): Promise<void> {
    app.get(
      "/benefits",
      { schema: schemas.catalogue, config: { journey: "public" } },
      async (req) => benefits.benefitCatalogue(langOf(req, { acceptLanguage: true })),
    );
    app.post(
      "/me/benefit-claims",
      { schema: schemas.file, config: personal },
      async (req, reply) => {
        const answer = await benefits.fileBenefitClaim(ctx, {
          ...(await citizenOf(ctx, req)),
          body: req.body,
          lang: langOf(req, { acceptLanguage: true }),
          clientKey: req.headers["idempotency-key"],
        });
        return reply.code(201).send(answer);
      },
    );
    app.get("/me/benefit-claims", { schema: schemas.list, config: personal }, async (req) => ({
      claims: await benefits.benefitClaimsOf(ctx, (await citizenOf(ctx, req)).session),
    }));
    app.get(
      "/me/benefit-claims/:protocol/receipt.pdf",
      { schema: schemas.receipt, config: personal },
      async (req, reply) =>
        sendClaimReceipt(ctx, req, reply, langOf(req, { acceptLanguage: true })),
    );
  };
}

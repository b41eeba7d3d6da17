/**
 * The contact centre's API (issue 7), roles contact_centre_agent and supervisor:
 *
 *   POST /staff/identity-checks            {fiscalCode, reason, answers} → {checkId, passed}
 *   POST /staff/claims                     the online claim's body + identityCheck.checkId →
 *                                          {claimId, firstHalf} (201; the first half once)
 *   GET  /staff/verification-queue         {waiting, due, leased, oldest, open, opensAt}
 *   POST /staff/verification-queue/next    the next claim leased to the agent; 204 when none;
 *                                          409 CONTACT_CENTRE_CLOSED outside the centre's hours
 *   POST /staff/verification-queue/{claimId}/outcome {outcome, reason?}
 *   POST /staff/callers/contacts|revocation|lockout-lift|letter-resend {checkId, ...}
 *
 * Actions for a caller without a passed identity check of this agent answer 403
 * IDENTITY_CHECK_REQUIRED (not STAFF_FORBIDDEN: the role may, the call is not checked yet).
 */
import type { FastifyInstance } from "fastify";
import { claimBodySchema } from "../../../flows/claim-input.ts";
import { registerInboundClaim } from "../../../flows/staff/contact-claim.ts";
import { checkCallerIdentity } from "../../../flows/staff/contact-identity.ts";
import type { AppContext } from "../../context.ts";
import { staffOf } from "../../staff-request.ts";
import { json, jsonSchema, problem } from "../docs.ts";
import { REASON_SCHEMA } from "./records.ts";
import { CHECK_REFUSALS, CONTACT_ROLES } from "./contact-docs.ts";
import { staffCallerRoutes } from "./contact-callers.ts";
import { staffQueueRoutes } from "./contact-queue.ts";

export function staffContactRoutes(ctx: AppContext) {
  return async function staffContact(app: FastifyInstance): Promise<void> {
    app.post(
      "/staff/identity-checks",
      {
        config: { staff: CONTACT_ROLES },
        schema: {
          tags: ["staff"],
          summary: "Check a caller's identity with questions on the archive (audited)",
          description:
            "The answers are compared with the archive (case, accent and abbreviation insensitive); only the verdict is returned. A passed check lets the same agent act for the same fiscal code for 30 minutes. After 3 failed checks in 24 hours for a fiscal code: 429 IDENTITY_CHECKS_EXHAUSTED.",
          body: {
            type: "object",
            required: ["fiscalCode", "reason", "answers"],
            properties: {
              fiscalCode: { type: "string" },
              reason: REASON_SCHEMA,
              answers: {
                type: "object",
                required: ["birthDate", "birthPlace", "address"],
                properties: {
                  birthDate: { type: "string", format: "date" },
                  birthPlace: {
                    type: "string",
                    description: "Municipality (born in Italy) or country (name or ISO code)",
                  },
                  address: {
                    type: "object",
                    required: ["line1", "city", "country"],
                    properties: {
                      line1: { type: "string" },
                      line2: { type: "string" },
                      city: { type: "string" },
                      postalCode: { type: "string" },
                      country: { type: "string", description: "ISO 3166-1 alpha-2" },
                    },
                  },
                  healthCardNumber: {
                    type: "string",
                    description: "20 digits; omitted when the caller has no health card",
                  },
                },
              },
            },
          },
          response: {
            200: json(
              {
                type: "object",
                properties: {
                  checkId: { type: "string", format: "uuid" },
                  passed: { type: "boolean" },
                  expiresAt: { type: ["string", "null"], format: "date-time" },
                },
              },
              "The verdict (never the archive's values)",
            ),
            ...CHECK_REFUSALS,
            429: problem,
          },
        },
      },
      async (req) => {
        const { by, member } = await staffOf(ctx, req);
        const r = await checkCallerIdentity(ctx, { by, member, body: req.body });
        return { checkId: r.checkId, passed: r.passed, expiresAt: r.expiresAt };
      },
    );

    app.post(
      "/staff/claims",
      {
        config: { staff: CONTACT_ROLES },
        schema: {
          tags: ["staff"],
          summary: "Register and validate a PIN claim made by phone (inbound call)",
          description:
            "The online claim's body plus `identityCheck.checkId` (a passed check of this agent for the same fiscal code). Validated against the archive at once: the ordinary PIN is issued, its first half returned here once (to be read out) and also sent by SMS or e-mail, the second half by letter. 422 CLAIM_CHECKS_FAILED names the fields that do not match the archive.",
          body: {
            ...jsonSchema(claimBodySchema),
            properties: {
              ...(jsonSchema(claimBodySchema).properties as Record<string, unknown>),
              identityCheck: {
                type: "object",
                required: ["checkId"],
                properties: { checkId: { type: "string", format: "uuid" } },
              },
            },
          },
          response: {
            201: json(
              {
                type: "object",
                properties: {
                  claimId: { type: "string", format: "uuid" },
                  firstHalf: { type: "string", description: "Shown once; never stored" },
                  delivery: { type: "string", enum: ["sms", "email"] },
                },
              },
              "Issued",
            ),
            ...CHECK_REFUSALS,
          },
        },
      },
      async (req, reply) => {
        const { by, member } = await staffOf(ctx, req);
        const r = await registerInboundClaim(ctx, { by, member, body: req.body });
        return reply.code(201).send(r);
      },
    );

    await app.register(staffQueueRoutes(ctx));
    await app.register(staffCallerRoutes(ctx));
  };
}

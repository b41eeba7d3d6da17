/** The outbound verification queue's API (see contact.ts for the whole contact-centre API). */
import type { FastifyInstance } from "fastify";
import { CALL_OUTCOMES, recordCallOutcome } from "../../../flows/staff/contact-outcome.ts";
import { takeNextClaim, verificationQueueSummary } from "../../../flows/staff/contact-queue.ts";
import type { AppContext } from "../../context.ts";
import { staffOf } from "../../staff-request.ts";
import { json, problem } from "../docs.ts";
import { CHECK_REFUSALS, CONTACT_ROLES } from "./contact-docs.ts";

const LEASED_CLAIM = {
  type: "object",
  properties: {
    claimId: { type: "string", format: "uuid" },
    fiscalCode: { type: "string" },
    createdAt: { type: "string", format: "date-time" },
    reasons: { type: "array", items: { type: "string" } },
    attempt: { type: "integer", minimum: 1, maximum: 3 },
    leaseUntil: { type: "string", format: "date-time" },
    delivery: { type: "string", enum: ["sms", "email"] },
    declared: { type: "object", description: "The claim as the claimant typed it" },
  },
};

export function staffQueueRoutes(ctx: AppContext) {
  return async function staffQueue(app: FastifyInstance): Promise<void> {
    app.get(
      "/staff/verification-queue",
      {
        config: { staff: CONTACT_ROLES },
        schema: {
          tags: ["staff"],
          summary: "The outbound verification queue's figures",
          response: {
            200: json(
              {
                type: "object",
                properties: {
                  waiting: { type: "integer" },
                  due: { type: "integer" },
                  leased: { type: "integer" },
                  oldest: { type: ["string", "null"], format: "date-time" },
                  open: { type: "boolean" },
                  opensAt: { type: ["string", "null"], format: "date-time" },
                },
              },
              "Claims waiting, due now, leased; the oldest; whether the centre is open",
            ),
            401: problem,
            403: problem,
          },
        },
      },
      async () => verificationQueueSummary(ctx),
    );

    app.post(
      "/staff/verification-queue/next",
      {
        config: { staff: CONTACT_ROLES },
        schema: {
          tags: ["staff"],
          summary: "Take the next claim to call (leased to this agent for 15 minutes)",
          description:
            "The claim this agent already holds, else the oldest due claim nobody holds. 204 when none is due; 409 CONTACT_CENTRE_CLOSED (with `opensAt`) outside Monday–Friday 08:00–20:00, Saturday 08:00–14:00 Europe/Rome and on public holidays. Audited (the person sees it).",
          response: {
            200: json(LEASED_CLAIM, "The claim, with its declared data and the checks' reasons"),
            204: { description: "No claim due now", type: "null" },
            401: problem,
            403: problem,
            409: problem,
          },
        },
      },
      async (req, reply) => {
        const { by, member } = await staffOf(ctx, req);
        const claim = await takeNextClaim(ctx, { by, member });
        return claim === null ? reply.code(204).send() : claim;
      },
    );

    app.post(
      "/staff/verification-queue/:claimId/outcome",
      {
        config: { staff: CONTACT_ROLES },
        schema: {
          tags: ["staff"],
          summary: "Record a verification call's outcome (only the agent holding the claim)",
          params: {
            type: "object",
            properties: { claimId: { type: "string", format: "uuid" } },
          },
          body: {
            type: "object",
            required: ["outcome"],
            properties: {
              outcome: { type: "string", enum: [...CALL_OUTCOMES] },
              reason: { type: "string", maxLength: 500, description: "Required for rejected" },
            },
          },
          response: {
            200: json(
              {
                type: "object",
                properties: {
                  claimId: { type: "string", format: "uuid" },
                  outcome: {
                    type: "string",
                    enum: ["validated", "rejected", "no_answer", "unreachable"],
                  },
                  attempt: { type: "integer" },
                  nextCallAt: { type: ["string", "null"], format: "date-time" },
                },
              },
              "Recorded (a third no-answer closes the claim as unreachable)",
            ),
            ...CHECK_REFUSALS,
          },
        },
      },
      async (req) => {
        const { by, member } = await staffOf(ctx, req);
        const { claimId } = req.params as { claimId?: unknown };
        return recordCallOutcome(ctx, { by, member, claimId, body: req.body });
      },
    );
  };
}

/**
 * Abandoned outbox messages for supervisors (issue 8): the list (masked recipients, audited)
 * and the resend once the provider is fixed (flows/staff/supervisor-outbox.ts).
 */
import type { FastifyInstance } from "fastify";
import { SUPERVISOR_ROLES } from "../../../domain/review.ts";
import { listAbandoned, resendAbandoned } from "../../../flows/staff/supervisor-outbox.ts";
import type { AppContext } from "../../context.ts";
import { staffOf } from "../../staff-request.ts";
import { guarded, json, problem } from "../docs.ts";

const tags = ["staff supervision"];
const config = { staff: SUPERVISOR_ROLES };
const message = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    kind: { type: "string" },
    channel: { type: "string", enum: ["sms", "email", "pec", "letter"] },
    recipient: { type: "string", description: "Masked" },
    attempts: { type: "integer" },
    lastError: { type: ["string", "null"] },
    createdAt: { type: "string", format: "date-time" },
    abandonedAt: { type: "string", format: "date-time" },
    resendable: { type: "boolean", description: "False once retention erased its content" },
  },
};

export function staffOutboxRoutes(ctx: AppContext) {
  return async function staffOutbox(app: FastifyInstance): Promise<void> {
    app.get(
      "/staff/outbox/abandoned",
      {
        config,
        schema: {
          tags,
          summary: "Abandoned messages waiting for a supervisor, newest first (audited)",
          response: {
            200: json(
              { type: "object", properties: { messages: { type: "array", items: message } } },
              "At most 200 messages",
            ),
            ...guarded,
          },
        },
      },
      async (req) => {
        const { by } = await staffOf(ctx, req);
        return { messages: await listAbandoned(ctx, { by }) };
      },
    );
    app.post(
      "/staff/outbox/:id/resend",
      {
        config,
        schema: {
          tags,
          summary: "Queue an abandoned message again: due now, attempts reset (audited)",
          params: { type: "object", properties: { id: { type: "string", format: "uuid" } } },
          body: {
            type: "object",
            required: ["reason"],
            properties: { reason: { type: "string", maxLength: 500 } },
          },
          response: {
            200: json(message, "The message, queued again"),
            ...guarded,
            404: problem,
            409: problem,
            422: problem,
          },
        },
      },
      async (req) => {
        const { by } = await staffOf(ctx, req);
        const { id } = req.params as { id: string };
        return resendAbandoned(ctx, { by, messageId: id, body: req.body });
      },
    );
  };
}

/** POST /staff/records/open {fiscalCode, reason}: a citizen's record, opened for a reason. */
import type { FastifyInstance } from "fastify";
import { STAFF_ROLES } from "../../../domain/staff.ts";
import { openRecord, RECORD_REASON_KINDS } from "../../../flows/staff/record.ts";
import type { AppContext } from "../../context.ts";
import { staffOf } from "../../staff-request.ts";
import { json, problem } from "../docs.ts";

/** The reason every staff action about a person carries (OpenAPI). */
export const REASON_SCHEMA = {
  type: "object",
  required: ["kind", "ref"],
  description: "Why the record is opened: the call, the appointment, the review item",
  properties: {
    kind: { type: "string", enum: [...RECORD_REASON_KINDS] },
    ref: { type: "string", maxLength: 80, example: "call-2026-11-27-0042" },
  },
} as const;

export function staffRecordRoutes(ctx: AppContext) {
  return async function staffRecords(app: FastifyInstance): Promise<void> {
    app.post(
      "/staff/records/open",
      {
        config: { staff: STAFF_ROLES },
        schema: {
          tags: ["staff"],
          summary: "Open a citizen's record for a reason (audited; the citizen sees it)",
          body: {
            type: "object",
            required: ["fiscalCode", "reason"],
            properties: { fiscalCode: { type: "string" }, reason: REASON_SCHEMA },
          },
          response: {
            200: json({ type: "object" }, "The record: name, PIN, masked contacts, requests"),
            401: problem,
            403: problem,
            422: problem,
          },
        },
      },
      async (req) => {
        const { by } = await staffOf(ctx, req);
        const b = (req.body ?? {}) as { fiscalCode?: unknown; reason?: unknown };
        return openRecord(ctx, { by, fiscalCode: b.fiscalCode, reason: b.reason });
      },
    );
  };
}

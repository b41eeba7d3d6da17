/** Actions for a caller after an identity check (see contact.ts for the whole API). */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Acting } from "../../../domain/actor.ts";
import type { StaffMember } from "../../../domain/staff.ts";
import {
  addCallerContact,
  liftCallerLockout,
  resendCallerLetter,
  revokeCallerPin,
} from "../../../flows/staff/contact-callers.ts";
import type { AppContext } from "../../context.ts";
import { staffOf } from "../../staff-request.ts";
import { json, problem } from "../docs.ts";
import { CHECK_REFUSALS, CONTACT_ROLES } from "./contact-docs.ts";

const CHECK_ID = {
  checkId: {
    type: "string",
    format: "uuid",
    description: "A passed identity check of this agent (30 minutes)",
  },
} as const;

type CallerAction = (
  ctx: AppContext,
  req: { by: Acting; member: StaffMember; body: unknown },
) => Promise<Record<string, unknown>>;

const ACTIONS: readonly {
  path: string;
  summary: string;
  body: Record<string, unknown>;
  answer: Record<string, unknown>;
  run: CallerAction;
}[] = [
  {
    path: "/staff/callers/contacts",
    summary:
      "Add a contact of a kind not registered yet, when at least one is registered (the registered contacts are told)",
    body: {
      ...CHECK_ID,
      kind: { type: "string", enum: ["mobile", "email", "pec"] },
      value: { type: "string" },
    },
    answer: { kind: { type: "string" }, noticesSent: { type: "integer" } },
    run: addCallerContact,
  },
  {
    path: "/staff/callers/revocation",
    summary: "Revoke the caller's PIN for good (409 NO_ACTIVE_PIN when none is active)",
    body: CHECK_ID,
    answer: { status: { type: "string", enum: ["revoked"] } },
    run: revokeCallerPin,
  },
  {
    path: "/staff/callers/lockout-lift",
    summary: "Lift the lock of the caller's PIN (the shared counter of unknown browsers)",
    body: CHECK_ID,
    answer: { status: { type: "string", enum: ["lifted"] } },
    run: liftCallerLockout,
  },
  {
    path: "/staff/callers/letter-resend",
    summary:
      "Issue a new initial PIN because the letter never arrived (the identity check replaces the first half)",
    body: CHECK_ID,
    answer: { status: { type: "string", enum: ["issued"] } },
    run: resendCallerLetter,
  },
];

export function staffCallerRoutes(ctx: AppContext) {
  return async function staffCallers(app: FastifyInstance): Promise<void> {
    for (const a of ACTIONS)
      app.post(
        a.path,
        {
          config: { staff: CONTACT_ROLES },
          schema: {
            tags: ["staff"],
            summary: a.summary,
            body: { type: "object", required: ["checkId"], properties: a.body },
            response: {
              200: json({ type: "object", properties: a.answer }, "Done (audited)"),
              ...CHECK_REFUSALS,
              429: problem,
            },
          },
        },
        async (req: FastifyRequest) => {
          const { by, member } = await staffOf(ctx, req);
          return a.run(ctx, { by, member, body: req.body });
        },
      );
  };
}

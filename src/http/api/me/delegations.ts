/** GET /api/v1/me/delegations: the delegations the holder gave and those they received. */
import type { FastifyInstance } from "fastify";
import { myDelegations } from "../../../flows/staff/desk-delegation-views.ts";
import type { AppContext } from "../../context.ts";
import { citizenOf } from "../../request.ts";
import { guarded } from "../docs.ts";
import { DELEGATIONS_BODY } from "../staff/desk-support.ts";

export function delegationRoutes(ctx: AppContext) {
  return async function delegationsResource(app: FastifyInstance): Promise<void> {
    app.get(
      "/me/delegations",
      {
        config: { journey: "personal" },
        schema: {
          tags: ["delegations"],
          summary: "Delegations given and received (registered at an INPS office)",
          response: { 200: DELEGATIONS_BODY, ...guarded },
        },
      },
      async (req) => myDelegations(ctx, (await citizenOf(ctx, req)).session.fiscalCode),
    );
  };
}

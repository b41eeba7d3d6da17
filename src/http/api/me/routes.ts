/** /api/v1/me: the logged-in person and the consultation (flows/consult.ts). */
import type { FastifyInstance } from "fastify";
import { pinExpiresAt } from "../../../domain/credential.ts";
import { contributionStatement, pensionSlips } from "../../../flows/consult.ts";
import type { AppContext } from "../../context.ts";
import { liveSessionOf } from "../../request.ts";
import { guarded, json } from "../docs.ts";

const me = {
  tags: ["consultation"],
  summary: "The logged-in person",
  response: {
    200: json(
      {
        type: "object",
        properties: {
          fiscalCode: { type: "string" },
          surname: { type: "string" },
          givenNames: { type: "string" },
          level: { type: "string" },
          pin: {
            type: "object",
            properties: {
              setAt: { type: "string", format: "date-time" },
              expiresAt: { type: "string", format: "date-time" },
            },
          },
        },
      },
      "Who is logged in",
    ),
    ...guarded,
  },
};

const contributions = {
  tags: ["consultation"],
  summary: "Contribution statement (estratto conto contributivo)",
  response: { 200: json({ type: "object" }, "Periods and totals"), ...guarded },
};

const slips = {
  tags: ["consultation"],
  summary: "Pension slips (cedolino), newest first",
  response: { 200: json({ type: "object" }, "Monthly payments"), ...guarded },
};

export function meRoutes(ctx: AppContext) {
  const personal = { journey: "personal" } as const;
  return async function meResource(app: FastifyInstance): Promise<void> {
    app.get("/me", { schema: me, config: personal }, async (req) => {
      const { session: s } = await liveSessionOf(ctx, req);
      return {
        fiscalCode: s.fiscalCode,
        surname: s.surname,
        givenNames: s.givenNames,
        level: s.level,
        pin: {
          setAt: s.credentialSetAt.toISOString(),
          expiresAt: pinExpiresAt(s.credentialSetAt).toISOString(),
        },
      };
    });
    app.get("/me/contributions", { schema: contributions, config: personal }, async (req) => {
      const { session } = await liveSessionOf(ctx, req);
      return contributionStatement(ctx.uow.direct.archive, session.fiscalCode);
    });
    app.get("/me/pension-slips", { schema: slips, config: personal }, async (req) => {
      const { session } = await liveSessionOf(ctx, req);
      return { slips: await pensionSlips(ctx.uow.direct.archive, session.fiscalCode) };
    });
  };
}

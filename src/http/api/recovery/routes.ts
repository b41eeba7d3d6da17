/** POST /api/v1/recovery and /api/v1/recovery/confirm: PIN recovery (flows/recovery.ts). */
import type { FastifyInstance } from "fastify";
import * as recovery from "../../../flows/recovery.ts";
import type { AppContext } from "../../context.ts";
import { anonymousOf } from "../../request.ts";
import { anonymousRefusals, json, linkTokenBody, problem, received } from "../docs.ts";

const contact = { type: "string", maxLength: 300 };

const requestSchema = {
  tags: ["recovery"],
  summary: "Ask to recover a lost PIN (ripristino)",
  description:
    "The fiscal code and at least two of the contacts registered with the PIN (mobile in international format, e-mail, PEC). When at least two match, a single-use confirmation link (valid 24 hours) goes to the registered e-mail or PEC; otherwise the address given receives instructions. The answer is always the same 202 for a well-formed body: it never tells whether the fiscal code exists or the contacts matched. Nothing changes until the link is confirmed.",
  body: {
    type: "object",
    properties: {
      fiscalCode: { type: "string", maxLength: 40 },
      mobile: contact,
      email: contact,
      pec: contact,
      lang: { type: "string", enum: ["it", "en"] },
    },
    required: ["fiscalCode"],
  },
  response: {
    202: received,
    ...anonymousRefusals,
  },
};

const confirmSchema = {
  tags: ["recovery"],
  summary: "Confirm a recovery with the token of its link",
  description:
    "Uses the link once: a new 16-character initial PIN with the same level is issued, its first half by SMS to the registered mobile (else e-mail), its second half to the registered e-mail or PEC. Only now does the old PIN stop working; its sessions end and any lock ends. 410 when the link is unknown, used, expired or replaced.",
  body: linkTokenBody,
  response: {
    200: json(
      {
        type: "object",
        properties: {
          status: { type: "string", enum: ["issued"] },
          firstHalfTo: { type: "string", description: "masked" },
          secondHalfTo: { type: "string", description: "masked" },
        },
      },
      "New PIN issued",
    ),
    400: problem,
    403: problem,
    410: problem,
    415: problem,
    429: problem,
  },
};

export function recoveryRoutes(ctx: AppContext) {
  return async function recoveryApi(app: FastifyInstance): Promise<void> {
    const start = { journey: "start" as const };
    app.post("/recovery", { schema: requestSchema, config: start }, async (req, reply) => {
      const answer = await recovery.requestRecovery(ctx, { by: anonymousOf(req), body: req.body });
      return reply.code(202).send(answer);
    });
    // A link may be followed in a browser where someone is logged in.
    app.post(
      "/recovery/confirm",
      { schema: confirmSchema, config: { journey: "public" } },
      async (req, reply) => {
        const body = req.body as { token?: unknown } | null;
        const done = await recovery.confirmRecovery(ctx, {
          by: anonymousOf(req),
          token: body?.token,
        });
        return reply.send({ status: "issued", ...done });
      },
    );
  };
}

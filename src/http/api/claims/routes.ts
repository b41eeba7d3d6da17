/** POST /api/v1/claims: the online claim (flows/claim-online.ts). */
import type { FastifyInstance } from "fastify";
import * as claimOnline from "../../../flows/claim-online.ts";
import { claimBodySchema } from "../../../flows/claim-input.ts";
import { resendLetter } from "../../../flows/letter-resend.ts";
import type { AppContext } from "../../context.ts";
import { anonymousOf } from "../../request.ts";
import { anonymousRefusals, json, jsonSchema, problem, received } from "../docs.ts";

const schema = {
  tags: ["claim"],
  summary: "Claim a PIN online (Richiedi PIN)",
  description:
    "Runs every automatic check against the archive. Passing claims are issued an ordinary 16-character PIN (first half by SMS or e-mail, second half by letter). Any failed check puts the claim in the outbound verification queue; the answer is the same whatever the reason. Only when every check passes does an active PIN answer 409. Residence in Italy or an Italian document is refused (use SPID/CIE/CNS). Only the contact of the chosen delivery is required.",
  body: jsonSchema(claimBodySchema),
  response: {
    202: json(
      {
        type: "object",
        properties: {
          claimId: { type: "string", format: "uuid" },
          status: { type: "string", enum: ["issued", "under_verification"] },
        },
      },
      "Claim accepted",
    ),
    400: problem,
    403: problem,
    409: problem,
    415: problem,
    422: problem,
    429: problem,
  },
};

export function claimRoutes(ctx: AppContext) {
  return async function claims(app: FastifyInstance): Promise<void> {
    app.post("/claims", { schema, config: { journey: "start" } }, async (req, reply) => {
      const outcome = await claimOnline.run(ctx, { by: anonymousOf(req), body: req.body });
      return reply.code(202).send(outcome);
    });
  };
}

const resendSchema = {
  tags: ["claim"],
  summary: "The letter never arrived: both halves again",
  description:
    "Whoever holds the first half of an initial PIN (from the SMS or e-mail) may ask for a new initial PIN once the letter is overdue (LETTER_OVERDUE_DAYS after issue, default 20): the first half goes again by the claim's channel, the second by letter to the residence on file, and the old initial PIN stops working. At most 3 per 90 days. Every well-formed request gets the same 202, whatever happened.",
  body: {
    type: "object",
    properties: {
      fiscalCode: { type: "string", maxLength: 40 },
      firstHalf: { type: "string", maxLength: 40 },
    },
    required: ["fiscalCode", "firstHalf"],
  },
  response: {
    202: received,
    ...anonymousRefusals,
  },
};

export function letterResendRoutes(ctx: AppContext) {
  return async function letterResend(app: FastifyInstance): Promise<void> {
    app.post(
      "/claims/letter-resend",
      { schema: resendSchema, config: { journey: "start" } },
      async (req, reply) => {
        const answer = await resendLetter(ctx, { by: anonymousOf(req), body: req.body });
        return reply.code(202).send(answer);
      },
    );
  };
}

/** POST /api/v1/revocation and /api/v1/revocation/confirm: PIN revocation (flows/revocation.ts). */
import type { FastifyInstance } from "fastify";
import * as revocation from "../../../flows/revocation.ts";
import type { AppContext } from "../../context.ts";
import { anonymousOf } from "../../request.ts";
import { anonymousRefusals, json, linkTokenBody, problem, received } from "../docs.ts";

const address = { type: "string", maxLength: 300 };

const requestSchema = {
  tags: ["revocation"],
  summary: "Ask to revoke a PIN for good (revoca)",
  description:
    "The fiscal code, the health card's number (20 digits) and expiry (YYYY-MM-DD), and an e-mail or PEC address. When the health card matches the archive and a PIN is active, a single-use confirmation link (valid 24 hours) goes to the address given; otherwise that address receives instructions. The answer is always the same 202 for a well-formed body. Nothing changes until the link is confirmed.",
  body: {
    type: "object",
    properties: {
      fiscalCode: { type: "string", maxLength: 40 },
      healthCardNumber: { type: "string", maxLength: 40 },
      healthCardExpiry: { type: "string", format: "date" },
      email: address,
      pec: address,
      lang: { type: "string", enum: ["it", "en"] },
    },
    required: ["fiscalCode", "healthCardNumber", "healthCardExpiry"],
  },
  response: {
    202: received,
    ...anonymousRefusals,
  },
};

const confirmSchema = {
  tags: ["revocation"],
  summary: "Confirm a revocation with the token of its link",
  description:
    "Revokes the PIN for good: it never works again (a login with it answers PIN_REVOKED), every session ends, pending recoveries are cancelled and the registered contacts are told. A new claim is then accepted. 410 when the link is unknown, used, expired or replaced.",
  body: linkTokenBody,
  response: {
    200: json(
      { type: "object", properties: { status: { type: "string", enum: ["revoked"] } } },
      "PIN revoked",
    ),
    400: problem,
    403: problem,
    410: problem,
    415: problem,
    429: problem,
  },
};

export function revocationRoutes(ctx: AppContext) {
  return async function revocationApi(app: FastifyInstance): Promise<void> {
    const start = { journey: "start" as const };
    app.post("/revocation", { schema: requestSchema, config: start }, async (req, reply) => {
      const answer = await revocation.requestRevocation(ctx, {
        by: anonymousOf(req),
        body: req.body,
      });
      return reply.code(202).send(answer);
    });
    app.post(
      "/revocation/confirm",
      // A link may be followed in a browser where someone is logged in.
      { schema: confirmSchema, config: { journey: "public" } },
      async (req, reply) => {
        const body = req.body as { token?: unknown } | null;
        await revocation.confirmRevocation(ctx, { by: anonymousOf(req), token: body?.token });
        return reply.send({ status: "revoked" });
      },
    );
  };
}

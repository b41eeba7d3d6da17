/**
 * /api/v1: the JSON API. Bodies are validated by the flows' own validators (zod + domain
 * rules) so the API and the web forms share one definition; the JSON schemas attached to
 * routes document the API in OpenAPI (/api/docs).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { endSession } from "../../auth/sessions.ts";
import { pinExpiresAt } from "../../domain/credential.ts";
import { romeDate } from "../../domain/eligibility.ts";
import { validateClaim } from "../../flows/claim-input.ts";
import * as claimOnline from "../../flows/claim-online.ts";
import { contributionStatement, pensionSlips } from "../../flows/consult.ts";
import * as login from "../../flows/login.ts";
import { replaceWithOperatingPin } from "../../flows/operating-pin.ts";
import type { AppContext } from "../context.ts";
import { clearSessionCookie, requireSession, sessionToken, setSessionCookie } from "../session.ts";
import * as docs from "./schemas.ts";

const NEXT_STEP = {
  pin_change_required: "/api/v1/pin/activate",
  renewal_required: "/api/v1/pin/renew",
  authenticated: "/api/v1/me",
} as const;

export function apiRoutes(ctx: AppContext) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    // The API speaks JSON only: fastify's built-in text/plain parser would hand a string to
    // the flows (a 400) where the answer is 415. Scoped to this plugin; forms keep theirs.
    app.removeContentTypeParser("text/plain");

    app.post("/claims", { schema: docs.createClaim }, async (req, reply) => {
      const input = validateClaim(req.body, romeDate(ctx.clock.now()));
      const outcome = await claimOnline.run(ctx, input);
      return reply.code(202).send(outcome);
    });

    app.post("/session", { schema: docs.createSession }, async (req, reply) => {
      const creds = login.validateLogin(req.body, romeDate(ctx.clock.now()));
      const previous = sessionToken(ctx, req);
      const result = await login.run(ctx, {
        ...creds,
        userAgent: req.headers["user-agent"] ?? null,
      });
      // Rotation: whatever session the browser had before is ended, never upgraded.
      if (previous !== undefined) await endSession(ctx.db, ctx.sessions, previous);
      setSessionCookie(ctx, reply, result.token);
      return reply
        .code(200)
        .send({ status: result.state, level: result.level, next: NEXT_STEP[result.state] });
    });

    app.delete("/session", { schema: docs.deleteSession }, async (req, reply) => {
      const token = sessionToken(ctx, req);
      if (token !== undefined) await endSession(ctx.db, ctx.sessions, token);
      clearSessionCookie(ctx, reply);
      return reply.code(204).send();
    });

    const newPin =
      (mode: "activate" | "renew") => async (req: FastifyRequest, reply: FastifyReply) => {
        // "authenticated" too: a repeated request right after the change gets a fresh PIN
        // (the flow decides whether it is such a repeat).
        const session = await requireSession(ctx, req, [
          mode === "activate" ? "pin_change_required" : "renewal_required",
          "authenticated",
        ]);
        const result = await replaceWithOperatingPin(ctx, session, mode);
        void reply.header("cache-control", "no-store");
        return reply.code(201).send({
          pin: result.pin,
          level: result.level,
          setAt: result.setAt.toISOString(),
          expiresAt: result.expiresAt.toISOString(),
        });
      };
    app.post("/pin/activate", { schema: docs.activatePin }, newPin("activate"));
    app.post("/pin/renew", { schema: docs.renewPin }, newPin("renew"));

    app.get("/me", { schema: docs.me }, async (req) => {
      const s = await requireSession(ctx, req);
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

    app.get("/me/contributions", { schema: docs.contributions }, async (req) => {
      const s = await requireSession(ctx, req);
      return contributionStatement(ctx.db, s.fiscalCode);
    });

    app.get("/me/pension-slips", { schema: docs.pensionSlips }, async (req) => {
      const s = await requireSession(ctx, req);
      return { slips: await pensionSlips(ctx.db, s.fiscalCode) };
    });
  };
}

/** POST/DELETE /api/v1/session: log in and out (flows/login.ts, flows/session.ts). */
import type { FastifyInstance } from "fastify";
import { romeDate } from "../../../domain/eligibility.ts";
import type { SessionState } from "../../../domain/journey.ts";
import * as login from "../../../flows/login.ts";
import { logout } from "../../../flows/session.ts";
import type { AppContext } from "../../context.ts";
import {
  clearSessionCookie,
  readCookie,
  setDeviceCookie,
  setSessionCookie,
} from "../../cookies.ts";
import { withDeviceEntry } from "../../../security/device-cookie.ts";
import { anonymousOf } from "../../request.ts";
import { json, problem } from "../docs.ts";

/** The next call for an API client, by session state. */
export const API_NEXT: Record<SessionState, string> = {
  pin_change_required: "/api/v1/pin/activate",
  renewal_required: "/api/v1/pin/renew",
  pin_shown: "/api/v1/me",
  authenticated: "/api/v1/me",
};

const createSession = {
  tags: ["session"],
  summary: "Log in with fiscal code and PIN",
  description:
    "10 consecutive wrong PINs lock the fiscal code for 5 minutes (423, Retry-After); an attempt during the lock restarts it. A browser where the holder logged in before keeps its own counter (device cookie). After 100 consecutive failures unknown browsers are refused (423 LOGIN_SUSPENDED). A 16-character initial PIN answers status pin_change_required; an operating PIN older than 6 months answers renewal_required. 401 carries remainingAttempts.",
  body: {
    type: "object",
    required: ["fiscalCode", "pin"],
    properties: {
      fiscalCode: { type: "string", example: "RSSMRA50B17A558W" },
      pin: { type: "string" },
    },
  },
  response: {
    200: json(
      {
        type: "object",
        properties: {
          status: {
            type: "string",
            enum: ["pin_change_required", "renewal_required", "authenticated"],
          },
          level: { type: "string", enum: ["ordinary", "dispositive"] },
          next: { type: "string" },
        },
      },
      "Logged in; the session cookie is set",
    ),
    401: problem,
    403: problem,
    415: problem,
    422: problem,
    423: problem,
    429: problem,
  },
};

const deleteSession = {
  tags: ["session"],
  summary: "Log out",
  response: { 204: { description: "Logged out" } },
};

export function sessionRoutes(ctx: AppContext) {
  return async function session(app: FastifyInstance): Promise<void> {
    app.post(
      "/session",
      { schema: createSession, config: { journey: "login" } },
      async (req, reply) => {
        const creds = login.validateLogin(req.body, romeDate(ctx.clock.now()));
        const deviceCookie = readCookie(ctx, req, "device");
        const result = await login.run(ctx, {
          ...creds,
          by: anonymousOf(req),
          deviceCookie,
          previousToken: readCookie(ctx, req, "session"),
          returnTo: null,
        });
        setSessionCookie(ctx, reply, result.token);
        setDeviceCookie(ctx, reply, withDeviceEntry(deviceCookie, result.deviceEntry));
        return reply
          .code(200)
          .send({ status: result.state, level: result.level, next: API_NEXT[result.state] });
      },
    );

    app.delete(
      "/session",
      { schema: deleteSession, config: { journey: "logout" } },
      async (req, reply) => {
        await logout(ctx, { by: anonymousOf(req), token: readCookie(ctx, req, "session") });
        clearSessionCookie(ctx, reply);
        return reply.code(204).send();
      },
    );
  };
}

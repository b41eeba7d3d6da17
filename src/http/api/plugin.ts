/**
 * /api/v1: the JSON API. State-changing requests take JSON only (415 for anything else; an
 * empty JSON body counts as {}); cross-site ones never get here (edge-security.ts). Errors are
 * RFC 9457 problem details, rendered by this plugin for its own routes.
 */
import type { FastifyInstance } from "fastify";
import { AppError } from "../../domain/errors.ts";
import type { AppContext } from "../context.ts";
import { langOf } from "../lang.ts";
import { asAppError, errorSummary, sendProblem } from "../problem.ts";
import { claimRoutes, letterResendRoutes } from "./claims/routes.ts";
import { activityRoutes } from "./me/activity.ts";
import { meRoutes } from "./me/routes.ts";
import { delegationRoutes } from "./me/delegations.ts";
import { benefitRoutes } from "./me/benefits.ts";
import { contactRoutes } from "./me/contacts.ts";
import { conversionRoutes } from "./me/conversion.ts";
import { pinRoutes } from "./pin/routes.ts";
import { recoveryRoutes } from "./recovery/routes.ts";
import { revocationRoutes } from "./revocation/routes.ts";
import { sessionRoutes } from "./session/routes.ts";
import { staffApiPlugin } from "./staff/plugin.ts";
import { appointmentRoutes } from "./appointments.ts";

export function apiPlugin(ctx: AppContext) {
  return async function api(app: FastifyInstance): Promise<void> {
    // JSON only: without this, fastify's text/plain parser would hand a string to the flows.
    app.removeContentTypeParser("text/plain");
    const defaultJson = app.getDefaultJsonParser("error", "error");
    app.removeContentTypeParser("application/json");
    app.addContentTypeParser("application/json", { parseAs: "string" }, (req, body, done) => {
      const text = typeof body === "string" ? body : body.toString("utf8");
      if (text.trim() === "") {
        done(null, {});
        return;
      }
      void defaultJson(req, text, done);
    });

    app.setErrorHandler((err, req, reply) => {
      const appErr = asAppError(err);
      if (appErr.status >= 500 && appErr.code !== "OVERLOADED") {
        req.log.error({ err: errorSummary(err) }, "request failed");
      }
      return sendProblem(reply, req, appErr, langOf(req, { acceptLanguage: true }));
    });
    app.setNotFoundHandler((req, reply) =>
      sendProblem(reply, req, new AppError("NOT_FOUND"), langOf(req, { acceptLanguage: true })),
    );

    await app.register(claimRoutes(ctx));
    await app.register(letterResendRoutes(ctx));
    await app.register(sessionRoutes(ctx));
    await app.register(pinRoutes(ctx));
    await app.register(meRoutes(ctx));
    await app.register(contactRoutes(ctx));
    await app.register(conversionRoutes(ctx));
    await app.register(benefitRoutes(ctx));
    await app.register(activityRoutes(ctx));
    await app.register(recoveryRoutes(ctx));
    await app.register(revocationRoutes(ctx));
    await app.register(staffApiPlugin(ctx));
    // Desk appointments (issue 7, appointments).
    await app.register(appointmentRoutes(ctx));
    // The office desk (issue 7, desk): the holder's delegations.
    await app.register(delegationRoutes(ctx));
  };
}

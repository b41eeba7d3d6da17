/**
 * build(): the whole HTTP application without listen(), so tests drive it with inject() and
 * main.ts decides where it listens. Three encapsulated plugins — the JSON API, the citizens'
 * pages, the development aids — each render their own errors; the journey guard and the edge
 * security hooks sit at the root, in front of all of them.
 */
import { randomUUID } from "node:crypto";
import cookie from "@fastify/cookie";
import csrf from "@fastify/csrf-protection";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from "fastify";
import { devRoutes } from "./dev/plugin.ts";
import { AppError } from "./domain/errors.ts";
import { apiPlugin } from "./http/api/plugin.ts";
import type { AppContext } from "./http/context.ts";
import { installEdgeSecurity } from "./http/edge-security.ts";
import { smsStatusHook } from "./http/hooks/sms-status.ts";
import { installJourneyGuard, type JourneyRoutes } from "./http/journey-guard.ts";
import { langOf } from "./http/lang.ts";
import { asAppError, sendProblem } from "./http/problem.ts";
import { LOGIN_PAGE, PAGE_OF_STATE } from "./web/paths.ts";
import { webPlugin } from "./web/plugin.ts";
import { replyWithError } from "./web/error-reply.ts";
import { csrfBindingOf } from "./web/render.ts";
import { cookieName, cookieOptions } from "./http/cookies.ts";
import { textPart } from "./http/uploads.ts";
import { installMetricsRoute } from "./http/metrics-route.ts";
import { installRequestObservability } from "./http/observability.ts";
import { installReadiness } from "./http/readiness.ts";
import { loggerOptions, REDACT_PATHS } from "./observability/logger.ts";

declare module "fastify" {
  interface FastifyInstance {
    /** Every registered route with its journey step (read by the route × state test). */
    journeyRoutes: JourneyRoutes;
  }
}

export interface BuildOptions {
  logger?: FastifyServerOptions["logger"];
}

export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  // The one pino configuration (observability/logger.ts), plus the caller's level and stream.
  const logger =
    typeof opts.logger === "object"
      ? {
          ...loggerOptions(
            typeof opts.logger.level === "string" ? opts.logger.level : "info",
            "inps-pin",
          ),
          ...opts.logger,
          // Query strings and bodies may carry fiscal codes or PINs: log the path only.
          serializers: {
            req: (req: { method: string; url: string; id: string }) => ({
              id: req.id,
              method: req.method,
              path: req.url.split("?")[0],
            }),
          },
          redact: { paths: [...REDACT_PATHS, 'res.headers["set-cookie"]'], censor: "[redacted]" },
        }
      : (opts.logger ?? false);
  const proxies = ctx.config.trustProxy;
  const app = Fastify({
    logger,
    // A hop count trusts that many proxies nearest to the service, no one further out.
    trustProxy:
      typeof proxies === "number" ? (_addr: string, hop: number) => hop < proxies : proxies,
    bodyLimit: 64 * 1024,
    return503OnClosing: true,
    // Unique across instances; never taken from a client's header.
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // One line per request, with its audit events (http/observability.ts); failures are logged
    // by the error handlers.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: "reqId" }),
    // A malformed URL (bad percent-encoding) is refused before any hook runs: answer it like any
    // other bad request, with the headers of a response that is never to be rendered or cached.
    frameworkErrors: (error, req, reply) => {
      void reply.headers({
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
        "cache-control": "no-store",
      });
      void sendProblem(reply, req, asAppError(error), langOf(req, { acceptLanguage: true }));
    },
  });

  // Validation belongs to the flows (one definition for API and forms); route schemas are
  // documentation for OpenAPI only.
  installRequestObservability(app);
  app.setValidatorCompiler(() => (data: unknown) => ({ value: data }));
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  await app.register(cookie, { secret: ctx.cookieSecret });
  // Decorators only (generateCsrf, csrfProtection), for the pages and the development aids;
  // the API takes no forms (only the web plugin registers a form parser).
  await app.register(csrf, {
    sessionPlugin: "@fastify/cookie",
    cookieKey: cookieName(ctx, "csrf"),
    cookieOpts: cookieOptions(ctx),
    csrfOpts: { hmacKey: ctx.cookieSecret.toString("base64") },
    getUserInfo: (req) => csrfBindingOf(ctx, req),
    // A form's field, or a multipart form's text part (upload pages).
    getToken: (req) => textPart(req.body, "_csrf"),
  });
  installEdgeSecurity(app, ctx);
  const routes = installJourneyGuard(app, ctx, {
    pageOfState: PAGE_OF_STATE,
    loginPage: LOGIN_PAGE,
  });
  app.decorate("journeyRoutes", routes);

  app.setErrorHandler(replyWithError);
  app.setNotFoundHandler((req, reply) => replyWithError(new AppError("NOT_FOUND"), req, reply));

  // At the root (it adds no route of its own), so it sees every route and documents the API.
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "INPS PIN API",
        version: "1",
        description:
          "Claim, activate, renew and use the INPS PIN (citizens resident abroad without an Italian identity document). Errors are RFC 9457 problem details. State-changing requests take JSON only and are refused when cross-site.",
      },
      tags: [
        { name: "claim" },
        { name: "session" },
        { name: "pin" },
        { name: "consultation" },
        { name: "recovery" },
        { name: "revocation" },
        { name: "contacts" },
        { name: "privacy", description: "Activity, sessions and devices, data export" },
        { name: "conversion", description: "Upgrade to a dispositive PIN, with uploads" },
        { name: "benefits", description: "Benefit catalogue and claims" },
        {
          name: "staff",
          description:
            "Back office (staff session cookie): enrolment, login, records. Every route declares the staff roles it serves.",
        },
        // Desk appointments (issue 7, appointments).
        {
          name: "appointments",
          description: "Office desk appointments for anyone, without credentials",
        },
        // Issue 7, areas review and supervisor.
        {
          name: "staff review",
          description:
            "Review queue of dispositive PIN requests and fax intake (reviewers, supervisors)",
        },
        {
          name: "staff supervision",
          description: "Audit search and export, staff accounts, queue figures (supervisors)",
        },
        // The office desk (issue 7, desk).
        { name: "delegations", description: "Delegations given and received" },
      ],
    },
  });
  // Its UI's routes are public, said once here.
  await app.register(async function openApiUi(scope: FastifyInstance) {
    scope.addHook("onRoute", (o) => {
      o.config = { ...o.config, journey: "public" };
    });
    await scope.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  });

  const health = { schema: { hide: true }, config: { journey: "public" as const } };
  app.get("/healthz", health, async () => ({ status: "ok" }));
  installReadiness(app, ctx);
  installMetricsRoute(app, ctx);

  if (ctx.config.delivery.sms !== undefined) await app.register(smsStatusHook(ctx));
  await app.register(apiPlugin(ctx), { prefix: "/api/v1" });
  await app.register(webPlugin(ctx, routes));
  if (ctx.config.env === "development" && ctx.devClock !== undefined) {
    await app.register(devRoutes(ctx, ctx.devClock), { prefix: "/dev" });
  }
  return app;
}

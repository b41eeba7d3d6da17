/**
 * build(): the whole HTTP application without listen(), so tests drive it with inject() and
 * main.ts decides where it listens. Routes live in encapsulated plugins: the API accepts only
 * JSON, the web pages forms; each prefix has its own error rendering.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import cookie from "@fastify/cookie";
import helmet from "helmet";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { AppError } from "../domain/errors.ts";
import { apiRoutes } from "./api/routes.ts";
import type { AppContext } from "./context.ts";
import { devRoutes } from "./dev.ts";
import { langOf } from "./lang.ts";
import { asAppError, sendProblem } from "./problem.ts";
import { renderErrorPage } from "../web/pages/error.ts";
import { webRoutes } from "../web/routes.ts";

export interface BuildOptions {
  logger?: FastifyServerOptions["logger"];
}

export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const logger =
    typeof opts.logger === "object"
      ? {
          ...opts.logger,
          // Query strings and bodies may carry fiscal codes or PINs: log the path only.
          serializers: {
            req: (req: { method: string; url: string; id: string }) => ({
              id: req.id,
              method: req.method,
              path: req.url.split("?")[0],
            }),
          },
          redact: ["req.headers.cookie", 'res.headers["set-cookie"]'],
        }
      : (opts.logger ?? false);
  const app = Fastify({
    logger,
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 64 * 1024,
    return503OnClosing: true,
  });

  // Validation belongs to the flows (one definition for API and forms); route schemas are
  // documentation for OpenAPI only.
  app.setValidatorCompiler(() => (data: unknown) => ({ value: data }));
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  await app.register(cookie);
  // Security headers, built once (the fastify wrapper rebuilds helmet on every request).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: ctx.config.env === "production" ? [] : null,
      },
    },
    strictTransportSecurity: ctx.config.env === "production",
    referrerPolicy: { policy: "same-origin" },
  });
  // JSON answers are never rendered as documents: three headers say all that matters, and
  // personal data must not be cached.
  const apiHeaders = {
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    "cache-control": "no-store",
  };
  app.addHook("onRequest", (req, reply, done) => {
    if (req.url.startsWith("/api/v1/")) {
      void reply.headers(apiHeaders);
      done();
      return;
    }
    // Swagger UI brings its own CSP for its static assets.
    if (req.url.startsWith("/api/docs")) {
      done();
      return;
    }
    securityHeaders(req.raw, reply.raw, (err?: unknown) =>
      done(err instanceof Error ? err : undefined),
    );
  });

  app.setErrorHandler((err, req, reply) => {
    const appErr = asAppError(err);
    if (appErr.status >= 500 && appErr.code !== "OVERLOADED") {
      req.log.error(
        {
          err:
            err instanceof Error
              ? { name: err.name, message: err.message, stack: err.stack }
              : String(err),
        },
        "request failed",
      );
    }
    if (
      req.url.startsWith("/api/") ||
      (req.url.startsWith("/dev/") && req.url.endsWith(".json")) ||
      !acceptsHtml(req.headers.accept)
    ) {
      return sendProblem(reply, req, appErr, langOf(req, { acceptLanguage: true }));
    }
    return reply
      .code(appErr.status)
      .type("text/html; charset=utf-8")
      .send(renderErrorPage(ctx, appErr, langOf(req)));
  });

  app.setNotFoundHandler((req, reply) => {
    const err = new AppError("NOT_FOUND");
    if (req.url.startsWith("/api/") || !acceptsHtml(req.headers.accept)) {
      return sendProblem(reply, req, err, langOf(req, { acceptLanguage: true }));
    }
    return reply
      .code(404)
      .type("text/html; charset=utf-8")
      .send(renderErrorPage(ctx, err, langOf(req)));
  });

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "INPS PIN API",
        version: "1",
        description:
          "Claim, activate, renew and use the INPS PIN (citizens resident abroad without an Italian identity document). Errors are RFC 9457 problem details.",
      },
      tags: [{ name: "claim" }, { name: "session" }, { name: "pin" }, { name: "consultation" }],
    },
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });

  app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "ok" }));
  app.get("/readyz", { schema: { hide: true } }, async (_req, reply) => {
    try {
      await ctx.db.query("SELECT 1");
      return { status: "ok" };
    } catch {
      return reply.code(503).send({ status: "unavailable" });
    }
  });

  await app.register(apiRoutes(ctx), { prefix: "/api/v1" });
  await app.register(webRoutes(ctx));
  if (ctx.config.env === "development" && ctx.devClock !== undefined) {
    await app.register(devRoutes(ctx, ctx.devClock), { prefix: "/dev" });
  }
  return app;
}

function acceptsHtml(accept: string | undefined): boolean {
  return accept !== undefined && accept.includes("text/html");
}

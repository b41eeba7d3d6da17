/**
 * Security at the edge, for every response and every state-changing request:
 * - headers: a strict Content-Security-Policy for pages (helmet, built once), three plain
 *   headers for JSON (never rendered, never cached);
 * - cross-site refusal: a POST, PUT, PATCH or DELETE whose Sec-Fetch-Site or Origin says it
 *   comes from another site is refused before it reaches a route (the forms' CSRF tokens and
 *   SameSite=Strict cookies are the other two layers).
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import helmet from "helmet";
import { AppError } from "../domain/errors.ts";
import type { AppContext } from "./context.ts";

const SAFE_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS"]);

/** True when the browser says the request was made by another site. */
export function isCrossSite(req: FastifyRequest): boolean {
  const site = req.headers["sec-fetch-site"];
  if (site === "cross-site" || site === "same-site") return true;
  const origin = req.headers.origin;
  if (typeof origin !== "string" || origin === "") return false;
  if (origin === "null") return true;
  try {
    const from = new URL(origin);
    return from.host !== new URL(`${from.protocol}//${req.host}`).host;
  } catch {
    return true;
  }
}

export function installEdgeSecurity(app: FastifyInstance, ctx: AppContext): void {
  const production = ctx.config.env === "production";
  const pageHeaders = helmet({
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
        upgradeInsecureRequests: production ? [] : null,
      },
    },
    strictTransportSecurity: production,
    referrerPolicy: { policy: "same-origin" },
  });
  const apiHeaders = {
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    "cache-control": "no-store",
  };
  app.addHook("onRequest", (req, reply, done) => {
    if (!SAFE_METHODS.has(req.method) && isCrossSite(req)) {
      done(new AppError("CROSS_SITE_REQUEST"));
      return;
    }
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
    pageHeaders(req.raw, reply.raw, (err?: unknown) =>
      done(err instanceof Error ? err : undefined),
    );
  });
}

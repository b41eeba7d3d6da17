/**
 * The one guard of the citizen journey (src/domain/journey.ts). Every route declares its step
 * in its route config (`config: { journey: "personal" }`) when it is registered; a route that
 * declares none stops the service from starting (app.ready() rejects). On each request the guard resolves the
 * session only when the step is not public, and refuses what the state may not reach: the API
 * with 401/403 problem details, pages with a redirect to the page of the state (a visitor
 * without a session goes to the login page, which brings them back afterwards).
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError, type ErrorCode } from "../domain/errors.ts";
import {
  isJourneyStep,
  isSafeLocalPath,
  mayReach,
  type JourneyState,
  type JourneyStep,
} from "../domain/journey.ts";
import { replayPinChange } from "../flows/operating-pin.ts";
import type { ResolvedSession } from "../flows/session.ts";
import type { AppContext } from "./context.ts";
import { clearSessionCookie } from "./cookies.ts";
import { anonymousOf, journeyOf, rememberReplay } from "./request.ts";
import { guardStaffRoute, isStaffRule, type StaffRule } from "./staff-guard.ts";
import { isStaffUrl } from "./staff-request.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** The journey step of the route: required on every citizen route (see journey-guard.ts). */
    journey?: JourneyStep;
    /**
     * The back office's rule, required instead on every route under /operatori/ and
     * /api/v1/staff/: the staff roles allowed, or "signed_out" (login, enrolment).
     */
    staff?: StaffRule;
    /** A PIN change: a retry carrying the pre-change token gets the lost answer again. */
    pinChangeReplay?: boolean;
  }
}

export interface JourneyPages {
  /** The page each state belongs on. */
  pageOfState: Readonly<Record<JourneyState, string>>;
  /** The login page; `next` and `expired` are appended. */
  loginPage: string;
}

export function isApiUrl(url: string): boolean {
  return url.startsWith("/api/") || (url.startsWith("/dev/") && /\.json(\?|$)/u.test(url));
}

/** The error an API client gets for a step its state may not reach. */
export function denialCode(
  state: JourneyState,
  step: JourneyStep,
  resolved: ResolvedSession,
): ErrorCode {
  if (state === "anonymous")
    return resolved.kind === "expired" ? "SESSION_EXPIRED" : "AUTHENTICATION_REQUIRED";
  if (step === "start") return "LOGGED_IN";
  if (state === "pin_change_required") return "PIN_CHANGE_REQUIRED";
  if (state === "renewal_required") return "RENEWAL_REQUIRED";
  return "NO_PIN_CHANGE_PENDING";
}

interface RegisteredRoute {
  method: string;
  url: string;
  step: JourneyStep;
  pattern: RegExp;
}

export interface StaffRoute {
  method: string;
  url: string;
  rule: StaffRule;
}

export interface JourneyRoutes {
  /** Every registered citizen route with its step (the route × state test reads it). */
  list(): readonly RegisteredRoute[];
  /** Every registered back-office route with its rule (the route × role test reads it). */
  staffList(): readonly StaffRoute[];
  /** A local path the journey may resume at after login: a page of the personal area. */
  isContinuation(path: unknown): path is string;
}

function patternOf(url: string): RegExp {
  const escaped = url
    .split(/(:[A-Za-z_]\w*|\*)/u)
    .map((part) =>
      part === "*"
        ? ".*"
        : part.startsWith(":")
          ? "[^/]+"
          : part.replace(/[.+?^${}()|[\]\\]/gu, "\\$&"),
    )
    .join("");
  return new RegExp(`^${escaped}$`, "u");
}

/**
 * Installs the registration check (onRoute, judged at onReady: start-up fails on a route
 * without a rule) and the guard (onRequest). Call on the root instance before any route.
 */
export function installJourneyGuard(
  app: FastifyInstance,
  ctx: AppContext,
  pages: JourneyPages,
): JourneyRoutes {
  const routes: RegisteredRoute[] = [];
  const staffRoutes: StaffRoute[] = [];
  const seen: { opts: { method: string | string[]; url: string; config?: unknown } }[] = [];
  // Recorded now, judged when the app is ready: a plugin may set the rule of the routes a
  // third-party plugin registers in its scope (an onRoute hook that runs after this one).
  app.addHook("onRoute", (opts) => {
    seen.push({ opts });
    // A staff route's roles are part of its documentation (OpenAPI), from the same declaration.
    const staff = (opts.config as { staff?: unknown } | undefined)?.staff;
    if (opts.schema !== undefined && isStaffRule(staff)) {
      const roles = staff === "signed_out" ? "none (signed out)" : staff.join(", ");
      const desc = (opts.schema as { description?: unknown }).description;
      opts.schema = {
        ...opts.schema,
        description: `${typeof desc === "string" ? `${desc}\n\n` : ""}Staff roles: ${roles}.`,
      };
    }
  });
  app.addHook("onReady", async () => {
    const missing: string[] = [];
    for (const { opts } of seen) {
      const config = opts.config as { journey?: unknown; staff?: unknown } | undefined;
      const step = config?.journey;
      const methods = Array.isArray(opts.method) ? opts.method : [opts.method];
      if (isStaffUrl(opts.url) || config?.staff !== undefined) {
        // A back-office route: its roles, and no citizen step (one rule per route).
        if (!isStaffRule(config?.staff) || step !== undefined || !isStaffUrl(opts.url)) {
          missing.push(`${methods.join(",")} ${opts.url} (staff roles)`);
          continue;
        }
        for (const method of methods)
          staffRoutes.push({ method, url: opts.url, rule: config.staff });
        continue;
      }
      if (!isJourneyStep(step)) {
        missing.push(`${methods.join(",")} ${opts.url}`);
        continue;
      }
      for (const method of methods)
        routes.push({ method, url: opts.url, step, pattern: patternOf(opts.url) });
    }
    seen.length = 0;
    if (missing.length > 0) {
      throw new Error(
        `routes without a journey rule (config.journey, or config.staff under /operatori/ and /api/v1/staff/), the service refuses to start: ${missing.join("; ")}`,
      );
    }
  });

  app.addHook("onRequest", async (req, reply) => {
    const staffRule = req.routeOptions.config.staff;
    if (staffRule !== undefined) return guardStaffRoute(ctx, req, reply, staffRule);
    const step = req.routeOptions.config.journey;
    // No route matched (404): the not-found handler answers; nothing to guard.
    if (step === undefined || step === "public") return;
    const j = await journeyOf(ctx, req);
    if (mayReach(j.state, step)) return;
    if (
      j.resolved.kind === "expired" &&
      j.token !== undefined &&
      req.routeOptions.config.pinChangeReplay === true
    ) {
      const answer = await replayPinChange(ctx, { by: anonymousOf(req), token: j.token });
      if (answer !== null) {
        rememberReplay(req, answer);
        return;
      }
    }
    if (isApiUrl(req.url)) throw new AppError(denialCode(j.state, step, j.resolved));
    if (j.state !== "anonymous") {
      await reply.redirect(pages.pageOfState[j.state], 303);
      return reply;
    }
    const expired = j.resolved.kind === "expired";
    if (expired) clearSessionCookie(ctx, reply);
    const next = resumeAt(req);
    const query = new URLSearchParams();
    if (next !== undefined && routesApi.isContinuation(next)) query.set("next", next);
    if (expired) query.set("scaduta", "1");
    const qs = query.toString();
    await reply.redirect(`${pages.loginPage}${qs === "" ? "" : `?${qs}`}`, 303);
    return reply;
  });

  const routesApi: JourneyRoutes = {
    list: () => routes,
    staffList: () => staffRoutes,
    isContinuation(path: unknown): path is string {
      if (!isSafeLocalPath(path)) return false;
      const pathname = path.split("?")[0] ?? "";
      if (isApiUrl(pathname)) return false;
      return routes.some(
        (r) => r.method === "GET" && r.step === "personal" && r.pattern.test(pathname),
      );
    },
  };
  return routesApi;
}

/** Where a visitor sent to the login page should come back to: this page, or the form's. */
function resumeAt(req: FastifyRequest): string | undefined {
  if (req.method === "GET") return req.url;
  const referer = req.headers.referer;
  if (typeof referer !== "string") return undefined;
  try {
    const u = new URL(referer);
    return u.host === req.host ? `${u.pathname}${u.search}` : undefined;
  } catch {
    return undefined;
  }
}

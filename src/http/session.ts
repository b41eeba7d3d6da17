/** Session cookie handling and the per-request session guard (the journey's state machine). */
import type { FastifyReply, FastifyRequest } from "fastify";
import { resolveSession } from "../auth/sessions.ts";
import { AppError } from "../domain/errors.ts";
import type { SessionRecord, SessionState } from "../store/repos/sessions.ts";
import type { AppContext } from "./context.ts";

export function sessionCookieName(ctx: AppContext): string {
  // __Host- binds the cookie to this exact origin over HTTPS (no Domain, Path=/).
  return ctx.config.env === "production" ? "__Host-inps_session" : "inps_session";
}

export function setSessionCookie(ctx: AppContext, reply: FastifyReply, token: string): void {
  void reply.setCookie(sessionCookieName(ctx), token, {
    path: "/",
    httpOnly: true,
    sameSite: "strict",
    secure: ctx.config.env === "production",
    maxAge: ctx.sessions.absoluteSeconds,
  });
}

export function clearSessionCookie(ctx: AppContext, reply: FastifyReply): void {
  void reply.clearCookie(sessionCookieName(ctx), {
    path: "/",
    httpOnly: true,
    sameSite: "strict",
    secure: ctx.config.env === "production",
  });
}

export function sessionToken(ctx: AppContext, req: FastifyRequest): string | undefined {
  return req.cookies[sessionCookieName(ctx)];
}

const memo = new WeakMap<FastifyRequest, Promise<SessionRecord | null>>();

export function currentSession(
  ctx: AppContext,
  req: FastifyRequest,
): Promise<SessionRecord | null> {
  let p = memo.get(req);
  if (p === undefined) {
    const token = sessionToken(ctx, req);
    p =
      token === undefined
        ? Promise.resolve(null)
        : resolveSession(ctx.db, ctx.clock, ctx.sessions, token);
    memo.set(req, p);
  }
  return p;
}

/**
 * The session in one of the allowed states, or the error that says what the citizen must do
 * first: a person with a pending PIN change cannot reach anything else by typing a URL.
 */
export async function requireSession(
  ctx: AppContext,
  req: FastifyRequest,
  allowed: readonly SessionState[] = ["authenticated"],
): Promise<SessionRecord> {
  const s = await currentSession(ctx, req);
  if (s === null) throw new AppError("AUTHENTICATION_REQUIRED");
  if (!allowed.includes(s.state)) {
    throw new AppError(
      s.state === "pin_change_required"
        ? "PIN_CHANGE_REQUIRED"
        : s.state === "renewal_required"
          ? "RENEWAL_REQUIRED"
          : "NO_PIN_CHANGE_PENDING",
    );
  }
  return s;
}

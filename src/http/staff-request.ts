/**
 * Per-request context of the back office: the staff session behind the staff cookie (resolved
 * once per request, only when a staff route asks) and the staff member acting.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Acting } from "../domain/actor.ts";
import { AppError } from "../domain/errors.ts";
import { STAFF_SESSION, type StaffMember } from "../domain/staff.ts";
import { resolveStaffSession, type ResolvedStaffSession } from "../flows/staff/auth.ts";
import type { AppContext } from "./context.ts";
import { cookieName, cookieOptions, readCookie } from "./cookies.ts";
import { originOf } from "./request.ts";

/**
 * Pages and API of the back office (a registered route's pattern): every route here declares
 * its staff roles. A prefix match, so a pattern like "/operatori*" counts too (deny by default).
 */
export function isStaffUrl(url: string): boolean {
  return url.startsWith("/operatori") || url.startsWith("/api/v1/staff");
}

const memo = new WeakMap<FastifyRequest, Promise<ResolvedStaffSession>>();

export function staffSessionOf(
  ctx: AppContext,
  req: FastifyRequest,
): Promise<ResolvedStaffSession> {
  let p = memo.get(req);
  if (p === undefined) {
    p = resolveStaffSession(ctx, readCookie(ctx, req, "staff"), originOf(req));
    memo.set(req, p);
  }
  return p;
}

/** The member of staff acting through a live staff session (the guard let the request in). */
export async function staffOf(
  ctx: AppContext,
  req: FastifyRequest,
): Promise<{ by: Acting; member: StaffMember }> {
  const s = await staffSessionOf(ctx, req);
  if (s.kind !== "live")
    throw new AppError(
      s.kind === "expired" ? "STAFF_SESSION_EXPIRED" : "STAFF_AUTHENTICATION_REQUIRED",
    );
  const m = s.session.member;
  return {
    by: { actor: { kind: "staff", id: m.id, role: m.role }, origin: originOf(req) },
    member: m,
  };
}

export function setStaffCookie(ctx: AppContext, reply: FastifyReply, token: string): void {
  void reply.setCookie(
    cookieName(ctx, "staff"),
    token,
    cookieOptions(ctx, STAFF_SESSION.absoluteSeconds),
  );
}

export function clearStaffCookie(ctx: AppContext, reply: FastifyReply): void {
  void reply.clearCookie(cookieName(ctx, "staff"), cookieOptions(ctx));
}

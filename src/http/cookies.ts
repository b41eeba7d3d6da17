/**
 * The edge's cookies. In production every cookie is __Host- prefixed (bound to this exact
 * origin over HTTPS, no Domain, Path=/), Secure, HttpOnly and SameSite=Strict.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "./context.ts";

export type CookieName =
  | "session"
  | "device"
  | "csrf"
  | "claim"
  | "recovery"
  | "revocation"
  | "staff"
  | "staffEnrolment"
  // Desk appointments (issue 7, appointments): the confirmation page's data, for ten minutes.
  | "appointment";

const BASE: Record<CookieName, string> = {
  session: "inps_session",
  device: "inps_device",
  csrf: "csrf",
  claim: "inps_claim",
  recovery: "inps_recovery",
  revocation: "inps_revocation",
  staff: "inps_staff",
  staffEnrolment: "inps_staff_enrolment",
  appointment: "inps_appointment",
};

export function cookieName(ctx: AppContext, which: CookieName): string {
  return ctx.config.env === "production" ? `__Host-${BASE[which]}` : BASE[which];
}

export function cookieOptions(ctx: AppContext, maxAgeSeconds?: number) {
  return {
    path: "/",
    httpOnly: true,
    sameSite: "strict" as const,
    secure: ctx.config.env === "production",
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  };
}

export function readCookie(
  ctx: AppContext,
  req: FastifyRequest,
  which: CookieName,
): string | undefined {
  const v = req.cookies[cookieName(ctx, which)];
  return v === undefined || v === "" ? undefined : v;
}

export function setSessionCookie(ctx: AppContext, reply: FastifyReply, token: string): void {
  void reply.setCookie(
    cookieName(ctx, "session"),
    token,
    cookieOptions(ctx, ctx.sessions.absoluteSeconds),
  );
}

export function clearSessionCookie(ctx: AppContext, reply: FastifyReply): void {
  void reply.clearCookie(cookieName(ctx, "session"), cookieOptions(ctx));
}

/** The device cookie lives two years: it is what keeps a holder's own browser out of a lock. */
export function setDeviceCookie(ctx: AppContext, reply: FastifyReply, value: string): void {
  void reply.setCookie(cookieName(ctx, "device"), value, cookieOptions(ctx, 2 * 365 * 86400));
}

/**
 * The back office's guard, installed with the journey guard (journey-guard.ts): every route
 * under /operatori/ and /api/v1/staff/ declares the staff roles it serves (`config: { staff:
 * ["office_clerk"] }`) or "signed_out" (login, enrolment); deny by default. Without a live
 * staff session the API answers 401 and pages go to the staff login (and come back after);
 * a role not listed gets 403.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../domain/errors.ts";
import { isStaffRole, type StaffRole } from "../domain/staff.ts";
import type { AppContext } from "./context.ts";
import { clearStaffCookie, staffSessionOf } from "./staff-request.ts";

export type StaffRule = readonly StaffRole[] | "signed_out";

export const STAFF_LOGIN_PAGE = "/operatori/accedi";

export function isStaffRule(v: unknown): v is StaffRule {
  if (v === "signed_out") return true;
  return Array.isArray(v) && v.length > 0 && v.every(isStaffRole);
}

/** Whether a role passes a rule ("signed_out" routes are open to anyone). */
export function staffMayReach(role: StaffRole | null, rule: StaffRule): boolean {
  if (rule === "signed_out") return true;
  return role !== null && rule.includes(role);
}

export async function guardStaffRoute(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  rule: StaffRule,
): Promise<FastifyReply | undefined> {
  if (rule === "signed_out") return undefined;
  const s = await staffSessionOf(ctx, req);
  if (s.kind === "live") {
    if (staffMayReach(s.session.member.role, rule)) return undefined;
    throw new AppError("STAFF_FORBIDDEN");
  }
  const api = (req.routeOptions.url ?? "").startsWith("/api/");
  if (s.kind === "expired") clearStaffCookie(ctx, reply);
  if (api)
    throw new AppError(
      s.kind === "expired" ? "STAFF_SESSION_EXPIRED" : "STAFF_AUTHENTICATION_REQUIRED",
    );
  const query = new URLSearchParams();
  if (req.method === "GET" && /^\/operatori(\/|\?|$)/u.test(req.url)) query.set("next", req.url);
  if (s.kind === "expired") query.set("scaduta", "1");
  const qs = query.toString();
  await reply.redirect(`${STAFF_LOGIN_PAGE}${qs === "" ? "" : `?${qs}`}`, 303);
  return reply;
}

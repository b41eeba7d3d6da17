/**
 * What every screen's handler needs to answer with a page: the HTML reply, the posted form as
 * flat strings, the person shown in the header, and a CSRF token bound to the session the
 * page is for (renewed when the session changes).
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { SessionRecord } from "../flows/ports.ts";
import { holderName, sessionIdHash } from "../flows/session.ts";
import type { AppContext } from "../http/context.ts";
import { readCookie } from "../http/cookies.ts";
import { sha256Hex } from "../security/crypto.ts";
import type { PageUser } from "./layout.ts";

export type FormValues = Readonly<Record<string, string>>;

export function sendHtml(reply: FastifyReply, body: string, status = 200): FastifyReply {
  return reply
    .code(status)
    .type("text/html; charset=utf-8")
    .header("cache-control", "no-store")
    .send(body);
}

/** A posted form as flat strings (first value of repeated fields, each cut at 500 characters). */
export function formOf(req: FastifyRequest): FormValues {
  const body = req.body;
  if (typeof body !== "object" || body === null) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (typeof v === "string") out[k] = v.slice(0, 500);
    else if (Array.isArray(v) && typeof v[0] === "string") out[k] = v[0].slice(0, 500);
  }
  return out;
}

export function userOf(s: SessionRecord): PageUser {
  return { name: holderName(s) };
}

/** What a form's CSRF token is bound to: the session cookie's hash, or "anonymous". */
export function csrfBinding(token: string | undefined): string {
  return token === undefined ? "anonymous" : sessionIdHash(token);
}

export function csrfBindingOf(ctx: AppContext, req: FastifyRequest): string {
  // The back office's forms are bound to the staff session (its own cookie), not a citizen's:
  // decided by the route matched (its staff rule), never by the raw URL's spelling.
  if (req.routeOptions.config.staff !== undefined) {
    const staff = readCookie(ctx, req, "staff");
    return staff === undefined ? "staff:anonymous" : `staff:${sha256Hex(staff)}`;
  }
  return csrfBinding(readCookie(ctx, req, "session"));
}

/**
 * A CSRF token for a page answered with `sessionToken` in force: the request's own cookie, or
 * the one this very answer sets (after a login or a PIN change).
 */
export function csrfToken(reply: FastifyReply, sessionToken: string | undefined): string {
  return reply.generateCsrf({ userInfo: csrfBinding(sessionToken) });
}

/** A CSRF token for a page answered under the request's own session cookie (or none). */
export function csrfFor(ctx: AppContext, req: FastifyRequest, reply: FastifyReply): string {
  return reply.generateCsrf({ userInfo: csrfBindingOf(ctx, req) });
}

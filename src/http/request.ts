/**
 * Per-request context for the flows: who acts (the session's citizen, or anonymous) and from
 * where, and the request's journey (the resolved session and its state), resolved once and
 * only when something asks for it (static assets never touch the database).
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Acting, Origin } from "../domain/actor.ts";
import { resolveSession, journeyStateOf, type ResolvedSession } from "../flows/session.ts";
import type { JourneyState } from "../domain/journey.ts";
import type { NewOperatingPin } from "../flows/operating-pin.ts";
import type { SessionRecord } from "../flows/ports.ts";
import { AppError } from "../domain/errors.ts";
import type { AppContext } from "./context.ts";
import { readCookie } from "./cookies.ts";

export interface RequestJourney {
  resolved: ResolvedSession;
  state: JourneyState;
  /** The session cookie as sent (also when it no longer stands for a live session). */
  token: string | undefined;
}

const memo = new WeakMap<FastifyRequest, Promise<RequestJourney>>();

export function journeyOf(ctx: AppContext, req: FastifyRequest): Promise<RequestJourney> {
  let p = memo.get(req);
  if (p === undefined) {
    const token = readCookie(ctx, req, "session");
    p = resolveSession(ctx, token).then((resolved) => ({
      resolved,
      state: journeyStateOf(resolved),
      token,
    }));
    memo.set(req, p);
  }
  return p;
}

export function originOf(req: FastifyRequest): Origin {
  const ua = req.headers["user-agent"];
  return { ip: req.ip, userAgent: typeof ua === "string" ? ua : null, requestId: req.id };
}

export async function actingOf(ctx: AppContext, req: FastifyRequest): Promise<Acting> {
  const j = await journeyOf(ctx, req);
  return {
    actor:
      j.resolved.kind === "live"
        ? { kind: "citizen", fiscalCode: j.resolved.session.fiscalCode }
        : { kind: "anonymous" },
    origin: originOf(req),
  };
}

/** Anonymous acting (a visitor without a session), without resolving one. */
export function anonymousOf(req: FastifyRequest): Acting {
  return { actor: { kind: "anonymous" }, origin: originOf(req) };
}

/** The live session of a request the guard let through to a session-only route. */
export async function liveSessionOf(
  ctx: AppContext,
  req: FastifyRequest,
): Promise<Extract<ResolvedSession, { kind: "live" }> & { token: string }> {
  const j = await journeyOf(ctx, req);
  if (j.resolved.kind !== "live" || j.token === undefined) {
    throw new AppError(
      j.resolved.kind === "expired" ? "SESSION_EXPIRED" : "AUTHENTICATION_REQUIRED",
    );
  }
  return { ...j.resolved, token: j.token };
}

/** The citizen acting through a live session (for the personal area's routes). */
export async function citizenOf(
  ctx: AppContext,
  req: FastifyRequest,
): Promise<{ by: Acting; session: SessionRecord }> {
  const { session } = await liveSessionOf(ctx, req);
  return {
    by: { actor: { kind: "citizen", fiscalCode: session.fiscalCode }, origin: originOf(req) },
    session,
  };
}

/** A file to download (an export, a PDF), never cached. */
export function sendDownload(
  reply: FastifyReply,
  type: string,
  body: string | Uint8Array,
  filename: string,
): FastifyReply {
  return reply
    .type(type)
    .header("cache-control", "no-store")
    .header("content-disposition", `attachment; filename="${filename}"`)
    .send(body);
}

export function sendPdf(reply: FastifyReply, pdf: Uint8Array, filename: string): FastifyReply {
  return sendDownload(reply, "application/pdf", pdf, filename);
}

const replays = new WeakMap<FastifyRequest, NewOperatingPin>();

/** The PIN change this request repeats, its answer having been lost (see journey-guard.ts). */
export function replayOf(req: FastifyRequest): NewOperatingPin | undefined {
  return replays.get(req);
}

export function rememberReplay(req: FastifyRequest, answer: NewOperatingPin): void {
  replays.set(req, answer);
}

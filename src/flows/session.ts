/**
 * Sessions around the session repository: random 256-bit tokens (only their SHA-256 stored),
 * idle and absolute timeouts, a new token on every change of credential (login, PIN change),
 * and a last-seen write at most once a minute so a page view costs one read. A cookie whose
 * session timed out resolves to "expired", so the edge can say so and come back afterwards.
 */
import { systemActor, type Acting } from "../domain/actor.ts";
import { effectiveState, type JourneyState, type SessionState } from "../domain/journey.ts";
import type { PinLevel } from "../domain/credential.ts";
import { randomToken, sha256Hex } from "../security/crypto.ts";
import type { BaseDeps, SessionPolicy } from "./deps.ts";
import type { LoginSession, Repos, SessionRecord } from "./ports.ts";

const TOUCH_EVERY_MS = 60_000;

export interface SessionDeps extends BaseDeps {
  sessions: SessionPolicy;
}

export type ResolvedSession =
  | { kind: "none" }
  | { kind: "expired" }
  | { kind: "live"; session: SessionRecord; state: SessionState };

export function journeyStateOf(s: ResolvedSession): JourneyState {
  return s.kind === "live" ? s.state : "anonymous";
}

export function sessionIdHash(token: string): string {
  return sha256Hex(token);
}

/** The session a cookie token stands for, checking the timeouts on every request. */
export async function resolveSession(
  deps: SessionDeps,
  token: string | undefined,
): Promise<ResolvedSession> {
  if (token === undefined || token === "") return { kind: "none" };
  if (token.length < 20 || token.length > 100) return { kind: "expired" };
  const idHash = sessionIdHash(token);
  const policy = deps.sessions;
  const cached = policy.cache?.get(idHash);
  const s = cached ?? (await deps.uow.direct.sessions.find(idHash));
  if (s === null) return { kind: "expired" };
  const now = deps.clock.now();
  const idleLimit = s.lastSeenAt.getTime() + policy.idleSeconds * 1000;
  if (now.getTime() >= s.absoluteExpiry.getTime() || now.getTime() >= idleLimit) {
    policy.cache?.delete(idHash);
    await deps.uow.run(async (r) => {
      if (await r.sessions.delete(idHash)) {
        r.audit.record({
          type: "session.ended",
          outcome: "success",
          ...systemActor("session-timeout"),
          subject: s.fiscalCode,
          details: { reason: "timeout" },
        });
      }
    });
    return { kind: "expired" };
  }
  if (now.getTime() - s.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await deps.uow.direct.sessions.touch(idHash, now);
    s.lastSeenAt = now;
  }
  if (cached === undefined) policy.cache?.set(idHash, s);
  return { kind: "live", session: s, state: effectiveState(s.state, s.newPinUntil, now) };
}

export interface OpenSession {
  fiscalCode: string;
  credentialId: string;
  state: SessionState;
  level: PinLevel;
  userAgent: string | null;
  returnTo: string | null;
  newPinUntil: Date | null;
}

/**
 * Stores a new session in the transaction and returns its token (for the cookie only). For a
 * login, `login` carries the writes that go with it (counters reset, device remembered).
 */
export async function openSession(
  deps: SessionDeps,
  r: Repos,
  s: OpenSession,
  login?: Omit<LoginSession, "session">,
): Promise<{ token: string; idHash: string }> {
  const now = deps.clock.now();
  const token = randomToken();
  const idHash = sessionIdHash(token);
  const session = {
    ...s,
    idHash,
    now,
    absoluteExpiry: new Date(now.getTime() + deps.sessions.absoluteSeconds * 1000),
  };
  if (login === undefined) await r.sessions.create(session);
  else await r.sessions.createForLogin({ ...login, session });
  return { token, idHash };
}

/** Logout: ends the session on the server (the old cookie is refused even when replayed). */
export async function logout(
  deps: SessionDeps,
  input: { by: Acting; token: string | undefined },
): Promise<void> {
  if (input.token === undefined || input.token === "") return;
  const idHash = sessionIdHash(input.token);
  deps.sessions.cache?.delete(idHash);
  const s = await deps.uow.direct.sessions.find(idHash);
  await deps.uow.run(async (r) => {
    if ((await r.sessions.delete(idHash)) && s !== null) {
      r.audit.record({
        type: "session.ended",
        outcome: "success",
        actor: { kind: "citizen", fiscalCode: s.fiscalCode },
        origin: input.by.origin,
        subject: s.fiscalCode,
        details: { reason: "logout" },
      });
    }
  });
}

/** The name a page shows for the person of a session (the fiscal code's start when unknown). */
export function holderName(
  s: Pick<SessionRecord, "givenNames" | "surname" | "fiscalCode">,
): string {
  const name = [s.givenNames, s.surname].filter((x) => x !== null).join(" ");
  return name === "" ? s.fiscalCode.slice(0, 6) : name;
}

/**
 * Session lifecycle around the session repository: random 256-bit tokens (only their SHA-256
 * stored), idle and absolute timeouts, rotation on every privilege change, and a last-seen
 * write at most once a minute so a page view costs one read, not a read and a write.
 */
import type { Clock } from "../domain/clock.ts";
import type { PinLevel } from "../domain/credential.ts";
import { randomToken, sha256Hex } from "../security/crypto.ts";
import type { SessionCache } from "./session-cache.ts";
import type { Queryable, Statement } from "../store/db.ts";
import {
  createSessionStatement,
  deleteSession,
  findSession,
  touchSession,
  type SessionCopies,
  type SessionRecord,
  type SessionState,
} from "../store/repos/sessions.ts";

export interface SessionPolicy {
  idleSeconds: number;
  absoluteSeconds: number;
  /** Per-process micro-cache of session reads (see session-cache.ts); absent: none. */
  cache?: SessionCache | undefined;
}

const TOUCH_EVERY_MS = 60_000;

export interface NewSession {
  token: string;
  state: SessionState;
}

export interface SessionRequest {
  fiscalCode: string;
  credentialId: string;
  state: SessionState;
  level: PinLevel;
  userAgent: string | null;
}

/** A new token and the statement that stores its session (for callers that compose statements). */
export function newSession(
  clock: Clock,
  policy: SessionPolicy,
  s: SessionRequest,
  copies?: SessionCopies,
): { token: string; statement: Statement } {
  const now = clock.now();
  const token = randomToken();
  return {
    token,
    statement: createSessionStatement(
      {
        ...s,
        idHash: sha256Hex(token),
        now,
        absoluteExpiry: new Date(now.getTime() + policy.absoluteSeconds * 1000),
        userAgent: s.userAgent === null ? null : s.userAgent.slice(0, 200),
      },
      copies,
    ),
  };
}

export async function openSession(
  q: Queryable,
  clock: Clock,
  policy: SessionPolicy,
  s: SessionRequest,
): Promise<NewSession> {
  const { token, statement } = newSession(clock, policy, s);
  await q.query(statement.sql, statement.params);
  return { token, state: s.state };
}

/** The live session for a cookie token, or null (unknown, idle too long, or past its lifetime). */
export async function resolveSession(
  q: Queryable,
  clock: Clock,
  policy: SessionPolicy,
  token: string,
): Promise<SessionRecord | null> {
  if (token.length < 20 || token.length > 100) return null;
  const idHash = sha256Hex(token);
  const cached = policy.cache?.get(idHash);
  const s = cached ?? (await findSession(q, idHash));
  if (s === null) return null;
  const now = clock.now();
  const idleLimit = s.lastSeenAt.getTime() + policy.idleSeconds * 1000;
  if (now.getTime() >= s.absoluteExpiry.getTime() || now.getTime() >= idleLimit) {
    policy.cache?.delete(idHash);
    await deleteSession(q, idHash);
    return null;
  }
  if (now.getTime() - s.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await touchSession(q, idHash, now);
    s.lastSeenAt = now;
  }
  if (cached === undefined) policy.cache?.set(idHash, s);
  return s;
}

export async function endSession(
  q: Queryable,
  policy: SessionPolicy,
  token: string,
): Promise<void> {
  const idHash = sha256Hex(token);
  policy.cache?.delete(idHash);
  await deleteSession(q, idHash);
}

/**
 * Session lifecycle around the session repository: random 256-bit tokens (only their SHA-256
 * stored), idle and absolute timeouts, rotation on every privilege change, and a last-seen
 * write at most once a minute so a page view costs one read, not a read and a write.
 */
import type { Clock } from "../domain/clock.ts";
import type { PinLevel } from "../domain/credential.ts";
import { randomToken, sha256Hex } from "../security/crypto.ts";
import type { Queryable } from "../store/db.ts";
import {
  createSession,
  deleteSession,
  findSession,
  rotateSession,
  touchSession,
  type SessionRecord,
  type SessionState,
} from "../store/repos/sessions.ts";

export interface SessionPolicy {
  idleSeconds: number;
  absoluteSeconds: number;
}

const TOUCH_EVERY_MS = 60_000;

export interface NewSession {
  token: string;
  state: SessionState;
}

export async function openSession(
  q: Queryable,
  clock: Clock,
  policy: SessionPolicy,
  s: {
    fiscalCode: string;
    credentialId: string;
    state: SessionState;
    level: PinLevel;
    userAgent: string | null;
  },
): Promise<NewSession> {
  const now = clock.now();
  const token = randomToken();
  await createSession(q, {
    ...s,
    idHash: sha256Hex(token),
    now,
    absoluteExpiry: new Date(now.getTime() + policy.absoluteSeconds * 1000),
    userAgent: s.userAgent === null ? null : s.userAgent.slice(0, 200),
  });
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
  const s = await findSession(q, idHash);
  if (s === null) return null;
  const now = clock.now();
  const idleLimit = s.lastSeenAt.getTime() + policy.idleSeconds * 1000;
  if (now.getTime() >= s.absoluteExpiry.getTime() || now.getTime() >= idleLimit) {
    await deleteSession(q, idHash);
    return null;
  }
  if (now.getTime() - s.lastSeenAt.getTime() >= TOUCH_EVERY_MS) await touchSession(q, idHash, now);
  return s;
}

export async function endSession(q: Queryable, token: string): Promise<void> {
  await deleteSession(q, sha256Hex(token));
}

/** New token for an existing session, e.g. after the forced PIN change. */
export async function rotate(
  q: Queryable,
  clock: Clock,
  oldIdHash: string,
  next: { state: SessionState; credentialId: string; pinCardUntil: Date | null },
): Promise<string | null> {
  const token = randomToken();
  const ok = await rotateSession(q, oldIdHash, {
    ...next,
    idHash: sha256Hex(token),
    now: clock.now(),
  });
  return ok ? token : null;
}

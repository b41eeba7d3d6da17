/**
 * Server-side sessions. The cookie holds a random token; only its SHA-256 is stored, so a
 * database leak does not hand out live sessions. One query per request reads the session
 * together with what every page shows about the person (name, level, PIN expiry).
 */
import type { PinKind, PinLevel } from "../../domain/credential.ts";
import type { Queryable } from "../db.ts";

export type SessionState = "pin_change_required" | "renewal_required" | "authenticated";

export interface SessionRecord {
  idHash: string;
  fiscalCode: string;
  credentialId: string;
  state: SessionState;
  level: PinLevel;
  createdAt: Date;
  lastSeenAt: Date;
  absoluteExpiry: Date;
  pinCardUntil: Date | null;
  credentialKind: PinKind;
  credentialSetAt: Date;
  surname: string | null;
  givenNames: string | null;
}

interface Row {
  id_hash: string;
  fiscal_code: string;
  credential_id: string;
  state: SessionState;
  level: PinLevel;
  created_at: Date;
  last_seen_at: Date;
  absolute_expiry: Date;
  pin_card_until: Date | null;
  kind: PinKind;
  set_at: Date;
  surname: string | null;
  given_names: string | null;
}

export async function createSession(
  q: Queryable,
  s: {
    idHash: string;
    fiscalCode: string;
    credentialId: string;
    state: SessionState;
    level: PinLevel;
    now: Date;
    absoluteExpiry: Date;
    userAgent: string | null;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO session (id_hash, fiscal_code, credential_id, state, level, created_at, last_seen_at, absolute_expiry, user_agent)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8)`,
    [
      s.idHash,
      s.fiscalCode,
      s.credentialId,
      s.state,
      s.level,
      s.now,
      s.absoluteExpiry,
      s.userAgent,
    ],
  );
}

export async function findSession(q: Queryable, idHash: string): Promise<SessionRecord | null> {
  const rows = await q.query<Row>(
    `SELECT s.id_hash, s.fiscal_code, s.credential_id, s.state, s.level, s.created_at, s.last_seen_at,
            s.absolute_expiry, s.pin_card_until, c.kind, c.set_at, p.surname, p.given_names
       FROM session s
       JOIN credential c ON c.id = s.credential_id AND c.status = 'active'
       LEFT JOIN archive_person p ON p.fiscal_code = s.fiscal_code
      WHERE s.id_hash = $1`,
    [idHash],
  );
  const r = rows[0];
  if (r === undefined) return null;
  return {
    idHash: r.id_hash,
    fiscalCode: r.fiscal_code,
    credentialId: r.credential_id,
    state: r.state,
    level: r.level,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    absoluteExpiry: r.absolute_expiry,
    pinCardUntil: r.pin_card_until,
    credentialKind: r.kind,
    credentialSetAt: r.set_at,
    surname: r.surname,
    givenNames: r.given_names,
  };
}

export async function touchSession(q: Queryable, idHash: string, now: Date): Promise<void> {
  await q.query("UPDATE session SET last_seen_at = $2 WHERE id_hash = $1", [idHash, now]);
}

export async function deleteSession(q: Queryable, idHash: string): Promise<void> {
  await q.query("DELETE FROM session WHERE id_hash = $1", [idHash]);
}

/**
 * Moves a session to a new id (rotation on privilege change) and a new state and credential.
 * Returns false when the old session no longer exists.
 */
export async function rotateSession(
  q: Queryable,
  oldIdHash: string,
  next: {
    idHash: string;
    state: SessionState;
    credentialId: string;
    now: Date;
    pinCardUntil: Date | null;
  },
): Promise<boolean> {
  const rows = await q.query<{ id_hash: string }>(
    `UPDATE session SET id_hash = $2, state = $3, credential_id = $4, last_seen_at = $5, pin_card_until = $6
      WHERE id_hash = $1 RETURNING id_hash`,
    [oldIdHash, next.idHash, next.state, next.credentialId, next.now, next.pinCardUntil],
  );
  return rows.length === 1;
}

export async function deleteExpiredSessions(
  q: Queryable,
  now: Date,
  idleSeconds: number,
): Promise<number> {
  const rows = await q.query<{ n: number }>(
    `WITH d AS (DELETE FROM session WHERE absolute_expiry <= $1 OR last_seen_at <= $2 RETURNING 1)
     SELECT count(*)::int AS n FROM d`,
    [now, new Date(now.getTime() - idleSeconds * 1000)],
  );
  return rows[0]?.n ?? 0;
}

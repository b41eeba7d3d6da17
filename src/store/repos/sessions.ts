/**
 * Server-side sessions. The cookie holds a random token; only its SHA-256 is stored, so a
 * database leak does not hand out live sessions. A request reads its session with one
 * primary-key lookup that carries what every page shows (name, level, PIN expiry).
 */
import type { PinKind, PinLevel } from "../../domain/credential.ts";
import type { Queryable, Statement } from "../db.ts";

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
  created_ms: number;
  last_seen_ms: number;
  absolute_expiry_ms: number;
  pin_card_until_ms: number | null;
  credential_kind: PinKind;
  credential_set_ms: number;
  surname: string | null;
  given_names: string | null;
}

export interface NewSessionRow {
  idHash: string;
  fiscalCode: string;
  credentialId: string;
  state: SessionState;
  level: PinLevel;
  now: Date;
  absoluteExpiry: Date;
  userAgent: string | null;
}

/** The credential's kind and date and the person's name are copied from their tables. */
/** What a caller that already read the credential and the person can hand over. */
export interface SessionCopies {
  credentialKind: PinKind;
  credentialSetAt: Date;
  surname: string | null;
  givenNames: string | null;
}

/**
 * The credential's kind and date and the person's name are copied into the session: from
 * `copies` when the caller has them (login), otherwise from their tables.
 */
export function createSessionStatement(s: NewSessionRow, copies?: SessionCopies): Statement {
  const own = [
    s.idHash,
    s.fiscalCode,
    s.credentialId,
    s.state,
    s.level,
    s.now,
    s.absoluteExpiry,
    s.userAgent,
  ];
  if (copies !== undefined) {
    return {
      sql: `INSERT INTO session (id_hash, fiscal_code, credential_id, state, level, created_at, last_seen_at,
                          absolute_expiry, user_agent, credential_kind, credential_set_at, surname, given_names)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, $10, $11, $12)`,
      params: [
        ...own,
        copies.credentialKind,
        copies.credentialSetAt,
        copies.surname,
        copies.givenNames,
      ],
    };
  }
  return {
    sql: `INSERT INTO session (id_hash, fiscal_code, credential_id, state, level, created_at, last_seen_at,
                          absolute_expiry, user_agent, credential_kind, credential_set_at, surname, given_names)
     SELECT $1, $2, c.id, $4, $5, $6, $6, $7, $8, c.kind, c.set_at, p.surname, p.given_names
       FROM credential c LEFT JOIN archive_person p ON p.fiscal_code = $2
      WHERE c.id = $3`,
    params: own,
  };
}

export async function createSession(q: Queryable, s: NewSessionRow): Promise<void> {
  const st = createSessionStatement(s);
  await q.query(st.sql, st.params);
}

const ms = (v: number): Date => new Date(v);

// Instants travel as epoch milliseconds: parsing timestamp text is the costliest part of a
// session read on the hot path.
export async function findSession(q: Queryable, idHash: string): Promise<SessionRecord | null> {
  const rows = await q.query<Row>(
    `SELECT id_hash, fiscal_code, credential_id, state, level,
            (extract(epoch FROM created_at) * 1000)::float8 AS created_ms,
            (extract(epoch FROM last_seen_at) * 1000)::float8 AS last_seen_ms,
            (extract(epoch FROM absolute_expiry) * 1000)::float8 AS absolute_expiry_ms,
            (extract(epoch FROM pin_card_until) * 1000)::float8 AS pin_card_until_ms,
            credential_kind,
            (extract(epoch FROM credential_set_at) * 1000)::float8 AS credential_set_ms,
            surname, given_names
       FROM session WHERE id_hash = $1`,
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
    createdAt: ms(r.created_ms),
    lastSeenAt: ms(r.last_seen_ms),
    absoluteExpiry: ms(r.absolute_expiry_ms),
    pinCardUntil: r.pin_card_until_ms === null ? null : ms(r.pin_card_until_ms),
    credentialKind: r.credential_kind,
    credentialSetAt: ms(r.credential_set_ms),
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
    `UPDATE session s SET id_hash = $2, state = $3, credential_id = c.id, last_seen_at = $5, pin_card_until = $6,
            credential_kind = c.kind, credential_set_at = c.set_at
       FROM credential c
      WHERE s.id_hash = $1 AND c.id = $4 RETURNING s.id_hash`,
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

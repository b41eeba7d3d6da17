/**
 * Server-side sessions. The cookie holds a random token; only its SHA-256 is stored, so a
 * database leak does not hand out live sessions. A request reads its session with one
 * primary-key lookup that carries what every page shows (name, level, PIN expiry).
 */
import type { SessionState } from "../../domain/journey.ts";
import type { PinKind, PinLevel } from "../../domain/credential.ts";
import type { LoginSession, NewSession, SessionRecord } from "../../flows/ports.ts";
import { ConflictError } from "../../domain/errors.ts";
import { withCtes, type Queryable, type Statement } from "../db.ts";
import { headOf, lockHeadAfter, type HeadLock, type HeadRow } from "../audit.ts";
import { registerDeviceStatement } from "./devices.ts";
import { recordSuccessStatement } from "./throttle.ts";

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
  return_to: string | null;
  pin_ms: number | null;
}

/**
 * The credential's kind and date and the person's name are copied in from their tables. The
 * credential must still be active (read under a share lock, so a concurrent revocation or PIN
 * change either waits for this session — and then deletes it — or is seen here): otherwise
 * ConflictError, and no session outlives its PIN.
 */
function createSessionStatement(s: NewSession): Statement {
  return {
    sql: `INSERT INTO session (id_hash, fiscal_code, credential_id, state, level, created_at, last_seen_at,
                          absolute_expiry, user_agent, return_to, pin_card_until, credential_kind,
                          credential_set_at, surname, given_names)
     SELECT $1, $2, c.id, $4, $5, $6, $6, $7, $8, $9, $10, c.kind, c.set_at, p.surname, p.given_names
       FROM credential c LEFT JOIN archive_person p ON p.fiscal_code = $2
      WHERE c.id = $3 AND c.status = 'active'
        FOR SHARE OF c
     RETURNING 1 AS one`,
    params: [
      s.idHash,
      s.fiscalCode,
      s.credentialId,
      s.state,
      s.level,
      s.now,
      s.absoluteExpiry,
      s.userAgent === null ? null : s.userAgent.slice(0, 200),
      s.returnTo,
      s.newPinUntil,
    ],
  };
}

export async function createSession(q: Queryable, s: NewSession): Promise<void> {
  const st = createSessionStatement(s);
  const rows = await q.query<{ one: number }>(st.sql, st.params);
  if (rows.length !== 1) throw new ConflictError("the credential is no longer active");
}

/**
 * A login's writes in one statement: the lockout counters reset, the browser remembered as
 * the holder's device, and the session opened (as createSession, ConflictError included; the
 * caller's transaction then undoes the rest). In a transaction they are its last writes, and
 * the same statement then locks the audit chain's head for the events that follow.
 */
export async function createLoginSession(
  q: Queryable,
  l: LoginSession,
  headLock: HeadLock | null = null,
): Promise<void> {
  const opened = "(SELECT count(*) FROM sess)::int AS opened";
  const st = withCtes(
    [
      ["reset", recordSuccessStatement(l.resetCounters, l.session.now)],
      [
        "dev",
        registerDeviceStatement({
          ...l.device,
          now: l.session.now,
          userAgent: l.session.userAgent,
        }),
      ],
      ["sess", createSessionStatement(l.session)],
    ],
    {
      sql: headLock === null ? `SELECT ${opened}` : lockHeadAfter(["reset", "dev", "sess"], opened),
      params: [],
    },
  );
  const rows = q.query<Partial<HeadRow> & { opened: number }>(st.sql, st.params);
  headLock?.takenBy(rows.then((r) => headOf(r[0] as HeadRow | undefined)));
  if ((await rows)[0]?.opened !== 1) throw new ConflictError("the credential is no longer active");
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
            surname, given_names, return_to,
            (extract(epoch FROM pin_at) * 1000)::float8 AS pin_ms
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
    newPinUntil: r.pin_card_until_ms === null ? null : ms(r.pin_card_until_ms),
    returnTo: r.return_to,
    pinAt: r.pin_ms === null ? null : ms(r.pin_ms),
    credentialKind: r.credential_kind,
    credentialSetAt: ms(r.credential_set_ms),
    surname: r.surname,
    givenNames: r.given_names,
  };
}

export async function touchSession(q: Queryable, idHash: string, now: Date): Promise<void> {
  await q.query("UPDATE session SET last_seen_at = $2 WHERE id_hash = $1", [idHash, now]);
}

export async function deleteSession(q: Queryable, idHash: string): Promise<boolean> {
  const rows = await q.query<{ one: number }>(
    "DELETE FROM session WHERE id_hash = $1 RETURNING 1 AS one",
    [idHash],
  );
  return rows.length === 1;
}

/** Moves a session to another journey state. False when the session no longer exists. */
export async function updateSession(
  q: Queryable,
  idHash: string,
  changes: { state: SessionState; newPinUntil: Date | null; now: Date },
): Promise<boolean> {
  const rows = await q.query<{ one: number }>(
    `UPDATE session SET state = $2, pin_card_until = $3, last_seen_at = $4
      WHERE id_hash = $1 RETURNING 1 AS one`,
    [idHash, changes.state, changes.newPinUntil, changes.now],
  );
  return rows.length === 1;
}

export async function deleteExpiredSessions(
  q: Queryable,
  now: Date,
  idleSeconds: number,
): Promise<string[]> {
  const rows = await q.query<{ fiscal_code: string }>(
    "DELETE FROM session WHERE absolute_expiry <= $1 OR last_seen_at <= $2 RETURNING fiscal_code",
    [now, new Date(now.getTime() - idleSeconds * 1000)],
  );
  return rows.map((r) => r.fiscal_code);
}

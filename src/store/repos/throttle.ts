/**
 * Lockout counters (src/domain/lockout.ts in SQL). reserveAttempt() is one statement: it
 * decides whether the attempt goes to a known device's counter (the device is registered for
 * this subject) or to the subject's shared counter, applies the lockout rules with
 * INSERT … ON CONFLICT DO UPDATE (the row lock makes concurrent attempts on any number of
 * processes see each other), and reads the active PIN — one round trip. The CASE expressions
 * are reserveAttempt() of the domain; the conformance suite checks the two agree on every state.
 */
import {
  failureLocks,
  LOCKOUT_THRESHOLD,
  lockUntil,
  SUSPEND_AFTER_FAILURES,
  type AttemptVerdict,
  type ThrottleState,
} from "../../domain/lockout.ts";
import type { PinKind, PinLevel } from "../../domain/credential.ts";
import type { AttemptTarget, LimitHit, LoginCandidate, Reservation } from "../../flows/ports.ts";
import { limitVerdict, type LimitVerdict } from "../../domain/rate-limits.ts";
import { withCtes, type Queryable, type SqlParam, type Statement } from "../db.ts";
import { hitStatement } from "./rate-limits.ts";

/** The shared counter of a subject, and a device's own counter. */
export const sharedCounterKey = (subjectKey: string): string => subjectKey;
export const deviceCounterKey = (deviceId: string): string => `device:${deviceId}`;

interface LimitRow {
  hits: number;
  window_start: Date;
}

interface ReserveRow {
  /** null: no attempt counted (over the rate limit, or a refusal not wanted). */
  key: string | null;
  failures: number;
  locked_until: Date | null;
  last_verdict: "attempt" | "locked" | "lock_started" | "suspended";
  id: string | null;
  kind: PinKind | null;
  level: PinLevel | null;
  pin_hash: string | null;
  set_at: Date | null;
  res_country: string | null;
  italian_id_on_file: boolean | null;
  revoked_hash: string | null;
}

/** The attempt on its counter; `gate` (a FROM … WHERE) lets a rate limit hold it back. */
const upsert = (
  gate: string,
): string => `INSERT INTO login_throttle AS t (key, failures, locked_until, streak, last_verdict, updated_at)
     SELECT CASE WHEN EXISTS (SELECT 1 FROM dev) THEN $2 ELSE $1 END, 1, NULL, 1, 'attempt', $3 ${gate}
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE
         WHEN t.locked_until > $3 THEN t.failures                            -- locked: not counted
         WHEN t.key = $1 AND t.streak >= $6 THEN t.failures                  -- suspended
         WHEN t.locked_until IS NOT NULL THEN 1                              -- the lock ended: anew
         WHEN t.failures >= $5 THEN t.failures                               -- lock pending
         ELSE t.failures + 1 END,
       locked_until = CASE
         WHEN t.locked_until > $3 THEN $4::timestamptz                       -- any attempt restarts it
         WHEN t.key = $1 AND t.streak >= $6 THEN t.locked_until
         WHEN t.locked_until IS NULL AND t.failures >= $5 THEN $4::timestamptz
         ELSE NULL END,
       streak = CASE
         WHEN t.locked_until > $3 THEN t.streak
         WHEN t.key = $1 AND t.streak >= $6 THEN t.streak
         WHEN t.locked_until IS NULL AND t.failures >= $5 THEN t.streak
         ELSE t.streak + 1 END,
       last_verdict = CASE
         WHEN t.locked_until > $3 THEN 'locked'
         WHEN t.key = $1 AND t.streak >= $6 THEN 'suspended'
         WHEN t.locked_until IS NULL AND t.failures >= $5 THEN 'lock_started'
         ELSE 'attempt' END,
       updated_at = $3
     WHERE $7::boolean                                                      -- refusals wanted, or
        OR ((t.locked_until IS NULL OR t.locked_until <= $3)                 -- an attempt
            AND NOT (t.key = $1 AND t.streak >= $6)
            AND NOT (t.locked_until IS NULL AND t.failures >= $5))
     RETURNING key, failures, locked_until, last_verdict`;

/** Counts the attempt and answers the verdict (ThrottleStore.reserve). */
export async function reserveAttempt(q: Queryable, a: AttemptTarget): Promise<Reservation> {
  const rows = await q.query<ReserveRow>(...sqlOf(reserveStatement(a, true, null)));
  const r = rows[0];
  if (r?.key == null) throw new Error("login_throttle upsert returned no row");
  return reservationOf({ ...r, key: r.key }, a);
}

/**
 * ThrottleStore.tryReserve: the rate limit's hit, then — within the limit — the attempt, in
 * one statement; an attempt that would be refused changes nothing (reservation null).
 */
export async function tryReserveAttempt(
  q: Queryable,
  a: AttemptTarget,
  limit: LimitHit,
): Promise<{ limit: LimitVerdict; reservation: Reservation | null }> {
  const rows = await q.query<ReserveRow & LimitRow>(
    ...sqlOf(reserveStatement(a, false, hitStatement(limit.name, limit.key, limit.limit, a.now))),
  );
  const r = rows[0];
  if (r === undefined) throw new Error("rate_limit upsert returned no row");
  return {
    limit: limitVerdict(limit.limit, r.hits, r.window_start, a.now),
    reservation: r.key === null ? null : reservationOf({ ...r, key: r.key }, a),
  };
}

const sqlOf = (st: Statement): [string, SqlParam[]] => [st.sql, st.params];

/**
 * The reservation as one statement: which counter (a device registered for this subject, else
 * the shared one), the attempt on it, and the active PIN with the holder's eligibility facts.
 * With `hit`, a rate limit's hit comes first and an attempt over the limit is not counted.
 */
function reserveStatement(a: AttemptTarget, refusals: boolean, hit: Statement | null): Statement {
  const ctes: [string, Statement][] = [
    [
      "dev",
      {
        sql: "SELECT 1 FROM device WHERE id = $1::uuid AND subject_key = $2",
        params: [a.deviceId, a.subjectKey],
      },
    ],
    [
      "t",
      {
        sql: upsert(hit === null ? "" : "FROM rl WHERE rl.allowed"),
        params: [
          sharedCounterKey(a.subjectKey),
          a.deviceId === null ? null : deviceCounterKey(a.deviceId),
          a.now,
          lockUntil(a.now),
          LOCKOUT_THRESHOLD,
          SUSPEND_AFTER_FAILURES,
          refusals,
        ],
      },
    ],
  ];
  return withCtes(hit === null ? ctes : [["rl", hit], ...ctes], {
    sql: `SELECT ${hit === null ? "" : "rl.hits, rl.window_start, "}t.key, t.failures, t.locked_until, t.last_verdict,
            c.id, c.kind, c.level, c.pin_hash, c.set_at, p.res_country, p.italian_id_on_file,
            rv.pin_hash AS revoked_hash
       FROM ${hit === null ? "t" : "rl LEFT JOIN t ON true"}
       LEFT JOIN credential c ON t.key IS NOT NULL AND c.fiscal_code = $1 AND c.status = 'active'
       LEFT JOIN archive_person p ON p.fiscal_code = c.fiscal_code
       LEFT JOIN LATERAL (
         SELECT pin_hash FROM credential
          WHERE t.key IS NOT NULL AND c.id IS NULL AND fiscal_code = $1 AND status = 'revoked'
          ORDER BY ended_at DESC LIMIT 1) rv ON true`,
    params: [a.fiscalCode],
  });
}

function reservationOf(r: ReserveRow & { key: string }, a: AttemptTarget): Reservation {
  return {
    counterKey: r.key,
    knownDevice: r.key !== sharedCounterKey(a.subjectKey),
    verdict: verdictOf(r),
    credential: candidateOf(r),
    revokedHash: r.revoked_hash,
  };
}

function verdictOf(r: ReserveRow): AttemptVerdict {
  switch (r.last_verdict) {
    case "locked":
    case "lock_started":
      if (r.locked_until === null) throw new Error("a lock verdict without a lock");
      return { kind: r.last_verdict, lockedUntil: r.locked_until };
    case "suspended":
      return { kind: "suspended" };
    case "attempt":
      // Counted before the hash is known (pessimistically); a success resets it.
      return { kind: "attempt", failuresBefore: r.failures - 1 };
  }
}

function candidateOf(r: ReserveRow): LoginCandidate | null {
  if (
    r.id === null ||
    r.kind === null ||
    r.level === null ||
    r.pin_hash === null ||
    r.set_at === null
  )
    return null;
  return {
    id: r.id,
    kind: r.kind,
    level: r.level,
    pinHash: r.pin_hash,
    setAt: r.set_at,
    residenceCountry: r.res_country,
    italianIdOnFile: r.italian_id_on_file === true,
  };
}

/** Gives back an attempt counted in advance that got no verdict (the hash could not run). */
export async function releaseAttempt(q: Queryable, key: string): Promise<void> {
  await q.query(
    `UPDATE login_throttle SET failures = greatest(failures - 1, 0), streak = greatest(streak - 1, 0)
      WHERE key = $1 AND locked_until IS NULL`,
    [key],
  );
}

/**
 * After a wrong PIN: the attempt is already counted; the one that reaches the threshold locks.
 * True only when this call started the lock (a concurrent attempt may have started it first).
 */
export async function recordFailure(
  q: Queryable,
  key: string,
  failuresBefore: number,
  now: Date,
): Promise<boolean> {
  if (!failureLocks(failuresBefore)) return false;
  const rows = await q.query<{ one: number }>(
    `UPDATE login_throttle SET locked_until = $2, updated_at = $3
      WHERE key = $1 AND failures >= $4 AND (locked_until IS NULL OR locked_until <= $3)
     RETURNING 1 AS one`,
    [key, lockUntil(now), now, LOCKOUT_THRESHOLD],
  );
  return rows.length === 1;
}

/** A right PIN resets the counts (and any lock) of these counters. */
export function recordSuccessStatement(keys: readonly string[], now: Date): Statement {
  return {
    sql: `UPDATE login_throttle SET failures = 0, streak = 0, locked_until = NULL, last_verdict = 'attempt',
            updated_at = $2
      WHERE key = ANY($1)
     RETURNING 1`,
    params: [keys, now],
  };
}

export async function recordSuccess(
  q: Queryable,
  keys: readonly string[],
  now: Date,
): Promise<void> {
  const st = recordSuccessStatement(keys, now);
  await q.query(st.sql, st.params);
}

/** Ends every lock of a holder: the shared counter and those of their registered browsers. */
export async function clearSubject(q: Queryable, subjectKey: string, now: Date): Promise<void> {
  await q.query(
    `UPDATE login_throttle SET failures = 0, streak = 0, locked_until = NULL, last_verdict = 'attempt',
            updated_at = $2
      WHERE key IN (
        -- Locked in key order, as a login's reset locks its rows: no deadlock between them.
        SELECT key FROM login_throttle
         WHERE key = $1 OR key IN (SELECT 'device:' || id::text FROM device WHERE subject_key = $1)
         ORDER BY key FOR UPDATE)`,
    [subjectKey, now],
  );
}

/** True, and remembered, when the holder was not told of a lock within the last `seconds`. */
export async function claimLockNotice(
  q: Queryable,
  key: string,
  now: Date,
  seconds: number,
): Promise<boolean> {
  const rows = await q.query<{ one: number }>(
    `INSERT INTO login_throttle AS t (key, failures, locked_until, streak, updated_at, lock_notified_at)
     VALUES ($1, 0, NULL, 0, $2, $2)
     ON CONFLICT (key) DO UPDATE SET lock_notified_at = $2
      WHERE t.lock_notified_at IS NULL OR t.lock_notified_at <= $3
     RETURNING 1 AS one`,
    [key, now, new Date(now.getTime() - seconds * 1000)],
  );
  return rows.length === 1;
}

export async function throttleState(q: Queryable, key: string): Promise<ThrottleState | null> {
  const rows = await q.query<{ failures: number; locked_until: Date | null; streak: number }>(
    "SELECT failures, locked_until, streak FROM login_throttle WHERE key = $1",
    [key],
  );
  const r = rows[0];
  return r === undefined
    ? null
    : { failures: r.failures, lockedUntil: r.locked_until, streak: r.streak };
}

/**
 * Housekeeping: counters with nothing to remember (no failures, no lock) after a day, and any
 * counter untouched for 90 days. A streak towards the 100-failure suspension is kept that long.
 */
export async function deleteStaleCounters(q: Queryable, now: Date): Promise<number> {
  const rows = await q.query<{ n: number }>(
    `WITH d AS (DELETE FROM login_throttle
                 WHERE (failures = 0 AND streak = 0 AND locked_until IS NULL AND updated_at < $1)
                    OR updated_at < $2
                RETURNING 1)
     SELECT count(*)::int AS n FROM d`,
    [new Date(now.getTime() - 86_400_000), new Date(now.getTime() - 90 * 86_400_000)],
  );
  return rows[0]?.n ?? 0;
}

/**
 * Lockout counters. reserveAttempt() is one atomic statement: INSERT … ON CONFLICT DO UPDATE
 * locks the counter row, applies the lockout decision and writes it back, so concurrent
 * attempts on any number of processes see each other's reservations, in one round trip.
 * The CASE expressions are decideAttempt() (src/domain/credential.ts) in SQL; the store
 * conformance suite checks the two agree on every state.
 */
import { LOCKOUT_THRESHOLD, lockUntil, type ThrottleDecision } from "../../domain/credential.ts";
import type { Db, Statement } from "../db.ts";

export function reserveAttemptStatement(key: string, now: Date): Statement {
  return {
    sql: `INSERT INTO login_throttle AS t (key, failures, locked_until, updated_at) VALUES ($1, 1, NULL, $2)
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE
         WHEN t.locked_until > $2 THEN t.failures          -- locked: not counted
         WHEN t.locked_until IS NOT NULL THEN 1            -- the lock ended: a fresh count
         WHEN t.failures >= $4 THEN t.failures             -- threshold reached, lock pending
         ELSE t.failures + 1 END,
       locked_until = CASE
         WHEN t.locked_until > $2 THEN $3::timestamptz     -- any attempt restarts the lock
         WHEN t.locked_until IS NULL AND t.failures >= $4 THEN $3::timestamptz
         ELSE NULL END,
       updated_at = $2
     RETURNING failures, locked_until`,
    params: [key, now, lockUntil(now), LOCKOUT_THRESHOLD],
  };
}

/** The decision, from the row reserveAttemptStatement returned. */
export function attemptDecision(
  row: { failures: number; locked_until: Date | null } | undefined,
): ThrottleDecision {
  if (row === undefined) throw new Error("login_throttle upsert returned no row");
  if (row.locked_until !== null) return { kind: "locked", lockedUntil: row.locked_until };
  // Counted before the hash is known (pessimistic); a success resets it.
  return { kind: "attempt", failuresBefore: row.failures - 1 };
}

export async function reserveAttempt(
  db: Pick<Db, "query">,
  key: string,
  now: Date,
): Promise<ThrottleDecision> {
  const st = reserveAttemptStatement(key, now);
  const rows = await db.query<{ failures: number; locked_until: Date | null }>(st.sql, st.params);
  return attemptDecision(rows[0]);
}

/** Gives back an attempt counted in advance that got no verdict (the hash could not run). */
export async function releaseAttempt(db: Pick<Db, "query">, key: string): Promise<void> {
  await db.query(
    "UPDATE login_throttle SET failures = greatest(failures - 1, 0) WHERE key = $1 AND locked_until IS NULL",
    [key],
  );
}

/** After a wrong PIN: the attempt is already counted; the one that reaches the threshold locks. */
export async function recordFailure(
  db: Db,
  key: string,
  failuresBefore: number,
  now: Date,
): Promise<boolean> {
  if (failuresBefore + 1 < LOCKOUT_THRESHOLD) return false;
  await db.query(
    `UPDATE login_throttle SET locked_until = $2, updated_at = $3
      WHERE key = $1 AND failures >= $4 AND (locked_until IS NULL OR locked_until < $2)`,
    [key, lockUntil(now), now, LOCKOUT_THRESHOLD],
  );
  return true;
}

/** A right PIN resets the count. */
export function recordSuccessStatement(key: string, now: Date): Statement {
  return {
    sql: "UPDATE login_throttle SET failures = 0, locked_until = NULL, updated_at = $2 WHERE key = $1",
    params: [key, now],
  };
}

export async function recordSuccess(db: Pick<Db, "query">, key: string, now: Date): Promise<void> {
  const st = recordSuccessStatement(key, now);
  await db.query(st.sql, st.params);
}

export async function throttleState(
  db: Pick<Db, "query">,
  key: string,
): Promise<{ failures: number; lockedUntil: Date | null } | null> {
  const rows = await db.query<{ failures: number; locked_until: Date | null }>(
    "SELECT failures, locked_until FROM login_throttle WHERE key = $1",
    [key],
  );
  const r = rows[0];
  return r === undefined ? null : { failures: r.failures, lockedUntil: r.locked_until };
}

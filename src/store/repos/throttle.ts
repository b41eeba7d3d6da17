/**
 * Lockout counters. reserve() runs one short transaction that locks the counter row, applies
 * the domain decision and writes it back, so concurrent attempts on any number of processes
 * see each other's reservations. The hash is checked outside the transaction.
 */
import { decideAttempt, LOCKOUT_THRESHOLD, lockUntil, type ThrottleDecision } from "../../domain/credential.ts";
import type { Db } from "../db.ts";

export async function reserveAttempt(db: Db, key: string, now: Date): Promise<ThrottleDecision> {
  return db.transaction(async (tx) => {
    // The no-op DO UPDATE takes the row lock and returns the current state in one statement.
    const rows = await tx.query<{ failures: number; locked_until: Date | null }>(
      `INSERT INTO login_throttle AS t (key, failures, locked_until, updated_at) VALUES ($1, 0, NULL, $2)
       ON CONFLICT (key) DO UPDATE SET updated_at = t.updated_at
       RETURNING failures, locked_until`,
      [key, now],
    );
    const row = rows[0];
    if (row === undefined) throw new Error("login_throttle upsert returned no row");
    const decision = decideAttempt({ failures: row.failures, lockedUntil: row.locked_until }, now);
    if (decision.kind === "locked") {
      await tx.query("UPDATE login_throttle SET locked_until = $2, updated_at = $3 WHERE key = $1", [
        key,
        decision.lockedUntil,
        now,
      ]);
    } else {
      // Counted before the hash is known (pessimistic); a success resets it.
      await tx.query("UPDATE login_throttle SET failures = $2, locked_until = NULL, updated_at = $3 WHERE key = $1", [
        key,
        decision.failuresBefore + 1,
        now,
      ]);
    }
    return decision;
  });
}

/** After a wrong PIN: the attempt is already counted; the one that reaches the threshold locks. */
export async function recordFailure(db: Db, key: string, failuresBefore: number, now: Date): Promise<boolean> {
  if (failuresBefore + 1 < LOCKOUT_THRESHOLD) return false;
  await db.query(
    `UPDATE login_throttle SET locked_until = $2, updated_at = $3
      WHERE key = $1 AND failures >= $4 AND (locked_until IS NULL OR locked_until < $2)`,
    [key, lockUntil(now), now, LOCKOUT_THRESHOLD],
  );
  return true;
}

export async function recordSuccess(db: Pick<Db, "query">, key: string, now: Date): Promise<void> {
  await db.query("UPDATE login_throttle SET failures = 0, locked_until = NULL, updated_at = $2 WHERE key = $1", [
    key,
    now,
  ]);
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

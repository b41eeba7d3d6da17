/**
 * Named rate limiters (src/domain/rate-limits.ts): one upsert per hit counts it in a fixed
 * window per (limiter, key) and returns the count, so limits hold across instances. Keys are
 * keyed hashes of what they count (addresses, contacts, fiscal codes), never the values.
 */
import {
  limitVerdict,
  type Limit,
  type LimitVerdict,
  type LimiterName,
} from "../../domain/rate-limits.ts";
import type { Queryable, Statement } from "../db.ts";

/**
 * One hit on (name, key) in a fixed window: the count so far, the window's start, and whether
 * the hit is within the limit (`allowed`).
 */
export function hitStatement(name: LimiterName, key: string, limit: Limit, now: Date): Statement {
  return {
    sql: `INSERT INTO rate_limit AS r (name, key, window_start, hits) VALUES ($1, $2, $3, 1)
     ON CONFLICT (name, key) DO UPDATE SET
       hits = CASE WHEN r.window_start <= $4 THEN 1 ELSE r.hits + 1 END,
       window_start = CASE WHEN r.window_start <= $4 THEN $3 ELSE r.window_start END
     RETURNING hits, window_start, hits <= $5 AS allowed`,
    params: [name, key, now, new Date(now.getTime() - limit.windowSeconds * 1000), limit.max],
  };
}

export async function hitRateLimit(
  q: Queryable,
  name: LimiterName,
  key: string,
  limit: Limit,
  now: Date,
): Promise<LimitVerdict> {
  const st = hitStatement(name, key, limit, now);
  const rows = await q.query<{ hits: number; window_start: Date }>(st.sql, st.params);
  const r = rows[0];
  if (r === undefined) throw new Error("rate_limit upsert returned no row");
  return limitVerdict(limit, r.hits, r.window_start, now);
}

/** Housekeeping: windows that ended (longer than the longest limiter's window ago). */
export async function deleteExpiredRateLimits(
  q: Queryable,
  now: Date,
  longestWindowSeconds: number,
): Promise<number> {
  const rows = await q.query<{ n: number }>(
    `WITH d AS (DELETE FROM rate_limit WHERE window_start < $1 RETURNING 1) SELECT count(*)::int AS n FROM d`,
    [new Date(now.getTime() - longestWindowSeconds * 1000)],
  );
  return rows[0]?.n ?? 0;
}

/** Browsers in which a holder has logged in (OWASP device cookies; see domain/lockout.ts). */
import type { Queryable, Statement } from "../db.ts";

export interface DeviceUse {
  id: string;
  subjectKey: string;
  now: Date;
  userAgent: string | null;
}

export function registerDeviceStatement(d: DeviceUse): Statement {
  return {
    sql: `INSERT INTO device (id, subject_key, created_at, last_used_at, user_agent) VALUES ($1, $2, $3, $3, $4)
     ON CONFLICT (id) DO UPDATE SET last_used_at = EXCLUDED.last_used_at
     RETURNING 1`,
    params: [d.id, d.subjectKey, d.now, d.userAgent === null ? null : d.userAgent.slice(0, 200)],
  };
}

export async function registerDevice(q: Queryable, d: DeviceUse): Promise<void> {
  const st = registerDeviceStatement(d);
  await q.query(st.sql, st.params);
}

export async function touchDevice(q: Queryable, id: string, now: Date): Promise<void> {
  await q.query("UPDATE device SET last_used_at = $2 WHERE id = $1", [id, now]);
}

/** Housekeeping: browsers not used for longer than their cookie lives (two years). */
export async function deleteUnusedDevices(q: Queryable, before: Date): Promise<number> {
  const rows = await q.query<{ n: number }>(
    `WITH d AS (DELETE FROM device WHERE last_used_at < $1 RETURNING 1) SELECT count(*)::int AS n FROM d`,
    [before],
  );
  return rows[0]?.n ?? 0;
}

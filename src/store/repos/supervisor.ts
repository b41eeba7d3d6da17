/** The supervisors' reads (flows/ports-supervisor.ts): the audit trail searched, queue figures. */
import type { AuditSearch, AuditSearchRow, QueueFigures } from "../../flows/ports-supervisor.ts";
import type { Queryable, SqlParam } from "../db.ts";

interface SearchRow {
  seq: number | string;
  at_ms: number;
  type: string;
  outcome: string;
  actor_kind: string;
  actor_id: string | null;
  actor_role: string | null;
  username: string | null;
  subject_hint: string | null;
  source_ip: string | null;
  request_id: string | null;
  details: unknown;
}

export async function searchAudit(q: Queryable, s: AuditSearch): Promise<AuditSearchRow[]> {
  const params: SqlParam[] = [];
  const where: string[] = [];
  const add = (sql: string, v: SqlParam) => {
    params.push(v);
    where.push(sql.replace("?", `$${params.length}`));
  };
  if (s.subjectKey !== null) add("e.subject_key = ?", s.subjectKey);
  if (s.actorId !== null) {
    where.push("e.actor_kind = 'staff'");
    add("e.actor_id = ?", s.actorId);
  }
  if (s.type !== null) add("e.type = ?", s.type);
  if (s.from !== null) add("e.at >= ?", s.from);
  if (s.to !== null) add("e.at < ?", s.to);
  if (s.before !== null) add("e.seq < ?", s.before);
  params.push(s.limit);
  const rows = await q.query<SearchRow>(
    `SELECT e.seq, (extract(epoch FROM e.at) * 1000)::float8 AS at_ms, e.type, e.outcome,
            e.actor_kind, e.actor_id, e.actor_role, s.username, e.subject_hint, e.source_ip,
            e.request_id, e.details
       FROM audit_event e
       LEFT JOIN staff_account s ON e.actor_kind = 'staff' AND s.id::text = e.actor_id
      ${where.length === 0 ? "" : `WHERE ${where.join(" AND ")}`}
      ORDER BY e.seq DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: new Date(Math.round(r.at_ms)),
    type: r.type,
    outcome: r.outcome,
    actorKind: r.actor_kind,
    actorId: r.actor_id,
    actorRole: r.actor_role,
    actorUsername: r.username,
    subjectHint: r.subject_hint,
    sourceIp: r.source_ip,
    requestId: r.request_id,
    details: r.details,
  }));
}

interface WaitingRow {
  n: number | string;
  oldest_ms: number | null;
}
interface HourRow {
  hour: number | string;
  n: number | string;
}

async function figures(
  q: Queryable,
  waitingSql: string,
  handledSql: string,
  since: Date,
): Promise<QueueFigures> {
  const waiting = (await q.query<WaitingRow>(waitingSql, []))[0];
  const hours = await q.query<HourRow>(handledSql, [since]);
  return {
    waiting: Number(waiting?.n ?? 0),
    oldest:
      waiting?.oldest_ms === null || waiting?.oldest_ms === undefined
        ? null
        : new Date(Math.round(waiting.oldest_ms)),
    handledByHour: hours.map((h) => ({ hour: Number(h.hour), count: Number(h.n) })),
  };
}

// Hours as whole UTC hours since the epoch: Rome's midnight is always on one, so the flow
// groups them into Rome days whatever the session's time zone.
const HOUR = "floor(extract(epoch FROM %s) / 3600)::float8";

export function verificationQueue(q: Queryable, since: Date): Promise<QueueFigures> {
  return figures(
    q,
    `SELECT count(*)::int AS n, (extract(epoch FROM min(created_at)) * 1000)::float8 AS oldest_ms
       FROM claim WHERE status = 'under_verification'`,
    // Written by the outbound verification's flow; read by its name only.
    `SELECT ${HOUR.replace("%s", "at")} AS hour, count(*)::int AS n FROM audit_event
      WHERE type = 'verification.outcome' AND at >= $1 GROUP BY 1`,
    since,
  );
}

export function reviewQueue(q: Queryable, since: Date): Promise<QueueFigures> {
  return figures(
    q,
    `SELECT count(*)::int AS n, (extract(epoch FROM min(submitted_at)) * 1000)::float8 AS oldest_ms
       FROM conversion_request WHERE status = 'submitted'`,
    `SELECT ${HOUR.replace("%s", "decided_at")} AS hour, count(*)::int AS n FROM conversion_request
      WHERE status IN ('approved', 'rejected') AND decided_at >= $1 GROUP BY 1`,
    since,
  );
}

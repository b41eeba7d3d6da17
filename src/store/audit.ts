/**
 * The audit trail in PostgreSQL: append (inside the transaction of the change it records) and
 * verify. Appending takes the row lock of audit_head, so appends from any number of instances
 * are serialised into one chain; it is the last thing a transaction does (the lock taken with
 * its last statement, the events written with its COMMIT), so the lock is held for one round
 * trip and the commit. Each event's hash is an HMAC (key derived from the
 * pepper) over the previous event's hash and the event's own canonical content, its sequence
 * number included: someone who can write to the database but lacks the key cannot edit,
 * delete, insert or reorder events without breaking the chain.
 */
import { randomUUID, type KeyObject } from "node:crypto";
import type { Actor } from "../domain/actor.ts";
import {
  AUDIT_GENESIS_HASH,
  auditContent,
  type AuditRecord,
  type StoredAuditEvent,
} from "../domain/audit.ts";
import { maskFiscalCode } from "../domain/mask.ts";
import { hmacHex } from "../security/crypto.ts";
import { cachedSql, type Queryable, type SqlParam, type Statement } from "./db.ts";

export interface AuditKeys {
  /** Keys the chain. */
  chain: KeyObject;
  /** Turns a fiscal code into the subject key stored instead of it. */
  subject: KeyObject;
}

function actorColumns(a: Actor, keys: AuditKeys): { id: string | null; role: string | null } {
  switch (a.kind) {
    case "citizen":
      return { id: hmacHex(keys.subject, a.fiscalCode), role: null };
    case "staff":
      return { id: a.id, role: a.role };
    case "system":
      return { id: a.name, role: null };
    case "anonymous":
      return { id: null, role: null };
  }
}

export function chainHash(key: KeyObject, prevHash: string, content: string): string {
  return hmacHex(key, `${prevHash}\n${content}`);
}

export interface AuditHead {
  seq: number;
  hash: string;
}

/**
 * A transaction's hold on the chain's head, taken once and last: nothing may take a lock after
 * it in the same transaction (appends from other transactions wait on it while holding theirs).
 */
export interface HeadLock {
  /** Locks and reads the head now, with a statement of its own. */
  take(): Promise<AuditHead>;
  /** The head as locked and read by the caller's own last statement (lockHeadAfter()). */
  takenBy(head: Promise<AuditHead>): void;
}

const HEAD_LOCK = "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE";

/** Locks the chain's head until the transaction ends and reads it. */
export async function lockAuditHead(tx: Queryable): Promise<AuditHead> {
  return headOf((await tx.query<HeadRow>(HEAD_LOCK))[0]);
}

export type HeadRow = { seq: number | string; hash: string };

export function headOf(row: HeadRow | undefined): AuditHead {
  if (row === undefined) throw new Error("audit_head is missing (migration 002 not applied?)");
  return { seq: Number(row.seq), hash: row.hash };
}

/**
 * The final SELECT of a statement whose CTEs (each with a RETURNING) are its transaction's last
 * writes: it locks and returns the head only after they have run (they are sub-plans of its
 * filter), so the head stays the last lock taken. `extra`: more columns to return.
 */
export function lockHeadAfter(ctes: readonly string[], extra: string): string {
  return cachedSql(["lockHeadAfter", extra, ...ctes], () => {
    const ran = ctes.map((c) => `(SELECT count(*) FROM ${c})`).join(" + ");
    return `SELECT h.seq, h.hash, ${extra} FROM audit_head h WHERE h.id = 1 AND ${ran} >= 0 FOR UPDATE OF h`;
  });
}

/**
 * The statement that appends the records, in order, after the locked head, and moves it; with
 * the events' ids (request logs and metrics report them once committed).
 */
export function auditAppendStatement(
  keys: AuditKeys,
  head: AuditHead,
  records: readonly AuditRecord[],
  at: Date,
): Statement & { eventIds: string[] } {
  let prev = head.hash;
  const rows: StoredAuditEvent[] = records.map((r, i) => {
    const actor = actorColumns(r.actor, keys);
    const base = {
      seq: head.seq + i + 1,
      id: randomUUID(),
      at,
      type: r.type,
      outcome: r.outcome,
      actorKind: r.actor.kind,
      actorId: actor.id,
      actorRole: actor.role,
      subjectKey: r.subject === undefined ? null : hmacHex(keys.subject, r.subject),
      subjectHint: r.subject === undefined ? null : maskFiscalCode(r.subject),
      sourceIp: r.origin.ip,
      userAgent: r.origin.userAgent === null ? null : r.origin.userAgent.slice(0, 200),
      requestId: r.origin.requestId,
      details: r.details,
    };
    const hash = chainHash(keys.chain, prev, auditContent(base));
    const row = { ...base, prevHash: prev, hash };
    prev = hash;
    return row;
  });
  return {
    eventIds: rows.map((r) => r.id),
    sql: cachedSql(["auditAppend", rows.length], () => {
      const values = rows.map(
        (_, i) =>
          `(${EVENT_CASTS.map((cast, j) => `$${3 + i * EVENT_CASTS.length + j}${cast}`).join(", ")})`,
      );
      return `WITH ins AS (
       INSERT INTO audit_event (seq, id, at, type, outcome, actor_kind, actor_id, actor_role, subject_key,
                                subject_hint, source_ip, user_agent, request_id, details, prev_hash, hash)
       VALUES ${values.join(", ")})
     UPDATE audit_head SET seq = $2, hash = $1 WHERE id = 1`;
    }),
    params: [
      prev,
      head.seq + rows.length,
      ...rows.flatMap((r): SqlParam[] => [
        r.seq,
        r.id,
        r.at,
        r.type,
        r.outcome,
        r.actorKind,
        r.actorId,
        r.actorRole,
        r.subjectKey,
        r.subjectHint,
        r.sourceIp,
        r.userAgent,
        r.requestId,
        JSON.stringify(r.details),
        r.prevHash,
        r.hash,
      ]),
    ],
  };
}

/** The casts of an event's 16 values, in column order. */
const EVENT_CASTS = [
  "::bigint",
  "::uuid",
  "::timestamptz",
  ...Array<string>(10).fill(""),
  "::jsonb",
  "",
  "",
];

interface EventRow {
  /** bigint: a number on node-postgres (int8 parser), possibly a string elsewhere. */
  seq: number | string;
  id: string;
  at_ms: number;
  type: string;
  outcome: string;
  actor_kind: string;
  actor_id: string | null;
  actor_role: string | null;
  subject_key: string | null;
  subject_hint: string | null;
  source_ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  details: unknown;
  prev_hash: string;
  hash: string;
}

const EVENT_COLUMNS = `seq, id, (extract(epoch FROM at) * 1000)::float8 AS at_ms, type, outcome, actor_kind,
  actor_id, actor_role, subject_key, subject_hint, source_ip, user_agent, request_id, details, prev_hash, hash`;

function toEvent(r: EventRow): StoredAuditEvent {
  return {
    seq: Number(r.seq),
    id: r.id,
    at: new Date(Math.round(r.at_ms)),
    type: r.type,
    outcome: r.outcome,
    actorKind: r.actor_kind,
    actorId: r.actor_id,
    actorRole: r.actor_role,
    subjectKey: r.subject_key,
    subjectHint: r.subject_hint,
    sourceIp: r.source_ip,
    userAgent: r.user_agent,
    requestId: r.request_id,
    details: r.details,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Events in chain order, a page at a time (seq > after). */
export async function auditPage(
  q: Queryable,
  after: number,
  limit: number,
  where: { subjectKey?: string } = {},
): Promise<StoredAuditEvent[]> {
  const params: SqlParam[] = [after, limit];
  let filter = "";
  if (where.subjectKey !== undefined) {
    params.push(where.subjectKey);
    filter = " AND subject_key = $3";
  }
  const rows = await q.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM audit_event WHERE seq > $1${filter} ORDER BY seq LIMIT $2`,
    params,
  );
  return rows.map(toEvent);
}

export type AuditVerdict =
  | { ok: true; events: number; head: string }
  | { ok: false; events: number; brokenAt: number; problem: string };

/**
 * Walks the whole chain in order and names the first event that does not hold: a sequence
 * gap (deletion, insertion), a predecessor hash that is not the previous event's (deletion,
 * reordering), a hash that does not match the content (edit), or a head that does not match
 * the last event (truncation of the tail).
 */
export async function verifyAudit(
  q: Queryable,
  key: KeyObject,
  /**
   * A head recorded earlier outside the database (printed by every verification): the chain
   * must still contain that event with that hash, so a cut tail with a rewound head is caught.
   */
  anchor?: { seq: number; hash: string },
): Promise<AuditVerdict> {
  let anchored = anchor === undefined;
  let expectedSeq = 1;
  let prev = AUDIT_GENESIS_HASH;
  let after = 0;
  for (;;) {
    const page = await auditPage(q, after, 1000);
    for (const e of page) {
      const fail = (problem: string): AuditVerdict => ({
        ok: false,
        events: expectedSeq - 1,
        brokenAt: e.seq,
        problem,
      });
      if (e.seq !== expectedSeq)
        return fail(
          `sequence ${e.seq} where ${expectedSeq} was expected (events missing or added)`,
        );
      if (e.prevHash !== prev)
        return fail("its predecessor hash is not the previous event's hash (deleted or reordered)");
      const { hash: _h, prevHash: _p, ...content } = e;
      if (chainHash(key, prev, auditContent(content)) !== e.hash)
        return fail("its content does not match its hash (edited)");
      if (anchor !== undefined && e.seq === anchor.seq) {
        if (e.hash !== anchor.hash)
          return fail("it is not the event recorded outside the database at this position");
        anchored = true;
      }
      prev = e.hash;
      expectedSeq++;
      after = e.seq;
    }
    if (page.length < 1000) break;
  }
  const head = (
    await q.query<{ seq: number | string; hash: string }>(
      "SELECT seq, hash FROM audit_head WHERE id = 1",
    )
  )[0];
  const events = expectedSeq - 1;
  if (head === undefined || Number(head.seq) !== events || head.hash !== prev) {
    return {
      ok: false,
      events,
      brokenAt: events + 1,
      problem: `the head (seq ${head?.seq ?? "missing"}) does not match the last event (seq ${events}): events removed from the end`,
    };
  }
  if (!anchored) {
    return {
      ok: false,
      events,
      brokenAt: events + 1,
      problem: `the trail ends at ${events} events but event ${anchor?.seq ?? 0} was recorded outside the database: events removed from the end`,
    };
  }
  return { ok: true, events, head: prev };
}

/**
 * The audit trail in PostgreSQL: append (inside the transaction of the change it records) and
 * verify. Appending takes the row lock of audit_head, so appends from any number of instances
 * are serialised into one chain; it is the last thing a transaction does, so the lock is held
 * only for one statement and the commit. Each event's hash is an HMAC (key derived from the
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
import type { Queryable, SqlParam } from "./db.ts";

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

/** Appends the records, in order, after the current head. Call last in the transaction. */
export async function appendAudit(
  tx: Queryable,
  keys: AuditKeys,
  records: readonly AuditRecord[],
  at: Date,
): Promise<void> {
  if (records.length === 0) return;
  // Moves the head and locks it until commit; `hash` is still the previous event's.
  const head = (
    await tx.query<{ seq: number | string; hash: string }>(
      "UPDATE audit_head SET seq = seq + $1 WHERE id = 1 RETURNING seq - $1 AS seq, hash",
      [records.length],
    )
  )[0];
  if (head === undefined) throw new Error("audit_head is missing (migration 002 not applied?)");
  let prev = head.hash;
  const rows: StoredAuditEvent[] = records.map((r, i) => {
    const actor = actorColumns(r.actor, keys);
    const base = {
      seq: Number(head.seq) + i + 1,
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
  await tx.query(
    `WITH ins AS (
       INSERT INTO audit_event (seq, id, at, type, outcome, actor_kind, actor_id, actor_role, subject_key,
                                subject_hint, source_ip, user_agent, request_id, details, prev_hash, hash)
       SELECT x.seq, x.id, x.at, x.type, x.outcome, x.actor_kind, x.actor_id, x.actor_role, x.subject_key,
              x.subject_hint, x.source_ip, x.user_agent, x.request_id, x.details, x.prev_hash, x.hash
         FROM jsonb_to_recordset($1::jsonb) AS x(seq bigint, id uuid, at timestamptz, type text, outcome text,
              actor_kind text, actor_id text, actor_role text, subject_key text, subject_hint text,
              source_ip text, user_agent text, request_id text, details jsonb, prev_hash text, hash text))
     UPDATE audit_head SET hash = $2 WHERE id = 1`,
    [
      JSON.stringify(
        rows.map((r) => ({
          seq: r.seq,
          id: r.id,
          at: r.at.toISOString(),
          type: r.type,
          outcome: r.outcome,
          actor_kind: r.actorKind,
          actor_id: r.actorId,
          actor_role: r.actorRole,
          subject_key: r.subjectKey,
          subject_hint: r.subjectHint,
          source_ip: r.sourceIp,
          user_agent: r.userAgent,
          request_id: r.requestId,
          details: r.details,
          prev_hash: r.prevHash,
          hash: r.hash,
        })),
      ),
      prev,
    ],
  );
}

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

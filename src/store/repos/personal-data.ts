/**
 * The holder's own view of their data (flows/activity.ts, flows/sessions-devices.ts,
 * flows/export.ts): their audit events (audit_event_subject index, newest first), sessions and
 * devices by public id (migration 008), PIN history without hashes, claims without what was
 * typed, and the messages sent to their contacts without payloads or secrets.
 */
import type {
  ActivityEvent,
  ClaimListing,
  CredentialListing,
  DeviceListing,
  MessageListing,
  SessionListing,
} from "../../flows/ports.ts";
import type { Queryable } from "../db.ts";
import { deviceCounterKey } from "./throttle.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;
const MAX_SEQ = Number.MAX_SAFE_INTEGER;

interface EventRow {
  seq: number | string;
  at: Date;
  type: string;
  outcome: string;
  actor_kind: string;
  actor_role: string | null;
  source_ip: string | null;
  user_agent: string | null;
  details: unknown;
}

export async function activityOf(
  q: Queryable,
  subjectKey: string,
  before: number | null,
  limit: number,
): Promise<ActivityEvent[]> {
  const rows = await q.query<EventRow>(
    `SELECT seq, at, type, outcome, actor_kind, actor_role, source_ip, user_agent, details
       FROM audit_event WHERE subject_key = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3`,
    [subjectKey, before ?? MAX_SEQ, limit],
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: new Date(r.at),
    type: r.type,
    outcome: r.outcome,
    actorKind: r.actor_kind,
    actorRole: r.actor_role,
    sourceIp: r.source_ip,
    userAgent: r.user_agent,
    details: r.details,
  }));
}

export async function sessionsOf(q: Queryable, fiscalCode: string): Promise<SessionListing[]> {
  const rows = await q.query<{
    public_id: string;
    id_hash: string;
    created_at: Date;
    last_seen_at: Date;
    user_agent: string | null;
  }>(
    `SELECT public_id, id_hash, created_at, last_seen_at, user_agent
       FROM session WHERE fiscal_code = $1 ORDER BY last_seen_at DESC, created_at DESC`,
    [fiscalCode],
  );
  return rows.map((r) => ({
    id: r.public_id,
    idHash: r.id_hash,
    createdAt: new Date(r.created_at),
    lastSeenAt: new Date(r.last_seen_at),
    userAgent: r.user_agent,
  }));
}

export async function endSessionOf(
  q: Queryable,
  fiscalCode: string,
  publicId: string,
): Promise<string | null> {
  if (!UUID.test(publicId)) return null;
  const rows = await q.query<{ id_hash: string }>(
    "DELETE FROM session WHERE public_id = $2 AND fiscal_code = $1 RETURNING id_hash",
    [fiscalCode, publicId],
  );
  return rows[0]?.id_hash ?? null;
}

export async function devicesOf(q: Queryable, subjectKey: string): Promise<DeviceListing[]> {
  const rows = await q.query<{
    public_id: string;
    id: string;
    created_at: Date;
    last_used_at: Date;
    user_agent: string | null;
  }>(
    `SELECT public_id, id, created_at, last_used_at, user_agent
       FROM device WHERE subject_key = $1 ORDER BY last_used_at DESC, created_at DESC`,
    [subjectKey],
  );
  return rows.map((r) => ({
    id: r.public_id,
    deviceId: r.id,
    createdAt: new Date(r.created_at),
    lastUsedAt: new Date(r.last_used_at),
    userAgent: r.user_agent,
  }));
}

/**
 * Forgets a device: its row goes, so its cookie entry counts on the shared counter again (a
 * later login from that browser registers it anew). Its own lockout counter goes with it.
 */
export async function forgetDeviceOf(
  q: Queryable,
  subjectKey: string,
  publicId: string,
): Promise<boolean> {
  if (!UUID.test(publicId)) return false;
  const rows = await q.query<{ id: string }>(
    "DELETE FROM device WHERE public_id = $2 AND subject_key = $1 RETURNING id",
    [subjectKey, publicId],
  );
  const id = rows[0]?.id;
  if (id === undefined) return false;
  await q.query("DELETE FROM login_throttle WHERE key = $1", [deviceCounterKey(id)]);
  return true;
}

export async function credentialsOf(
  q: Queryable,
  fiscalCode: string,
): Promise<CredentialListing[]> {
  const rows = await q.query<{
    kind: CredentialListing["kind"];
    level: CredentialListing["level"];
    status: CredentialListing["status"];
    set_at: Date;
    ended_at: Date | null;
  }>(
    `SELECT kind, level, status, set_at, ended_at FROM credential
      WHERE fiscal_code = $1 ORDER BY set_at DESC`,
    [fiscalCode],
  );
  return rows.map((r) => ({
    kind: r.kind,
    level: r.level,
    status: r.status,
    setAt: new Date(r.set_at),
    endedAt: r.ended_at === null ? null : new Date(r.ended_at),
  }));
}

export async function claimsOf(q: Queryable, fiscalCode: string): Promise<ClaimListing[]> {
  const rows = await q.query<{
    id: string;
    channel: string;
    status: string;
    delivery: string;
    created_at: Date;
    decided_at: Date | null;
  }>(
    `SELECT id, channel, status, delivery, created_at, decided_at FROM claim
      WHERE fiscal_code = $1 ORDER BY created_at DESC`,
    [fiscalCode],
  );
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    status: r.status,
    delivery: r.delivery,
    createdAt: new Date(r.created_at),
    decidedAt: r.decided_at === null ? null : new Date(r.decided_at),
  }));
}

export async function messagesTo(
  q: Queryable,
  recipients: readonly string[],
): Promise<MessageListing[]> {
  if (recipients.length === 0) return [];
  const rows = await q.query<{
    kind: string;
    channel: string;
    recipient: string;
    status: string;
    created_at: Date;
    sent_at: Date | null;
  }>(
    `SELECT kind, channel, recipient, status, created_at, sent_at FROM outbox
      WHERE lower(recipient) = ANY($1::text[]) ORDER BY created_at DESC, id LIMIT 1000`,
    [recipients.map((r) => r.toLowerCase())],
  );
  return rows.map((r) => ({
    kind: r.kind,
    channel: r.channel,
    recipient: r.recipient,
    status: r.status,
    createdAt: new Date(r.created_at),
    sentAt: r.sent_at === null ? null : new Date(r.sent_at),
  }));
}

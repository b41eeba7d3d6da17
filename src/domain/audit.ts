/**
 * The audit trail's vocabulary and its canonical form. Every event says who (actor), what
 * (a typed event), whom (the subject's fiscal code), when (the injected clock), from where
 * (origin), with what outcome. Events are hash-chained by the store (src/store/audit.ts):
 * each carries the keyed hash of its predecessor and of its own canonical content, so an
 * edit, a deletion, an insertion or a reordering is found by `inps-pin audit verify`.
 */
import type { Actor, Origin } from "./actor.ts";

/** Each event type and the details it records (never a PIN, a token or a PIN half). */
export interface AuditEventDetails {
  "claim.received": { claimId: string; channel: "online" | "contact_centre" | "desk" };
  "claim.issued": { claimId: string; delivery: "sms" | "email" };
  "claim.queued_for_verification": { claimId: string; reasons: string[] };
  "claim.refused": { reason: string; claimId?: string };
  "claim.superseded": { claimId: string; supersededBy: string };
  "login.succeeded": { state: string; level: string; knownDevice: boolean };
  "login.failed": { reason: "wrong_pin"; remainingAttempts: number; knownDevice: boolean };
  "login.refused": {
    reason: "locked" | "suspended" | "not_eligible" | "revoked";
    knownDevice: boolean;
  };
  "lock.started": { until: string; knownDevice: boolean };
  "lock.restarted": { until: string; knownDevice: boolean };
  "lock.notified": { channel: "sms" | "email" };
  "lock.lifted": { reason: string };
  "pin.activated": { level: string };
  "pin.renewed": { level: string };
  "pin.replaced": { level: string };
  "pin.noted": Record<string, never>;
  "pin.answer_repeated": Record<string, never>;
  "session.ended": { reason: "logout" | "timeout" | "replaced_by_login" | "ended_by_holder" };
  "device.forgotten": Record<string, never>;
  "data.exported": { format: "json" | "pdf" };
  "pin_card.downloaded": Record<string, never>;
  "reauth.succeeded": Record<string, never>;
  "reauth.refused": { reason: "wrong_pin" | "locked" | "suspended" | "revoked" };
  "contact.change_requested": { kind: "mobile" | "email" | "pec"; codeSent: boolean };
  "contact.change_refused": {
    kind: "mobile" | "email" | "pec";
    reason: "wrong_code" | "no_pending_change";
  };
  "contact.changed": { kind: "mobile" | "email" | "pec"; oldTold: boolean };
  "contact.removed": { kind: "mobile" | "email" | "pec" };
  "pin_card.refused": { reason: "wrong_pin" | "locked" | "suspended" | "revoked" };
  "rate_limit.exceeded": { limiter: string };
  "recovery.requested":
    | { matchedContacts: number; linkChannel: "email" | "pec" }
    | {
        matchedContacts: number;
        reason: "no_active_pin" | "contacts_mismatch";
        instructionsSent: boolean;
      };
  "recovery.refused": { reason: "no_active_pin" | "link_invalid" };
  "revocation.requested":
    | { linkChannel: "email" | "pec"; linkSent: boolean }
    | { reason: "no_active_pin" | "health_card_mismatch"; instructionsSent: boolean };
  "revocation.refused": { reason: "no_active_pin" | "link_invalid" };
  "pin.revoked": { level: string; recoveriesCancelled: number; noticesSent: number };
  "letter_resend.issued": { claimId: string; delivery: "sms" | "email" };
  "letter_resend.refused": {
    reason: "no_initial_pin" | "wrong_first_half" | "not_overdue" | "too_many" | "rate_limited";
  };
  "pin.recovered": {
    level: string;
    firstHalf: "sms" | "email";
    secondHalf: "email" | "pec";
    noticesSent: number;
  };
  "session.end_refused": { reason: "not_found" };
  "device.forget_refused": { reason: "not_found" };
  "conversion.form_downloaded": { reference: string };
  "conversion.submitted": {
    requestId: string;
    reference: string;
    documents: { role: string; mediaType: string; size: number }[];
  };
  "conversion.upload_refused": { field: string; refusal: string };
  "conversion.approved": { requestId: string; claimsReleased: number };
  /** The reason itself stays with the request (the trail is never erased). */
  "conversion.rejected": { requestId: string; reasonChars: number };
  "conversion.cancelled": { requestId: string; reason: "pin_revoked" };
  "conversion.requests_listed": { status: string; count: number };
  "conversion.documents_read": { requestId: string; documents: number };
  "benefit_claim.filed": { protocol: string; benefitType: string; status: string };
  "benefit_claim.released": { protocol: string; requestId: string };
  "benefit_claim.receipt_downloaded": { protocol: string };
  "dev.clock_moved": { advanceSeconds: number; now: string };
  // Staff accounts and sessions (issue 7). A staff event's actor is the member of staff (or
  // the supervisor / "cli" acting on them); `staffId` names the account acted on.
  "staff.created": { staffId: string; role: string; officeId: string | null };
  "staff.enrolment_started": { staffId: string };
  /** The QR code and key shown again, to the browser that did the password step. */
  "staff.enrolment_shown_again": { staffId: string };
  "staff.enrolled": { staffId: string };
  "staff.enrolment_refused": { reason: "link_invalid" | "already_started" | "wrong_code" };
  "staff.enrolment_reset": { staffId: string; sessionsEnded: number };
  "staff.disabled": { staffId: string; sessionsEnded: number };
  "staff.enabled": { staffId: string };
  "staff.login_succeeded": { method: "totp" | "recovery_code"; recoveryCodesLeft: number };
  "staff.login_failed": {
    reason: "unknown_account" | "wrong_password" | "wrong_code" | "replayed_code";
    /** Unknown usernames: a keyed hash (16 hex) of what was typed, to correlate a spray. */
    usernameKey?: string;
    failures: number;
    locked: boolean;
  };
  "staff.login_refused": { reason: "locked" | "disabled" | "not_enrolled" };
  "staff.session_ended": { reason: "logout" | "timeout" | "replaced_by_login" };
  "staff.recovery_codes_replaced": { staffId: string };
  /** A citizen's record opened by staff, with the reason (the call, the appointment, ...). */
  "staff.record_opened": { reason: string; ref: string };
  // Contact centre (issue 7). Never the caller's answers, nor the archive's values.
  /** A caller's identity checked with questions on the archive: which, and the verdict. */
  "identity.checked": {
    checkId: string;
    passed: boolean;
    method: "archive_questions";
    questions: string[];
    reason: string;
    ref: string;
  };
  "identity.check_refused": { reason: "too_many_failures"; failures: number };
  /** A claim of the outbound queue handed to an agent (its declared data shown to them). */
  "verification.leased": { claimId: string; attempt: number };
  /** The supervisors' figures read this event: keep its name and details. */
  "verification.outcome": {
    claimId: string;
    outcome: "validated" | "rejected" | "no_answer" | "unreachable";
    attempt: number;
  };
  /** A contact added by phone after an identity check (the other contacts told). */
  "contact.added": { kind: "mobile" | "email" | "pec"; noticesSent: number; checkId: string };
  // Desk appointments (issue 7, appointments). The subject is the person's fiscal code when
  // they gave one; the booking code is never recorded.
  "appointment.booked": { appointmentId: string; officeId: string; start: string; purpose: string };
  "appointment.cancelled": { appointmentId: string; officeId: string; start: string };
  "appointment.cancel_refused": { reason: "unknown_code" };
  "appointment.reminded": { appointmentId: string; channel: "sms" | "email" };
  "appointment.calendar_read": { officeId: string; date: string; count: number };
  "appointment.attendance_marked": {
    appointmentId: string;
    officeId: string;
    attendance: "attended" | "no_show";
  };
  // Review queue and fax intake (issue 7, area review). The subject is the request's holder.
  "review.fax_registered": { requestId: string; reference: string; files: number; pages: number };
  "review.fax_refused": { file: number; refusal: string };
  "review.item_taken": { requestId: string; until: string };
  "review.item_refused": {
    requestId: string;
    action: "take" | "decide";
    reason: "own_intake" | "taken_by_another";
  };
  "review.document_read": { requestId: string; documentId: string; page: number };
  "review.decided": {
    requestId: string;
    decision: "approve" | "reject";
    reasonCode: string | null;
  };
  // Supervisors' tools (issue 7, area supervisor). A search by fiscal code has the person as
  // subject (they see it); the code itself is never in the details.
  "audit.searched": AuditSearchDetails;
  "audit.exported": AuditSearchDetails & { format: "json" | "csv" };
  "staff.accounts_listed": { count: number };
  "queues.read": { days: number };
  // Abandoned outbox messages (issue 8): listed and resent by supervisors; never a recipient.
  "staff.abandoned_listed": { count: number };
  "staff.message_resent": { messageId: string; kind: string; channel: string; reason: string };
  // The office desk (issue 7, desk): `reason`/`ref` are the occasion (the appointment).
  "desk.pin_issued": {
    claimId: string;
    officeId: string;
    level: "dispositive";
    replaced: boolean;
    document: string;
    issuingCountry: string;
    reason: string;
    ref: string;
  };
  "desk.mv35_refused": { officeId: string; reasons: string[]; reason: string; ref: string };
  "desk.pin_printed": { officeId: string; handoverId: string };
  "desk.pin_print_refused": { officeId: string; handoverId: string };
  "desk.converted": {
    officeId: string;
    claimsReleased: number;
    requestsClosed: number;
    document: string;
    issuingCountry: string;
    reason: string;
    ref: string;
  };
  "delegation.registered": {
    delegationId: string;
    form: string;
    role: "delegator" | "delegate";
    officeId: string;
    startDate: string;
    endDate: string;
    documents: number;
    reason: string;
    ref: string;
  };
  "delegation.upload_refused": { officeId: string; field: string; refusal: string };
  "delegation.listed": { officeId: string; count: number; reason: string; ref: string };
  "delegation.ended": {
    delegationId: string;
    role: "delegator" | "delegate";
    officeId: string;
    reason: string;
    ref: string;
  };
}

/** What an audit search asked for (never the fiscal code: only whether one was given). */
export interface AuditSearchDetails {
  byFiscalCode: boolean;
  staffId: string | null;
  eventType: string | null;
  from: string | null;
  to: string | null;
  results: number;
}

export type AuditEventType = keyof AuditEventDetails;

export type AuditOutcome = "success" | "failure" | "refused";

/** What a flow records; the store adds the sequence, the id and the hashes. */
export type AuditRecord = {
  [T in AuditEventType]: {
    type: T;
    outcome: AuditOutcome;
    actor: Actor;
    origin: Origin;
    /** The fiscal code the event is about (whom), if any. */
    subject?: string | undefined;
    details: AuditEventDetails[T];
  };
}[AuditEventType];

/** An event as stored: the subject only as a keyed hash and a masked hint. */
export interface StoredAuditEvent {
  seq: number;
  id: string;
  at: Date;
  type: string;
  outcome: string;
  actorKind: string;
  actorId: string | null;
  actorRole: string | null;
  subjectKey: string | null;
  subjectHint: string | null;
  sourceIp: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: unknown;
  prevHash: string;
  hash: string;
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };

/** JSON with object keys sorted at every depth: the same content always gives the same text. */
export function canonicalJson(v: unknown): string {
  if (v === undefined || typeof v === "function" || typeof v === "symbol") return "null";
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(v as Record<string, unknown>)
    .filter(([, x]) => x !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(",")}}`;
}

/** The hashed content of a stored event: everything but its own hashes. */
export function auditContent(e: Omit<StoredAuditEvent, "hash" | "prevHash">): string {
  return canonicalJson({
    seq: e.seq,
    id: e.id,
    at: e.at.toISOString(),
    type: e.type,
    outcome: e.outcome,
    actor: { kind: e.actorKind, id: e.actorId, role: e.actorRole },
    subject: { key: e.subjectKey, hint: e.subjectHint },
    source: { ip: e.sourceIp, userAgent: e.userAgent },
    requestId: e.requestId,
    details: e.details,
  });
}

export const AUDIT_GENESIS_HASH = "0".repeat(64);

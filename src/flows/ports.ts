/**
 * What the flows need from storage, as narrow interfaces (ports). Flows reach them only
 * through a unit of work, never by importing the store: src/store/uow.ts implements them on
 * PostgreSQL/PGlite, test/fakes/memory.ts in memory, so a flow's rules run in milliseconds in
 * tests and the same flow runs unchanged in the service.
 */
import type { ArchivePerson, ContributionPeriod, PensionPayment } from "../domain/archive.ts";
import type { AuditRecord } from "../domain/audit.ts";
import type { PinKind, PinLevel } from "../domain/credential.ts";
import type { SessionState } from "../domain/journey.ts";
import type { AttemptVerdict } from "../domain/lockout.ts";
import type { Limit, LimitVerdict, LimiterName } from "../domain/rate-limits.ts";
import type { OutgoingMessage, MessageKind } from "../notifications/registry.ts";

/** A person without the (possibly long) contribution and pension lists. */
export type ArchiveIdentity = Omit<ArchivePerson, "contributions" | "pensionPayments">;

export interface ArchiveReader {
  findPerson(fiscalCode: string): Promise<ArchiveIdentity | null>;
  contributions(fiscalCode: string): Promise<ContributionPeriod[]>;
  pensionPayments(fiscalCode: string): Promise<PensionPayment[]>;
}

export type ClaimStatus = "issued" | "under_verification" | "rejected" | "superseded";
export type ClaimChannel = "online" | "contact_centre" | "desk";
export type Delivery = "sms" | "email";

export interface NewClaim {
  id: string;
  fiscalCode: string;
  channel: ClaimChannel;
  status: ClaimStatus;
  declared: unknown;
  reasons: readonly string[];
  delivery: Delivery;
  lang: string;
  createdAt: Date;
}

/** What the outcome page of a claim may show (to the browser that made it). */
export interface ClaimSummary {
  id: string;
  status: ClaimStatus;
  delivery: Delivery;
  /** The number or address the first half went to, as typed in the claim. */
  destination: string | null;
  /** Country of the residence on file (the letter's destination), when issued. */
  letterCountry: string | null;
  createdAt: Date;
}

export interface ClaimStore {
  insert(c: NewClaim): Promise<void>;
  /** Closes the failed claims still waiting for this fiscal code; returns their ids. */
  supersedePending(fiscalCode: string, byClaimId: string, now: Date): Promise<string[]>;
  summary(id: string): Promise<ClaimSummary | null>;
  /** How many letter resends the person had since `since`. */
  resendsSince(fiscalCode: string, since: Date): Promise<number>;
  recordResend(fiscalCode: string, credentialId: string, at: Date): Promise<void>;
}

export interface Contacts {
  mobile: string | null;
  email: string | null;
  pec: string | null;
  /** The language the holder chose (messages to them use it). */
  lang: "it" | "en";
}

export interface AccountStore {
  upsertContacts(fiscalCode: string, contacts: Contacts, now: Date): Promise<void>;
  contacts(fiscalCode: string): Promise<Contacts | null>;
}

export interface Credential {
  id: string;
  fiscalCode: string;
  kind: PinKind;
  level: PinLevel;
  pinHash: string;
  status: "active" | "consumed" | "superseded" | "revoked";
  setAt: Date;
  /** The claim an initial PIN was issued for (null: recovery, or an operating PIN). */
  claimId: string | null;
  /** An initial PIN's first half, hashed on its own (the letter resend checks it). */
  firstHalfHash: string | null;
}

export interface NewCredential {
  id: string;
  fiscalCode: string;
  kind: PinKind;
  level: PinLevel;
  pinHash: string;
  setAt: Date;
  claimId: string | null;
  firstHalfHash?: string | null;
}

export interface CredentialStore {
  active(fiscalCode: string): Promise<Credential | null>;
  insert(c: NewCredential): Promise<void>;
  /**
   * Ends an active credential and every session opened with it. False when it was no longer
   * active (a concurrent change won): the caller refuses instead of issuing a second PIN.
   */
  end(id: string, status: "consumed" | "superseded" | "revoked", at: Date): Promise<boolean>;
}

export interface SessionRecord {
  idHash: string;
  fiscalCode: string;
  credentialId: string;
  state: SessionState;
  level: PinLevel;
  createdAt: Date;
  lastSeenAt: Date;
  absoluteExpiry: Date;
  /** While the state is pin_shown: until when (PIN card, replacement). */
  newPinUntil: Date | null;
  /** The page to resume at once the journey allows (continuation). */
  returnTo: string | null;
  /** When the PIN was last typed after the login (null: only at the login). */
  pinAt: Date | null;
  credentialKind: PinKind;
  credentialSetAt: Date;
  surname: string | null;
  givenNames: string | null;
}

export interface NewSession {
  idHash: string;
  fiscalCode: string;
  credentialId: string;
  state: SessionState;
  level: PinLevel;
  now: Date;
  absoluteExpiry: Date;
  userAgent: string | null;
  returnTo: string | null;
  newPinUntil: Date | null;
}

/** What a successful login writes besides the session. */
export interface LoginSession {
  session: NewSession;
  /** The lockout counters the right PIN resets. */
  resetCounters: readonly string[];
  /** The browser, remembered (or refreshed) as a device of the holder. */
  device: { id: string; subjectKey: string };
}

export interface SessionStore {
  /**
   * The credential's kind and date and the person's name are copied in from their tables;
   * ConflictError when the credential is no longer active.
   */
  create(s: NewSession): Promise<void>;
  /**
   * A login's counters reset, device registered and session created, as one write — the last
   * of its transaction (nothing but the audit events may follow it).
   */
  createForLogin(l: LoginSession): Promise<void>;
  find(idHash: string): Promise<SessionRecord | null>;
  touch(idHash: string, now: Date): Promise<void>;
  /** The PIN was typed again in this session (re-authentication); false: no such session. */
  markPinEntered(idHash: string, now: Date): Promise<boolean>;
  delete(idHash: string): Promise<boolean>;
  update(
    idHash: string,
    changes: { state: SessionState; newPinUntil: Date | null; now: Date },
  ): Promise<boolean>;
  /** Deletes the sessions past their lifetime or idle too long; returns their fiscal codes. */
  deleteExpired(now: Date, idleSeconds: number): Promise<string[]>;
}

/** The active PIN of a fiscal code as a login needs it, with the holder's eligibility facts. */
export interface LoginCandidate {
  id: string;
  kind: PinKind;
  level: PinLevel;
  pinHash: string;
  setAt: Date;
  residenceCountry: string | null;
  italianIdOnFile: boolean;
}

export interface Reservation {
  /** The counter the attempt went to: the known device's, or the fiscal code's shared one. */
  counterKey: string;
  knownDevice: boolean;
  verdict: AttemptVerdict;
  credential: LoginCandidate | null;
  /**
   * Without an active PIN, the hash of the last revoked one (read in the same statement, so a
   * fiscal code with or without an active PIN costs the same round trips).
   */
  revokedHash: string | null;
}

/** A hit on a named rate limit: the key is already a keyed hash. */
export interface LimitHit {
  name: LimiterName;
  key: string;
  limit: Limit;
}

export interface AttemptTarget {
  subjectKey: string;
  deviceId: string | null;
  fiscalCode: string;
  now: Date;
}

export interface ThrottleStore {
  /**
   * Counts an attempt (before the PIN is checked) on the device's counter when `deviceId` is a
   * device registered for this subject, else on the subject's shared counter; reads the active
   * PIN in the same round trip.
   */
  reserve(a: AttemptTarget): Promise<Reservation>;
  /**
   * A hit on the rate limit first, then — within it — reserve() when the attempt goes ahead;
   * when it would be refused (locked, lock starting, suspended) nothing changes and the
   * reservation is null: the caller then reserves inside a transaction that records the
   * refusal. One statement for the common case.
   */
  tryReserve(
    a: AttemptTarget,
    limit: LimitHit,
  ): Promise<{ limit: LimitVerdict; reservation: Reservation | null }>;
  /** Gives back an attempt that got no verdict (the hash could not run). */
  release(counterKey: string): Promise<void>;
  /** After a wrong PIN (already counted): true when this failure starts the lock. */
  recordFailure(counterKey: string, failuresBefore: number, now: Date): Promise<boolean>;
  /** A right PIN resets these counters. */
  recordSuccess(counterKeys: readonly string[], now: Date): Promise<void>;
  /**
   * Ends every lock and suspension of a holder: the shared counter and the counters of every
   * browser registered for them (a recovery, or the contact centre after an identity check).
   */
  clearSubject(subjectKey: string, now: Date): Promise<void>;
  /** True (and remembered) when the holder was not told of a lock in the last `seconds`. */
  claimLockNotice(counterKey: string, now: Date, seconds: number): Promise<boolean>;
  deleteStale(now: Date): Promise<number>;
}

/** Browsers in which a holder logged in (registered with the login's session). */
export interface DeviceStore {
  /** Housekeeping: browsers unused since `before`. */
  deleteUnused(before: Date): Promise<number>;
}

/** A PIN change's answer, sealed for the browser that asked (see flows/operating-pin.ts). */
export interface Handover {
  fiscalCode: string;
  /** The credential the change made: a replay is void once it is no longer active. */
  credentialId: string;
  sealed: string;
  expiresAt: Date;
}

export interface HandoverStore {
  save(oldIdHash: string, h: Handover): Promise<void>;
  find(oldIdHash: string): Promise<Handover | null>;
  deleteExpired(now: Date): Promise<number>;
}

export type LinkPurpose = "recovery" | "revocation";

export interface NewLink {
  tokenHash: string;
  purpose: LinkPurpose;
  fiscalCode: string;
  createdAt: Date;
  expiresAt: Date;
}

/** Single-use confirmation links (the token itself is never stored, only its keyed hash). */
export interface LinkStore {
  /** Saves a link; the person's earlier pending links of the same purpose stop working. */
  create(l: NewLink): Promise<void>;
  /** The fiscal code of a pending, unexpired link (nothing is changed). */
  find(tokenHash: string, purpose: LinkPurpose, now: Date): Promise<string | null>;
  /**
   * Uses a pending, unexpired link once: its fiscal code, or null when it is unknown, used,
   * cancelled or expired (of concurrent uses exactly one gets it).
   */
  use(tokenHash: string, purpose: LinkPurpose, now: Date): Promise<string | null>;
  /** Cancels the person's pending links of a purpose; returns how many. */
  cancelPending(fiscalCode: string, purpose: LinkPurpose, now: Date): Promise<number>;
  /** Housekeeping: links expired before `before`. */
  deleteExpired(before: Date): Promise<number>;
}

export type ContactKind = "mobile" | "email" | "pec";

export interface PendingContactChange {
  fiscalCode: string;
  kind: ContactKind;
  value: string;
  codeHash: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface ContactStore {
  /** Saves (or replaces) the person's pending change of this kind, its tries at zero. */
  savePending(c: PendingContactChange): Promise<void>;
  /** Counts a try; the pending change, or null (none, expired, tries spent). */
  tryPending(
    fiscalCode: string,
    kind: ContactKind,
    maxTries: number,
    now: Date,
  ): Promise<{ value: string; codeHash: string; tries: number } | null>;
  /** Removes the pending change with this code hash: true for the one caller that got it. */
  takePending(fiscalCode: string, kind: ContactKind, codeHash: string): Promise<boolean>;
  set(fiscalCode: string, kind: ContactKind, value: string | null, now: Date): Promise<void>;
  deleteExpired(now: Date): Promise<number>;
}

export interface RateLimitStore {
  hit(name: LimiterName, key: string, limit: Limit, now: Date): Promise<LimitVerdict>;
  deleteExpired(now: Date, longestWindowSeconds: number): Promise<number>;
}

export interface OutboxWriter {
  enqueue<K extends MessageKind>(m: OutgoingMessage<K>, now: Date): Promise<void>;
}

export interface AuditWriter {
  /** Recorded with the transaction: appended (hash-chained) just before it commits. */
  record(e: AuditRecord): void;
}

export interface OutboxMaintenance {
  /** Scrubs recipients and payloads of messages delivered or abandoned before `before`. */
  scrubDelivered(before: Date, now: Date): Promise<number>;
}

/** Everything a flow may touch inside one transaction. */
export interface Repos {
  archive: ArchiveReader;
  claims: ClaimStore;
  accounts: AccountStore;
  credentials: CredentialStore;
  sessions: SessionStore;
  throttle: ThrottleStore;
  devices: DeviceStore;
  handovers: HandoverStore;
  links: LinkStore;
  contacts: ContactStore;
  limits: RateLimitStore;
  outbox: OutboxWriter;
  audit: AuditWriter;
}

/**
 * Repositories outside a transaction: reads and single technical writes (counters, rate-limit
 * hits, last-seen instants, clean-ups), never audited ones — on PostgreSQL their commits do not
 * wait for the disk (Db.technical).
 */
export type DirectRepos = Omit<Repos, "outbox" | "audit"> & {
  outboxMaintenance: OutboxMaintenance;
};

export interface UnitOfWork {
  /**
   * Runs fn in one transaction: it commits when fn resolves (audit events recorded through
   * repos.audit are appended just before), rolls back when it throws. Messages enqueued wake
   * the outbox worker after the commit.
   */
  run<T>(fn: (repos: Repos) => Promise<T>): Promise<T>;
  direct: DirectRepos;
}

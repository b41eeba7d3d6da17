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
import type { Limit, LimitVerdict, LimiterName } from "../domain/rate-limits.ts";
import type { OutgoingMessage, MessageKind } from "../notifications/registry.ts";
import type { ThrottleStore } from "./ports-lockout.ts";
import type {
  BenefitClaimStore,
  ConversionStore,
  DocumentStore,
  LevelReader,
} from "./ports-requests.ts";
import type { PersonalDataStore } from "./ports-personal-data.ts";
import type { ContactStore, LinkStore } from "./ports-self-service.ts";
import type { StaffStore } from "./ports-staff.ts";
import type { ContactCentreStore } from "./ports-contact.ts";
import type { AppointmentStore } from "./ports-appointments.ts";
import type { ReviewStore } from "./ports-review.ts";
import type { SupervisorStore } from "./ports-supervisor.ts";
import type { DeskStore } from "./ports-desk.ts";
import type { OutboxMaintenance } from "./ports-outbox.ts";

/** A person without the (possibly long) contribution and pension lists. */
export type ArchiveIdentity = Omit<ArchivePerson, "contributions" | "pensionPayments">;

export interface ArchiveReader {
  findPerson(fiscalCode: string): Promise<ArchiveIdentity | null>;
  contributions(fiscalCode: string): Promise<ContributionPeriod[]>;
  pensionPayments(fiscalCode: string): Promise<PensionPayment[]>;
}

export type ClaimStatus =
  | "issued"
  | "under_verification"
  | "rejected"
  | "superseded"
  // Contact centre (issue 7): nobody answered on three working days.
  | "unreachable";
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
   * Ends an active credential and every session opened with it; returns its level as it was
   * when ended (the level a replacement keeps: read in the same statement, so an approval to
   * dispositive that committed meanwhile is never lost). Null when it was no longer active (a
   * concurrent change won): the caller refuses instead of issuing a second PIN.
   */
  end(
    id: string,
    status: "consumed" | "superseded" | "revoked",
    at: Date,
  ): Promise<PinLevel | null>;
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

export type {
  OutboxDepthRow,
  OutboxMaintenance,
  SmsReportOutcome,
  SmsReportUpdate,
} from "./ports-outbox.ts";
export type {
  AttemptTarget,
  LimitHit,
  LoginCandidate,
  Reservation,
  ThrottleStore,
} from "./ports-lockout.ts";
export type {
  ContactKind,
  ContactStore,
  LinkPurpose,
  LinkStore,
  NewLink,
  PendingContactChange,
} from "./ports-self-service.ts";
export type {
  BenefitClaim,
  BenefitClaimStatus,
  BenefitClaimStore,
  ConversionRequest,
  ConversionStatus,
  ConversionStore,
  DocumentMediaType,
  DocumentRole,
  DocumentStore,
  LevelReader,
  SealedDocument,
} from "./ports-requests.ts";
export type {
  NewStaffAccount,
  StaffAccount,
  StaffSessionRecord,
  StaffStore,
} from "./ports-staff.ts";
export type {
  ActivityEvent,
  ClaimListing,
  CredentialListing,
  DeviceListing,
  MessageListing,
  PersonalDataStore,
  SessionListing,
} from "./ports-personal-data.ts";

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
  conversions: ConversionStore;
  documents: DocumentStore;
  benefitClaims: BenefitClaimStore;
  levels: LevelReader;
  personalData: PersonalDataStore;
  /** Staff accounts and sessions (issue 7). */
  staff: StaffStore;
  /** Desk appointments (issue 7, appointments). */
  appointments: AppointmentStore;
  /** The office desk: MV35 claims, printed PINs, delegations (issue 7, desk). */
  desk: DeskStore;
  limits: RateLimitStore;
  /** Review queue and fax intake (issue 7, area review). */
  review: ReviewStore;
  /** Audit search and queue figures (issue 7, area supervisor). */
  supervisor: SupervisorStore;
  outbox: OutboxWriter;
  audit: AuditWriter;
  /** Contact centre: callers' identity checks, the outbound verification queue (issue 7). */
  contactCentre: ContactCentreStore;
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

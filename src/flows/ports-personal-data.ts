/**
 * The ports of the holder's own view of their data (activity, sessions and devices, export):
 * reads over the audit trail and the tables that hold something about the person, and the two
 * writes the holder may make there (end a session, forget a device). Part of the flows' ports
 * (ports.ts re-exports them).
 */
import type { PinKind, PinLevel } from "../domain/credential.ts";

/** An audit event about the person, as their activity shows it (hashes and ids left out). */
export interface ActivityEvent {
  seq: number;
  at: Date;
  type: string;
  outcome: string;
  actorKind: string;
  actorRole: string | null;
  sourceIp: string | null;
  userAgent: string | null;
  details: unknown;
}

export interface SessionListing {
  /** The public id (never the hash of the cookie's token). */
  id: string;
  /** Internal: tells the current session apart; never leaves the service. */
  idHash: string;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string | null;
}

export interface DeviceListing {
  /** The public id (never the id the device cookie carries). */
  id: string;
  /** Internal: tells this browser apart; never leaves the service. */
  deviceId: string;
  createdAt: Date;
  lastUsedAt: Date;
  userAgent: string | null;
}

export interface CredentialListing {
  kind: PinKind;
  level: PinLevel;
  status: "active" | "consumed" | "superseded" | "revoked";
  setAt: Date;
  endedAt: Date | null;
}

export interface ClaimListing {
  id: string;
  channel: string;
  status: string;
  delivery: string;
  createdAt: Date;
  decidedAt: Date | null;
}

export interface MessageListing {
  kind: string;
  channel: string;
  recipient: string;
  status: string;
  createdAt: Date;
  sentAt: Date | null;
}

export interface PersonalDataStore {
  /** Events about the subject, newest first, with seq < before (null: from the newest). */
  activity(subjectKey: string, before: number | null, limit: number): Promise<ActivityEvent[]>;
  sessions(fiscalCode: string): Promise<SessionListing[]>;
  /** Ends one of the person's sessions: the ended session's hash, or null (not theirs, none). */
  endSession(fiscalCode: string, publicId: string): Promise<string | null>;
  devices(subjectKey: string): Promise<DeviceListing[]>;
  /** Forgets one of the person's devices (its cookie no longer counts as known): false if none. */
  forgetDevice(subjectKey: string, publicId: string): Promise<boolean>;
  credentials(fiscalCode: string): Promise<CredentialListing[]>;
  claims(fiscalCode: string): Promise<ClaimListing[]>;
  /** Messages whose recipient is one of `recipients` (never payloads or secrets). */
  messages(recipients: readonly string[]): Promise<MessageListing[]>;
}

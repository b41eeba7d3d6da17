/**
 * The ports of the office desk (issue 7): the claim made in person (MV35), the sealed PIN kept
 * for its one printout, delegations and their sealed documents. Part of the flows' ports
 * (Repos.desk).
 */
import type { DelegationAuthority, DelegationForm } from "../domain/delegations.ts";
import type { DocumentMediaType } from "./ports-requests.ts";

/** The PIN of an MV35 claim, sealed until the clerk who issued it prints it once. */
export interface DeskHandover {
  id: string;
  staffId: string;
  officeId: string;
  fiscalCode: string;
  credentialId: string;
  /** The form's one-time key: a resubmitted form is recognised, never issued twice. */
  requestKey: string | null;
  sealed: string;
  expiresAt: Date;
  createdAt: Date;
}

export interface DeskClaim {
  id: string;
  fiscalCode: string;
  /** What the clerk checked (the document, the office): never the PIN. */
  declared: unknown;
  lang: "it" | "en";
  createdAt: Date;
}

export interface Delegation {
  id: string;
  delegatorFiscalCode: string;
  delegateFiscalCode: string;
  form: DelegationForm;
  authority: DelegationAuthority | null;
  /** YYYY-MM-DD, both included. */
  startDate: string;
  endDate: string;
  officeId: string;
  registeredBy: string;
  registeredAt: Date;
  endedAt: Date | null;
  endedBy: string | null;
  endOfficeId: string | null;
}

export interface DelegationDocument {
  id: string;
  delegationId: string;
  role: string;
  mediaType: DocumentMediaType;
  size: number;
  keyId: string;
  wrappedKey: Buffer;
  body: Buffer;
  createdAt: Date;
}

export interface DeskStore {
  /** A claim of channel "desk", issued at once (the PIN handed over in person). */
  insertClaim(c: DeskClaim): Promise<void>;
  /** ConflictError when the clerk already used this request key. */
  saveHandover(h: DeskHandover): Promise<void>;
  /** The handover a clerk made with a request key (sealed or already erased), if any. */
  handoverByRequest(
    staffId: string,
    requestKey: string,
    now: Date,
  ): Promise<{ id: string; printable: boolean } | null>;
  /**
   * Takes the sealed PIN for its one download: only the clerk who issued it, before it
   * expires; erased in the same statement (of concurrent downloads one gets it).
   */
  takeHandover(
    id: string,
    staffId: string,
    now: Date,
  ): Promise<{ fiscalCode: string; credentialId: string; officeId: string; sealed: string } | null>;
  /** Erases sealed PINs past their time and forgets rows older than a day; how many erased. */
  expireHandovers(now: Date): Promise<number>;
  insertDelegation(d: Delegation): Promise<void>;
  putDelegationDocument(d: DelegationDocument): Promise<void>;
  findDelegation(id: string): Promise<Delegation | null>;
  /** Given and received by the person, newest first. */
  delegationsOf(fiscalCode: string): Promise<Delegation[]>;
  /**
   * Locks the person's archive row until the transaction ends: registrations for one delegator
   * run one after the other, so a double submission cannot register the same pair twice.
   */
  lockPerson(fiscalCode: string): Promise<void>;
  /** The documents of a delegation, without their bodies. */
  delegationDocuments(
    delegationId: string,
  ): Promise<{ role: string; mediaType: string; size: number }[]>;
  /** Ends a delegation not yet ended; false when it already was (a concurrent end). */
  endDelegation(id: string, e: { at: Date; staffId: string; officeId: string }): Promise<boolean>;
}

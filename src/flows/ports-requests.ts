/**
 * The ports of the holder's requests: conversion to dispositive with its uploaded documents
 * (issue 6 §5) and benefit claims (§6). Part of the flows' ports (ports.ts re-exports them).
 */
import type { PinLevel } from "../domain/credential.ts";

export type ConversionStatus = "submitted" | "approved" | "rejected" | "cancelled";

export interface ConversionRequest {
  id: string;
  /** Printed on the form (and in its QR code): links the signed paper to the request. */
  reference: string;
  fiscalCode: string;
  status: ConversionStatus;
  /** Why it was rejected (shown to the citizen). */
  reason: string | null;
  submittedAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  documentsDeletedAt: Date | null;
}

export type DocumentRole = "signed_form" | "identity_document";
export type DocumentMediaType = "application/pdf" | "image/jpeg" | "image/png";

/** A document as stored: its body sealed under a per-document key, that key wrapped. */
export interface SealedDocument {
  id: string;
  requestId: string;
  role: DocumentRole;
  mediaType: DocumentMediaType;
  size: number;
  keyId: string;
  wrappedKey: Buffer;
  body: Buffer;
  createdAt: Date;
}

export interface ConversionStore {
  /** ConflictError when the person already has an open (submitted) request. */
  insert(r: ConversionRequest): Promise<void>;
  find(id: string): Promise<ConversionRequest | null>;
  /** The person's requests, newest first. */
  ofPerson(fiscalCode: string): Promise<ConversionRequest[]>;
  /** Requests in a status (all when omitted), oldest first. */
  list(status?: ConversionStatus): Promise<ConversionRequest[]>;
  /** Decides a submitted request; false when it was no longer submitted (a concurrent decision). */
  decide(
    id: string,
    d: { status: "approved" | "rejected"; reason: string | null; at: Date; by: string },
  ): Promise<boolean>;
  /** Closes the person's open request (the PIN was revoked); the ids closed. */
  cancelOpen(fiscalCode: string, at: Date): Promise<string[]>;
  /** Retention: deletes the documents of requests decided before `before`; returns how many. */
  purgeDocuments(before: Date, now: Date): Promise<number>;
}

/** Where uploaded documents live (sealed by the flow: the store sees ciphertext only). */
export interface DocumentStore {
  put(d: SealedDocument): Promise<void>;
  ofRequest(requestId: string): Promise<SealedDocument[]>;
}

export type BenefitClaimStatus = "waiting_for_dispositive" | "in_processing";

export interface BenefitClaim {
  id: string;
  protocol: string;
  fiscalCode: string;
  benefitType: string;
  fields: Record<string, string>;
  status: BenefitClaimStatus;
  filedAt: Date;
  releasedAt: Date | null;
  lang: "it" | "en";
  /** The client's key for the filing (a retry with the same key is the same claim). */
  clientKey: string | null;
}

export interface BenefitClaimStore {
  /** The next protocol sequence number of a year (atomic across instances). */
  nextProtocol(year: number): Promise<number>;
  /** ConflictError when the person already filed a claim with the same client key. */
  insert(c: BenefitClaim): Promise<void>;
  byClientKey(fiscalCode: string, clientKey: string): Promise<BenefitClaim | null>;
  /** The person's claims, newest first. */
  ofPerson(fiscalCode: string): Promise<BenefitClaim[]>;
  /** Moves the person's waiting claims to processing (filing time kept); their protocols. */
  releaseWaiting(fiscalCode: string, at: Date): Promise<string[]>;
}

/** The level of a person's active PIN, read so that a concurrent level change waits for us. */
export interface LevelReader {
  /** Null: no active PIN. Locks the credential row (FOR SHARE) until the transaction ends. */
  activeLevelLocked(fiscalCode: string): Promise<PinLevel | null>;
  /** Makes the active PIN dispositive; false when there is no active PIN. */
  makeDispositive(fiscalCode: string): Promise<boolean>;
}

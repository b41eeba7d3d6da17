/**
 * The ports of the holder's self-service (recovery and revocation links, contact changes).
 * Part of the flows' ports (ports.ts re-exports them).
 */

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

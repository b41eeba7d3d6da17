/**
 * What the contact centre's flows need from storage (issue 7): callers' identity checks and
 * the outbound verification queue (claims under verification, leased to one agent at a time).
 */
export interface NewIdentityCheck {
  id: string;
  staffId: string;
  fiscalCode: string;
  passed: boolean;
  /** The questions answered ("birth_date", "birth_place", "address", "health_card"). */
  questions: readonly string[];
  reasonKind: string;
  reasonRef: string;
  createdAt: Date;
  expiresAt: Date;
}

/** A passed, unexpired check of the agent asking. */
export interface PassedCheck {
  id: string;
  fiscalCode: string;
  reasonKind: string;
  reasonRef: string;
  expiresAt: Date;
}

/** A claim of the outbound queue as the agent calling sees it. */
export interface VerificationClaim {
  id: string;
  fiscalCode: string;
  /** What the claimant typed (the online claim's body, validated then). */
  declared: unknown;
  /** What the automatic checks found. */
  reasons: string[];
  delivery: "sms" | "email";
  lang: "it" | "en";
  createdAt: Date;
  /** Calls made so far without an answer. */
  attempts: number;
  leaseStaffId: string | null;
  leaseUntil: Date | null;
  status: string;
}

export interface QueueSummary {
  /** Claims under verification, leased or not, due or not. */
  waiting: number;
  /** Of those, the ones an agent may take now (due and not leased). */
  due: number;
  leased: number;
  /** The creation time of the oldest claim waiting. */
  oldest: Date | null;
}

export type ClaimDecision = "issued" | "rejected" | "unreachable";

export interface ContactCentreStore {
  insertCheck(c: NewIdentityCheck): Promise<void>;
  failedChecksSince(fiscalCode: string, since: Date): Promise<number>;
  passedCheck(id: string, staffId: string, now: Date): Promise<PassedCheck | null>;
  /**
   * The claim leased to this agent (its lease renewed), else the oldest due claim nobody holds,
   * leased to them until `until`; null when none. Two agents never get the same claim.
   */
  leaseNext(staffId: string, now: Date, until: Date): Promise<VerificationClaim | null>;
  /** The claim, locked for the rest of the transaction (null: no such claim). */
  lockClaim(id: string): Promise<VerificationClaim | null>;
  /** A call without answer: due again at `dueAt`, the lease given back. */
  markNoAnswer(id: string, attempts: number, dueAt: Date, today: string): Promise<void>;
  decide(
    id: string,
    status: ClaimDecision,
    d: { attempts: number; reason: string | null; staffId: string; today: string; now: Date },
  ): Promise<void>;
  summary(now: Date): Promise<QueueSummary>;
  /** Housekeeping: checks made before `before` (the audit trail keeps each one). */
  deleteChecksBefore(before: Date): Promise<number>;
}

/**
 * Contact centre, the outbound verification queue (SPEC.md claim channel 1, failed checks):
 * claims under verification, oldest first, handed to one agent at a time.
 *
 *   next ──outside the centre's hours──▶ 409 CONTACT_CENTRE_CLOSED (with `opensAt`): nobody is
 *        │     called at night, on Sundays or holidays, and a claim is never leased to sit idle
 *        ──the agent already holds a claim──▶ that claim again (lease renewed)
 *        ──a due claim nobody holds──▶ leased to the agent for 15 minutes (FOR UPDATE SKIP
 *        │     LOCKED: two agents never get the same claim; an expired lease gives it back)
 *        └──none due──▶ null (the API answers 204)
 *   Each hand-out shows the claimant's declared data: audited `verification.leased`.
 */
import type { Acting } from "../../domain/actor.ts";
import { isContactCentreOpen, nextOpening } from "../../domain/contact-hours.ts";
import { AppError } from "../../domain/errors.ts";
import type { StaffMember } from "../../domain/staff.ts";
import type { BaseDeps } from "../deps.ts";
import type { QueueSummary, VerificationClaim } from "../ports-contact.ts";

/** How long an agent holds a claim: a call and its notes. */
export const VERIFICATION_LEASE_SECONDS = 15 * 60;
/** Calls without an answer, each on a different working day, before a claim is unreachable. */
export const MAX_CALL_ATTEMPTS = 3;

export interface LeasedClaimView {
  claimId: string;
  fiscalCode: string;
  createdAt: string;
  /** What the automatic checks found (operators only). */
  reasons: string[];
  /** This call's number (1 to 3). */
  attempt: number;
  leaseUntil: string;
  delivery: "sms" | "email";
  /** The claim as the claimant typed it. */
  declared: Record<string, unknown>;
}

export function leasedView(c: VerificationClaim): LeasedClaimView {
  return {
    claimId: c.id,
    fiscalCode: c.fiscalCode,
    createdAt: c.createdAt.toISOString(),
    reasons: c.reasons,
    attempt: c.attempts + 1,
    leaseUntil: (c.leaseUntil ?? new Date(0)).toISOString(),
    delivery: c.delivery,
    declared:
      typeof c.declared === "object" && c.declared !== null
        ? (c.declared as Record<string, unknown>)
        : {},
  };
}

function requireOpen(now: Date): void {
  if (!isContactCentreOpen(now))
    throw new AppError("CONTACT_CENTRE_CLOSED", {
      extra: { opensAt: nextOpening(now).toISOString() },
    });
}

export async function takeNextClaim(
  deps: BaseDeps,
  req: { by: Acting; member: StaffMember },
): Promise<LeasedClaimView | null> {
  const now = deps.clock.now();
  requireOpen(now);
  const until = new Date(now.getTime() + VERIFICATION_LEASE_SECONDS * 1000);
  return deps.uow.run(async (r) => {
    const claim = await r.contactCentre.leaseNext(req.member.id, now, until);
    if (claim === null) return null;
    r.audit.record({
      type: "verification.leased",
      outcome: "success",
      actor: req.by.actor,
      origin: req.by.origin,
      subject: claim.fiscalCode,
      details: { claimId: claim.id, attempt: claim.attempts + 1 },
    });
    return leasedView(claim);
  });
}

export interface QueueSummaryView {
  waiting: number;
  due: number;
  leased: number;
  oldest: string | null;
  open: boolean;
  /** The next opening when closed, else null. */
  opensAt: string | null;
}

/** The queue's figures (no personal data, not audited). */
export async function verificationQueueSummary(deps: BaseDeps): Promise<QueueSummaryView> {
  const now = deps.clock.now();
  const s: QueueSummary = await deps.uow.direct.contactCentre.summary(now);
  const open = isContactCentreOpen(now);
  return {
    waiting: s.waiting,
    due: s.due,
    leased: s.leased,
    oldest: s.oldest?.toISOString() ?? null,
    open,
    opensAt: open ? null : nextOpening(now).toISOString(),
  };
}

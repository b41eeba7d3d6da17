/**
 * Online claim ("Richiedi PIN"), SPEC.md claim channel 1.
 *
 *   body ──invalid──▶ 400/422 naming every bad field (nothing stored)
 *        ──over the limit per source address──▶ 429 (before anything else)
 *        ──residence in Italy / Italian document──▶ 422 refusal (audited)
 *        ──every automatic check passes──▶ an active PIN? 409 (only now: a stranger who fails
 *        │     the checks never learns whether a fiscal code holds a PIN)
 *        │   otherwise issued: ordinary initial PIN, first half by SMS/e-mail, second half by
 *        │   letter to the residence on file; failed claims waiting for this fiscal code are
 *        │   superseded (a junk claim cannot block the real person)
 *        └──any check fails──▶ under_verification: the outbound queue, reasons for operators,
 *              the same neutral answer whatever the reason; the greeting to the contact given
 *              is limited per destination (past it, no message, the same answer)
 */
import type { Acting } from "../domain/actor.ts";
import { checkClaim } from "../domain/claim-checks.ts";
import { destinationKey } from "../domain/contact-key.ts";
import { romeDate } from "../domain/eligibility.ts";
import { AppError } from "../domain/errors.ts";
import { generatePin, INITIAL_PIN_LENGTH } from "../domain/pin.ts";
import { validateClaim, type ClaimInput } from "./claim-input.ts";
import { claimRow, issueClaim } from "./claim-issue.ts";
import type { LimitsDeps, PinIssuingDeps } from "./deps.ts";
import { enforceLimit, withinLimit } from "./rate-limit.ts";
import { claimReference, hashInitialPin } from "./initial-pin.ts";

export type ClaimDeps = PinIssuingDeps & LimitsDeps;

export type ClaimOutcome = { claimId: string; status: "issued" | "under_verification" };

export { claimReference };

export interface ClaimRequest {
  by: Acting;
  /** The body as received (JSON) or converted from the form. */
  body: unknown;
}

export async function run(deps: ClaimDeps, req: ClaimRequest): Promise<ClaimOutcome> {
  // First, before anything is validated or audited: a flood costs one counter each.
  await enforceLimit(deps, req.by, "claim_source", req.by.origin.ip);
  const input = await validated(deps, req);
  const now = deps.clock.now();
  const person = await deps.uow.direct.archive.findPerson(input.fiscalCode);
  const reasons = checkClaim(input, person, romeDate(now));
  const claimId = deps.newId();
  if (reasons.length > 0 || person === null) {
    await queueForVerification(deps, req.by, input, claimId, reasons);
    return { claimId, status: "under_verification" };
  }
  // Hash before the transaction: no row locks or pooled connection held for 15+ ms of argon2.
  const pin = generatePin(INITIAL_PIN_LENGTH, deps.randomBytes);
  const hashes = await hashInitialPin(deps.hasher, pin);
  await issueClaim(deps, {
    by: req.by,
    input,
    person,
    claimId,
    channel: "online",
    pin,
    hashes,
    now,
  });
  return { claimId, status: "issued" };
}

const acting = (by: Acting) => ({ actor: by.actor, origin: by.origin });

/** Validation, with the policy refusals (residence in Italy, an Italian document) audited. */
async function validated(deps: ClaimDeps, req: ClaimRequest): Promise<ClaimInput> {
  try {
    return validateClaim(req.body, romeDate(deps.clock.now()));
  } catch (err) {
    if (
      err instanceof AppError &&
      (err.code === "RESIDENT_IN_ITALY" || err.code === "ITALIAN_DOCUMENT_DECLARED")
    ) {
      await deps.uow.run(async (r) => {
        r.audit.record({
          type: "claim.refused",
          outcome: "refused",
          ...acting(req.by),
          details: { reason: err.code.toLowerCase() },
        });
      });
    }
    throw err;
  }
}

async function queueForVerification(
  deps: ClaimDeps,
  by: Acting,
  input: ClaimInput,
  claimId: string,
  reasons: readonly string[],
): Promise<void> {
  const now = deps.clock.now();
  await deps.uow.run(async (r) => {
    await r.claims.insert(claimRow(input, claimId, "online", "under_verification", reasons, now));
    // The neutral greeting goes to the contact the claimant chose; it repeats nothing typed.
    // Past the destination's limit the claim is still queued (a stranger's junk claims must not
    // block the real person's) but the contact gets no more greetings: no mail-bombing.
    const to =
      input.delivery === "email" && input.email !== undefined
        ? { channel: "email" as const, recipient: input.email }
        : input.mobile !== undefined
          ? { channel: "sms" as const, recipient: input.mobile }
          : null;
    if (
      to !== null &&
      (await withinLimit(deps, r, by, "claim_destination", destinationKey(to.recipient)))
    ) {
      await r.outbox.enqueue(
        {
          id: deps.newId(),
          kind: "claim_received",
          ...to,
          payload: { lang: input.lang, claimReference: claimReference(claimId) },
        },
        now,
      );
    }
    r.audit.record({
      type: "claim.received",
      outcome: "success",
      ...acting(by),
      subject: input.fiscalCode,
      details: { claimId, channel: "online" },
    });
    r.audit.record({
      type: "claim.queued_for_verification",
      outcome: "success",
      ...acting(by),
      subject: input.fiscalCode,
      details: { claimId, reasons: [...reasons] },
    });
  });
}

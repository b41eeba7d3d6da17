/**
 * Contact centre, inbound claim (SPEC.md claim channel 2): the agent registers the same data
 * as the online claim, after checking the caller's identity, and the service validates it at
 * once against the archive.
 *
 *   body (the online claim's + identityCheck.checkId) ──malformed / policy──▶ 422 (as online)
 *     ──no passed check of this agent for this fiscal code──▶ 403 IDENTITY_CHECK_REQUIRED
 *     ──the automatic checks fail──▶ 422 CLAIM_CHECKS_FAILED naming the fields that do not
 *     │     match (the agent is staff: the reasons are for them), nothing stored but the audit
 *     ──a PIN already active──▶ 409 PIN_ALREADY_ACTIVE
 *     └──▶ issued, ordinary: the first half shown once to be read out on the phone and also sent
 *           by SMS or e-mail, the second half by letter to the residence on file
 *           (issueInitialPin, as online); claim channel `contact_centre`.
 */
import type { Acting } from "../../domain/actor.ts";
import { checkClaim, type CheckReason } from "../../domain/claim-checks.ts";
import { romeDate } from "../../domain/eligibility.ts";
import { AppError, type FieldError } from "../../domain/errors.ts";
import { generatePin, INITIAL_PIN_LENGTH, splitInitialPin } from "../../domain/pin.ts";
import type { StaffMember } from "../../domain/staff.ts";
import { validateClaim } from "../claim-input.ts";
import type { PinIssuingDeps } from "../deps.ts";
import { bodyObject } from "../fields.ts";
import { issueClaim } from "../claim-issue.ts";
import { hashInitialPin } from "../initial-pin.ts";
import { requirePassedCheck } from "./contact-identity.ts";

/** Where a failed check points the agent (the field to ask again). */
const REASON_FIELD: Partial<Record<CheckReason, string>> = {
  fiscal_code_unknown: "fiscalCode",
  surname_mismatch: "surname",
  given_names_mismatch: "givenNames",
  sex_mismatch: "sex",
  birth_date_mismatch: "birthDate",
  birth_place_mismatch: "birthCountry",
  residence_mismatch: "residence.line1",
};

export interface InboundClaimResult {
  claimId: string;
  /** The first 8 characters, to read out on the phone: shown once, never stored. */
  firstHalf: string;
  delivery: "sms" | "email";
}

export async function registerInboundClaim(
  deps: PinIssuingDeps,
  req: { by: Acting; member: StaffMember; body: unknown },
): Promise<InboundClaimResult> {
  const body = bodyObject(req.body);
  const now = deps.clock.now();
  const today = romeDate(now);
  const { identityCheck, ...claimBody } = body;
  const input = validateClaim(claimBody, today);
  const checkId =
    typeof identityCheck === "object" && identityCheck !== null
      ? (identityCheck as Record<string, unknown>).checkId
      : undefined;
  const fc = input.fiscalCode;
  const check = await requirePassedCheck(deps.uow.direct, req.member, checkId, now, fc);
  const acting = { actor: req.by.actor, origin: req.by.origin, subject: fc };
  const person = await deps.uow.direct.archive.findPerson(fc);
  const reasons = checkClaim(input, person, today);
  if (reasons.length > 0 || person === null) {
    await deps.uow.run(async (r) => {
      r.audit.record({
        type: "claim.refused",
        outcome: "refused",
        ...acting,
        details: { reason: "contact_centre_checks_failed" },
      });
    });
    const fields: FieldError[] = [];
    for (const reason of reasons) {
      const field = REASON_FIELD[reason];
      if (field !== undefined) fields.push({ field, code: "archive_mismatch" });
    }
    throw new AppError("CLAIM_CHECKS_FAILED", { fields, extra: { reasons: reasons.join(",") } });
  }
  const pin = generatePin(INITIAL_PIN_LENGTH, deps.randomBytes);
  const hashes = await hashInitialPin(deps.hasher, pin);
  const claimId = deps.newId();
  await issueClaim(deps, {
    by: req.by,
    input,
    person,
    claimId,
    channel: "contact_centre",
    pin,
    hashes,
    now,
    // Read again in the transaction: the check may have lapsed or been used since.
    precondition: async (r) => {
      await requirePassedCheck(r, req.member, check.id, now, fc);
    },
  });
  return { claimId, firstHalf: splitInitialPin(pin).firstHalf, delivery: input.delivery };
}

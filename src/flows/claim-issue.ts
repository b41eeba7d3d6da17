/**
 * The claim-issuing transaction, one for every channel whose claim passed the automatic
 * checks (online, contact centre inbound): a PIN already active refuses it (audited); else the
 * failed claims waiting for this fiscal code are superseded (a junk claim cannot block the real
 * person), the claim is stored as issued, its contacts kept, the ordinary initial PIN issued
 * (first half to the claim's contact, second half by letter), and the claim audited.
 */
import type { Acting } from "../domain/actor.ts";
import { AppError, ConflictError } from "../domain/errors.ts";
import type { ClaimInput } from "./claim-input.ts";
import type { PinIssuingDeps } from "./deps.ts";
import { issueInitialPin, type InitialPinHashes } from "./initial-pin.ts";
import type { ArchiveIdentity, ClaimChannel, NewClaim, Repos } from "./ports.ts";

/** A claim's row as the claimant declared it. */
export function claimRow(
  input: ClaimInput,
  id: string,
  channel: ClaimChannel,
  status: "issued" | "under_verification",
  reasons: readonly string[],
  now: Date,
): NewClaim {
  return {
    id,
    fiscalCode: input.fiscalCode,
    channel,
    status,
    declared: input,
    reasons,
    delivery: input.delivery,
    lang: input.lang,
    createdAt: now,
  };
}

export interface ClaimToIssue {
  by: Acting;
  input: ClaimInput;
  person: ArchiveIdentity;
  claimId: string;
  channel: ClaimChannel;
  /** Generated and hashed before: no row locks or pooled connection held for argon2. */
  pin: string;
  hashes: InitialPinHashes;
  now: Date;
  /** Runs first in the transaction (the contact centre's identity check, read again there). */
  precondition?: (r: Repos) => Promise<void>;
}

/** Throws PIN_ALREADY_ACTIVE when the fiscal code holds a PIN (or one raced past and issued). */
export async function issueClaim(deps: PinIssuingDeps, c: ClaimToIssue): Promise<void> {
  const { input, claimId, now } = c;
  const fc = input.fiscalCode;
  const acting = { actor: c.by.actor, origin: c.by.origin, subject: fc };
  const recipient = input.delivery === "sms" ? input.mobile : input.email;
  if (recipient === undefined) throw new Error("validated claim without its delivery contact");
  const refused = await deps.uow
    .run(async (r) => {
      if (c.precondition !== undefined) await c.precondition(r);
      if ((await r.credentials.active(fc)) !== null) {
        r.audit.record({
          type: "claim.refused",
          outcome: "refused",
          ...acting,
          details: { reason: "pin_already_active" },
        });
        return true;
      }
      for (const id of await r.claims.supersedePending(fc, claimId, now))
        r.audit.record({
          type: "claim.superseded",
          outcome: "success",
          ...acting,
          details: { claimId: id, supersededBy: claimId },
        });
      await r.claims.insert(claimRow(input, claimId, c.channel, "issued", [], now));
      await r.accounts.upsertContacts(
        fc,
        { mobile: input.mobile ?? null, email: input.email ?? null, pec: null, lang: input.lang },
        now,
      );
      await issueInitialPin(deps, r, {
        fiscalCode: fc,
        person: c.person,
        claimId,
        level: "ordinary",
        delivery: input.delivery,
        recipient,
        lang: input.lang,
        pin: c.pin,
        hashes: c.hashes,
        now,
      });
      r.audit.record({
        type: "claim.received",
        outcome: "success",
        ...acting,
        details: { claimId, channel: c.channel },
      });
      r.audit.record({
        type: "claim.issued",
        outcome: "success",
        ...acting,
        details: { claimId, delivery: input.delivery },
      });
      return false;
    })
    .catch((err: unknown) => {
      // An identical claim raced past the check and issued first.
      if (err instanceof ConflictError) return true;
      throw err;
    });
  if (refused) throw new AppError("PIN_ALREADY_ACTIVE");
}

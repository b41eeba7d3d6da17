/**
 * What the outcome page of a claim shows, for the claim made from this browser only (the edge
 * holds its id in a signed cookie): the masked destination of the first half, the country the
 * letter goes to, or the verification that follows.
 */
import { maskContact } from "../domain/mask.ts";
import { claimReference } from "./claim-online.ts";
import type { ClaimSummary, UnitOfWork } from "./ports.ts";

export interface ClaimOutcomeView {
  reference: string;
  status: "issued" | "under_verification";
  delivery: ClaimSummary["delivery"];
  maskedDestination: string | null;
  letterCountry: string | null;
}

export async function claimOutcome(
  uow: UnitOfWork,
  claimId: string,
): Promise<ClaimOutcomeView | null> {
  const s = await uow.direct.claims.summary(claimId);
  if (s === null) return null;
  return {
    reference: claimReference(s.id),
    // A claim superseded or decided since is shown as it was answered: under verification.
    status: s.status === "issued" ? "issued" : "under_verification",
    delivery: s.delivery,
    maskedDestination: s.destination === null ? null : maskContact(s.destination),
    letterCountry: s.status === "issued" ? s.letterCountry : null,
  };
}

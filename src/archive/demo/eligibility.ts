/**
 * Whether a demo person may get a PIN at all, from archive facts alone: tests and
 * benchmarks use it to pick eligible and ineligible people out of the demo archive.
 */
import type { ArchivePerson } from "../../domain/archive.ts";

export type DemoEligibility =
  { eligible: true } | { eligible: false; reason: "resident_in_italy" | "italian_id_on_file" };

/** The two archive facts that make a person ineligible for a PIN whatever they declare. */
export function isDemoEligible(p: ArchivePerson): DemoEligibility {
  if (p.residence.country.toUpperCase() === "IT") {
    return { eligible: false, reason: "resident_in_italy" };
  }
  if (p.italianIdOnFile) return { eligible: false, reason: "italian_id_on_file" };
  return { eligible: true };
}

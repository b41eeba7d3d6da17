/**
 * The automatic checks of an online claim against the archive (SPEC.md, claim channel 1).
 * Pure: the caller reads the archive and passes the civil date. An empty result means the PIN
 * may be issued at once; anything else sends the claim to the outbound verification queue,
 * with these reasons shown to operators only.
 */
import type { ArchivePerson, PostalAddress, Sex } from "./archive.ts";
import { addressesMatch, normalizeForMatch } from "./address.ts";
import { belfioreCodeForCountry, lookupBelfiore } from "./belfiore.ts";
import { mayClaimNewPin } from "./eligibility.ts";

export type CheckReason =
  | "fiscal_code_unknown"
  | "surname_mismatch"
  | "given_names_mismatch"
  | "sex_mismatch"
  | "birth_date_mismatch"
  | "birth_place_mismatch"
  | "residence_in_italy_on_file"
  | "residence_mismatch"
  | "italian_id_on_file"
  | "not_eligible_on_date";

export interface DeclaredIdentity {
  surname: string;
  givenNames: string;
  sex: Sex;
  birthDate: string;
  birthCountry: string;
  birthMunicipality?: string | undefined;
  residence: PostalAddress;
}

/** What the checks read of the archive record. */
export type ArchiveFacts = Pick<
  ArchivePerson,
  | "surname"
  | "givenNames"
  | "sex"
  | "birthDate"
  | "birthPlaceCode"
  | "residence"
  | "italianIdOnFile"
>;

export function birthPlaceMatches(declared: DeclaredIdentity, onFileCode: string): boolean {
  if (declared.birthCountry !== "IT")
    return belfioreCodeForCountry(declared.birthCountry) === onFileCode;
  const place = lookupBelfiore(onFileCode);
  if (place === undefined || place.kind !== "municipality") return false;
  return normalizeForMatch(place.name) === normalizeForMatch(declared.birthMunicipality ?? "");
}

export function checkClaim(
  declared: DeclaredIdentity,
  person: ArchiveFacts | null,
  today: string,
): CheckReason[] {
  if (person === null) return ["fiscal_code_unknown"];
  const reasons: CheckReason[] = [];
  if (normalizeForMatch(declared.surname) !== normalizeForMatch(person.surname))
    reasons.push("surname_mismatch");
  if (normalizeForMatch(declared.givenNames) !== normalizeForMatch(person.givenNames)) {
    reasons.push("given_names_mismatch");
  }
  if (declared.sex !== person.sex) reasons.push("sex_mismatch");
  if (declared.birthDate !== person.birthDate) reasons.push("birth_date_mismatch");
  if (!birthPlaceMatches(declared, person.birthPlaceCode)) reasons.push("birth_place_mismatch");
  const residentAbroad = person.residence.country !== "IT";
  if (!residentAbroad) reasons.push("residence_in_italy_on_file");
  else if (!addressesMatch(declared.residence, person.residence))
    reasons.push("residence_mismatch");
  if (person.italianIdOnFile) reasons.push("italian_id_on_file");
  if (!mayClaimNewPin(today, { residentAbroad, italianIdOnFile: person.italianIdOnFile })) {
    reasons.push("not_eligible_on_date");
  }
  return reasons;
}

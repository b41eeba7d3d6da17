/**
 * A caller's identity checked on the phone (contact centre, issue 7): the agent asks questions
 * whose answers are in the archive — birth date and place, the residence on file, the health
 * card's number — types what the caller says, and the service compares. Only the verdict
 * reaches the agent, never the archive's values nor which answer was wrong (an agent, or a
 * caller, cannot probe the archive one field at a time).
 *
 * Matching is the claim checks' (case, accent and abbreviation tolerant). The birth date, the
 * birth place and the address are always asked; the health card's number when the caller has
 * one (many people abroad have none), and then it must match too.
 */
import type { ArchivePerson, PostalAddress } from "./archive.ts";
import { addressesMatch, countryName, normalizeForMatch } from "./address.ts";
import { lookupBelfiore } from "./belfiore.ts";

export const IDENTITY_QUESTIONS = ["birth_date", "birth_place", "address", "health_card"] as const;
export type IdentityQuestion = (typeof IDENTITY_QUESTIONS)[number];

export interface IdentityAnswers {
  /** YYYY-MM-DD */
  birthDate: string;
  /** The municipality (born in Italy) or the country (born abroad: its name or ISO code). */
  birthPlace: string;
  address: PostalAddress;
  /** 20 digits; absent when the caller has no health card. */
  healthCardNumber?: string | undefined;
}

export type IdentityFacts = Pick<
  ArchivePerson,
  "birthDate" | "birthPlaceCode" | "residence" | "healthCard"
>;

/** Whether a birth place said on the phone is the archive's (a Belfiore code). */
export function birthPlaceAnswerMatches(answer: string, onFileCode: string): boolean {
  const said = normalizeForMatch(answer);
  if (said === "") return false;
  const place = lookupBelfiore(onFileCode);
  if (place === undefined) return false;
  if (normalizeForMatch(place.name) === said) return true;
  if (place.kind !== "country" || place.iso2 === undefined) return false;
  return (
    said === place.iso2.toLowerCase() ||
    said === normalizeForMatch(countryName(place.iso2, "it")) ||
    said === normalizeForMatch(countryName(place.iso2, "en"))
  );
}

/** The questions asked and whether every answer matched (false for a person not on file). */
export function checkIdentityAnswers(
  a: IdentityAnswers,
  person: IdentityFacts | null,
): { questions: IdentityQuestion[]; passed: boolean } {
  const questions: IdentityQuestion[] = ["birth_date", "birth_place", "address"];
  if (a.healthCardNumber !== undefined) questions.push("health_card");
  if (person === null) return { questions, passed: false };
  const matches = [
    a.birthDate === person.birthDate,
    birthPlaceAnswerMatches(a.birthPlace, person.birthPlaceCode),
    // The second line (building, district) is often left out on the phone: then the street,
    // city, postal code and country must match on their own.
    addressesMatch(
      a.address,
      a.address.line2 === undefined ? { ...person.residence, line2: undefined } : person.residence,
    ),
    // Birth date and place can be read off the fiscal code itself: when a health card is on
    // file its number is required too (the caller who has none on file must not give one).
    person.healthCard === undefined
      ? a.healthCardNumber === undefined
      : a.healthCardNumber === person.healthCard.number,
  ];
  return { questions, passed: matches.every(Boolean) };
}

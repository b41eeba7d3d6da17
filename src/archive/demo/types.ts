/**
 * Shapes shared by the demo data modules and the generator: country profiles (which
 * cities, streets, postal codes and phone numbers look plausible where) and the
 * identity of a person before the archive assigns a fiscal code.
 */
import type { HealthCard, PostalAddress, Sex } from "../../domain/archive.ts";
import type { Rng } from "./rng.ts";

export type PostalGen = (r: Rng) => string;
export type Line1Gen = (r: Rng, street: string) => { line1: string; line2?: string };

export interface City {
  name: string;
  region?: string;
  weight: number;
  postal: PostalGen;
  /** E.164 prefixes of local mobiles, when the number depends on the city. */
  mobile?: readonly string[];
  streets?: readonly string[];
}

export interface Country {
  iso2: string;
  weight: number;
  cities: readonly City[];
  streets: readonly string[];
  line1: Line1Gen;
  /** E.164 prefixes of mobile numbers; digits are added up to `mobileLength`. */
  mobile: readonly string[];
  /** Total digits after "+". */
  mobileLength: number;
  given?: GivenNames;
  surnames?: readonly string[];
}

/** Local first names by sex, for people born in the country. */
export interface GivenNames {
  M: readonly string[];
  F: readonly string[];
}

export interface Identity {
  surname: string;
  givenNames: string;
  sex: Sex;
  birthDate: string;
  birthPlaceCode: string;
}

export interface Extras {
  residence?: PostalAddress;
  mobile?: string | null;
  email?: string | null;
  pec?: string;
  healthCard?: HealthCard | null;
  italianIdOnFile?: boolean;
  /** Year the person left Italy; drives the contribution history. */
  emigrationYear?: number;
}

/**
 * The INPS archive (anagrafica) of insured persons, as this service reads it.
 * The archive is the source of truth the automatic claim checks compare against.
 */

export type Sex = "M" | "F";

/** ISO 3166-1 alpha-2 country code, upper case ("AR", "DE", "IT"). */
export type CountryCode = string;

export interface PostalAddress {
  /** Street, number and any unit, as one line ("Avenida Corrientes 1234, Piso 5"). */
  line1: string;
  /** Optional second line (building, district). */
  line2?: string | undefined;
  city: string;
  /** State, province or region where the country uses one in addresses. */
  region?: string | undefined;
  postalCode: string;
  country: CountryCode;
}

export interface HealthCard {
  /** 20-digit number of the tessera sanitaria. */
  number: string;
  /** YYYY-MM-DD */
  expiry: string;
}

export interface ContributionPeriod {
  /** YYYY-MM-DD */
  from: string;
  /** YYYY-MM-DD */
  to: string;
  employer: string;
  /** "employee" | "self_employed" | "voluntary" | "figurative" ... free text key */
  kind: string;
  weeks: number;
  /** Taxable pay for the period, euro cents. */
  earningsCents: number;
}

export interface PensionPayment {
  /** YYYY-MM, the month paid. */
  month: string;
  grossCents: number;
  taxCents: number;
  netCents: number;
  /** e.g. "Pensione di vecchiaia" category code. */
  category: string;
}

export interface ArchivePerson {
  fiscalCode: string;
  surname: string;
  givenNames: string;
  sex: Sex;
  /** YYYY-MM-DD */
  birthDate: string;
  /** Belfiore code of the birth place: Italian municipality ("H501") or foreign state ("Z600"). */
  birthPlaceCode: string;
  residence: PostalAddress;
  /** True when an Italian identity document (identity card, passport, driving licence) is on file. */
  italianIdOnFile: boolean;
  healthCard?: HealthCard | undefined;
  mobile?: string | undefined;
  email?: string | undefined;
  pec?: string | undefined;
  contributions: ContributionPeriod[];
  pensionPayments: PensionPayment[];
}

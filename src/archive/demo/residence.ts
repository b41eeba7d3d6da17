/**
 * Residences and mobile numbers of demo people, drawn from the country profiles so that
 * addresses follow local conventions and numbers are real mobiles of that country.
 */
import { isValidPhoneNumber, parsePhoneNumberFromString } from "libphonenumber-js/max";
import type { PostalAddress } from "../../domain/archive.ts";
import { COUNTRIES, ITALY } from "../demo-data/countries.ts";
import type { Rng } from "./rng.ts";
import type { Country } from "./types.ts";

export const COUNTRY_BY_ISO = new Map(COUNTRIES.map((c) => [c.iso2, c]));

export function countryProfile(iso2: string): Country {
  const c = iso2 === "IT" ? ITALY : COUNTRY_BY_ISO.get(iso2);
  if (!c) throw new Error(`no demo profile for ${iso2}`);
  return c;
}

/** ISO codes of the countries the demo archive places people in (Italy aside). */
export const DEMO_COUNTRIES: readonly string[] = COUNTRIES.map((c) => c.iso2);

export function randomAddress(r: Rng, c: Country, cityName?: string): PostalAddress {
  const city = cityName
    ? (c.cities.find((x) => x.name === cityName) ?? c.cities[0])
    : r.weighted(c.cities);
  if (!city) throw new Error(`no cities for ${c.iso2}`);
  const street = r.pick(city.streets ?? c.streets);
  const lines = c.line1(r, street);
  return {
    line1: lines.line1,
    line2: lines.line2,
    city: city.name,
    region: city.region,
    postalCode: city.postal(r),
    country: c.iso2,
  };
}

export function randomMobile(r: Rng, c: Country, cityName?: string): string {
  const city = c.cities.find((x) => x.name === cityName);
  const prefixes = city?.mobile ?? c.mobile;
  for (let attempt = 0; attempt < 200; attempt++) {
    const prefix = r.pick(prefixes);
    const candidate = prefix + r.digits(c.mobileLength + 1 - prefix.length);
    if (isMobile(candidate, c.iso2)) return candidate;
  }
  throw new Error(`could not make a mobile number for ${c.iso2}`);
}

export function isMobile(e164: string, iso2: string): boolean {
  if (!isValidPhoneNumber(e164)) return false;
  const parsed = parsePhoneNumberFromString(e164);
  if (parsed?.country !== iso2) return false;
  const type = parsed.getType();
  return type === "MOBILE" || type === "FIXED_LINE_OR_MOBILE";
}

/**
 * Countries, postal codes and postal addresses of citizens resident abroad.
 *
 * Pure functions (no I/O, no clock): country names come from i18n-iso-countries,
 * postal-code patterns from postcode-validator and address layouts from
 * @fragaria/address-formatter (the OpenCage address-formatting templates).
 *
 * This module is the public entry point; the code lives in ./address/: countries.ts,
 * postal-code.ts (including the policy for countries without postal codes),
 * matching.ts and letter.ts.
 */
export {
  countryCodeOfName,
  countryName,
  isCountryCode,
  listCountries,
} from "./address/countries.ts";
export type { CountryLang } from "./address/countries.ts";
export { formatPostalAddress } from "./address/letter.ts";
export type { FormatPostalAddressOptions } from "./address/letter.ts";
export { addressesMatch, normalizeForMatch } from "./address/matching.ts";
export {
  isValidPostalCode,
  normalizePostalCode,
  postalCodeRequired,
} from "./address/postal-code.ts";

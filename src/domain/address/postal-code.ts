/**
 * Postal codes of addresses abroad: normalisation to each country's canonical form and
 * validation, with patterns from postcode-validator.
 *
 * Postal-code policy for countries postcode-validator does not know (69 of the ISO
 * list: Angola, Bolivia, Hong Kong, Qatar, United Arab Emirates, Ghana, Jamaica...):
 * nearly all of them have no postal-code system in everyday use, so an EMPTY code is
 * valid there; a non-empty code is accepted too when it looks like a postal code
 * (2-10 letters/digits, optionally two groups separated by a space or hyphen), because
 * a few of them have local or recent schemes (Trinidad and Tobago, Palestine...). For
 * those countries `addressesMatch` ignores the postal code when either side is empty.
 * For every other country the library's pattern decides (some of them, e.g. Bahrain,
 * Honduras, Nigeria, already accept an empty code), with one addition: Argentina
 * accepts the old 4-digit code ("1043") besides the CPA ("C1043AAZ"), since both are
 * still in common use; `addressesMatch` compares Argentine codes on their 4 digits.
 */
import { postcodeValidator, postcodeValidatorExistsForCountry } from "postcode-validator";
import type { CountryCode } from "../archive.ts";
import { isCountryCode } from "./countries.ts";

/**
 * Country prefixes people still write in front of a postal code ("D-80331",
 * "CH-8001", "SE-123 45"): ISO codes plus the old international vehicle signs.
 * Stripped by `normalizePostalCode` (LV and LT get their prefix back, see below).
 */
const POSTCODE_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  AT: ["A", "AT"],
  AX: ["AX"],
  BE: ["B", "BE"],
  CH: ["CH"],
  CZ: ["CZ"],
  DE: ["D", "DE"],
  DK: ["DK"],
  ES: ["E", "ES"],
  FI: ["FI"],
  FR: ["F", "FR"],
  GR: ["GR"],
  HR: ["HR"],
  HU: ["H", "HU"],
  IT: ["I", "IT"],
  LI: ["FL", "LI"],
  LT: ["LT"],
  LU: ["L", "LU"],
  LV: ["LV"],
  NL: ["NL"],
  NO: ["N", "NO"],
  PL: ["PL"],
  PT: ["P", "PT"],
  SE: ["S", "SE"],
  SI: ["SI"],
  SK: ["SK"],
  SM: ["RSM", "SM"],
  VA: ["V", "VA", "SCV"],
};

function stripCountryPrefix(country: string, s: string): string {
  const prefixes = POSTCODE_PREFIXES[country];
  if (prefixes === undefined) return s;
  const m = /^([A-Z]{1,3})[- ]+(?=\d)(.*)$/.exec(s);
  if (m?.[1] !== undefined && m[2] !== undefined && prefixes.includes(m[1])) return m[2];
  return s;
}

/** "12345" -> "123 45" style split of a compact code, when its shape matches. */
function split(compact: string, re: RegExp, at: number, sep: string): string | undefined {
  return re.test(compact) ? `${compact.slice(0, at)}${sep}${compact.slice(at)}` : undefined;
}

/**
 * Trims, upper-cases and rewrites a postal code in the country's canonical form when
 * the shape is unambiguous: GB "sw1a1aa" -> "SW1A 1AA", CA "k1a0b1" -> "K1A 0B1",
 * BR "01310100" -> "01310-100", JP "1000001" -> "100-0001", PL "00950" -> "00-950",
 * NL "1234ab" -> "1234 AB", SE/CZ/SK/GR "12345" -> "123 45", US "123456789" ->
 * "12345-6789", DE "D-80331" -> "80331", LV "1050" -> "LV-1050". Anything it does not
 * recognise is returned trimmed, upper-cased and with single spaces.
 */
export function normalizePostalCode(country: CountryCode, input: string): string {
  const c = country.trim().toUpperCase();
  // Upper-casing can leave a sequence that is not normalised ("ῧ" → "Ϋ͂"): normalise after it.
  let s = input.normalize("NFKC").toUpperCase().normalize("NFKC").trim().replace(/\s+/g, " ");
  s = s.replace(/\s*-\s*/g, "-");
  s = stripCountryPrefix(c, s);
  const compact = s.replace(/[\s-]/g, "");
  let out: string | undefined;
  switch (c) {
    case "GB":
    case "GG":
    case "JE":
    case "IM":
    case "IE":
      out = split(compact, /^[A-Z0-9]{5,7}$/, compact.length - (c === "IE" ? 4 : 3), " ");
      break;
    case "CA":
      out = split(compact, /^[A-Z]\d[A-Z]\d[A-Z]\d$/, 3, " ");
      break;
    case "BR":
      out = split(compact, /^\d{8}$/, 5, "-");
      break;
    case "JP":
      out = split(compact, /^\d{7}$/, 3, "-");
      break;
    case "PL":
      out = split(compact, /^\d{5}$/, 2, "-");
      break;
    case "PT":
      out = split(compact, /^\d{7}$/, 4, "-") ?? (/^\d{4}$/.test(compact) ? compact : undefined);
      break;
    case "US":
      out = /^\d{5}$/.test(compact) ? compact : split(compact, /^\d{9}$/, 5, "-");
      break;
    case "NL":
      out = split(compact, /^\d{4}[A-Z]{2}$/, 4, " ");
      break;
    case "SE":
    case "CZ":
    case "SK":
    case "GR":
      out = split(compact, /^\d{5}$/, 3, " ");
      break;
    case "MT":
      out = split(compact, /^[A-Z]{3}\d{2,4}$/, 3, " ");
      break;
    case "AD":
      out = /^\d{3}$/.test(compact)
        ? `AD${compact}`
        : /^AD\d{3}$/.test(compact)
          ? compact
          : undefined;
      break;
    case "LV":
      out = /^\d{4}$/.test(compact)
        ? `LV-${compact}`
        : /^LV\d{4}$/.test(compact)
          ? `LV-${compact.slice(2)}`
          : undefined;
      break;
    case "LT":
      out = /^\d{5}$/.test(compact)
        ? `LT-${compact}`
        : /^LT\d{5}$/.test(compact)
          ? `LT-${compact.slice(2)}`
          : undefined;
      break;
    case "AR":
      // CPA "C1043AAZ" or the old 4 digits, always written without spaces.
      out = /^([A-Z]\d{4}[A-Z]{3}|[A-Z]?\d{4})$/.test(compact) ? compact : undefined;
      break;
    default:
      // Purely numeric codes are written without separators (DE, FR, IT, AU, ...),
      // except where the library pattern itself has one.
      if (/^\d+$/.test(compact) && postcodeExists(c) && postcodeValidator(compact, c))
        out = compact;
  }
  return out ?? s;
}

/** Whether postcode-validator has a pattern for the country (see the module comment). */
export function postcodeExists(country: string): boolean {
  return /^[A-Z]{2}$/.test(country) && postcodeValidatorExistsForCountry(country);
}

/** Shape of a postal code for countries postcode-validator does not know. */
const GENERIC_POSTCODE = /^[A-Z0-9]{2,10}(?:[ -][A-Z0-9]{1,10})?$/;

/**
 * Whether a postal code is valid for the country (after `normalizePostalCode`).
 * See the module comment for countries without postal codes. An unknown country
 * code is never valid.
 */
export function isValidPostalCode(country: CountryCode, input: string): boolean {
  const c = country.trim().toUpperCase();
  if (!isCountryCode(c)) return false;
  const n = normalizePostalCode(c, input);
  if (!postcodeExists(c)) return n === "" || GENERIC_POSTCODE.test(n);
  if (c === "AR" && /^\d{4}$/.test(n)) return true;
  return postcodeValidator(n, c);
}

/**
 * Whether the address form must ask for a postal code: false for countries where an
 * empty code is valid (no postal-code system, or one not used in addresses).
 */
export function postalCodeRequired(country: CountryCode): boolean {
  const c = country.trim().toUpperCase();
  return isCountryCode(c) && !isValidPostalCode(c, "");
}

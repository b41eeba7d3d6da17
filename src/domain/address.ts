/**
 * Countries, postal codes and postal addresses of citizens resident abroad.
 *
 * Pure functions (no I/O, no clock): country names come from i18n-iso-countries,
 * postal-code patterns from postcode-validator and address layouts from
 * @fragaria/address-formatter (the OpenCage address-formatting templates).
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

import countries from "i18n-iso-countries";
import addressFormatter from "@fragaria/address-formatter";
import { postcodeValidator, postcodeValidatorExistsForCountry } from "postcode-validator";
import type { CountryCode, PostalAddress } from "./archive.ts";

export type CountryLang = "it" | "en";

// ---------------------------------------------------------------------------
// Countries

const collators: Record<CountryLang, Intl.Collator> = {
  it: new Intl.Collator("it", { sensitivity: "base" }),
  en: new Intl.Collator("en", { sensitivity: "base" }),
};

const countryListCache = new Map<CountryLang, readonly { code: string; name: string }[]>();

/** True for an upper-case ISO 3166-1 alpha-2 code known to the country list ("AR", "DE", "IT"). */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

/**
 * The localized name of a country ("DE" -> "Germania" / "Germany"). Lower-case codes
 * are accepted; an unknown code is returned unchanged (upper-cased), never thrown on.
 */
export function countryName(code: CountryCode, lang: CountryLang): string {
  const c = code.trim().toUpperCase();
  if (!isCountryCode(c)) return c;
  return countries.getName(c, lang) ?? c;
}

/** All ISO 3166-1 alpha-2 countries (Italy included), sorted by localized name. */
export function listCountries(lang: CountryLang): { code: string; name: string }[] {
  let list = countryListCache.get(lang);
  if (list === undefined) {
    const names = countries.getNames(lang, { select: "official" });
    const collator = collators[lang];
    list = Object.entries(names)
      .filter(([code]) => /^[A-Z]{2}$/.test(code))
      .map(([code, name]) => ({ code, name }))
      .sort((a, b) => collator.compare(a.name, b.name) || (a.code < b.code ? -1 : 1));
    countryListCache.set(lang, list);
  }
  return list.map((c) => ({ ...c }));
}

// ---------------------------------------------------------------------------
// Postal codes

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
  let s = input.normalize("NFKC").trim().toUpperCase().replace(/\s+/g, " ");
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

function postcodeExists(country: string): boolean {
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

// ---------------------------------------------------------------------------
// Matching declared data against the archive

const APOSTROPHES = /['`´‘’‛ʹʻʼʽˈ′]/gu;

/**
 * Folds a string for comparison: Unicode NFKD, diacritics removed, lower case,
 * ß -> ss, dotless ı -> i, final ς -> σ, apostrophes and punctuation -> space,
 * whitespace collapsed, trimmed. Idempotent; never throws.
 */
export function normalizeForMatch(s: string): string {
  return s
    .normalize("NFKD")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/ß/g, "ss")
    .replace(/ı/g, "i")
    .replace(/ς/g, "σ")
    .replace(/[łŀ]/g, "l")
    .replace(/đ/g, "d")
    .replace(/ø/g, "o")
    .replace(/ħ/g, "h")
    .replace(APOSTROPHES, " ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Street-type and common words in a few languages, folded to one canonical token
 * each, so "Av. Corrientes" = "Avenida Corrientes", "Hauptstr." = "Hauptstraße",
 * "R. Augusta" = "Rua Augusta", "C/ Mayor" = "Calle Mayor". Collisions between
 * languages (Spanish "Dr." doctor / English "Dr" drive) only make matching more
 * tolerant, which is acceptable: a person reviews every failed match anyway.
 */
const STREET_WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    av: ["av", "ave", "avda", "avd", "avenida", "avenue", "aven"],
    st: ["st", "street", "saint", "sankt", "san", "sta", "ste", "sainte", "santa", "sao", "santo"],
    str: ["str", "strasse", "straat", "strada", "stradela"],
    r: ["r", "rua"],
    c: ["c", "calle", "cl", "cll"],
    rd: ["rd", "road"],
    blvd: ["blvd", "bd", "bld", "boulevard", "bulevar", "blv"],
    dr: ["dr", "drive", "doctor", "dott", "doutor", "dra", "doctora"],
    ln: ["ln", "lane"],
    pl: ["pl", "place", "plac", "platz", "plaza", "pza", "praca", "pca", "piazza", "pzza"],
    ct: ["ct", "court"],
    cres: ["cres", "crescent", "cr"],
    tce: ["tce", "terrace", "terr"],
    pde: ["pde", "parade"],
    hwy: ["hwy", "highway"],
    pje: ["pje", "pasaje", "psje"],
    pso: ["pso", "paseo", "po"],
    tv: ["tv", "trav", "travessa", "travesia"],
    lgo: ["lgo", "largo"],
    ch: ["ch", "chemin"],
    rte: ["rte", "route"],
    crso: ["cso", "corso"],
    vle: ["vle", "viale"],
    gral: ["gral", "gen", "general", "gnrl"],
    pres: ["pres", "presidente", "president"],
    dto: [
      "dto",
      "dpto",
      "depto",
      "departamento",
      "apt",
      "apto",
      "apartamento",
      "apartment",
      "appartamento",
      "app",
    ],
    ul: ["ul", "ulica"],
  }).flatMap(([canon, words]) => words.map((w): [string, string] => [w, canon])),
);

/** Tokens carrying no information for a match ("n°", "no.", "nr", "#"). */
const NUMBER_MARKERS = new Set(["n", "no", "nr", "nro", "num", "numero"]);

/** Italian dotted abbreviations that would otherwise split into two tokens. */
function expandDotted(s: string): string {
  return s
    .replace(/\bv\.\s*le\b/giu, "viale")
    .replace(/\bc\.\s*so\b/giu, "corso")
    .replace(/\bp\.\s*(?:zz|z)a\b/giu, "piazza")
    .replace(/\bc\s*\//giu, "calle ");
}

function streetKey(s: string): string {
  const tokens = normalizeForMatch(expandDotted(s)).split(" ");
  const out: string[] = [];
  tokens.forEach((t, i) => {
    if (t === "") return;
    const next = tokens[i + 1];
    if (NUMBER_MARKERS.has(t) && next !== undefined && /^\d/.test(next)) return;
    let w = STREET_WORDS.get(t) ?? t;
    // German/Dutch compounds: "Hauptstraße" / "Hauptstr" / "Kalverstraat".
    if (w === t && t.length > 4) w = t.replace(/(?:strasse|straat)$/, "str");
    out.push(w);
  });
  return foldKey(out.join(""));
}

/** Last folding step of a comparison key: German umlaut spellings ("ue" for "ü"). */
function foldKey(s: string): string {
  return s.replace(/([aou])e/g, "$1");
}

/** Spellings of the City of Buenos Aires seen in declarations and in the archive. */
const CABA = new Set(
  [
    "caba",
    "capitalfederal",
    "ciudaddebuenosaires",
    "ciudadautonomadebuenosaires",
    "buenosaires",
    "bsas",
  ].map(foldKey),
);

function cityKey(country: string, city: string): string {
  const key = foldKey(
    normalizeForMatch(city)
      .split(" ")
      .map((t) => (STREET_WORDS.get(t) === "st" ? "st" : t))
      .join(""),
  );
  if (country === "AR" && CABA.has(key)) return "caba";
  return key;
}

function postalKey(country: string, code: string): string {
  const n = normalizePostalCode(country, code).replace(/[\s-]/g, "");
  if (country === "AR") {
    const m = /^[A-Z]?(\d{4})(?:[A-Z]{3})?$/.exec(n);
    if (m?.[1] !== undefined) return m[1];
  }
  return n;
}

/**
 * Whether a declared residence is the one on file: same country; same postal code
 * once normalised (see the module comment for countries without postal codes and for
 * Argentina); same city and same street line (line1 + line2) compared with
 * `normalizeForMatch`, tolerant of street-type abbreviations in a few languages,
 * of spacing ("Haupt Str." = "Hauptstraße") and of "ue"/"ü" spellings.
 */
export function addressesMatch(declared: PostalAddress, onFile: PostalAddress): boolean {
  const country = declared.country.trim().toUpperCase();
  if (country !== onFile.country.trim().toUpperCase()) return false;

  const pd = postalKey(country, declared.postalCode);
  const pf = postalKey(country, onFile.postalCode);
  const ignorePostal = !postcodeExists(country) && (pd === "" || pf === "");
  if (!ignorePostal && pd !== pf) return false;

  if (cityKey(country, declared.city) !== cityKey(country, onFile.city)) return false;

  const street = (a: PostalAddress): string => streetKey(`${a.line1} ${a.line2 ?? ""}`);
  const sd = street(declared);
  return sd !== "" && sd === street(onFile);
}

// ---------------------------------------------------------------------------
// Address block for international letters

export interface FormatPostalAddressOptions {
  /** Language of the country line; UPU practice is the language of the origin country (Italian). */
  countryNameLang?: CountryLang;
}

function cleanLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

const SPELLED_OUT_REGIONS: ReadonlySet<string> = new Set(["VE", "CO", "MX"]);

/**
 * The lines of the address block of a letter posted from Italy to `a`: recipient
 * first, then the destination country's own layout (OpenCage templates via
 * @fragaria/address-formatter), then the country name in upper case as the last line
 * (in Italian by default, the language of the country of origin, per UPU practice).
 * `line2` is placed right under `line1`. Falls back to a generic layout when the
 * country has no usable template.
 */
export function formatPostalAddress(
  recipient: string,
  a: PostalAddress,
  options: FormatPostalAddressOptions = {},
): string[] {
  const country = a.country.trim().toUpperCase();
  const countryLine = countryName(country, options.countryNameLang ?? "it").toLocaleUpperCase("it");
  const line1 = cleanLine(a.line1);
  const line2 = cleanLine(a.line2 ?? "");
  const city = cleanLine(a.city);
  const region = cleanLine(a.region ?? "");
  const postalCode = a.postalCode.trim() === "" ? "" : normalizePostalCode(country, a.postalCode);

  let body: string[] | undefined;
  try {
    const formatted = addressFormatter.format(
      {
        road: line1,
        city,
        postcode: postalCode,
        ...(region === "" ? {} : { state: region }),
        // The formatter abbreviates these countries' regions to ISO subdivision codes ("A" for
        // Distrito Capital) that their postal services do not use: keep the name.
        ...(region !== "" && SPELLED_OUT_REGIONS.has(country) ? { stateCode: region } : {}),
        countryCode: country,
        country: countryLine,
      },
      { output: "array", appendCountry: true, fallbackCountryCode: "default" },
    );
    const lines = formatted
      .map(cleanLine)
      .filter((l) => l !== "" && l.toLocaleUpperCase("it") !== countryLine)
      // The template splits the Argentine CPA ("C1043 AAZ"); Correo Argentino writes it whole.
      .map((l) =>
        country === "AR" && /^[A-Z]\d{4}[A-Z]{3}$/.test(postalCode)
          ? l.replace(`${postalCode.slice(0, 5)} ${postalCode.slice(5)}`, postalCode)
          : l,
      );
    const streetAt = line1 === "" ? -1 : lines.findIndex((l) => l.includes(line1));
    const complete =
      (line1 === "" || streetAt >= 0) && (city === "" || lines.some((l) => l.includes(city)));
    if (complete) {
      if (line2 !== "") lines.splice(streetAt + 1, 0, line2);
      body = lines;
    }
  } catch {
    body = undefined;
  }
  body ??= [line1, line2, cleanLine(`${postalCode} ${city}`), region].filter((l) => l !== "");
  return [cleanLine(recipient), ...body, countryLine].filter((l) => l !== "");
}

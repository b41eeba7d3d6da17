/**
 * Whether an address declared by a citizen is the one in the archive, tolerant of the
 * ways people actually write it: accents, abbreviations of street types in a few
 * languages, spacing, umlaut spellings and postal-code formats.
 */
import type { PostalAddress } from "../archive.ts";
import { normalizePostalCode, postcodeExists } from "./postal-code.ts";

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
 * once normalised (see the comment of postal-code.ts for countries without postal codes
 * and for Argentina); same city and same street line (line1 + line2) compared with
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

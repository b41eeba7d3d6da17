/**
 * Italian fiscal code (codice fiscale) of natural persons, as defined by D.M. 23/12/1976:
 *
 *   SSS NNN YY M DD PPPP C
 *   0-2 3-5 6-7 8 9-10 11-14 15
 *
 * surname code, given-name code, 2-digit year, month letter, day (+40 for women),
 * Belfiore code of the birth place, check character.
 *
 * Omocodia: when two people would get the same code, the Agenzia delle Entrate replaces
 * digits with letters starting from the rightmost digit (positions 14, 13, 12, 10, 9, 7, 6),
 * 0-9 -> L M N P Q R S T U V, and recomputes the check character. The "canonical" code is
 * the one with all digits restored, which is what ties the variants to one person's data.
 */
import { lookupBelfiore } from "./belfiore.ts";

export interface FiscalCodeInfo {
  /** The code as given, normalised (no spaces, upper case). */
  code: string;
  /** The code with omocodia letters turned back into digits and the check char recomputed. */
  canonical: string;
  sex: "M" | "F";
  /** YYYY-MM-DD */
  birthDate: string;
  /** Belfiore code with digits restored ("L219", "Z330"). */
  birthPlaceCode: string;
  /** True when at least one digit position carries an omocodia letter. */
  omocode: boolean;
}

export type FiscalCodeError =
  "length" | "format" | "check_character" | "birth_date" | "birth_place";

export type FiscalCodeResult =
  { ok: true; value: FiscalCodeInfo } | { ok: false; error: FiscalCodeError };

export interface FiscalCodePerson {
  surname: string;
  givenNames: string;
  sex: "M" | "F";
  /** YYYY-MM-DD */
  birthDate: string;
  /** Belfiore code of the birth place ("H501", or "Z600" for people born abroad). */
  birthPlaceCode: string;
}

export const MONTH_LETTERS = "ABCDEHLMPRST";
export const OMOCODE_LETTERS = "LMNPQRSTUV";
/** Digit positions in the order omocodia replaces them (rightmost first). */
export const OMOCODE_POSITIONS: readonly number[] = [14, 13, 12, 10, 9, 7, 6];

const ALNUM = /^[A-Z0-9]+$/;
const SHAPE =
  /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;
const ODD_VALUES = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

/** Trims, drops every whitespace character (people type "RSS MRA ...") and upper-cases. */
export function normalizeFiscalCode(input: string): string {
  return input.replace(/\s+/g, "").toUpperCase();
}

/** A..Z -> 0..25 and 0..9 -> 0..9, the index into the check tables. */
function charIndex(ch: string): number {
  const c = ch.charCodeAt(0);
  return c >= 48 && c <= 57 ? c - 48 : c - 65;
}

/**
 * The check character of the first 15 characters of a fiscal code.
 * @throws RangeError when the input is not 15 upper-case letters or digits.
 */
export function fiscalCodeCheckCharacter(first15: string): string {
  if (first15.length !== 15 || !ALNUM.test(first15)) {
    throw new RangeError("expected 15 upper-case letters or digits");
  }
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const idx = charIndex(first15.charAt(i));
    // Positions are counted from 1 in the decree: index 0 is an "odd" position.
    sum += i % 2 === 0 ? (ODD_VALUES[idx] ?? 0) : idx;
  }
  return String.fromCharCode(65 + (sum % 26));
}

function restoreDigit(ch: string): string {
  const i = OMOCODE_LETTERS.indexOf(ch);
  return i >= 0 ? String(i) : ch;
}

/** The 15-character body with every omocodia letter turned back into its digit. */
function canonicalBody(code: string): string {
  const chars = code.slice(0, 15).split("");
  for (const pos of OMOCODE_POSITIONS) chars[pos] = restoreDigit(chars[pos] ?? "");
  return chars.join("");
}

/**
 * Omocodia always substitutes a suffix of OMOCODE_POSITIONS: a letter may only appear
 * where every position to its right in that order is a letter too.
 */
function omocodeLevel(code: string): number | undefined {
  let level = 0;
  for (const pos of OMOCODE_POSITIONS) {
    if (OMOCODE_LETTERS.includes(code.charAt(pos))) {
      if (level !== OMOCODE_POSITIONS.indexOf(pos)) return undefined;
      level++;
    }
  }
  return level;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/**
 * Parses and validates a fiscal code. `today` (YYYY-MM-DD) resolves the century: a 2-digit
 * year that would put the birth after today belongs to the 1900s. Never throws.
 */
export function parseFiscalCode(input: string, today: string): FiscalCodeResult {
  const code = normalizeFiscalCode(input);
  if (code.length !== 16) return { ok: false, error: "length" };
  if (!SHAPE.test(code) || omocodeLevel(code) === undefined) return { ok: false, error: "format" };
  if (fiscalCodeCheckCharacter(code.slice(0, 15)) !== code.charAt(15)) {
    return { ok: false, error: "check_character" };
  }
  const body = canonicalBody(code);
  const yy = Number(body.slice(6, 8));
  const month = MONTH_LETTERS.indexOf(body.charAt(8)) + 1;
  let day = Number(body.slice(9, 11));
  const sex: "M" | "F" = day > 40 ? "F" : "M";
  if (sex === "F") day -= 40;
  if (day < 1 || month < 1) return { ok: false, error: "birth_date" };

  // Both centuries are checked because 29 February may exist in one and not the other.
  const candidates = [2000 + yy, 1900 + yy]
    .filter((year) => day <= daysInMonth(year, month))
    .map((year) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`)
    .filter((date) => date <= today);
  const birthDate = candidates[0];
  if (birthDate === undefined) return { ok: false, error: "birth_date" };

  const birthPlaceCode = body.slice(11, 15);
  if (lookupBelfiore(birthPlaceCode) === undefined) return { ok: false, error: "birth_place" };

  return {
    ok: true,
    value: {
      code,
      canonical: body + fiscalCodeCheckCharacter(body),
      sex,
      birthDate,
      birthPlaceCode,
      omocode: body !== code.slice(0, 15),
    },
  };
}

/** Upper-case A-Z only: accents stripped, apostrophes, spaces and hyphens dropped. */
export function nameLetters(s: string): string {
  return s
    .replace(/ß/g, "SS")
    .replace(/[Ææ]/g, "AE")
    .replace(/[Œœ]/g, "OE")
    .replace(/[Øø]/g, "O")
    .replace(/[Łł]/g, "L")
    .replace(/[Đđ]/g, "D")
    .replace(/[Þþ]/g, "TH")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .replace(/[^A-Z]/g, "");
}

function splitLetters(s: string): { consonants: string; vowels: string } {
  const letters = nameLetters(s);
  return { consonants: letters.replace(/[AEIOU]/g, ""), vowels: letters.replace(/[^AEIOU]/g, "") };
}

/** Surname part: consonants, then vowels, then X, first three. */
export function surnameCode(s: string): string {
  const { consonants, vowels } = splitLetters(s);
  return (consonants + vowels + "XXX").slice(0, 3);
}

/** Given-name part: with four or more consonants the 1st, 3rd and 4th; else as surnames. */
export function givenNameCode(s: string): string {
  const { consonants, vowels } = splitLetters(s);
  if (consonants.length >= 4)
    return consonants.charAt(0) + consonants.charAt(2) + consonants.charAt(3);
  return (consonants + vowels + "XXX").slice(0, 3);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Computes the (non-omocode) fiscal code of a person.
 * @throws RangeError on an impossible birth date or a malformed place code; the place code
 *   is not looked up, so callers may encode codes missing from the shipped data.
 */
export function encodeFiscalCode(p: FiscalCodePerson): string {
  const m = DATE.exec(p.birthDate);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`invalid birth date: ${p.birthDate}`);
  }
  const place = p.birthPlaceCode.trim().toUpperCase();
  if (!/^[A-Z]\d{3}$/.test(place))
    throw new RangeError(`invalid Belfiore code: ${p.birthPlaceCode}`);
  const body =
    surnameCode(p.surname) +
    givenNameCode(p.givenNames) +
    pad(year % 100) +
    MONTH_LETTERS.charAt(month - 1) +
    pad(p.sex === "F" ? day + 40 : day) +
    place;
  return body + fiscalCodeCheckCharacter(body);
}

/**
 * The omocodia variant of a code at `level` (0..7): the last `level` digit positions become
 * letters, the others digits, and the check character is recomputed. Level 0 is the
 * canonical code. Works from any variant of the same code.
 * @throws RangeError for a malformed code or a level outside 0..7.
 */
export function omocodeVariant(code: string, level: number): string {
  const normal = normalizeFiscalCode(code);
  if (!Number.isInteger(level) || level < 0 || level > OMOCODE_POSITIONS.length) {
    throw new RangeError(`omocodia level must be 0..${OMOCODE_POSITIONS.length}`);
  }
  if (!SHAPE.test(normal)) throw new RangeError("not a fiscal code");
  const chars = canonicalBody(normal).split("");
  for (const pos of OMOCODE_POSITIONS.slice(0, level)) {
    chars[pos] = OMOCODE_LETTERS.charAt(Number(chars[pos]));
  }
  const body = chars.join("");
  return body + fiscalCodeCheckCharacter(body);
}

/** The canonical form of a well-shaped code (digits restored), without other validation. */
export function canonicalFiscalCode(code: string): string {
  return omocodeVariant(code, 0);
}

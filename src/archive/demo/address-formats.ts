/**
 * Building blocks of the country profiles in demo-data/countries.ts: postal-code
 * generators and street-line layouts, so each country states its conventions in one
 * line instead of repeating the randomness.
 */
import { pad } from "./rng.ts";
import type { Rng } from "./rng.ts";
import type { Line1Gen, PostalGen } from "./types.ts";

export const range =
  (lo: number, hi: number, width: number): PostalGen =>
  (r) =>
    pad(r.int(lo, hi), width);
export const oneOf =
  (...codes: string[]): PostalGen =>
  (r) =>
    r.pick(codes);

export const numberFirst: Line1Gen = (r, street) => ({ line1: `${r.int(1, 240)} ${street}` });
export const streetFirst: Line1Gen = (r, street) => ({ line1: `${street} ${r.int(1, 180)}` });
export const streetFirstComma: Line1Gen = (r, street) => ({ line1: `${street}, ${r.int(1, 300)}` });
export const numberCommaFirst: Line1Gen = (r, street) => ({ line1: `${r.int(1, 120)}, ${street}` });
export const withFlat =
  (base: Line1Gen, flat: (r: Rng) => string, p = 0.4): Line1Gen =>
  (r, street) => {
    const l = base(r, street);
    return r.chance(p) ? { line1: l.line1, line2: flat(r) } : l;
  };

export const AR_FLAT = (r: Rng): string => `Piso ${r.int(1, 14)}, Depto. ${r.letters(1, "ABCDEF")}`;
export const ES_FLAT = (r: Rng): string => `${r.int(1, 8)}º ${r.letters(1, "ABCD")}`;
export const BR_FLAT = (r: Rng): string => `Apto ${r.int(1, 25)}${r.int(0, 1)}${r.int(1, 4)}`;
export const US_FLAT = (r: Rng): string => `Apt ${r.int(1, 20)}${r.letters(1, "ABCDEF")}`;
export const AR_CPA =
  (letter: string, lo: number, hi: number): PostalGen =>
  (r) =>
    `${letter}${pad(r.int(lo, hi), 4)}${r.letters(3, "ABCDEFGHJKLMNPQRSTUVWXYZ")}`;
export const BR_CEP =
  (lo: number, hi: number): PostalGen =>
  (r) =>
    `${pad(r.int(lo, hi), 5)}-${r.digits(3)}`;
export const CA_POSTAL =
  (...fsa: string[]): PostalGen =>
  (r) =>
    `${r.pick(fsa)} ${r.int(0, 9)}${r.letters(1, "ABCEGHJKLMNPRSTVWXYZ")}${r.int(0, 9)}`;
export const GB_POSTAL =
  (...outward: string[]): PostalGen =>
  (r) =>
    `${r.pick(outward)} ${r.int(1, 9)}${r.letters(2, "ABDEFGHJLNPQRSTUWXYZ")}`;
export const NL_POSTAL =
  (lo: number, hi: number): PostalGen =>
  (r) =>
    `${r.int(lo, hi)} ${r.letters(2, "ABCDEGHJKLMNPRTVWXZ")}`;
export const IE_POSTAL =
  (...keys: string[]): PostalGen =>
  (r) =>
    `${r.pick(keys)} ${r.letters(4, "0123456789ACDEFHKNPRTVWXY")}`;

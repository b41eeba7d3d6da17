/**
 * PIN alphabet and generation. Upper-case letters and digits without look-alikes:
 * no 0/O, 1/I/L, so a PIN read out on the phone or copied from a letter cannot be
 * mistyped into another valid PIN.
 */

export const PIN_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export const INITIAL_PIN_LENGTH = 16;
export const OPERATING_PIN_LENGTH = 8;

/** A source of cryptographically secure random bytes (node:crypto randomFillSync in production). */
export type RandomBytes = (n: number) => Uint8Array;

/**
 * Draws `length` characters uniformly from PIN_ALPHABET by rejection sampling: bytes at or
 * above the largest multiple of the alphabet size are discarded, so there is no modulo bias.
 */
export function generatePin(length: number, randomBytes: RandomBytes): string {
  const n = PIN_ALPHABET.length;
  const limit = 256 - (256 % n);
  let out = "";
  while (out.length < length) {
    const bytes = randomBytes(Math.max(8, (length - out.length) * 2));
    for (const b of bytes) {
      if (b >= limit) continue;
      out += PIN_ALPHABET.charAt(b % n);
      if (out.length === length) break;
    }
  }
  return out;
}

/**
 * What a citizen types, made comparable: spaces, dashes and dots are dropped (the letter
 * prints the PIN in groups) and letters upper-cased. Look-alikes are not rewritten: they are
 * not in the alphabet, so such a PIN simply does not match.
 */
export function normalizePinInput(input: string): string {
  return input.replace(/[\s.\-_]/gu, "").toUpperCase();
}

export function isPinShaped(pin: string, length: number): boolean {
  if (pin.length !== length) return false;
  for (const c of pin) if (!PIN_ALPHABET.includes(c)) return false;
  return true;
}

export function splitInitialPin(pin: string): { firstHalf: string; secondHalf: string } {
  return { firstHalf: pin.slice(0, 8), secondHalf: pin.slice(8, 16) };
}

/** Groups a PIN for display ("ABCD EFGH"). */
export function groupPin(pin: string): string {
  return pin.replace(/(.{4})(?=.)/gu, "$1 ");
}

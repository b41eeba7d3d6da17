/**
 * Booking codes of desk appointments: 16 characters of Crockford's base32 (80 bits from a
 * CSPRNG: 5 bits a byte, no bias), shown in four groups ("7K3M-Q9XA-2BDF-HT0R") to read out on
 * the phone. Typing is forgiving as Crockford intends: lower case, spaces and dashes are fine,
 * O reads as 0, I and L as 1. Only a keyed hash of the code is stored.
 */
import type { RandomBytes } from "./pin.ts";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const BOOKING_CODE_LENGTH = 16;

export function newBookingCode(randomBytes: RandomBytes): string {
  const bytes = randomBytes(BOOKING_CODE_LENGTH);
  let code = "";
  for (const b of bytes) code += ALPHABET.charAt(b & 31);
  return formatBookingCode(code);
}

/** "7K3MQ9XA2BDFHT0R" → "7K3M-Q9XA-2BDF-HT0R". */
export function formatBookingCode(code: string): string {
  return code.match(/.{1,4}/gu)?.join("-") ?? code;
}

/** The canonical 16 characters of a typed code, or null when it cannot be one. */
export function normalizeBookingCode(input: unknown): string | null {
  if (typeof input !== "string" || input.length > 40) return null;
  const c = input.toUpperCase().replace(/[\s-]/gu, "").replace(/O/gu, "0").replace(/[IL]/gu, "1");
  if (c.length !== BOOKING_CODE_LENGTH) return null;
  for (const ch of c) if (!ALPHABET.includes(ch)) return null;
  return c;
}

/**
 * How long an SMS is on the air (3GPP TS 23.038 / 23.040): a text made only of GSM 03.38
 * characters goes as GSM-7 (basic table: one septet each; extension table: two, the escape and
 * the character), anything else as UCS-2 (UTF-16 code units; a character outside the BMP is a
 * surrogate pair: two units). One SMS holds 160 septets or 70 units; a concatenated message
 * loses room to its header: 153 septets or 67 units per segment, and a two-septet character
 * or a surrogate pair is never split across two segments.
 */

const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENSION = "\f^{}\\[~]|€";

const BASIC: ReadonlySet<string> = new Set(GSM_BASIC);
const EXTENSION: ReadonlySet<string> = new Set(GSM_EXTENSION);

export type SmsEncoding = "GSM-7" | "UCS-2";

export interface SmsLength {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) of the whole text. */
  units: number;
  /** Segments the text needs (0 for an empty text). */
  segments: number;
}

const LIMITS: Record<SmsEncoding, { single: number; multi: number }> = {
  "GSM-7": { single: 160, multi: 153 },
  "UCS-2": { single: 70, multi: 67 },
};

/** True when every character of the text is in the GSM 03.38 basic or extension table. */
export function isGsm7(text: string): boolean {
  for (const ch of text) if (!BASIC.has(ch) && !EXTENSION.has(ch)) return false;
  return true;
}

/** The encoding, length and segment count of a text. */
export function smsLength(text: string): SmsLength {
  const encoding: SmsEncoding = isGsm7(text) ? "GSM-7" : "UCS-2";
  // Each character's size in units; for...of walks code points, so a surrogate pair is one.
  const sizes: number[] = [];
  for (const ch of text) {
    sizes.push(encoding === "GSM-7" ? (EXTENSION.has(ch) ? 2 : 1) : ch.length);
  }
  const units = sizes.reduce((a, b) => a + b, 0);
  const limit = LIMITS[encoding];
  if (units === 0) return { encoding, units, segments: 0 };
  if (units <= limit.single) return { encoding, units, segments: 1 };
  // Greedy packing: a character that does not fit whole opens the next segment.
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > limit.multi) {
      segments++;
      used = 0;
    }
    used += size;
  }
  return { encoding, units, segments };
}

/**
 * Mobile numbers of citizens abroad (for the SMS with the first half of the PIN) and
 * masking of contacts for messages and logs. Pure; uses libphonenumber-js "max"
 * metadata, which knows the number type (mobile, fixed line...) of each range.
 */

import { isSupportedCountry, parsePhoneNumberFromString } from "libphonenumber-js/max";
import type {
  CountryCode as PhoneCountry,
  PhoneNumber,
  PhoneNumberType,
} from "libphonenumber-js/max";

export type NormalizeMobileResult =
  | { ok: true; e164: string; country: string | undefined }
  | { ok: false; error: "invalid" | "not_mobile" };

/**
 * Types that can receive an SMS. `undefined` (a valid number in a range whose type the
 * metadata does not tell) is accepted as well. Everything else is refused as
 * "not_mobile": FIXED_LINE, and also TOLL_FREE, PREMIUM_RATE, SHARED_COST, VOIP,
 * PERSONAL_NUMBER, PAGER, UAN and VOICEMAIL, none of which reliably receive SMS.
 */
const SMS_TYPES: ReadonlySet<PhoneNumberType | undefined> = new Set<PhoneNumberType | undefined>([
  "MOBILE",
  "FIXED_LINE_OR_MOBILE",
  undefined,
]);

/** Longest input worth parsing; libphonenumber-js itself gives up at 250 characters. */
const MAX_INPUT = 250;

function parse(text: string, defaultCountry: PhoneCountry | undefined): PhoneNumber | undefined {
  try {
    return parsePhoneNumberFromString(
      text,
      defaultCountry === undefined ? undefined : { defaultCountry },
    );
  } catch {
    return undefined;
  }
}

/**
 * Parses a mobile number typed by a citizen: international ("+54 9 11 2345-6789"),
 * with the "00" international prefix ("0049 170 1234567") or national with
 * `defaultCountry` (ISO alpha-2, e.g. the country of residence: "0170 1234567", "DE").
 * Returns the E.164 form and the country of the number, or why it was refused.
 * Never throws.
 */
export function normalizeMobile(input: string, defaultCountry?: string): NormalizeMobileResult {
  if (input.length > MAX_INPUT) return { ok: false, error: "invalid" };
  const text = input.normalize("NFKC").trim();
  if (text === "") return { ok: false, error: "invalid" };
  const dc = defaultCountry?.trim().toUpperCase();
  const country = dc !== undefined && isSupportedCountry(dc) ? dc : undefined;

  const candidates: string[] = [text];
  // "00" is the international prefix almost everywhere but libphonenumber-js only
  // knows it as such for the default country (and not at all without one).
  const idd = /^\(?00\)?[\s.-]*([1-9].*)$/.exec(text);
  if (idd?.[1] !== undefined) candidates.push(`+${idd[1]}`);

  let invalidTypeSeen = false;
  for (const candidate of candidates) {
    const p = parse(candidate, country);
    if (p === undefined || !p.isValid()) continue;
    let type: PhoneNumberType | undefined;
    try {
      type = p.getType();
    } catch {
      type = undefined;
    }
    if (!SMS_TYPES.has(type)) {
      invalidTypeSeen = true;
      continue;
    }
    return { ok: true, e164: p.number, country: p.country };
  }
  return { ok: false, error: invalidTypeSeen ? "not_mobile" : "invalid" };
}

function callingCode(e164: string): string | undefined {
  const p = parse(e164.startsWith("+") ? e164 : `+${e164}`, undefined);
  return p?.countryCallingCode;
}

/**
 * Masks a phone number for messages and logs, keeping the country calling code and
 * the last 2 digits: "+5491123456789" -> "+54*********89". Input that is not a
 * recognisable number keeps only its last 2 digits ("*****89"). Never throws.
 */
export function maskPhone(e164: string): string {
  const digits = e164.slice(0, MAX_INPUT).replace(/\D/g, "");
  if (digits.length < 4) return "***";
  const cc = callingCode(`+${digits}`);
  const last = digits.slice(-2);
  if (cc !== undefined && digits.startsWith(cc) && digits.length - cc.length > 2) {
    return `+${cc}${"*".repeat(digits.length - cc.length - 2)}${last}`;
  }
  return `${"*".repeat(Math.max(digits.length - 2, 3))}${last}`;
}

/**
 * Masks an e-mail address for messages and logs: first and last character of the
 * local part, domain in clear: "mario.rossi@example.com" -> "m***i@example.com".
 * Local parts of 1-2 characters keep only the first one ("m***@example.com").
 * Anything that is not an address gives "***". Never throws.
 */
export function maskEmail(e: string): string {
  const s = e.trim();
  const at = s.lastIndexOf("@");
  if (at <= 0 || at === s.length - 1) return "***";
  const local = Array.from(s.slice(0, at));
  const domain = s.slice(at + 1);
  const first = local[0] ?? "";
  const last = local.length > 2 ? (local[local.length - 1] ?? "") : "";
  return `${first}***${last}@${domain}`;
}

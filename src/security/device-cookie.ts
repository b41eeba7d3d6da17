/**
 * OWASP device cookies: after a successful login a browser gets an entry "<deviceId>.<mac>",
 * the mac binding the device id to the holder's subject key, so an entry is worth nothing for
 * another fiscal code and cannot be forged without the key. One cookie keeps the entries of
 * up to four holders (a family computer), newest last.
 */
import { timingSafeEqual, type KeyObject } from "node:crypto";
import { hmacHex } from "./crypto.ts";

const MAX_ENTRIES = 4;
const ENTRY = /^([0-9a-f-]{36})\.([0-9a-f]{32})$/u;

function mac(key: KeyObject, deviceId: string, subjectKey: string): string {
  return hmacHex(key, `device:${deviceId}:${subjectKey}`).slice(0, 32);
}

export function deviceEntry(key: KeyObject, deviceId: string, subjectKey: string): string {
  return `${deviceId}.${mac(key, deviceId, subjectKey)}`;
}

function entries(cookie: string | undefined): string[] {
  if (cookie === undefined || cookie.length > 400) return [];
  return cookie.split("~").filter((e) => ENTRY.test(e));
}

/** The device id this browser holds for the subject, or null. */
export function deviceIdFor(
  key: KeyObject,
  cookie: string | undefined,
  subjectKey: string,
): string | null {
  for (const e of entries(cookie)) {
    const m = ENTRY.exec(e);
    const id = m?.[1];
    const given = m?.[2];
    if (id === undefined || given === undefined) continue;
    const expected = mac(key, id, subjectKey);
    if (timingSafeEqual(Buffer.from(given), Buffer.from(expected))) return id;
  }
  return null;
}

/** The cookie with `entry` added (or moved to the end), keeping the newest four. */
export function withDeviceEntry(cookie: string | undefined, entry: string): string {
  const kept = entries(cookie).filter((e) => e !== entry);
  return [...kept, entry].slice(-MAX_ENTRIES).join("~");
}

/** Transliteration of text no available font can draw: diacritics stripped, Cyrillic and Greek romanised. */

import { CYRILLIC, GREEK, LATIN_SPECIAL } from "./transliterate-tables.ts";

function romanize(ch: string, next: string | undefined): string | undefined {
  const lower = ch.toLowerCase();
  const table = CYRILLIC[lower] ?? GREEK[lower] ?? LATIN_SPECIAL[ch];
  if (table === undefined) return undefined;
  if (LATIN_SPECIAL[ch] !== undefined || lower === ch || table === "") return table;
  // Upper case: "Ж" -> "Zh" before a lower-case letter, "ZH" in an all-caps word.
  const nextIsUpper = next !== undefined && next !== next.toLowerCase();
  return nextIsUpper ? table.toUpperCase() : table.charAt(0).toUpperCase() + table.slice(1);
}

/** Rewrites `s` with characters `face` has: diacritics stripped, romanised, else "?". */
export function transliterate(s: string, covers: (codePoint: number) => boolean): string {
  const chars = Array.from(s.normalize("NFC"));
  let out = "";
  chars.forEach((ch, i) => {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === "\n" || covers(cp)) {
      out += ch;
      return;
    }
    if (/\s/u.test(ch)) {
      out += " ";
      return;
    }
    if (/\p{C}/u.test(ch)) return;
    const ok = (t: string): boolean => Array.from(t).every((c) => covers(c.codePointAt(0) ?? 0));
    const stripped = ch.normalize("NFKD").replace(/\p{M}+/gu, "");
    if (stripped !== "" && ok(stripped)) {
      out += stripped;
      return;
    }
    const base = stripped === "" ? ch : stripped;
    const roman = Array.from(base)
      .map((c) => romanize(c, chars[i + 1]) ?? c)
      .join("");
    out += ok(roman) ? roman : "?";
  });
  return out;
}

/**
 * Fonts for the PDFs. pdfkit's built-in Helvetica/Courier only cover WinAnsi (Latin-1),
 * while names and addresses abroad may be Polish, Romanian, Czech, Turkish, Cyrillic... So
 * text is drawn with TrueType fonts, chosen per text item from a chain:
 *   1. Titillium Web / Roboto Mono (Latin + Latin Extended), shipped by the
 *      bootstrap-italia npm package the web UI already depends on, so present on every
 *      install including fresh CI machines;
 *   2. DejaVu Sans / Sans Mono from the operating system when installed (Debian:
 *      fonts-dejavu-core), which adds Cyrillic and Greek;
 *   3. Helvetica / Courier as the last resort.
 * A text item goes to the first font that has a glyph for all its characters; when none
 * has, the first available font is used and the text is transliterated (transliterate.ts).
 * Font coverage is read from each font's own cmap table.
 */

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

export type Role = "regular" | "bold" | "mono";

export interface Face {
  /** Name registered in the document (or the standard font name). */
  name: string;
  data?: Buffer;
  covers: (codePoint: number) => boolean;
}

export type FontSet = Record<Role, readonly Face[]>;

/** Code points of the WinAnsi encoding used by pdfkit's standard 14 fonts. */
const WIN_ANSI = new Set<number>([
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i),
  ...Array.from({ length: 0x100 - 0xa0 }, (_, i) => 0xa0 + i),
  0x20ac,
  0x201a,
  0x0192,
  0x201e,
  0x2026,
  0x2020,
  0x2021,
  0x02c6,
  0x2030,
  0x0160,
  0x2039,
  0x0152,
  0x017d,
  0x2018,
  0x2019,
  0x201c,
  0x201d,
  0x2022,
  0x2013,
  0x2014,
  0x02dc,
  0x2122,
  0x0161,
  0x203a,
  0x0153,
  0x017e,
  0x0178,
]);

export const STANDARD: Record<Role, Face> = {
  regular: { name: "Helvetica", covers: (cp) => WIN_ANSI.has(cp) },
  bold: { name: "Helvetica-Bold", covers: (cp) => WIN_ANSI.has(cp) },
  mono: { name: "Courier-Bold", covers: (cp) => WIN_ANSI.has(cp) },
};

/**
 * Unicode code points mapped to a non-zero glyph by a TrueType/OpenType font's cmap
 * (format 4 or 12 subtable). Undefined when the table cannot be read.
 */
export function fontCoverage(font: Buffer): Set<number> | undefined {
  try {
    const numTables = font.readUInt16BE(4);
    let cmap = -1;
    for (let i = 0; i < numTables; i++) {
      const rec = 12 + i * 16;
      if (font.toString("latin1", rec, rec + 4) === "cmap") cmap = font.readUInt32BE(rec + 8);
    }
    if (cmap < 0) return undefined;
    let best: { off: number; format: number } | undefined;
    const subtables = font.readUInt16BE(cmap + 2);
    for (let i = 0; i < subtables; i++) {
      const rec = cmap + 4 + i * 8;
      const platform = font.readUInt16BE(rec);
      const encoding = font.readUInt16BE(rec + 2);
      const off = cmap + font.readUInt32BE(rec + 4);
      const format = font.readUInt16BE(off);
      if (!(platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))) continue;
      if (format === 12 && best?.format !== 12) best = { off, format };
      else if (format === 4 && best === undefined) best = { off, format };
    }
    if (best === undefined) return undefined;
    const set = new Set<number>();
    const { off } = best;
    if (best.format === 4) {
      const segX2 = font.readUInt16BE(off + 6);
      const ends = off + 14;
      const starts = ends + segX2 + 2;
      const deltas = starts + segX2;
      const ranges = deltas + segX2;
      for (let i = 0; i < segX2 / 2; i++) {
        const end = font.readUInt16BE(ends + 2 * i);
        const start = font.readUInt16BE(starts + 2 * i);
        const delta = font.readUInt16BE(deltas + 2 * i);
        const rangeOffset = font.readUInt16BE(ranges + 2 * i);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          let gid: number;
          if (rangeOffset === 0) gid = (c + delta) & 0xffff;
          else {
            const g = font.readUInt16BE(ranges + 2 * i + rangeOffset + 2 * (c - start));
            gid = g === 0 ? 0 : (g + delta) & 0xffff;
          }
          if (gid !== 0) set.add(c);
        }
      }
    } else {
      const groups = font.readUInt32BE(off + 12);
      for (let i = 0; i < groups; i++) {
        const g = off + 16 + 12 * i;
        const start = font.readUInt32BE(g);
        const end = Math.min(font.readUInt32BE(g + 4), 0x10ffff);
        const startGid = font.readUInt32BE(g + 8);
        for (let c = start; c <= end; c++) if (startGid + (c - start) !== 0) set.add(c);
      }
    }
    return set;
  } catch {
    return undefined;
  }
}

function bootstrapItaliaFonts(): string | undefined {
  try {
    const pkg = createRequire(import.meta.url).resolve("bootstrap-italia/package.json");
    return path.join(path.dirname(pkg), "dist", "fonts");
  } catch {
    return undefined;
  }
}

const SYSTEM_FONTS = "/usr/share/fonts/truetype/dejavu";

function candidateFiles(): Record<Role, string[]> {
  const bi = bootstrapItaliaFonts();
  const npm = (dir: string, file: string): string[] =>
    bi === undefined ? [] : [path.join(bi, dir, file)];
  return {
    regular: [
      ...npm("Titillium_Web", "titillium-web-v10-latin-ext_latin-regular.ttf"),
      path.join(SYSTEM_FONTS, "DejaVuSans.ttf"),
    ],
    bold: [
      ...npm("Titillium_Web", "titillium-web-v10-latin-ext_latin-700.ttf"),
      path.join(SYSTEM_FONTS, "DejaVuSans-Bold.ttf"),
    ],
    mono: [
      ...npm("Roboto_Mono", "roboto-mono-v13-latin-ext_latin-700.ttf"),
      path.join(SYSTEM_FONTS, "DejaVuSansMono-Bold.ttf"),
    ],
  };
}

async function loadFace(file: string, name: string): Promise<Face | undefined> {
  try {
    const data = await readFile(file);
    const coverage = fontCoverage(data);
    if (coverage === undefined) return undefined;
    return { name, data, covers: (cp) => coverage.has(cp) };
  } catch {
    return undefined;
  }
}

let fontsPromise: Promise<FontSet> | undefined;

/** Loads the font chains once per process (small files; missing ones are skipped). */
export function loadFonts(): Promise<FontSet> {
  fontsPromise ??= (async () => {
    const files = candidateFiles();
    const chain = async (role: Role): Promise<Face[]> => {
      const faces = await Promise.all(files[role].map((f, i) => loadFace(f, `${role}-${i}`)));
      return [...faces.filter((f): f is Face => f !== undefined), STANDARD[role]];
    };
    const [regular, bold, mono] = await Promise.all([
      chain("regular"),
      chain("bold"),
      chain("mono"),
    ]);
    return { regular, bold, mono };
  })();
  return fontsPromise;
}

export function coversAll(face: Face, s: string): boolean {
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp !== 0x0a && !face.covers(cp)) return false;
  }
  return true;
}

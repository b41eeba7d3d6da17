/** Document creation, font selection, text placement helpers and the final Buffer. */

import PDFDocument from "pdfkit";
import type { Lang } from "../../i18n/index.ts";
import { coversAll, loadFonts, STANDARD } from "./fonts.ts";
import type { FontSet, Role } from "./fonts.ts";
import { transliterate } from "./transliterate.ts";

export const MM = 72 / 25.4;
export const A4 = { width: 595.28, height: 841.89 } as const;
export const BLUE = "#0066cc";
export const TEXT = "#1a1a1a";
export const GREY = "#5c6f82";

export interface Ctx {
  doc: PDFKit.PDFDocument;
  fonts: FontSet;
}

/** Selects the font of `role` able to draw `text` (transliterating if none is) and sets it. */
export function useFont(ctx: Ctx, role: Role, size: number, text: string): string {
  const chain = ctx.fonts[role];
  const nfc = text.normalize("NFC");
  const face = chain.find((f) => coversAll(f, nfc));
  const primary = chain[0] ?? STANDARD[role];
  const chosen = face ?? primary;
  ctx.doc.font(chosen.name).fontSize(size);
  if (chosen.data !== undefined) rememberParsedFont(ctx.doc, chosen.name);
  return face === undefined ? transliterate(nfc, primary.covers) : nfc;
}

export function put(
  ctx: Ctx,
  role: Role,
  size: number,
  text: string,
  x: number,
  y: number | undefined,
  options: PDFKit.Mixins.TextOptions = {},
): void {
  const t = useFont(ctx, role, size, text);
  if (y === undefined) ctx.doc.text(t, x, ctx.doc.y, options);
  else ctx.doc.text(t, x, y, options);
}

export function height(
  ctx: Ctx,
  role: Role,
  size: number,
  text: string,
  options: PDFKit.Mixins.TextOptions,
): number {
  const t = useFont(ctx, role, size, text);
  return ctx.doc.heightOfString(t, options);
}

export async function newDocument(info: { title: string; lang: Lang; date: string }): Promise<Ctx> {
  const fonts = await loadFonts();
  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    autoFirstPage: true,
    lang: info.lang === "it" ? "it-IT" : "en-GB",
    displayTitle: true,
    info: {
      // Never put the PIN, the fiscal code or the name in the metadata.
      Title: info.title,
      Author: "INPS",
      Creator: "INPS - servizio PIN",
      CreationDate: pdfDate(info.date),
    },
  });
  for (const role of ["regular", "bold", "mono"] as const) {
    for (const face of fonts[role]) {
      if (face.data === undefined) continue;
      // pdfkit accepts an already-parsed fontkit font wherever it accepts a font file
      // (CHANGELOG 0.17); @types/pdfkit does not know it yet, hence the cast.
      const parsed = parsedFonts.get(face.name);
      doc.registerFont(face.name, parsed === undefined ? face.data : (parsed as Buffer));
    }
  }
  return { doc, fonts };
}

/**
 * Fontkit fonts parsed by pdfkit, kept across documents: parsing the TrueType tables
 * costs more than laying out a whole letter. Taken from the document after pdfkit has
 * opened the font (an internal field, checked at run time: if pdfkit changes it, fonts
 * are simply parsed again for every document).
 */
export const parsedFonts = new Map<string, object>();

export function rememberParsedFont(doc: PDFKit.PDFDocument, name: string): void {
  if (parsedFonts.has(name)) return;
  const current: unknown = Reflect.get(doc, "_font");
  const font: unknown =
    typeof current === "object" && current !== null ? Reflect.get(current, "font") : undefined;
  if (
    typeof font === "object" &&
    font !== null &&
    typeof Reflect.get(font, "layout") === "function"
  )
    parsedFonts.set(name, font);
}

export function finish(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => {
      resolve(Buffer.concat(chunks));
    });
    doc.on("error", reject);
    doc.end();
  });
}

/** A paragraph of the letter body; `number` makes it an item of a numbered list. */
export interface Block {
  role: Role;
  text: string;
  gapAfter: number;
  number?: string;
  sizeDelta?: number;
}

export const NUMBER_INDENT = 6 * MM;
export const BODY_LINE_GAP = 1.5;

export function blocksHeight(
  ctx: Ctx,
  blocks: readonly Block[],
  size: number,
  width: number,
): number {
  return blocks.reduce((sum, b) => {
    const w = b.number === undefined ? width : width - NUMBER_INDENT;
    return (
      sum +
      height(ctx, b.role, size + (b.sizeDelta ?? 0), b.text, { width: w, lineGap: BODY_LINE_GAP }) +
      b.gapAfter
    );
  }, 0);
}

export function drawBlocks(
  ctx: Ctx,
  blocks: readonly Block[],
  size: number,
  left: number,
  width: number,
): void {
  for (const b of blocks) {
    const y0 = ctx.doc.y;
    const s = size + (b.sizeDelta ?? 0);
    if (b.number === undefined) {
      put(ctx, b.role, s, b.text, left, y0, { width, lineGap: BODY_LINE_GAP });
    } else {
      put(ctx, "bold", s, b.number, left, y0, { width: NUMBER_INDENT, lineBreak: false });
      put(ctx, b.role, s, b.text, left + NUMBER_INDENT, y0, {
        width: width - NUMBER_INDENT,
        lineGap: BODY_LINE_GAP,
      });
    }
    ctx.doc.y += b.gapAfter;
  }
}

/** Eight boxed characters, grouped 4 + 4, in a large monospace font. */
export function drawPinCells(
  ctx: Ctx,
  pin: string,
  x: number,
  y: number,
  cell: number,
  size: number,
): number {
  const { doc } = ctx;
  const gap = cell * 0.6;
  Array.from(pin).forEach((ch, i) => {
    const cx = x + i * cell + (i >= 4 ? gap : 0);
    doc
      .lineWidth(1)
      .strokeColor(GREY)
      .roundedRect(cx + 2, y, cell - 4, cell * 1.25, 3)
      .stroke();
    const t = useFont(ctx, "mono", size, ch);
    const w = doc.widthOfString(t);
    doc
      .fillColor(TEXT)
      .text(t, cx + (cell - w) / 2, y + (cell * 1.25 - doc.currentLineHeight()) / 2, {
        lineBreak: false,
      });
  });
  return 8 * cell + gap;
}

function pdfDate(iso: string): Date {
  return new Date(`${iso}T12:00:00Z`);
}

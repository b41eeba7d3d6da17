/**
 * Document creation, font selection, text placement, tagging (structure tree, artifacts)
 * and the final Buffer. Every document is a tagged PDF: text is drawn inside `tag` (a
 * structure element of the tree under the root "Document" element, in reading order),
 * decoration inside `artifact`.
 */

import { parsedFont, reuseFont } from "./font-reuse.ts";
import PDFDocument from "pdfkit";
import type { Lang } from "../../i18n/index.ts";
import { LOCALES } from "../../i18n/format.ts";
import { coversAll, loadFonts, STANDARD } from "./fonts.ts";
import type { FontSet, Role } from "./fonts.ts";
import { transliterate } from "./transliterate.ts";

export const MM = 72 / 25.4;
export const A4 = { width: 595.28, height: 841.89 } as const;
export const BLUE = "#0066cc";
export const TEXT = "#1a1a1a";
export const GREY = "#5c6f82";
/** No text in the new documents and on the PIN card is smaller than this (points). */
export const MIN_TEXT_SIZE = 9;

export type Struct = PDFKit.PDFStructureElement;

export interface Ctx {
  doc: PDFKit.PDFDocument;
  fonts: FontSet;
  /** The "Document" structure element every other element descends from. */
  root: Struct;
}
/** Selects the font of `role` able to draw `text` (transliterating if none is) and sets it. */
export function useFont(ctx: Ctx, role: Role, size: number, text: string): string {
  const chain = ctx.fonts[role];
  const nfc = text.normalize("NFC");
  const face = chain.find((f) => coversAll(f, nfc));
  const primary = chain[0] ?? STANDARD[role];
  const chosen = face ?? primary;
  ctx.doc.font(chosen.name).fontSize(size);
  if (chosen.data !== undefined) reuseFont(ctx.doc, chosen.name);
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

/** Width of `text` on one line in the font `useFont` picks for it. */
export function widthOf(ctx: Ctx, role: Role, size: number, text: string): number {
  return ctx.doc.widthOfString(useFont(ctx, role, size, text));
}

/**
 * Puts `text` on one line of at most `width` points: at `size`, or smaller down to `min`,
 * or cut with an ellipsis at `min`. Returns the size used.
 */
export function fit(
  ctx: Ctx,
  role: Role,
  text: string,
  box: { x: number; y: number; width: number; size: number; min: number },
  options: PDFKit.Mixins.TextOptions = {},
): number {
  let size = box.size;
  while (size > box.min && widthOf(ctx, role, size, text) > box.width) size -= 0.5;
  put(ctx, role, size, text, box.x, box.y, {
    ...options,
    width: box.width,
    height: size * 1.2,
    lineBreak: false,
    ellipsis: true,
  });
  return size;
}

export async function newDocument(info: {
  title: string;
  lang: Lang;
  date: string;
  /** Keep pages in memory so page numbers can be written at the end. */
  bufferPages?: boolean;
}): Promise<Ctx> {
  const fonts = await loadFonts();
  // The regular face as the document's default font once parsed: pdfkit's default, Helvetica,
  // costs a parse of its metrics file for every document.
  const regular = parsedFont(fonts.regular[0]?.name ?? "");
  const doc = new PDFDocument({
    ...(regular === undefined ? {} : { font: regular as unknown as string }),
    size: "A4",
    margin: 0,
    autoFirstPage: true,
    bufferPages: info.bufferPages ?? false,
    pdfVersion: "1.7",
    tagged: true,
    lang: LOCALES[info.lang],
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
      const parsed = parsedFont(face.name);
      doc.registerFont(face.name, parsed === undefined ? face.data : (parsed as Buffer));
    }
  }
  const root = doc.struct("Document");
  doc.addStructure(root);
  return { doc, fonts, root };
}

/** Structure element options pdfkit supports beyond @types/pdfkit (table header scope). */
export type StructOptions = PDFKit.Mixins.StructureElementOptions & { scope?: "Column" | "Row" };

/**
 * A structure element without content of its own (Sect, L, LI, Table, TR...), attached to
 * `parent` at once so the elements added to it are drawn in order.
 */
export function group(ctx: Ctx, parent: Struct, type: string, options: StructOptions = {}): Struct {
  const el = ctx.doc.struct(type, options);
  parent.add(el);
  return el;
}

/**
 * A structure element (P, H1, TD...) whose content is what `draw` puts on the page:
 * `draw` runs now, inside one marked-content sequence. Never call `artifact` inside it.
 */
export function tag(
  ctx: Ctx,
  parent: Struct,
  type: string,
  draw: () => void,
  options: StructOptions = {},
): void {
  parent.add(ctx.doc.struct(type, options, [draw]));
}

/** Decoration (lines, boxes, crop marks) or pagination, outside the structure tree. */
export function artifact(
  ctx: Ctx,
  draw: () => void,
  type: "Layout" | "Pagination" = "Layout",
): void {
  ctx.doc.markContent("Artifact", { type });
  draw();
  ctx.doc.endMarkedContent();
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

function pdfDate(iso: string): Date {
  return new Date(`${iso}T12:00:00Z`);
}

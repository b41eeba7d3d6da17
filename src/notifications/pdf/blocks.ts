/**
 * The letter body as blocks (paragraphs, a heading, a numbered list), measured to choose the
 * font size and then drawn, each tagged; and the boxed PIN characters.
 */

import { artifact, group, GREY, height, MM, put, tag, TEXT, useFont } from "./document.ts";
import type { Ctx, Struct } from "./document.ts";
import type { Role } from "./fonts.ts";

export interface Block {
  role: Role;
  text: string;
  gapAfter: number;
  /** Structure type: a paragraph (default), a heading, or an item of a numbered list. */
  kind?: "P" | "H2" | "LI";
  sizeDelta?: number;
}

const NUMBER_INDENT = 6 * MM;
const LINE_GAP = 1.5;

export function blocksHeight(
  ctx: Ctx,
  blocks: readonly Block[],
  size: number,
  width: number,
): number {
  return blocks.reduce((sum, b) => {
    const w = b.kind === "LI" ? width - NUMBER_INDENT : width;
    const s = size + (b.sizeDelta ?? 0);
    return sum + height(ctx, b.role, s, b.text, { width: w, lineGap: LINE_GAP }) + b.gapAfter;
  }, 0);
}

/** Draws the blocks from the current y; consecutive "LI" blocks make one numbered list. */
export function drawBlocks(
  ctx: Ctx,
  parent: Struct,
  blocks: readonly Block[],
  size: number,
  left: number,
  width: number,
): void {
  let list: Struct | undefined;
  let n = 0;
  for (const b of blocks) {
    const y0 = ctx.doc.y;
    const s = size + (b.sizeDelta ?? 0);
    if (b.kind === "LI") {
      list ??= group(ctx, parent, "L");
      const label = `${++n}.`;
      const item = group(ctx, list, "LI");
      tag(ctx, item, "Lbl", () => {
        put(ctx, "bold", s, label, left, y0, { width: NUMBER_INDENT, lineBreak: false });
      });
      tag(ctx, item, "LBody", () => {
        put(ctx, b.role, s, b.text, left + NUMBER_INDENT, y0, {
          width: width - NUMBER_INDENT,
          lineGap: LINE_GAP,
        });
      });
    } else {
      list = undefined;
      n = 0;
      tag(ctx, parent, b.kind ?? "P", () => {
        put(ctx, b.role, s, b.text, left, y0, { width, lineGap: LINE_GAP });
      });
    }
    ctx.doc.y += b.gapAfter;
  }
}

/**
 * Eight boxed characters, grouped 4 + 4, in a large monospace font: the boxes are
 * decoration, the characters one paragraph. Returns the width used.
 */
export function drawPinCells(
  ctx: Ctx,
  parent: Struct,
  pin: string,
  at: { x: number; y: number; cell: number; size: number },
): number {
  const { doc } = ctx;
  const { x, y, cell, size } = at;
  const gap = cell * 0.6;
  const left = (i: number): number => x + i * cell + (i >= 4 ? gap : 0);
  artifact(ctx, () => {
    doc.lineWidth(1).strokeColor(GREY);
    for (let i = 0; i < pin.length; i++)
      doc.roundedRect(left(i) + 2, y, cell - 4, cell * 1.25, 3).stroke();
  });
  doc.fillColor(TEXT);
  tag(ctx, parent, "P", () => {
    Array.from(pin).forEach((ch, i) => {
      const t = useFont(ctx, "mono", size, ch);
      const w = doc.widthOfString(t);
      doc.text(t, left(i) + (cell - w) / 2, y + (cell * 1.25 - doc.currentLineHeight()) / 2, {
        lineBreak: false,
      });
    });
  });
  return 8 * cell + gap;
}

/**
 * Table rows for the consultation documents: measured, drawn and tagged (TR of TH/TD), or
 * drawn as a pagination artifact when a header row is repeated on a following page.
 */

import { artifact, group, GREY, height, put, tag, TEXT } from "./document.ts";
import type { Ctx, Struct } from "./document.ts";
import type { Role } from "./fonts.ts";

export interface Column {
  width: number;
  align?: "left" | "right";
}

export interface Cell {
  text: string;
  role?: Role;
  /** A header cell (TH) for its column or its row; a data cell (TD) otherwise. */
  scope?: "Column" | "Row";
}

export interface RowStyle {
  size: number;
  /** Background colour behind the row. */
  fill?: string;
  /** Rule under the row. */
  rule?: boolean;
}

const PAD_X = 4;
const PAD_Y = 4;
const LINE_GAP = 1;

function textOptions(col: Column): PDFKit.Mixins.TextOptions {
  return { width: col.width - 2 * PAD_X, align: col.align ?? "left", lineGap: LINE_GAP };
}

export function rowHeight(
  ctx: Ctx,
  columns: readonly Column[],
  cells: readonly Cell[],
  style: RowStyle,
): number {
  const heights = cells.map((cell, i) => {
    const col = columns[i];
    if (col === undefined || cell.text === "") return 0;
    return height(ctx, cell.role ?? "regular", style.size, cell.text, textOptions(col));
  });
  return Math.max(...heights, 0) + 2 * PAD_Y;
}

/**
 * Draws one row with its top at `y` and returns its height. Tagged as a TR under `parent`;
 * with `parent` undefined the whole row is a pagination artifact (a repeated header).
 */
export function drawRow(
  ctx: Ctx,
  parent: Struct | undefined,
  at: { x: number; y: number },
  columns: readonly Column[],
  cells: readonly Cell[],
  style: RowStyle,
): number {
  const { doc } = ctx;
  const h = rowHeight(ctx, columns, cells, style);
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  artifact(ctx, () => {
    if (style.fill !== undefined) doc.rect(at.x, at.y, width, h).fill(style.fill);
    if (style.rule === true)
      doc
        .lineWidth(0.5)
        .strokeColor(GREY)
        .moveTo(at.x, at.y + h)
        .lineTo(at.x + width, at.y + h)
        .stroke();
  });
  doc.fillColor(TEXT);
  const drawCell = (cell: Cell, i: number): void => {
    const col = columns[i];
    if (col === undefined || cell.text === "") return;
    const x = at.x + columns.slice(0, i).reduce((sum, c) => sum + c.width, 0) + PAD_X;
    put(ctx, cell.role ?? "regular", style.size, cell.text, x, at.y + PAD_Y, textOptions(col));
  };
  if (parent === undefined) {
    artifact(
      ctx,
      () => {
        cells.forEach(drawCell);
      },
      "Pagination",
    );
  } else {
    const tr = group(ctx, parent, "TR");
    cells.forEach((cell, i) => {
      const type = cell.scope === undefined ? "TD" : "TH";
      const options = cell.scope === undefined ? {} : { scope: cell.scope };
      tag(
        ctx,
        tr,
        type,
        () => {
          drawCell(cell, i);
        },
        options,
      );
    });
  }
  return h;
}

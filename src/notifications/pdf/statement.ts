/**
 * The contribution statement (estratto conto contributivo) as a printable, tagged PDF: a
 * table of the periods over as many A4 pages as needed, the header row repeated on every
 * page, the totals at the end, "Pagina n di N" at the foot.
 */

import type { ContributionStatement } from "../../flows/consult.ts";
import { catalogues, t } from "../../i18n/index.ts";
import { civilDate, integer, money } from "../../i18n/format.ts";
import { maskFiscalCode } from "../../domain/mask.ts";
import { artifact, finish, group, GREY, MM, newDocument, put, tag, TEXT } from "./document.ts";
import type { Ctx } from "./document.ts";
import {
  BODY_BOTTOM,
  BODY_WIDTH,
  drawPageNumbers,
  drawReportHead,
  kindName,
  MARGIN,
} from "./report.ts";
import type { ReportHead } from "./report.ts";
import { drawRow, rowHeight } from "./table.ts";
import type { Cell, Column, RowStyle } from "./table.ts";

export interface ContributionStatementDocument extends ReportHead {
  statement: ContributionStatement;
}

const SIZE = 9.5;
const COLUMNS: readonly Column[] = [
  { width: 120 },
  { width: 130 },
  { width: 96 },
  { width: 60, align: "right" },
  { width: BODY_WIDTH - 406, align: "right" },
];
const HEADER: RowStyle = { size: SIZE, fill: "#e3ecf5", rule: true };
const BODY: RowStyle = { size: SIZE, rule: true };
const TOTAL: RowStyle = { size: SIZE, fill: "#e3ecf5" };
const TOP = 22 * MM;

/** Starts a new page when `needed` points do not fit under `y`; returns the y to draw at. */
function room(ctx: Ctx, y: number, needed: number, onNewPage: (top: number) => number): number {
  if (y + needed <= BODY_BOTTOM) return y;
  ctx.doc.addPage();
  return onNewPage(TOP);
}

/**
 * Renders the contribution statement. The fiscal code is printed masked; kinds, dates,
 * weeks and amounts are written in words and with thousands separators. Rejects with
 * RangeError on a malformed date.
 */
export async function renderContributionStatementPdf(
  input: ContributionStatementDocument,
): Promise<Buffer> {
  const { lang, statement } = input;
  const c = catalogues[lang].contributions;
  const d = catalogues[lang].documents.statement;
  const ctx = await newDocument({
    title: d.title,
    lang,
    date: input.generatedOn,
    bufferPages: true,
  });
  const { doc, root } = ctx;
  drawReportHead(ctx, input, c.title);
  const running = `${c.title} - ${maskFiscalCode(input.fiscalCode)}`;
  const x = MARGIN;
  const header: Cell[] = [c.period, c.employer, c.kind, c.weeks, c.earnings].map((text) => ({
    text,
    role: "bold",
    scope: "Column",
  }));
  // A following page: running title and the header row again, both pagination artifacts.
  const continued = (top: number): number => {
    artifact(
      ctx,
      () => {
        doc.fillColor(GREY);
        put(ctx, "regular", 9, running, x, top - 8 * MM, { width: BODY_WIDTH, lineBreak: false });
      },
      "Pagination",
    );
    return top + drawRow(ctx, undefined, { x, y: top }, COLUMNS, header, HEADER);
  };

  if (statement.periods.length === 0) {
    tag(ctx, root, "P", () => {
      put(ctx, "regular", 11, c.none, x, doc.y, { width: BODY_WIDTH });
    });
  } else {
    const table = group(ctx, root, "Table");
    let y = doc.y;
    y += drawRow(ctx, group(ctx, table, "THead"), { x, y }, COLUMNS, header, HEADER);
    const body = group(ctx, table, "TBody");
    for (const p of statement.periods) {
      const from = civilDate(lang, p.from);
      const to = civilDate(lang, p.to);
      const cells: Cell[] = [
        { text: t(lang, "documents.statement.period", { from, to }) },
        { text: p.employer },
        { text: kindName(lang, p.kind) },
        { text: integer(lang, p.weeks) },
        { text: money(lang, p.earningsCents) },
      ];
      y = room(ctx, y, rowHeight(ctx, COLUMNS, cells, BODY), continued);
      y += drawRow(ctx, body, { x, y }, COLUMNS, cells, BODY);
    }
    const { totals } = statement;
    const totalCells: Cell[] = [
      { text: c.totals, role: "bold", scope: "Row" },
      { text: "" },
      { text: "" },
      { text: integer(lang, totals.weeks), role: "bold" },
      { text: money(lang, totals.earningsCents), role: "bold" },
    ];
    y = room(ctx, y, rowHeight(ctx, COLUMNS, totalCells, TOTAL) + 16 * MM, continued);
    y += drawRow(ctx, group(ctx, table, "TFoot"), { x, y }, COLUMNS, totalCells, TOTAL);
    const sentence = t(lang, "contributions.total", {
      weeks: integer(lang, totals.weeks),
      years: integer(lang, totals.years),
      months: integer(lang, totals.months),
    });
    doc.fillColor(TEXT);
    tag(ctx, root, "P", () => {
      put(ctx, "bold", 11, sentence, x, y + 4 * MM, { width: BODY_WIDTH });
    });
    const noteY = room(ctx, doc.y + 2 * MM, 12 * MM, (top) => top);
    doc.fillColor(GREY);
    tag(ctx, root, "P", () => {
      put(ctx, "regular", 9.5, d.note, x, noteY, { width: BODY_WIDTH, lineGap: 1 });
    });
  }

  drawPageNumbers(ctx, lang);
  return finish(doc);
}

/**
 * One pension slip (cedolino) as a printable, tagged PDF: month and category in words,
 * gross, deductions and net; a December payment says it includes the tredicesima.
 */

import type { PensionPayment } from "../../domain/archive.ts";
import { includesThirteenth } from "../../domain/pension.ts";
import { catalogues, t } from "../../i18n/index.ts";
import { money, monthName } from "../../i18n/format.ts";
import { artifact, BLUE, finish, group, MM, newDocument, put, tag, TEXT } from "./document.ts";
import { BODY_WIDTH, categoryName, drawReportHead, MARGIN } from "./report.ts";
import type { ReportHead } from "./report.ts";
import { drawRow } from "./table.ts";
import type { Cell, Column } from "./table.ts";

export interface PensionSlipDocument extends ReportHead {
  payment: PensionPayment;
}

const COLUMNS: readonly Column[] = [{ width: 150 }, { width: BODY_WIDTH - 150 }];

/** Renders the slip of one monthly payment. Rejects with RangeError on a malformed month or date. */
export async function renderPensionSlipPdf(input: PensionSlipDocument): Promise<Buffer> {
  const { lang, payment } = input;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/u.test(payment.month))
    throw new RangeError(`invalid month (expected YYYY-MM): ${JSON.stringify(payment.month)}`);
  const s = catalogues[lang].slips;
  const month = monthName(lang, payment.month);
  const thirteenth = includesThirteenth(payment);
  const ctx = await newDocument({
    title: t(lang, "documents.slip.title", { month }),
    lang,
    date: input.generatedOn,
  });
  const { doc, root } = ctx;
  drawReportHead(ctx, input, s.title);

  const rows: [string, string, boolean][] = [
    [s.month, thirteenth ? t(lang, "documents.slip.monthWithThirteenth", { month }) : month, false],
    [s.category, categoryName(lang, payment.category), false],
    [s.gross, money(lang, payment.grossCents), false],
    [s.tax, money(lang, payment.taxCents), false],
    [s.net, money(lang, payment.netCents), true],
  ];
  const table = group(ctx, root, "Table");
  const body = group(ctx, table, "TBody");
  let y = doc.y;
  for (const [label, value, strong] of rows) {
    const cells: Cell[] = [
      { text: label, role: "bold", scope: "Row" },
      { text: value, role: strong ? "bold" : "regular" },
    ];
    const style = { size: 11.5, rule: true, ...(strong ? { fill: "#e3ecf5" } : {}) };
    y += drawRow(ctx, body, { x: MARGIN, y }, COLUMNS, cells, style);
  }

  if (thirteenth) {
    const text = catalogues[lang].documents.slip.thirteenth;
    const top = y + 8 * MM;
    doc.fillColor(TEXT);
    tag(ctx, root, "P", () => {
      put(ctx, "bold", 11, text, MARGIN + 4 * MM, top + 4 * MM, {
        width: BODY_WIDTH - 8 * MM,
        lineGap: 1.5,
      });
    });
    const bottom = doc.y + 4 * MM;
    artifact(ctx, () => {
      doc
        .lineWidth(1.2)
        .strokeColor(BLUE)
        .roundedRect(MARGIN, top, BODY_WIDTH, bottom - top, 4);
      doc.stroke();
    });
  }
  return finish(doc);
}

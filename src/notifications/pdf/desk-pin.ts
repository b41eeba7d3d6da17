/**
 * The sheet printed at the desk for form MV35: the whole 16-character initial PIN, handed over
 * in person (no halves). Tagged like the other documents (heading, a table of label/value
 * rows, paragraphs); the PIN, the name and the fiscal code never go in the metadata, and the
 * fiscal code is printed masked as on the letter and the PIN card.
 */
import { maskFiscalCode } from "../../domain/mask.ts";
import { groupPin } from "../../domain/pin.ts";
import { civilDate } from "../../i18n/format.ts";
import { t, type Lang } from "../../i18n/index.ts";
import { finish, group, MM, newDocument, put, tag, TEXT } from "./document.ts";
import { BODY_WIDTH, MARGIN } from "./report.ts";
import { drawRow, type Column } from "./table.ts";

export interface DeskPinSheet {
  lang: Lang;
  pin: string;
  holderName: string;
  /** The full code: only its masked form is printed. */
  fiscalCode: string;
  officeName: string;
  /** YYYY-MM-DD (Rome) */
  issuedOn: string;
}

const COLUMNS: readonly Column[] = [{ width: 150 }, { width: BODY_WIDTH - 150 }];

export async function renderDeskPinPdf(s: DeskPinSheet): Promise<Buffer> {
  if (!/^[2-9A-HJKMNP-Z]{16}$/u.test(s.pin)) throw new RangeError("not a 16-character PIN");
  const { lang } = s;
  const ctx = await newDocument({ title: t(lang, "deskPdf.title"), lang, date: s.issuedOn });
  const { doc } = ctx;
  doc.fillColor(TEXT);
  tag(ctx, ctx.root, "H1", () => {
    put(ctx, "bold", 18, t(lang, "deskPdf.heading"), MARGIN, 20 * MM, { width: BODY_WIDTH });
  });
  doc.y += 4 * MM;
  tag(ctx, ctx.root, "P", () => {
    put(ctx, "regular", 11.5, t(lang, "deskPdf.intro"), MARGIN, doc.y, {
      width: BODY_WIDTH,
      lineGap: 1.5,
    });
  });
  doc.y += 6 * MM;
  const body = group(ctx, group(ctx, ctx.root, "Table"), "TBody");
  let y = doc.y;
  const rows: [string, string, "regular" | "bold" | "mono", number][] = [
    [t(lang, "deskPdf.holder"), s.holderName, "bold", 12],
    [t(lang, "deskPdf.fiscalCode"), maskFiscalCode(s.fiscalCode), "mono", 12],
    [t(lang, "deskPdf.pin"), groupPin(s.pin), "mono", 20],
    [t(lang, "deskPdf.level"), t(lang, "deskPdf.levelValue"), "bold", 12],
    [t(lang, "deskPdf.office"), s.officeName, "regular", 12],
    [t(lang, "deskPdf.date"), civilDate(lang, s.issuedOn), "regular", 12],
  ];
  for (const [label, value, role, size] of rows)
    y += drawRow(
      ctx,
      body,
      { x: MARGIN, y },
      COLUMNS,
      [
        { text: label, role: "bold", scope: "Row" },
        { text: value, role },
      ],
      { size, rule: true },
    );
  doc.y = y + 8 * MM;
  tag(ctx, ctx.root, "P", () => {
    put(ctx, "bold", 11.5, t(lang, "deskPdf.keep"), MARGIN, doc.y, {
      width: BODY_WIDTH,
      lineGap: 1.5,
    });
  });
  return finish(doc);
}

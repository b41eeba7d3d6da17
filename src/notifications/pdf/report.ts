/**
 * What the consultation documents (contribution statement, pension slip) share: the
 * heading with the holder, the masked fiscal code and the date, page numbers, and the
 * catalogue's words for contribution kinds and pension categories.
 */

import { maskFiscalCode } from "../../domain/mask.ts";
import { catalogues, t, type Lang } from "../../i18n/index.ts";
import { civilDate } from "../../i18n/format.ts";
import { A4, artifact, group, GREY, MM, put, tag, TEXT } from "./document.ts";
import type { Ctx } from "./document.ts";

/** Who and when, as every consultation document prints it. */
export interface ReportHead {
  lang: Lang;
  holderName: string;
  /** The full fiscal code: printed masked (maskFiscalCode). */
  fiscalCode: string;
  /** YYYY-MM-DD */
  generatedOn: string;
}

export const MARGIN = 20 * MM;
export const BODY_WIDTH = A4.width - 2 * MARGIN;
/** Content stops here; the page number goes below. */
export const BODY_BOTTOM = A4.height - 22 * MM;

/** The words for a contribution kind ("employee" → "Lavoro dipendente"); unknown kinds as they are. */
export function kindName(lang: Lang, kind: string): string {
  const kinds: Readonly<Record<string, string>> = catalogues[lang].contributions.kinds;
  return kinds[kind] ?? kind;
}

/** The words for a pension category ("VO" → "Pensione di vecchiaia"); unknown codes as they are. */
export function categoryName(lang: Lang, category: string): string {
  const categories: Readonly<Record<string, string>> = catalogues[lang].slips.categories;
  return categories[category] ?? category;
}

/**
 * Draws the title (H1) and the holder, masked fiscal code and date lines at the top of the
 * first page; leaves doc.y under them. Throws RangeError on a malformed date.
 */
export function drawReportHead(ctx: Ctx, head: ReportHead, title: string): void {
  const { doc, root } = ctx;
  const { lang } = head;
  const lines = [
    t(lang, "documents.common.holder", { name: head.holderName.trim() }),
    t(lang, "documents.common.fiscalCode", { fiscalCode: maskFiscalCode(head.fiscalCode) }),
    t(lang, "documents.common.generatedOn", { date: civilDate(lang, head.generatedOn) }),
  ];
  doc.fillColor(TEXT);
  tag(ctx, root, "H1", () => {
    put(ctx, "bold", 16, title, MARGIN, 18 * MM, { width: BODY_WIDTH });
  });
  doc.y += 2 * MM;
  const block = group(ctx, root, "Div");
  for (const line of lines)
    tag(ctx, block, "P", () => {
      put(ctx, "regular", 10.5, line, MARGIN, doc.y, { width: BODY_WIDTH, lineGap: 1 });
    });
  doc.y += 5 * MM;
}

/** Writes "Pagina n di N" at the foot of every page (a pagination artifact); needs bufferPages. */
export function drawPageNumbers(ctx: Ctx, lang: Lang): void {
  const { doc } = ctx;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const text = t(lang, "documents.common.page", { page: i + 1, pages: range.count });
    artifact(
      ctx,
      () => {
        doc.fillColor(GREY);
        put(ctx, "regular", 9, text, MARGIN, A4.height - 15 * MM, {
          width: BODY_WIDTH,
          align: "center",
          lineBreak: false,
        });
      },
      "Pagination",
    );
  }
}

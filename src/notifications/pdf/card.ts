/**
 * The printable PIN card: an A4 page with a heading, an ID-1 card (85.6 x 54 mm) between
 * cut guides, and the longer instructions under it. Nothing on the page is smaller than
 * MIN_TEXT_SIZE; the fiscal code is masked as in the letter.
 */

import { maskFiscalCode } from "../../domain/mask.ts";
import { groupPin } from "../../domain/pin.ts";
import { LOCALES } from "../../i18n/format.ts";
import {
  A4,
  artifact,
  BLUE,
  fit,
  finish,
  GREY,
  group,
  MIN_TEXT_SIZE,
  MM,
  newDocument,
  put,
  tag,
  TEXT,
  widthOf,
} from "./document.ts";
import type { Ctx } from "./document.ts";
import { cardTexts, checkPin, otherLang } from "./texts.ts";
import type { PinCard } from "./texts.ts";

/** ID-1 card size (85.60 x 53.98 mm). */
const CARD = { width: 85.6 * MM, height: 53.98 * MM } as const;
const BAND = 10 * MM;

/** Dashed outline 2 mm outside the card, and crop marks reaching towards the page edges. */
function cutGuides(ctx: Ctx, x: number, y: number): void {
  const { doc } = ctx;
  const [l, r, t, b] = [x - 2 * MM, x + CARD.width + 2 * MM, y - 2 * MM, y + CARD.height + 2 * MM];
  artifact(ctx, () => {
    doc.lineWidth(0.6).strokeColor(GREY).dash(4, { space: 3 });
    doc
      .rect(l, t, r - l, b - t)
      .stroke()
      .undash();
    for (const [x1, y1, x2, y2] of [
      [l, t - 10 * MM, l, t - 2 * MM],
      [r, t - 10 * MM, r, t - 2 * MM],
      [l, b + 2 * MM, l, b + 10 * MM],
      [r, b + 2 * MM, r, b + 10 * MM],
      [l - 10 * MM, t, l - 2 * MM, t],
      [l - 10 * MM, b, l - 2 * MM, b],
      [r + 2 * MM, t, r + 10 * MM, t],
      [r + 2 * MM, b, r + 10 * MM, b],
    ] as const)
      doc.moveTo(x1, y1).lineTo(x2, y2).stroke();
  });
}

/**
 * Renders the printable PIN card, tagged. Rejects with RangeError on an invalid PIN or
 * date. `c.fiscalCode` is the full code: only its masked form is printed.
 */
export async function renderPinCardPdf(c: PinCard): Promise<Buffer> {
  checkPin(c.pin, "pin");
  const t = cardTexts(c);
  const ctx = await newDocument({ title: t.title, lang: c.lang, date: c.issuedOn });
  const { doc, root } = ctx;
  const left = 20 * MM;
  const width = A4.width - 2 * left;
  const x = (A4.width - CARD.width) / 2;
  const y = 52 * MM;
  const pad = 4 * MM;
  const inner = CARD.width - 2 * pad;

  doc.fillColor(TEXT);
  tag(ctx, root, "H1", () => {
    put(ctx, "bold", 16, t.heading, left, 18 * MM, { width });
  });
  tag(ctx, root, "P", () => {
    put(ctx, "regular", 11.5, t.print, left, doc.y + 2 * MM, { width, lineGap: 1.5 });
  });

  cutGuides(ctx, x, y);
  artifact(ctx, () => {
    doc.lineWidth(0.8).strokeColor(BLUE);
    doc.roundedRect(x, y, CARD.width, CARD.height, 3 * MM).stroke();
    doc
      .save()
      .roundedRect(x, y, CARD.width, CARD.height, 3 * MM)
      .clip();
    doc.rect(x, y, CARD.width, BAND).fill(BLUE).restore();
  });

  // The card, in reading order: title and level in the band, then label/value rows.
  const card = group(ctx, root, "Sect");
  doc.fillColor("#ffffff");
  tag(ctx, card, "H2", () => {
    fit(ctx, "bold", t.title, { x: x + pad, y: y + 2.5 * MM, width: inner / 2, size: 11, min: 9 });
  });
  tag(ctx, card, "P", () => {
    const level = `${t.level}: ${t.levelValue}`;
    const box = { x: x + pad + inner / 2, y: y + 3 * MM, width: inner / 2, size: 9, min: 9 };
    fit(ctx, "bold", level, box, { align: "right" });
  });

  const labels = [t.holder, t.fiscalCode, t.pin];
  const labelW = Math.max(...labels.map((s) => widthOf(ctx, "regular", 9, s))) + 2.5 * MM;
  const valueX = x + pad + labelW;
  const valueW = inner - labelW;
  const row = (label: string, rowY: number, draw: () => void): void => {
    tag(ctx, card, "P", () => {
      doc.fillColor(GREY);
      // The trailing space keeps label and value apart for assistive technology.
      put(ctx, "regular", MIN_TEXT_SIZE, `${label} `, x + pad, rowY, { lineBreak: false });
      doc.fillColor(TEXT);
      draw();
    });
  };
  row(t.holder, y + 13.3 * MM, () => {
    const box = { x: valueX, y: y + 13 * MM, width: valueW, size: 10.5, min: 9 };
    fit(ctx, "bold", c.holderName, box);
  });
  row(t.fiscalCode, y + 20.3 * MM, () => {
    const box = { x: valueX, y: y + 20 * MM, width: valueW, size: 10.5, min: 9 };
    fit(ctx, "mono", maskFiscalCode(c.fiscalCode), box);
  });
  row(t.pin, y + 29 * MM, () => {
    put(ctx, "mono", 22, groupPin(c.pin), valueX, y + 25.9 * MM, {
      lineBreak: false,
      characterSpacing: 2,
    });
  });
  tag(ctx, card, "P", () => {
    fit(ctx, "bold", t.expires, { x: x + pad, y: y + 37.5 * MM, width: inner, size: 10, min: 9 });
  });
  doc.fillColor(BLUE);
  tag(ctx, card, "P", () => {
    const box = { x: x + pad, y: y + 44 * MM, width: inner, size: MIN_TEXT_SIZE, min: 9 };
    fit(ctx, "bold", t.cardWarning, box);
  });

  // Instructions under the card.
  doc.fillColor(TEXT);
  doc.y = y + CARD.height + 14 * MM;
  for (const [i, p] of [t.issued, ...t.paragraphs].entries())
    tag(ctx, root, "P", () => {
      put(ctx, i === 1 ? "bold" : "regular", 11.5, p, left, doc.y, {
        width,
        lineGap: 1.5,
        paragraphGap: 6,
      });
    });
  doc.moveDown(0.5);
  doc.fillColor(GREY);
  tag(
    ctx,
    root,
    "P",
    () => {
      put(ctx, "regular", MIN_TEXT_SIZE, t.summary, left, doc.y, { width });
    },
    { lang: LOCALES[otherLang(c.lang)] },
  );

  return finish(doc);
}

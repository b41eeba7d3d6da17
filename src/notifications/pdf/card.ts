/** The printable PIN card. */

import { A4, BLUE, finish, GREY, MM, newDocument, put, TEXT } from "./document.ts";
import { groupPin } from "../../domain/pin.ts";
import { cardTexts, checkPin } from "./texts.ts";
import type { PinCard } from "./texts.ts";

// ---------------------------------------------------------------------------
// The PIN card

/** ID-1 card size (85.60 x 53.98 mm). */
const CARD = { width: 85.6 * MM, height: 53.98 * MM } as const;

/**
 * Renders the printable PIN card: an ID-1 sized card with dashed cut lines on an A4
 * page, followed by short instructions. Rejects with RangeError on an invalid PIN or date.
 */
export async function renderPinCardPdf(c: PinCard): Promise<Buffer> {
  checkPin(c.pin, "pin");
  const t = cardTexts(c);
  const ctx = await newDocument({ title: t.title, lang: c.lang, date: c.issuedOn });
  const { doc } = ctx;
  const left = 20 * MM;
  const width = A4.width - 2 * left;
  const x = (A4.width - CARD.width) / 2;
  const y = 35 * MM;

  // Cut guides: dashed outline plus crop marks reaching towards the page edges.
  doc.fillColor(GREY);
  put(ctx, "regular", 8, t.cutHere, x, y - 8 * MM, { width: CARD.width, align: "center" });
  doc
    .lineWidth(0.6)
    .strokeColor(GREY)
    .dash(4, { space: 3 })
    .rect(x - 2 * MM, y - 2 * MM, CARD.width + 4 * MM, CARD.height + 4 * MM)
    .stroke()
    .undash();
  for (const [x1, y1, x2, y2] of [
    [x - 2 * MM, y - 12 * MM, x - 2 * MM, y - 4 * MM],
    [x + CARD.width + 2 * MM, y - 12 * MM, x + CARD.width + 2 * MM, y - 4 * MM],
    [x - 2 * MM, y + CARD.height + 4 * MM, x - 2 * MM, y + CARD.height + 12 * MM],
    [
      x + CARD.width + 2 * MM,
      y + CARD.height + 4 * MM,
      x + CARD.width + 2 * MM,
      y + CARD.height + 12 * MM,
    ],
    [x - 12 * MM, y - 2 * MM, x - 4 * MM, y - 2 * MM],
    [x - 12 * MM, y + CARD.height + 2 * MM, x - 4 * MM, y + CARD.height + 2 * MM],
    [x + CARD.width + 4 * MM, y - 2 * MM, x + CARD.width + 12 * MM, y - 2 * MM],
    [
      x + CARD.width + 4 * MM,
      y + CARD.height + 2 * MM,
      x + CARD.width + 12 * MM,
      y + CARD.height + 2 * MM,
    ],
  ] as const) {
    doc.moveTo(x1, y1).lineTo(x2, y2).stroke();
  }

  // The card.
  const pad = 4 * MM;
  const inner = CARD.width - 2 * pad;
  doc
    .lineWidth(0.8)
    .strokeColor(BLUE)
    .roundedRect(x, y, CARD.width, CARD.height, 3 * MM)
    .stroke();
  doc
    .save()
    .roundedRect(x, y, CARD.width, CARD.height, 3 * MM)
    .clip()
    .rect(x, y, CARD.width, 9 * MM)
    .fill(BLUE)
    .restore();
  doc.fillColor("#ffffff");
  put(ctx, "bold", 10, t.title, x + pad, y + 2.6 * MM, { width: inner / 2, lineBreak: false });
  put(ctx, "bold", 8, `${t.level}: ${t.levelValue}`, x + pad + inner / 2, y + 3.2 * MM, {
    width: inner / 2,
    align: "right",
    lineBreak: false,
  });

  const label = (text: string, ly: number): void => {
    doc.fillColor(GREY);
    put(ctx, "regular", 6, text, x + pad, ly, { width: inner, lineBreak: false });
  };
  label(t.holder, y + 11 * MM);
  doc.fillColor(TEXT);
  put(ctx, "bold", 9, c.holderName, x + pad, y + 13.2 * MM, {
    width: inner,
    height: 11,
    ellipsis: true,
    lineBreak: false,
  });
  label(t.fiscalCode, y + 18.5 * MM);
  doc.fillColor(TEXT);
  put(ctx, "mono", 9, c.fiscalCode, x + pad, y + 20.7 * MM, { width: inner, lineBreak: false });
  label("PIN", y + 26 * MM);
  doc.fillColor(TEXT);
  put(ctx, "mono", 20, groupPin(c.pin), x + pad, y + 28 * MM, {
    width: inner,
    lineBreak: false,
    characterSpacing: 2,
  });
  doc.fillColor(TEXT);
  put(ctx, "regular", 6.5, `${t.issued}  -  ${t.expires}`, x + pad, y + 38 * MM, {
    width: inner,
    lineBreak: false,
  });
  doc.fillColor(BLUE);
  put(ctx, "bold", 6, t.cardWarning, x + pad, y + 42.5 * MM, { width: inner, lineGap: 0.5 });

  // Instructions under the card.
  doc.fillColor(TEXT);
  put(ctx, "bold", 14, t.heading, left, y + CARD.height + 20 * MM, { width });
  doc.moveDown(0.5);
  for (const p of t.paragraphs)
    put(ctx, "regular", 11.5, p, left, undefined, { width, lineGap: 1.5, paragraphGap: 6 });
  doc.moveDown(0.5);
  doc.fillColor(GREY);
  put(ctx, "regular", 9, t.summary, left, undefined, { width });

  return finish(doc);
}

/** The letter carrying the second half of the initial PIN, as PDF and as plain text. */

import { groupPin } from "../../domain/pin.ts";
import { catalogues } from "../../i18n/index.ts";
import { LOCALES } from "../../i18n/format.ts";
import { blocksHeight, drawBlocks, drawPinCells } from "./blocks.ts";
import type { Block } from "./blocks.ts";
import {
  A4,
  artifact,
  BLUE,
  finish,
  group,
  GREY,
  height,
  MM,
  newDocument,
  put,
  tag,
  TEXT,
} from "./document.ts";
import { checkPin, letterTexts, otherLang, senderLines } from "./texts.ts";
import type { PinLetter } from "./texts.ts";

/**
 * Renders the letter with the second half of the initial PIN (A4, for a DL envelope
 * with the window on the right), tagged. Rejects with RangeError on an invalid PIN or date.
 */
export async function renderPinLetterPdf(l: PinLetter): Promise<Buffer> {
  checkPin(l.pinSecondHalf, "pinSecondHalf");
  const t = letterTexts(l);
  const sender = senderLines(l.lang);
  const ctx = await newDocument({ title: t.title, lang: l.lang, date: l.date });
  const { doc, root } = ctx;
  const left = 20 * MM;
  const width = A4.width - 2 * left;

  // Fold marks for a DL envelope (A4 folded in three: 99 mm + 99 mm + 99 mm).
  artifact(ctx, () => {
    doc.lineWidth(0.5).strokeColor(GREY);
    for (const y of [99 * MM, 198 * MM])
      doc
        .moveTo(4 * MM, y)
        .lineTo(9 * MM, y)
        .stroke();
  });

  // Sender block, top left; reference block, left of the window (hidden by the envelope).
  // One paragraph per line, so that assistive technology keeps the lines apart.
  const senderBlock = group(ctx, root, "Div");
  sender.forEach((line, i) => {
    tag(ctx, senderBlock, "P", () => {
      doc.fillColor(i === 0 ? BLUE : TEXT);
      const y = i === 0 ? 15 * MM : undefined;
      put(ctx, i === 0 ? "bold" : "regular", i === 0 ? 10 : 9, line, left, y, { width: 95 * MM });
    });
  });
  const referenceBlock = group(ctx, root, "Div");
  doc.fillColor(TEXT);
  [t.place, t.reference, t.fiscalCode].forEach((line, i) => {
    tag(ctx, referenceBlock, "P", () => {
      put(ctx, "regular", 10, line, left, i === 0 ? 55 * MM : undefined, { width: 80 * MM });
    });
  });

  // Address block in the window area of a DL right-window envelope
  // (window about 90 x 45 mm, 20 mm from the right edge, 45-90 mm from the top).
  // The small return address above it is for the postal service: an artifact.
  const winX = 110 * MM;
  const winW = 80 * MM;
  const winTop = 48 * MM;
  const winH = 42 * MM;
  artifact(ctx, () => {
    doc.fillColor(GREY);
    put(ctx, "regular", 6.5, catalogues[l.lang].documents.sender.returnAddress, winX, winTop, {
      width: winW,
      lineBreak: false,
      underline: true,
    });
  });
  const block = l.addressLines.join("\n");
  let size = 10.5;
  while (
    size > 7 &&
    height(ctx, "regular", size, block, { width: winW, lineGap: 0.5 }) > winH - 6 * MM
  )
    size -= 0.5;
  const addressBlock = group(ctx, root, "Div");
  doc.fillColor(TEXT);
  l.addressLines.forEach((line, i) => {
    tag(ctx, addressBlock, "P", () => {
      const y = i === 0 ? winTop + 5 * MM : undefined;
      put(ctx, i === 0 ? "bold" : "regular", size, line, winX, y, { width: winW, lineGap: 0.5 });
    });
  });

  // Subject and body, at the largest font size (11.5 pt down to 9.5 pt) that fits the page.
  doc.fillColor(TEXT);
  tag(ctx, root, "H1", () => {
    put(ctx, "bold", 14, t.subject, left, 101 * MM, { width });
  });
  const bodyTop = doc.y + 3 * MM;
  const footerTop = A4.height - 19 * MM;
  const boxH = 34 * MM;
  const before: Block[] = [t.greeting, ...t.intro].map((text) => ({
    role: "regular",
    text,
    gapAfter: 5,
  }));
  const after: Block[] = [
    { role: "bold", text: t.stepsTitle, gapAfter: 3, sizeDelta: 0.5, kind: "H2" },
    ...t.steps.map((text): Block => ({ role: "regular", text, kind: "LI", gapAfter: 4 })),
    { role: "bold", text: t.warning, gapAfter: 5 },
    { role: "regular", text: t.contact, gapAfter: 5 },
    { role: "regular", text: t.closing, gapAfter: 0 },
    { role: "regular", text: sender[0], gapAfter: 0 },
  ];
  const boxGaps = 4 + boxH + 4 * MM;
  let bodySize = 11.5;
  while (
    bodySize > 9.5 &&
    blocksHeight(ctx, [...before, ...after], bodySize, width) + boxGaps > footerTop - bodyTop
  )
    bodySize -= 0.5;

  doc.y = bodyTop;
  drawBlocks(ctx, root, before, bodySize, left, width);

  // The 8 characters, large and boxed.
  const boxTop = doc.y + 4;
  const cell = 13 * MM;
  artifact(ctx, () => {
    doc.lineWidth(1.5).strokeColor(BLUE).roundedRect(left, boxTop, width, boxH, 6).stroke();
  });
  const pinBox = group(ctx, root, "Div");
  tag(ctx, pinBox, "P", () => {
    doc.fillColor(BLUE);
    put(ctx, "bold", 11, t.pinLabel, left + 5 * MM, boxTop + 3 * MM, { width: width - 10 * MM });
  });
  const cellsWidth = 8 * cell + cell * 0.6;
  const cellsX = left + (width - cellsWidth) / 2;
  drawPinCells(ctx, pinBox, l.pinSecondHalf, { x: cellsX, y: boxTop + 10 * MM, cell, size: 30 });
  doc.y = boxTop + boxH + 4 * MM;

  doc.fillColor(TEXT);
  drawBlocks(ctx, root, after, bodySize, left, width);

  // One line in the other language, at the foot of the page.
  artifact(ctx, () => {
    doc
      .lineWidth(0.5)
      .strokeColor(GREY)
      .moveTo(left, A4.height - 17 * MM)
      .lineTo(A4.width - left, A4.height - 17 * MM)
      .stroke();
  });
  doc.fillColor(GREY);
  tag(
    ctx,
    root,
    "P",
    () => {
      put(ctx, "regular", 9, t.summary, left, A4.height - 15 * MM, { width });
    },
    { lang: LOCALES[otherLang(l.lang)] },
  );

  return finish(doc);
}

/** The PIN letter as plain text (development outbox). Throws RangeError on invalid input. */
export function pinLetterText(l: PinLetter): string {
  checkPin(l.pinSecondHalf, "pinSecondHalf");
  const t = letterTexts(l);
  const sender = senderLines(l.lang);
  const out: string[] = [...sender, "", ...l.addressLines, ""];
  out.push(t.place, t.reference, t.fiscalCode, "", t.subject, "", t.greeting, "");
  for (const p of t.intro) out.push(p, "");
  out.push(`${t.pinLabel}:`, "", `    ${groupPin(l.pinSecondHalf)}`, "", `${t.stepsTitle}:`);
  t.steps.forEach((s, i) => out.push(`${i + 1}. ${s}`));
  out.push("", t.warning, "", t.contact, "", t.closing, sender[0], "", "--", t.summary, "");
  return out.join("\n");
}

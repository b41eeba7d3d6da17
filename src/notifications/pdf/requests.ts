/**
 * The holder's request documents, tagged like the others: the conversion request form
 * (pre-filled, with the request reference in words and as a QR code, to print and sign) and
 * the receipt of a benefit claim (protocol, filing time, status, what was declared).
 */
import QRCode from "qrcode";
import { findBenefit } from "../../domain/benefits.ts";
import type { BenefitClaim } from "../../flows/ports.ts";
import { maskFiscalCode } from "../../domain/mask.ts";
import { t, type Lang } from "../../i18n/index.ts";
import { civilDate, romeDateTime } from "../../i18n/format.ts";
import { romeDate } from "../../domain/eligibility.ts";
import { artifact, finish, group, MM, newDocument, put, tag, TEXT } from "./document.ts";
import type { Ctx } from "./document.ts";
import { BODY_WIDTH, MARGIN } from "./report.ts";
import { drawRow } from "./table.ts";
import type { Column } from "./table.ts";

const COLUMNS: readonly Column[] = [{ width: 170 }, { width: BODY_WIDTH - 170 }];

function title(ctx: Ctx, text: string, width = BODY_WIDTH): void {
  ctx.doc.fillColor(TEXT);
  tag(ctx, ctx.root, "H1", () => {
    put(ctx, "bold", 16, text, MARGIN, 18 * MM, { width });
  });
  ctx.doc.y += 4 * MM;
}

function rows(ctx: Ctx, items: readonly (readonly [string, string])[]): void {
  const body = group(ctx, group(ctx, ctx.root, "Table"), "TBody");
  let y = ctx.doc.y;
  for (const [label, value] of items)
    y += drawRow(
      ctx,
      body,
      { x: MARGIN, y },
      COLUMNS,
      [{ text: label, role: "bold", scope: "Row" }, { text: value }],
      { size: 11, rule: true },
    );
  ctx.doc.y = y + 5 * MM;
}

function paragraphs(ctx: Ctx, texts: readonly string[], size = 11): void {
  for (const text of texts) {
    tag(ctx, ctx.root, "P", () => {
      put(ctx, "regular", size, text, MARGIN, ctx.doc.y, { width: BODY_WIDTH, lineGap: 1.5 });
    });
    ctx.doc.y += 3 * MM;
  }
}

/** The QR code as vector squares (sharp at any print resolution), tagged as a figure. */
function qr(ctx: Ctx, text: string, alt: string, x: number, y: number, size: number): void {
  const code = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = code.modules.size;
  const cell = size / (n + 8);
  const { doc } = ctx;
  tag(
    ctx,
    ctx.root,
    "Figure",
    () => {
      doc.save().fillColor("#000000");
      for (let row = 0; row < n; row++)
        for (let col = 0; col < n; col++)
          if (code.modules.get(row, col) === 1)
            doc.rect(x + (col + 4) * cell, y + (row + 4) * cell, cell, cell);
      doc.fill().restore();
    },
    { alt },
  );
}

export interface ConversionFormDocument {
  lang: Lang;
  reference: string;
  fiscalCode: string;
  surname: string;
  givenNames: string;
  date: Date;
}

export async function renderConversionFormPdf(f: ConversionFormDocument): Promise<Buffer> {
  const { lang } = f;
  const day = romeDate(f.date);
  const ctx = await newDocument({
    title: t(lang, "documents.conversionForm.title"),
    lang,
    date: day,
  });
  const qrSize = 34 * MM;
  qr(
    ctx,
    `INPS-PIN-CONVERSION:${f.reference}`,
    t(lang, "documents.conversionForm.qrAlt", { reference: f.reference }),
    MARGIN + BODY_WIDTH - qrSize,
    12 * MM,
    qrSize,
  );
  title(ctx, t(lang, "documents.conversionForm.title"), BODY_WIDTH - qrSize - 4 * MM);
  ctx.doc.y = Math.max(ctx.doc.y, 12 * MM + qrSize + 2 * MM);
  rows(ctx, [
    [t(lang, "documents.conversionForm.reference"), f.reference],
    [t(lang, "documents.conversionForm.surname"), f.surname],
    [t(lang, "documents.conversionForm.givenNames"), f.givenNames],
    [t(lang, "documents.conversionForm.fiscalCode"), f.fiscalCode],
    [t(lang, "documents.conversionForm.date"), civilDate(lang, day)],
  ]);
  paragraphs(ctx, [
    t(lang, "documents.conversionForm.request"),
    t(lang, "documents.conversionForm.attachment"),
    t(lang, "documents.conversionForm.privacy"),
  ]);
  ctx.doc.y += 8 * MM;
  const lineY = ctx.doc.y + 10 * MM;
  paragraphs(ctx, [t(lang, "documents.conversionForm.signature")]);
  artifact(ctx, () => {
    ctx.doc.lineWidth(0.8).strokeColor(TEXT);
    ctx.doc
      .moveTo(MARGIN, lineY + 8 * MM)
      .lineTo(MARGIN + 70 * MM, lineY + 8 * MM)
      .stroke();
    ctx.doc
      .moveTo(MARGIN + BODY_WIDTH - 80 * MM, lineY + 8 * MM)
      .lineTo(MARGIN + BODY_WIDTH, lineY + 8 * MM)
      .stroke();
  });
  ctx.doc.y = lineY + 20 * MM;
  paragraphs(ctx, [t(lang, "documents.conversionForm.howToSend")], 10);
  return finish(ctx.doc);
}

export interface BenefitReceiptDocument {
  lang: Lang;
  protocol: string;
  benefitName: string;
  holderName: string;
  fiscalCode: string;
  filedAt: Date;
  status: "waiting_for_dispositive" | "in_processing";
  /** The declared fields, labelled. */
  fields: readonly (readonly [string, string])[];
}

export async function renderBenefitReceiptPdf(r: BenefitReceiptDocument): Promise<Buffer> {
  const { lang } = r;
  const ctx = await newDocument({
    title: t(lang, "documents.benefitReceipt.title"),
    lang,
    date: romeDate(r.filedAt),
  });
  title(ctx, t(lang, "documents.benefitReceipt.title"));
  rows(ctx, [
    [t(lang, "documents.benefitReceipt.protocol"), r.protocol],
    [t(lang, "documents.benefitReceipt.benefit"), r.benefitName],
    [t(lang, "documents.benefitReceipt.holder"), r.holderName],
    [t(lang, "documents.benefitReceipt.fiscalCode"), maskFiscalCode(r.fiscalCode)],
    [t(lang, "documents.benefitReceipt.filedAt"), romeDateTime(lang, r.filedAt)],
    [t(lang, "documents.benefitReceipt.status"), t(lang, `documents.benefitReceipt.${r.status}`)],
    ...r.fields,
  ]);
  paragraphs(ctx, [
    t(lang, `documents.benefitReceipt.${r.status}Note`, {
      date: civilDate(lang, romeDate(r.filedAt)),
    }),
  ]);
  return finish(ctx.doc);
}

/** The receipt's labelled fields, in the catalogue's words. */
export function receiptFields(c: BenefitClaim, lang: Lang): [string, string][] {
  const b = findBenefit(c.benefitType);
  return Object.entries(c.fields).map(([name, value]) => {
    const f = b?.fields.find((x) => x.name === name);
    return [f?.label[lang] ?? name, f?.optionLabels?.[lang][value] ?? value];
  });
}

/** A claim's receipt, its fields labelled in the catalogue's words. */
export async function benefitReceipt(
  c: BenefitClaim,
  holderName: string,
  lang: Lang,
): Promise<Buffer> {
  return renderBenefitReceiptPdf({
    lang,
    protocol: c.protocol,
    benefitName: findBenefit(c.benefitType)?.name[lang] ?? c.benefitType,
    holderName,
    fiscalCode: c.fiscalCode,
    filedAt: c.filedAt,
    status: c.status,
    fields: receiptFields(c, lang),
  });
}

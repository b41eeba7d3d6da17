/**
 * The holder's data export (flows/export.ts) as a readable, tagged PDF: the usual heading
 * (holder, masked fiscal code, date), then one H2 section per export section in order — a
 * record as "label: value" paragraphs, a list as one list item per entry — and a closing note.
 * Sections, labels and values are generic, so a section added to the export appears here with
 * the title and field labels the catalogue gives it (its key and field names otherwise).
 */
import type { ExportValue, PersonalDataExport } from "../../flows/export.ts";
import { countryText } from "../../flows/activity-text.ts";
import { catalogues, type Lang } from "../../i18n/index.ts";
import { civilDate, romeDateTime } from "../../i18n/format.ts";
import { finish, group, GREY, MM, newDocument, put, tag, TEXT, height } from "./document.ts";
import type { Ctx, Struct } from "./document.ts";
import { BODY_BOTTOM, BODY_WIDTH, drawPageNumbers, drawReportHead, MARGIN } from "./report.ts";
import type { ReportHead } from "./report.ts";

export interface ExportDocument extends Omit<ReportHead, "generatedOn"> {
  data: PersonalDataExport;
}

const SIZE = 10;
const TOP = 20 * MM;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/u;
const DAY = /^\d{4}-\d{2}-\d{2}$/u;

type Entries = { readonly [k: string]: ExportValue };

function isRecord(v: ExportValue): v is Entries {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function label(lang: Lang, key: string): string {
  const fields: Readonly<Record<string, string>> = catalogues[lang].exportDoc.fields;
  return fields[key] ?? key;
}

/** A value in words: instants in Rome time, dates in full, yes/no, event codes and countries. */
function valueText(lang: Lang, key: string, v: ExportValue): string {
  const doc = catalogues[lang].exportDoc;
  if (v === null) return "-";
  if (typeof v === "boolean") return v ? doc.yes : doc.no;
  if (typeof v === "number") return String(v);
  if (typeof v === "string") {
    if (key === "type") {
      const events: Readonly<Record<string, string>> = catalogues[lang].activity.events;
      return events[v] ?? v;
    }
    if (key === "country") return countryText(lang, v);
    if (INSTANT.test(v)) return romeDateTime(lang, new Date(v));
    if (DAY.test(v)) return civilDate(lang, v);
    return v;
  }
  if (Array.isArray(v)) return v.map((x: ExportValue) => valueText(lang, key, x)).join(", ");
  const parts = Object.entries(v as Entries)
    .filter(([, x]) => x !== null)
    .map(([k, x]) => (key === "device" ? valueText(lang, k, x) : `${k}: ${valueText(lang, k, x)}`));
  return parts.length === 0 ? "-" : parts.join(key === "device" ? ", " : "; ");
}

/** Draws a paragraph under `parent` at doc.y, on a new page when it does not fit. */
function paragraph(ctx: Ctx, parent: Struct, type: string, text: string, bold = false): void {
  const { doc } = ctx;
  const opts = { width: BODY_WIDTH, lineGap: 1 };
  const h = height(ctx, bold ? "bold" : "regular", SIZE, text, opts);
  if (doc.y + h > BODY_BOTTOM) {
    doc.addPage();
    doc.y = TOP;
  }
  tag(ctx, parent, type, () => {
    put(ctx, bold ? "bold" : "regular", bold ? 13 : SIZE, text, MARGIN, doc.y, opts);
  });
  doc.y += bold ? 1.5 * MM : 0.8 * MM;
}

function recordText(lang: Lang, r: Entries): string {
  return Object.entries(r)
    .map(([k, v]) => `${label(lang, k)}: ${valueText(lang, k, v)}`)
    .join(" · ");
}

function drawSection(ctx: Ctx, lang: Lang, key: string, value: ExportValue): void {
  const doc = catalogues[lang].exportDoc;
  const titles: Readonly<Record<string, string>> = doc.sections;
  const sect = group(ctx, ctx.root, "Sect");
  ctx.doc.y += 3 * MM;
  ctx.doc.fillColor(TEXT);
  paragraph(ctx, sect, "H2", titles[key] ?? key, true);
  if (value === null || (Array.isArray(value) && value.length === 0)) {
    paragraph(ctx, sect, "P", doc.none);
  } else if (Array.isArray(value)) {
    const list = group(ctx, sect, "L");
    for (const item of value as readonly ExportValue[]) {
      const text = isRecord(item) ? recordText(lang, item) : valueText(lang, key, item);
      paragraph(ctx, group(ctx, list, "LI"), "LBody", `• ${text}`);
    }
  } else if (isRecord(value)) {
    for (const [k, v] of Object.entries(value))
      paragraph(ctx, sect, "P", `${label(lang, k)}: ${valueText(lang, k, v)}`);
  } else {
    paragraph(ctx, sect, "P", valueText(lang, key, value));
  }
}

export async function renderExportPdf(input: ExportDocument): Promise<Buffer> {
  const { lang, data } = input;
  const doc = catalogues[lang].exportDoc;
  const generatedOn = data.generatedAt.slice(0, 10);
  const ctx = await newDocument({ title: doc.title, lang, date: generatedOn, bufferPages: true });
  drawReportHead(ctx, { ...input, generatedOn }, doc.title);
  for (const [key, value] of Object.entries(data.sections)) drawSection(ctx, lang, key, value);
  ctx.doc.y += 3 * MM;
  ctx.doc.fillColor(GREY);
  paragraph(ctx, ctx.root, "P", doc.note);
  drawPageNumbers(ctx, lang);
  return finish(ctx.doc);
}

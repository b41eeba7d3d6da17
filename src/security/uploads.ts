/**
 * What an uploaded file really is, decided by its content (never by its name or the declared
 * type): a PDF, a JPEG or a PNG, or refused with the reason. Images are decoded and re-encoded
 * (sharp), which drops every metadata block (EXIF with GPS position, XMP, comments) and anything
 * hidden around the pixels; PDFs are parsed (pdf-lib) and refused when encrypted or carrying
 * JavaScript, launch actions or embedded files. Any file that reads as HTML/script markup is
 * refused too: a JPEG/HTML polyglot is valid to an image decoder and dangerous to a browser.
 * Received faxes (back office only, inspectFaxUpload) may also be TIFF, single or multi-page:
 * each page is decoded and re-encoded as a PNG image, so the TIFF itself is never kept.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream, type PDFObject } from "pdf-lib";
import sharp from "sharp";
import { scanPdf } from "./pdf-scan.ts";
import { Semaphore } from "./semaphore.ts";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/**
 * Decompression bombs are refused before decoding. Phone photos (JPEG, decoded scaled down)
 * reach 200 megapixels; a PNG is decoded whole, so it is held to less.
 */
const MAX_PIXELS = { "image/jpeg": 220_000_000, "image/png": 50_000_000 } as const;

export type UploadMediaType = "application/pdf" | "image/jpeg" | "image/png";

export const UPLOAD_REFUSALS = [
  "empty",
  "too_large",
  "file_type",
  "active_content",
  "pdf_encrypted",
  "pdf_javascript",
  "pdf_embedded_file",
  "pdf_too_complex",
  "too_many_pixels",
  "unreadable",
  // Fax intake only (inspectFaxUpload): a TIFF of more pages than one intake takes.
  "too_many_pages",
] as const;
export type UploadRefusal = (typeof UPLOAD_REFUSALS)[number];

export type UploadVerdict =
  { ok: true; mediaType: UploadMediaType; bytes: Buffer } | { ok: false; refusal: UploadRefusal };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function sniff(bytes: Buffer): UploadMediaType | null {
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") return "application/pdf";
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return "image/jpeg";
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return "image/png";
  return null;
}

// Markup a browser would act on. Only text-like parts of a file are searched (an image's
// metadata segments and what trails it, a PDF outside its streams): compressed data matches
// short patterns by chance, and these need seven or more exact characters.
const MARKUP = /<(?:script|html|iframe|svg|object|embed)\b|<!doctype\s+html|javascript:/iu;

/** JPEG: the segments before the first scan (APPn, COM...) and whatever follows the last EOI. */
function jpegTextParts(b: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let i = 2;
  while (i + 4 <= b.length && b[i] === 0xff) {
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) {
      i++;
      continue;
    }
    const length = b.readUInt16BE(i + 2);
    if (marker === 0xda) break; // start of scan: entropy-coded data follows
    parts.push(b.subarray(i + 4, i + 2 + length));
    i += 2 + length;
  }
  const eoi = b.lastIndexOf(Buffer.from([0xff, 0xd9]));
  if (eoi >= 0) parts.push(b.subarray(eoi + 2));
  return parts;
}

/** PNG: every chunk but the compressed ones (IDAT, zTXt, iCCP), and what follows IEND. */
function pngTextParts(b: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let i = 8;
  while (i + 12 <= b.length) {
    const length = b.readUInt32BE(i);
    const type = b.toString("latin1", i + 4, i + 8);
    if (!["IDAT", "zTXt", "iCCP"].includes(type)) parts.push(b.subarray(i + 8, i + 8 + length));
    i += 12 + length;
    if (type === "IEND") break;
  }
  parts.push(b.subarray(i));
  return parts;
}

/** PDF: the file without its streams' data. */
function pdfTextParts(b: Buffer): Buffer[] {
  const text = b.toString("latin1");
  return [
    Buffer.from(text.replace(/stream\r?\n[\s\S]*?endstream/gu, "stream endstream"), "latin1"),
  ];
}

export function carriesMarkup(bytes: Buffer, type: UploadMediaType): boolean {
  const parts =
    type === "image/jpeg"
      ? jpegTextParts(bytes)
      : type === "image/png"
        ? pngTextParts(bytes)
        : pdfTextParts(bytes);
  return parts.some((p) => MARKUP.test(p.toString("latin1")));
}

/** Large photos are scaled down to this (an identity document needs no more). */
const MAX_SIDE = 4000;
/** Decoding takes memory (up to ~3 bytes a pixel): one image at a time per process. */
const decoding = new Semaphore(1, 64);

async function reencodeImage(bytes: Buffer, type: "image/jpeg" | "image/png"): Promise<Buffer> {
  return decoding.run(async () => {
    const image = sharp(bytes, { failOn: "error", limitInputPixels: MAX_PIXELS[type] }).rotate();
    const meta = await image.metadata();
    if (meta.format !== (type === "image/jpeg" ? "jpeg" : "png"))
      throw new Error("format mismatch");
    const resized = image.resize({
      width: MAX_SIDE,
      height: MAX_SIDE,
      fit: "inside",
      withoutEnlargement: true,
    });
    // No withMetadata(): sharp writes pixels only (orientation applied by rotate() first).
    return type === "image/jpeg"
      ? resized.jpeg({ quality: 90 }).toBuffer()
      : resized.png({ compressionLevel: 9 }).toBuffer();
  });
}

/** A name as a reader sees it: `#xx` escapes decoded whatever the case of their digits. */
function nameText(n: PDFName): string {
  // pdf-lib decodes only upper-case escapes; the others stay as "#" + two characters.
  return n
    .decodeText()
    .replace(/^\//u, "")
    .replace(/#([0-9a-fA-F]{2})/gu, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Keys that carry scripts, forms that run or call out, media, attachments. */
const ACTIVE_KEYS = new Set([
  "JS",
  "JavaScript",
  "AA",
  "XFA",
  "RichMediaContent",
  "RichMediaSettings",
]);
const EMBEDDING_KEYS = new Set(["EF", "EmbeddedFile", "EmbeddedFiles"]);
const ACTIVE_ACTIONS = new Set([
  "JavaScript",
  "Launch",
  "ImportData",
  "SubmitForm",
  "ResetForm",
  "GoToR",
  "GoToE",
  "Rendition",
  "Movie",
  "Sound",
  "RichMediaExecute",
]);
const ACTIVE_TYPES = new Set(["EmbeddedFile", "RichMedia", "Screen", "Movie", "Sound", "3D"]);

/** Walks one object's direct values (indirect ones are visited on their own). */
function pdfVerdict(obj: PDFObject, depth = 0): UploadRefusal | null {
  if (depth > 64) return "unreadable";
  const dict = obj instanceof PDFStream ? obj.dict : obj instanceof PDFDict ? obj : null;
  if (dict !== null) {
    for (const [key, value] of dict.entries()) {
      const k = nameText(key);
      const v = value instanceof PDFName ? nameText(value) : null;
      if (ACTIVE_KEYS.has(k)) return "pdf_javascript";
      if (EMBEDDING_KEYS.has(k)) return "pdf_embedded_file";
      if (k === "S" && v !== null && ACTIVE_ACTIONS.has(v)) return "pdf_javascript";
      if ((k === "Type" || k === "Subtype") && v !== null && ACTIVE_TYPES.has(v))
        return v === "EmbeddedFile" ? "pdf_embedded_file" : "pdf_javascript";
      const inner = pdfVerdict(value, depth + 1);
      if (inner !== null) return inner;
    }
  } else if (obj instanceof PDFArray) {
    for (const value of obj.asArray()) {
      const inner = pdfVerdict(value, depth + 1);
      if (inner !== null) return inner;
    }
  }
  return null;
}

/** PDFs are parsed one at a time per process (a parse can take hundreds of megabytes). */
const parsing = new Semaphore(1, 64);

async function inspectPdf(bytes: Buffer): Promise<UploadRefusal | null> {
  const scanned = scanPdf(bytes);
  if (scanned !== null) return scanned;
  return parsing.run(() => parsePdf(bytes));
}

async function parsePdf(bytes: Buffer): Promise<UploadRefusal | null> {
  // A malformed file may load "successfully" with parts missing: any throw is unreadable, and
  // an object pdf-lib cannot parse (another reader might) is refused rather than skipped.
  try {
    const doc = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: true,
    });
    if (doc.isEncrypted) return "pdf_encrypted";
    for (const [, obj] of doc.context.enumerateIndirectObjects()) {
      const refusal = pdfVerdict(obj);
      if (refusal !== null) return refusal;
    }
    return pdfVerdict(doc.catalog) ?? (doc.getPageCount() > 0 ? null : "unreadable");
  } catch {
    return "unreadable";
  }
}

export async function inspectUpload(bytes: Buffer): Promise<UploadVerdict> {
  if (bytes.length === 0) return { ok: false, refusal: "empty" };
  if (bytes.length > MAX_UPLOAD_BYTES) return { ok: false, refusal: "too_large" };
  const mediaType = sniff(bytes);
  if (mediaType === null) return { ok: false, refusal: "file_type" };
  if (carriesMarkup(bytes, mediaType)) return { ok: false, refusal: "active_content" };
  if (mediaType === "application/pdf") {
    const refusal = await inspectPdf(bytes);
    return refusal === null ? { ok: true, mediaType, bytes } : { ok: false, refusal };
  }
  try {
    return { ok: true, mediaType, bytes: await reencodeImage(bytes, mediaType) };
  } catch (err) {
    const tooBig = err instanceof Error && /pixel limit/iu.test(err.message);
    return { ok: false, refusal: tooBig ? "too_many_pixels" : "unreadable" };
  }
}

const TIFF_LITTLE_ENDIAN = Buffer.from([0x49, 0x49, 0x2a, 0x00]);
const TIFF_BIG_ENDIAN = Buffer.from([0x4d, 0x4d, 0x00, 0x2a]);

/** "II*\0" (Intel) or "MM\0*" (Motorola): the two TIFF byte orders. */
export function isTiff(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 4);
  return head.equals(TIFF_LITTLE_ENDIAN) || head.equals(TIFF_BIG_ENDIAN);
}

/** A fax page is about 4 megapixels (A4 at 200 dpi); a page of more is not a fax. */
const MAX_TIFF_PAGE_PIXELS = 50_000_000;

export type FaxVerdict =
  | { ok: true; pages: { mediaType: UploadMediaType; bytes: Buffer }[] }
  | { ok: false; refusal: UploadRefusal };

/**
 * Each TIFF page decoded and re-encoded as a PNG (pixels only). The TIFF's own bytes are not
 * searched for markup: they are never stored or served, only the pixels decoded from them.
 */
async function tiffPages(bytes: Buffer, maxPages: number): Promise<FaxVerdict> {
  return decoding.run(async () => {
    const options = { failOn: "error", limitInputPixels: MAX_TIFF_PAGE_PIXELS } as const;
    const meta = await sharp(bytes, options).metadata();
    if (meta.format !== "tiff") return { ok: false, refusal: "unreadable" };
    const count = meta.pages ?? 1;
    if (count > maxPages) return { ok: false, refusal: "too_many_pages" };
    const pages: { mediaType: UploadMediaType; bytes: Buffer }[] = [];
    for (let page = 0; page < count; page++) {
      const png = await sharp(bytes, { ...options, page })
        .rotate()
        .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: "inside", withoutEnlargement: true })
        .png({ compressionLevel: 9 })
        .toBuffer();
      pages.push({ mediaType: "image/png", bytes: png });
    }
    return { ok: true, pages };
  });
}

/**
 * A file of a received fax (back office): a TIFF (its pages as PNG images), or a PDF, JPEG or
 * PNG judged exactly as a holder's upload is (inspectUpload).
 */
export async function inspectFaxUpload(bytes: Buffer, maxPages: number): Promise<FaxVerdict> {
  if (bytes.length === 0) return { ok: false, refusal: "empty" };
  if (bytes.length > MAX_UPLOAD_BYTES) return { ok: false, refusal: "too_large" };
  if (isTiff(bytes)) {
    try {
      return await tiffPages(bytes, maxPages);
    } catch (err) {
      const tooBig = err instanceof Error && /pixel limit/iu.test(err.message);
      return { ok: false, refusal: tooBig ? "too_many_pixels" : "unreadable" };
    }
  }
  const v = await inspectUpload(bytes);
  return v.ok ? { ok: true, pages: [{ mediaType: v.mediaType, bytes: v.bytes }] } : v;
}

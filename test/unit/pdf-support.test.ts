/**
 * Shared checks for the PDF tests (pdf*.test.ts): bytes, metadata, tagging through poppler's
 * pdfinfo, text through pdftotext, and the font sizes used in each page's content stream.
 * Other test files import the helpers; the self-tests at the bottom run only when this file
 * is itself the test being run.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inflateSync } from "node:zlib";

/** Checks the bytes look like a complete, small PDF with `pages` pages; returns them as latin1 text. */
export function assertPdf(buf: Buffer, pages = 1): string {
  assert.equal(buf.subarray(0, 5).toString("latin1"), "%PDF-");
  assert.ok(buf.length < 200 * 1024 * pages, `size ${buf.length}`);
  const raw = buf.toString("latin1");
  assert.match(raw.trimEnd(), /%%EOF$/);
  assert.equal(raw.match(/\/Type \/Page\b/g)?.length, pages, `exactly ${pages} page(s)`);
  // Tagged without poppler too: MarkInfo /Marked true and a structure tree with content.
  assert.match(raw, /\/Marked true/);
  assert.match(raw, /\/StructTreeRoot \d+ 0 R/);
  assert.match(raw, /\/S \/Document/);
  return raw;
}

/** The document information dictionary (metadata): pdfkit writes each value as an indirect string object. */
export function infoDict(raw: string): Record<string, string> {
  const infoRef = /\/Info (\d+) 0 R/.exec(raw)?.[1];
  assert.ok(infoRef, "trailer /Info");
  const dict = new RegExp(`(?:^|\\n)${infoRef} 0 obj\\s*<<([\\s\\S]*?)>>`).exec(raw)?.[1];
  assert.ok(dict, "info dictionary");
  const out: Record<string, string> = {};
  for (const [, key, ref] of dict.matchAll(/\/(\w+) (\d+) 0 R/g)) {
    const value = new RegExp(`(?:^|\\n)${ref} 0 obj\\s*\\(([^)]*)\\)`).exec(raw)?.[1];
    assert.ok(key !== undefined && value !== undefined, `info value ${key}`);
    out[key] = value;
  }
  return out;
}

/** All metadata: the information dictionary and the XMP stream. */
export function metadataText(raw: string): string {
  const xmp = /<x:xmpmeta[\s\S]*?<\/x:xmpmeta>/.exec(raw)?.[0] ?? "";
  return `${Object.values(infoDict(raw)).join("\n")}\n${xmp}`;
}

function hasTool(name: string): boolean {
  try {
    execFileSync(name, ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * Poppler's tools, when installed (.ci/run installs poppler-utils). Without them the tests
 * that need them are skipped locally, and fail in CI.
 */
export const POPPLER = hasTool("pdfinfo") && hasTool("pdftotext");
export const needsPoppler = {
  skip: POPPLER || process.env.CI !== undefined ? false : "pdfinfo/pdftotext not installed",
};

function withFile<T>(buf: Buffer, run: (file: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), "inps-pdf-"));
  try {
    const file = path.join(dir, "doc.pdf");
    writeFileSync(file, buf);
    return run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `pdfinfo` output (args e.g. ["-struct-text"]). */
export function pdfinfo(buf: Buffer, args: string[] = []): string {
  return withFile(buf, (f) => execFileSync("pdfinfo", [...args, f], { encoding: "utf8" }));
}

/** The text of the document (or of page `page`), as pdftotext extracts it. */
export function pdftotext(buf: Buffer, page?: number): string {
  const range = page === undefined ? [] : ["-f", String(page), "-l", String(page)];
  return withFile(buf, (f) =>
    execFileSync("pdftotext", ["-layout", ...range, f, "-"], { encoding: "utf8" }),
  );
}

/** Asserts pdfinfo reports the document as tagged and returns its structure tree with text. */
export function assertTagged(buf: Buffer): string {
  assert.match(pdfinfo(buf), /^Tagged:\s+yes$/m);
  return pdfinfo(buf, ["-struct-text"]);
}

/** An object's stream, inflated when it is FlateDecode. */
function objectStream(raw: string, id: string): string {
  const at = new RegExp(`(?:^|\\n)${id} 0 obj\\s*<<([\\s\\S]*?)>>\\s*stream\\r?\\n`).exec(raw);
  assert.ok(at?.[1] !== undefined, `stream object ${id}`);
  const length = Number(/\/Length (\d+)/.exec(at[1])?.[1]);
  const start = at.index + at[0].length;
  const data = Buffer.from(raw.slice(start, start + length), "latin1");
  return (/\/FlateDecode/.test(at[1]) ? inflateSync(data) : data).toString("latin1");
}

/** The font sizes (Tf operators) used on each page, in page order. */
export function fontSizesPerPage(buf: Buffer): number[][] {
  const raw = buf.toString("latin1");
  const kids = /\/Type \/Pages\s*\/Count \d+\s*\/Kids \[([^\]]*)\]/.exec(raw)?.[1];
  assert.ok(kids !== undefined, "page tree");
  return [...kids.matchAll(/(\d+) 0 R/g)].map(([, page]) => {
    const dict = new RegExp(`(?:^|\\n)${page} 0 obj\\s*<<([\\s\\S]*?)\\n>>`).exec(raw)?.[1];
    const contents = dict === undefined ? undefined : /\/Contents (\d+) 0 R/.exec(dict)?.[1];
    assert.ok(contents !== undefined, `contents of page object ${page}`);
    const ops = objectStream(raw, contents);
    return [...ops.matchAll(/\/\S+ (-?[\d.]+) Tf\b/g)].map((m) => Number(m[1]));
  });
}

if (import.meta.main) {
  describe("PDF test support", () => {
    it("reads the font sizes of each page (and sees small text when there is some)", async () => {
      const { default: PDFDocument } = await import("pdfkit");
      const doc = new PDFDocument({ size: "A4" });
      const chunks: Buffer[] = [];
      doc.on("data", (c: Buffer) => chunks.push(c));
      const done = new Promise((resolve) => doc.on("end", resolve));
      doc.fontSize(12).text("one").addPage().fontSize(6.5).text("two").fontSize(20).text("3");
      doc.end();
      await done;
      assert.deepEqual(fontSizesPerPage(Buffer.concat(chunks)), [[12], [6.5, 20]]);
    });

    it("finds poppler's pdfinfo and pdftotext (CI installs poppler-utils)", needsPoppler, () => {
      assert.ok(POPPLER);
    });
  });
}

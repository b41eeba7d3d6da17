/**
 * A PDF read the way a byte scanner reads it, before (and besides) the parser: PDF readers
 * find objects through the cross-reference table, pdf-lib by reading front to back, so an
 * object can be seen by one and not the other (a duplicate object number, an object inside a
 * stream whose /Length lies, one after a comment). Here every name token of the file — and of
 * every Flate stream, inflated within a budget — is looked at, whatever object it belongs to.
 * Object streams inflating past their limit (a 300 KB file can inflate to 300 MB and take the
 * process down inside the parser) and files with absurd numbers of objects are refused here,
 * before the parser sees them.
 */
import { inflateSync } from "node:zlib";

export type PdfScanVerdict = "pdf_javascript" | "pdf_embedded_file" | "pdf_too_complex" | null;

/** Names found in any object of a document carrying scripts, actions or attachments. */
const ACTIVE_NAMES = new Set([
  "JavaScript",
  "Launch",
  "ImportData",
  "SubmitForm",
  "GoToE",
  "RichMedia",
  "RichMediaContent",
  "RichMediaExecute",
]);
const EMBEDDED_NAMES = new Set(["EmbeddedFile", "EmbeddedFiles"]);

/** A scanned document has a few hundred objects. */
const MAX_OBJECTS = 20_000;
/** An object stream or cross-reference stream inflates to at most this. */
const MAX_OBJECT_STREAM = 8 * 1024 * 1024;
/** Every Flate stream together inflates to at most this (scanned once, then dropped). */
const INFLATE_BUDGET = 256 * 1024 * 1024;
const MAX_STREAM = 64 * 1024 * 1024;

const NAME = /\/((?:[A-Za-z0-9]|#[0-9A-Fa-f]{2}){3,40})(?=[\s/<>[\]()%]|$)/gu;

function namesVerdict(text: string): "pdf_javascript" | "pdf_embedded_file" | null {
  for (const m of text.matchAll(NAME)) {
    const name = (m[1] ?? "").replace(/#([0-9A-Fa-f]{2})/gu, (_x, h: string) =>
      String.fromCharCode(parseInt(h, 16)),
    );
    if (ACTIVE_NAMES.has(name)) return "pdf_javascript";
    if (EMBEDDED_NAMES.has(name)) return "pdf_embedded_file";
  }
  return null;
}

/** Each stream's data start and the dictionary before it (the text since its "obj"). */
function* streams(text: string): Generator<{ dict: string; start: number }> {
  for (const m of text.matchAll(/(?<!end)stream\r?\n/gu)) {
    const at = m.index;
    const head = text.slice(Math.max(0, at - 4096), at);
    const obj = head.lastIndexOf("obj");
    yield { dict: obj < 0 ? head : head.slice(obj), start: at + m[0].length };
  }
}

export function scanPdf(bytes: Buffer): PdfScanVerdict {
  const text = bytes.toString("latin1");
  const objects = text.match(/\b\d+\s+\d+\s+obj\b/gu)?.length ?? 0;
  if (objects > MAX_OBJECTS) return "pdf_too_complex";
  const plain = namesVerdict(text);
  if (plain !== null) return plain;
  let budget = INFLATE_BUDGET;
  for (const { dict, start } of streams(text)) {
    if (!/\/FlateDecode\b/u.test(dict)) continue;
    const end = text.indexOf("endstream", start);
    if (end < 0) break;
    const structural = /\/Type\s*\/(?:ObjStm|XRef)\b/u.test(dict);
    const limit = Math.min(structural ? MAX_OBJECT_STREAM : MAX_STREAM, budget);
    let inflated: Buffer;
    try {
      inflated = inflateSync(bytes.subarray(start, end), {
        maxOutputLength: limit + 1,
        finishFlush: 2, // Z_SYNC_FLUSH: a stream cut short still yields what it has
      });
    } catch (err) {
      if (err instanceof RangeError) return "pdf_too_complex";
      continue; // not Flate after all (a reader would fail on it too)
    }
    if (inflated.length > limit) return "pdf_too_complex";
    budget -= inflated.length;
    const inner = inflated.toString("latin1");
    if (structural && (inner.match(/\bobj\b|<</gu)?.length ?? 0) > MAX_OBJECTS * 4)
      return "pdf_too_complex";
    const verdict = namesVerdict(inner);
    if (verdict !== null) return verdict;
  }
  return null;
}

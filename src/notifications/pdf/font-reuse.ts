/**
 * What pdfkit would otherwise redo for every document, kept across documents (the daily
 * letter batch renders thousands of letters with the same few fonts and mostly the same words):
 *
 * 1. Fontkit fonts parsed by pdfkit: parsing the TrueType tables costs more than laying out a
 *    whole letter. Taken from the document after pdfkit has opened the font.
 * 2. The text layout (OpenType shaping) of each word, per fontkit font: pdfkit caches it per
 *    document only, so every letter shaped "Gentile", "PIN", "caratteri"... again. pdfkit's
 *    embedded-font class gets a cache shared by every document using the same parsed font;
 *    the cached runs are never modified by pdfkit (it copies a position before changing it),
 *    and the glyph subset stays per document (encode() still adds each glyph to it).
 *
 * Both reach into pdfkit internals (`doc._font`, its `font` and the class's `layoutCached` /
 * `layoutRun`), checked at run time: if pdfkit changes them, fonts are simply parsed and laid
 * out again for every document, as pdfkit does by itself.
 */

const parsedFonts = new Map<string, object>();

/** A layout cache per parsed font, bounded: names and addresses add new words every day. */
const layouts = new WeakMap<object, Map<string, unknown>>();
const MAX_WORDS_PER_FONT = 20_000;

let patched = false;

interface EmbeddedFontLike {
  font: object;
  layoutRun(text: string): unknown;
}

function isEmbeddedFont(v: unknown): v is EmbeddedFontLike {
  return (
    typeof v === "object" &&
    v !== null &&
    typeof Reflect.get(v, "layoutRun") === "function" &&
    typeof Reflect.get(v, "layoutCached") === "function" &&
    typeof Reflect.get(v, "font") === "object"
  );
}

/** Gives pdfkit's embedded-font class a layout cache shared across documents (once). */
function shareLayouts(font: EmbeddedFontLike): void {
  if (patched) return;
  patched = true;
  const proto: unknown = Object.getPrototypeOf(font);
  if (typeof proto !== "object" || proto === null) return;
  const layoutCached = function (this: EmbeddedFontLike, text: string): unknown {
    let cache = layouts.get(this.font);
    if (cache === undefined) {
      cache = new Map();
      layouts.set(this.font, cache);
    }
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const run = this.layoutRun(text);
    if (cache.size >= MAX_WORDS_PER_FONT) cache.clear();
    cache.set(text, run);
    return run;
  };
  Reflect.set(proto, "layoutCached", layoutCached);
}

let glyphsPatched = false;
const decoded = new WeakMap<object, unknown>();

/**
 * Each document's font subset decodes the outline of every glyph it embeds (to find the
 * components of compound glyphs), again and again for the same glyphs of the same parsed
 * font: the decoded outline is kept per glyph. Not for variable fonts, whose outlines the
 * variation processor transforms in place.
 */
function shareGlyphOutlines(font: object): void {
  if (glyphsPatched) return;
  glyphsPatched = true;
  const getGlyph: unknown = Reflect.get(font, "getGlyph");
  if (typeof getGlyph !== "function") return;
  const glyph: unknown = getGlyph.call(font, 0);
  const proto: unknown =
    typeof glyph === "object" && glyph !== null ? Object.getPrototypeOf(glyph) : null;
  if (typeof proto !== "object" || proto === null) return;
  const original: unknown = Reflect.get(proto, "_decode");
  if (typeof original !== "function") return;
  const decode = function (this: object): unknown {
    const owner: unknown = Reflect.get(this, "_font");
    const variable =
      typeof owner === "object" &&
      owner !== null &&
      Reflect.get(owner, "_variationProcessor") != null;
    if (variable) return original.call(this) as unknown;
    if (decoded.has(this)) return decoded.get(this);
    const value: unknown = original.call(this);
    decoded.set(this, value);
    return value;
  };
  Reflect.set(proto, "_decode", decode);
}

/** After `doc.font(name)` with an embedded font: keep its parsed font and share its layouts. */
export function reuseFont(doc: PDFKit.PDFDocument, name: string): void {
  const current: unknown = Reflect.get(doc, "_font");
  if (!isEmbeddedFont(current)) return;
  shareLayouts(current);
  shareGlyphOutlines(current.font);
  if (!parsedFonts.has(name) && typeof Reflect.get(current.font, "layout") === "function")
    parsedFonts.set(name, current.font);
}

/** The parsed font registered under `name` by an earlier document, if any. */
export function parsedFont(name: string): object | undefined {
  return parsedFonts.get(name);
}

/**
 * The HTML alternative of an e-mail, built from the same catalogue strings as its text body:
 * minimal and accessible — a lang attribute, a title, one paragraph per text paragraph, the
 * indented lines of the text (a PIN half, a code, a link) set apart, links as <a>. Every text
 * is escaped; no remote images, no scripts, no styles from elsewhere.
 */
import type { Lang } from "../i18n/index.ts";
import { escapeHtml as escape } from "../web/html.ts";

const URL_PATTERN = /https?:\/\/[^\s<>"']+/gu;

/** Escaped text with its http(s) links as <a>. */
function withLinks(s: string): string {
  let out = "";
  let last = 0;
  for (const m of s.matchAll(URL_PATTERN)) {
    out += escape(s.slice(last, m.index));
    out += `<a href="${escape(m[0])}">${escape(m[0])}</a>`;
    last = m.index + m[0].length;
  }
  return out + escape(s.slice(last));
}

function block(paragraph: string): string {
  const trimmed = paragraph.replace(/^\n+|\n+$/gu, "");
  if (trimmed === "") return "";
  // An indented line is what the reader must copy (a PIN half, a code) or a link.
  if (/^ {4}\S/u.test(trimmed)) {
    const value = trimmed.trim();
    if (/^https?:\/\//u.test(value)) return `<p>${withLinks(value)}</p>`;
    return `<p style="font-family:monospace;font-size:1.4em;letter-spacing:0.1em"><strong>${escape(value)}</strong></p>`;
  }
  return `<p>${trimmed.split("\n").map(withLinks).join("<br>")}</p>`;
}

/** The whole document; `paragraphs` as the text body has them (blank line between). */
export function emailHtml(lang: Lang, subject: string, paragraphs: readonly string[]): string {
  const body = paragraphs
    .flatMap((p) => p.split(/\n\n/u))
    .map(block)
    .filter((b) => b !== "")
    .join("\n");
  return [
    "<!DOCTYPE html>",
    `<html lang="${lang}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    `<title>${escape(subject)}</title></head>`,
    '<body style="font-family:sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a">',
    body,
    "</body>",
    "</html>",
  ].join("\n");
}

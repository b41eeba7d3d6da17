/**
 * The long texts of the information pages are catalogue data written in a tiny markup; this
 * turns them into escaped HTML. Blocks are separated by a blank line: "### " starts a
 * subheading (h3, under the page's h2 sections), lines that start with "- " form a list, the
 * other lines a paragraph. Inline: **bold** and [link text](href), where href is a local path,
 * a fragment, an https:// address or a mailto: address; anything else throws, so a slip in the
 * catalogue fails the page tests instead of reaching a citizen.
 */
import { html, type Html } from "../../html.ts";

const INLINE = /\*\*(?<bold>[^*]+)\*\*|\[(?<text>[^\]]+)\]\((?<href>[^)\s]+)\)/gu;
const SAFE_HREF = /^(?:\/(?!\/)|#[\w-]+$|https:\/\/[\w.-]+(?:\/|$)|mailto:[^@\s]+@[\w.-]+$)/u;

export function safeHref(href: string): string {
  if (!SAFE_HREF.test(href))
    throw new Error(`unsafe or malformed link in a catalogue text: ${href}`);
  return href;
}

/** One line of text: escaped, with **bold** and [links](href). */
export function inline(text: string): Html {
  const parts: Html[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    parts.push(html`${text.slice(last, m.index)}`);
    const g = m.groups ?? {};
    parts.push(
      g.bold !== undefined
        ? html`<strong>${g.bold}</strong>`
        : html`<a class="text-break" href="${safeHref(g.href ?? "")}">${g.text ?? ""}</a>`,
    );
    last = m.index + m[0].length;
  }
  parts.push(html`${text.slice(last)}`);
  return html`${parts}`;
}

function block(text: string): Html {
  if (text.startsWith("### ")) return html`<h3 class="h5 mt-4">${inline(text.slice(4))}</h3>`;
  // Consecutive lines of one kind: list items, or the lines of a paragraph.
  const runs: { list: boolean; lines: string[] }[] = [];
  for (const line of text.split("\n")) {
    const list = line.startsWith("- ");
    const run = runs.at(-1);
    if (run !== undefined && run.list === list) run.lines.push(line);
    else runs.push({ list, lines: [line] });
  }
  return html`${runs.map((r) =>
    r.list
      ? html`<ul>${r.lines.map((l) => html`<li>${inline(l.slice(2))}</li>`)}</ul>`
      : html`<p>${inline(r.lines.join(" "))}</p>`,
  )}`;
}

/** A catalogue text of one or more blocks. */
export function prose(text: string): Html {
  return html`${text
    .split(/\n{2,}/u)
    .map((b) => b.trim())
    .filter((b) => b !== "")
    .map(block)}`;
}

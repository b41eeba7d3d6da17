/**
 * What the information pages share: the frame (header with the person logged in, if any),
 * their h2 sections with ids, and the "On this page" list of links to them.
 */
import { html, type Html } from "../../html.ts";
import { t, type Lang } from "../../../i18n/index.ts";
import { civilDate } from "../../../i18n/format.ts";
import { page, type PageUser } from "../../layout.ts";

export interface InfoFrame {
  lang: Lang;
  user: PageUser | null;
  csrfToken: string | undefined;
}

export interface Section {
  id: string;
  heading: string;
  body: Html;
}

export function infoPage(f: InfoFrame, o: { path: string; title: string; body: Html }): string {
  return page({
    lang: f.lang,
    title: o.title,
    path: o.path,
    user: f.user,
    csrfToken: f.csrfToken,
    body: o.body,
  });
}

export function sections(list: readonly Section[]): Html {
  return html`${list.map(
    (s) => html`<h2 id="${s.id}" class="h3 mt-5">${s.heading}</h2>
${s.body}`,
  )}`;
}

/** Links to the page's sections, for a long page. */
export function onThisPage(lang: Lang, list: readonly Section[]): Html {
  return html`<nav class="mb-4" aria-labelledby="on-this-page">
  <h2 id="on-this-page" class="h5">${t(lang, "info.onThisPage")}</h2>
  <ul>${list.map((s) => html`<li><a href="#${s.id}">${s.heading}</a></li>`)}</ul>
</nav>`;
}

/** "Last updated: 27 November 2026." */
export function lastUpdated(lang: Lang, isoDate: string): Html {
  return html`<p class="mt-5">${t(lang, "info.updated", { date: civilDate(lang, isoDate) })}</p>`;
}

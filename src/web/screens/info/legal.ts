/** /note-legali: copyright, use of the content, disclaimer, links to other sites. */
import { html } from "../../html.ts";
import { catalogues, t } from "../../../i18n/index.ts";
import { infoPage, lastUpdated, sections, type InfoFrame } from "./frame.ts";
import { prose } from "./prose.ts";

export const LEGAL_PATH = "/note-legali";
export const LEGAL_UPDATED = "2026-11-27";

type Key = keyof typeof catalogues.it.info.legal.sections;

export function legalPage(f: InfoFrame): string {
  const { lang } = f;
  const keys = Object.keys(catalogues.it.info.legal.sections) as Key[];
  const title = t(lang, "info.legal.title");
  return infoPage(f, {
    path: LEGAL_PATH,
    title,
    body: html`<h1>${title}</h1>
${sections(
  keys.map((k) => ({
    id: `legal-${k}`,
    heading: t(lang, `info.legal.sections.${k}.heading`),
    body: prose(t(lang, `info.legal.sections.${k}.body`)),
  })),
)}
${lastUpdated(lang, LEGAL_UPDATED)}`,
  });
}

/** /accessibilita: the accessibility statement, on the AgID model. */
import { html } from "../../html.ts";
import { catalogues, t } from "../../../i18n/index.ts";
import { civilDate } from "../../../i18n/format.ts";
import { infoPage, sections, type InfoFrame } from "./frame.ts";
import { prose } from "./prose.ts";

export const ACCESSIBILITY_PATH = "/accessibilita";

/** When the statement was written and last reviewed (review at least yearly). */
export const STATEMENT_WRITTEN = "2026-11-27";
export const STATEMENT_REVIEWED = "2026-11-27";

export interface AccessibilityFacts {
  /** The address the statement applies to. */
  url: string;
  /** The session's idle timeout, named among the known failures. */
  idleMinutes: number;
}

type Key = keyof typeof catalogues.it.info.accessibility.sections;

export function accessibilityPage(f: InfoFrame, facts: AccessibilityFacts): string {
  const { lang } = f;
  const vars = {
    url: facts.url,
    idleMinutes: facts.idleMinutes,
    written: civilDate(lang, STATEMENT_WRITTEN),
    reviewed: civilDate(lang, STATEMENT_REVIEWED),
  };
  const keys = Object.keys(catalogues.it.info.accessibility.sections) as Key[];
  const title = t(lang, "info.accessibility.title");
  return infoPage(f, {
    path: ACCESSIBILITY_PATH,
    title,
    body: html`<h1>${title}</h1>
${prose(t(lang, "info.accessibility.intro", vars))}
${sections(
  keys.map((k) => ({
    id: `accessibility-${k}`,
    heading: t(lang, `info.accessibility.sections.${k}.heading`),
    body: prose(t(lang, `info.accessibility.sections.${k}.body`, vars)),
  })),
)}`,
  });
}

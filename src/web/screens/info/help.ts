/**
 * /aiuto: help and frequently asked questions, written for an elderly person abroad: each
 * question a heading, short answers, a list of the questions at the top. Plain sections
 * rather than a collapsible accordion: everything is visible, printable and found with the
 * browser's own search.
 */
import { html } from "../../html.ts";
import { catalogues, t } from "../../../i18n/index.ts";
import { letterDelivery, VERIFICATION_CALL } from "../../../domain/postal-delivery.ts";
import { infoPage, onThisPage, sections, type InfoFrame } from "./frame.ts";
import { prose } from "./prose.ts";

export const HELP_PATH = "/aiuto";

type Key = keyof typeof catalogues.it.info.help.faq;

/** The letter's usual delivery times, from the same table the claim outcome page uses. */
function letterVars(): Record<string, number> {
  const regions = {
    eu: letterDelivery("FR"),
    am: letterDelivery("AR"),
    other: letterDelivery("AU"),
  };
  const vars: Record<string, number> = {};
  for (const [region, w] of Object.entries(regions)) {
    vars[`${region}Min`] = w.min;
    vars[`${region}Max`] = w.max;
    vars[`${region}Overdue`] = w.overdueAfter;
  }
  return vars;
}

export function helpPage(f: InfoFrame): string {
  const { lang } = f;
  const vars = {
    ...letterVars(),
    callNumber: VERIFICATION_CALL.fromNumber,
    callDays: VERIFICATION_CALL.withinWorkingDays,
  };
  const keys = Object.keys(catalogues.it.info.help.faq) as Key[];
  const faq = keys.map((k) => ({
    id: `faq-${k}`,
    heading: t(lang, `info.help.faq.${k}.heading`),
    body: prose(t(lang, `info.help.faq.${k}.body`, vars)),
  }));
  const title = t(lang, "info.help.title");
  return infoPage(f, {
    path: HELP_PATH,
    title,
    body: html`<h1>${title}</h1>
<div class="lead">${prose(t(lang, "info.help.intro"))}</div>
${onThisPage(lang, faq)}
${sections(faq)}`,
  });
}

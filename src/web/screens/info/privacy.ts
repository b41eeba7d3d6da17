/**
 * /privacy: the privacy notice (GDPR Art. 13), one section per processing the service does,
 * and the cookies it sets. Cookie names, session limits and message retention come from the
 * running configuration, so the notice says what this instance does.
 */
import { html, type Html } from "../../html.ts";
import { catalogues, t, type Lang } from "../../../i18n/index.ts";
import {
  infoPage,
  lastUpdated,
  onThisPage,
  sections,
  type InfoFrame,
  type Section,
} from "./frame.ts";
import { prose } from "./prose.ts";

export const PRIVACY_PATH = "/privacy";
export const PRIVACY_UPDATED = "2026-11-27";

type Processing = keyof typeof catalogues.it.info.privacy.processings.items;
type Field = keyof typeof catalogues.it.info.privacy.processings.labels;
type Other = keyof typeof catalogues.it.info.privacy.sections;
export type CookieRow = keyof typeof catalogues.it.info.privacy.cookies.rows;

export interface PrivacyFacts {
  /** Each cookie's name as this instance sets it (__Host- prefixed in production). */
  cookieNames: Readonly<Record<CookieRow, string>>;
  sessionHours: number;
  idleMinutes: number;
  /** Days after delivery before a message's recipient and text are scrubbed. */
  retentionDays: number;
}

const FIELDS: readonly Field[] = ["data", "purpose", "basis", "recipients", "retention"];

function processings(lang: Lang, vars: Record<string, number>): Html {
  const keys = Object.keys(catalogues.it.info.privacy.processings.items) as Processing[];
  return html`${prose(t(lang, "info.privacy.processings.intro"))}
${keys.map(
  (k) => html`<h3 class="h4 mt-4">${t(lang, `info.privacy.processings.items.${k}.heading`)}</h3>
<dl>${FIELDS.map(
    (field) => html`<dt>${t(lang, `info.privacy.processings.labels.${field}`)}</dt>
<dd class="mb-3">${t(lang, `info.privacy.processings.items.${k}.${field}`, vars)}</dd>`,
  )}</dl>`,
)}`;
}

function cookies(lang: Lang, facts: PrivacyFacts, vars: Record<string, number>): Html {
  const rows = Object.keys(catalogues.it.info.privacy.cookies.rows) as CookieRow[];
  return html`${prose(t(lang, "info.privacy.cookies.body"))}
<table class="table">
  <caption>${t(lang, "info.privacy.cookies.caption")}</caption>
  <thead><tr>
    <th scope="col">${t(lang, "info.privacy.cookies.name")}</th>
    <th scope="col">${t(lang, "info.privacy.cookies.purpose")}</th>
    <th scope="col">${t(lang, "info.privacy.cookies.lifetime")}</th>
  </tr></thead>
  <tbody>${rows.map(
    (r) => html`<tr>
    <th scope="row"><code class="text-break">${facts.cookieNames[r]}</code></th>
    <td>${t(lang, `info.privacy.cookies.rows.${r}.purpose`)}</td>
    <td>${t(lang, `info.privacy.cookies.rows.${r}.lifetime`, vars)}</td>
  </tr>`,
  )}</tbody>
</table>`;
}

export function privacyPage(f: InfoFrame, facts: PrivacyFacts): string {
  const { lang } = f;
  const vars = {
    sessionHours: facts.sessionHours,
    idleMinutes: facts.idleMinutes,
    retentionDays: facts.retentionDays,
  };
  const simple = (id: string, key: "controller" | "dpo"): Section => ({
    id,
    heading: t(lang, `info.privacy.${key}.heading`),
    body: prose(t(lang, `info.privacy.${key}.body`)),
  });
  const others = (Object.keys(catalogues.it.info.privacy.sections) as Other[]).map(
    (k): Section => ({
      id: `privacy-${k}`,
      heading: t(lang, `info.privacy.sections.${k}.heading`),
      body: prose(t(lang, `info.privacy.sections.${k}.body`)),
    }),
  );
  const list: Section[] = [
    simple("privacy-controller", "controller"),
    simple("privacy-dpo", "dpo"),
    {
      id: "privacy-processings",
      heading: t(lang, "info.privacy.processings.heading"),
      body: processings(lang, vars),
    },
    ...others,
    {
      id: "privacy-cookies",
      heading: t(lang, "info.privacy.cookies.heading"),
      body: cookies(lang, facts, vars),
    },
  ];
  const title = t(lang, "info.privacy.title");
  return infoPage(f, {
    path: PRIVACY_PATH,
    title,
    body: html`<h1>${title}</h1>
<div class="lead">${prose(t(lang, "info.privacy.intro"))}</div>
${onThisPage(lang, list)}
${sections(list)}
${lastUpdated(lang, PRIVACY_UPDATED)}`,
  });
}

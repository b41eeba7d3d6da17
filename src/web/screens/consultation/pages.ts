/** The personal area and the consultation pages (contribution statement, pension slips). */
import type { PensionPayment } from "../../../domain/archive.ts";
import type { ContributionStatement } from "../../../flows/consult.ts";
import { html } from "../../html.ts";
import { catalogues, t, type Lang } from "../../../i18n/index.ts";
import { page, type PageUser } from "../../layout.ts";
import { civilDate, integer, money, monthName } from "../../../i18n/format.ts";
import { includesThirteenth } from "../../../domain/pension.ts";

/** Archive codes (contribution kinds, pension categories) in words; unknown codes as they are. */
function kindName(lang: Lang, kind: string): string {
  return (catalogues[lang].contributions.kinds as Readonly<Record<string, string>>)[kind] ?? kind;
}

function categoryName(lang: Lang, category: string): string {
  return (
    (catalogues[lang].slips.categories as Readonly<Record<string, string>>)[category] ?? category
  );
}

export function personalAreaPage(
  lang: Lang,
  v: { user: PageUser; csrfToken: string; level: "ordinary" | "dispositive"; expiresOn: string },
): string {
  return page({
    lang,
    title: t(lang, "area.title"),
    path: "/area-personale",
    user: v.user,
    csrfToken: v.csrfToken,
    body: html`<h1>${t(lang, "area.title")}</h1>
<p class="lead">${t(lang, "area.welcome", { name: v.user.name })}</p>
<dl class="row">
  <dt class="col-sm-4">${t(lang, "area.level")}</dt><dd class="col-sm-8">${t(lang, v.level === "ordinary" ? "area.ordinary" : "area.dispositive")}</dd>
  <dt class="col-sm-4">${t(lang, "area.expires")}</dt><dd class="col-sm-8">${v.expiresOn}</dd>
</dl>
<div class="row">
  <div class="col-md-6 mb-3"><div class="card card-bg"><div class="card-body">
    <h2 class="h5 card-title">${t(lang, "contributions.title")}</h2>
    <p class="card-text">${t(lang, "area.contributionsText")}</p>
    <a class="btn btn-primary" href="/estratto-conto">${t(lang, "area.open")}<span class="visually-hidden"> ${t(lang, "contributions.title")}</span></a>
  </div></div></div>
  <div class="col-md-6 mb-3"><div class="card card-bg"><div class="card-body">
    <h2 class="h5 card-title">${t(lang, "slips.title")}</h2>
    <p class="card-text">${t(lang, "area.slipsText")}</p>
    <a class="btn btn-primary" href="/cedolino">${t(lang, "area.open")}<span class="visually-hidden"> ${t(lang, "slips.title")}</span></a>
  </div></div></div>
  <div class="col-md-6 mb-3"><div class="card card-bg"><div class="card-body">
    <h2 class="h5 card-title">${t(lang, "contacts.link")}</h2>
    <p class="card-text">${t(lang, "contacts.linkText")}</p>
    <a class="btn btn-primary" href="/area-personale/contatti">${t(lang, "area.open")}<span class="visually-hidden"> ${t(lang, "contacts.link")}</span></a>
  </div></div></div>
  ${(
    [
      ["/area-personale/pin-dispositivo", "conversion.link", "conversion.linkText"],
      ["/area-personale/domande", "benefits.link", "benefits.linkText"],
      ["/area-personale/attivita", "activity.link", "activity.linkText"],
      ["/area-personale/accessi", "sessions.link", "sessions.linkText"],
      ["/area-personale/dati", "dataExport.link", "dataExport.linkText"],
      // The office desk (issue 7, desk).
      ["/area-personale/deleghe", "deskCitizen.link", "deskCitizen.linkText"],
    ] as const
  ).map(
    ([
      href,
      title,
      text,
    ]) => html`<div class="col-md-6 mb-3"><div class="card card-bg"><div class="card-body">
    <h2 class="h5 card-title">${t(lang, title)}</h2>
    <p class="card-text">${t(lang, text)}</p>
    <a class="btn btn-primary" href="${href}">${t(lang, "area.open")}<span class="visually-hidden"> ${t(lang, title)}</span></a>
  </div></div></div>`,
  )}
</div>`,
  });
}

export function contributionsPage(
  lang: Lang,
  v: { user: PageUser; csrfToken: string; statement: ContributionStatement },
): string {
  const s = v.statement;
  return page({
    lang,
    title: t(lang, "contributions.title"),
    path: "/estratto-conto",
    user: v.user,
    csrfToken: v.csrfToken,
    body: html`<h1>${t(lang, "contributions.title")}</h1>
<p><a href="/area-personale">${t(lang, "area.back")}</a></p>
${
  s.periods.length === 0
    ? ""
    : html`<p><a class="btn btn-outline-primary" href="/estratto-conto.pdf">${t(lang, "contributions.downloadPdf")}</a></p>`
}
${
  s.periods.length === 0
    ? html`<p>${t(lang, "contributions.none")}</p>`
    : html`<p class="lead">${t(lang, "contributions.total", { weeks: integer(lang, s.totals.weeks), years: s.totals.years, months: s.totals.months })}</p>
<div class="table-responsive">
<table class="table table-striped table-stack">
  <caption>${t(lang, "contributions.caption")}</caption>
  <thead><tr>
    <th scope="col">${t(lang, "contributions.period")}</th>
    <th scope="col">${t(lang, "contributions.employer")}</th>
    <th scope="col">${t(lang, "contributions.kind")}</th>
    <th scope="col" class="text-end">${t(lang, "contributions.weeks")}</th>
    <th scope="col" class="text-end">${t(lang, "contributions.earnings")}</th>
  </tr></thead>
  <tbody>
  ${s.periods.map(
    (
      p,
    ) => html`<tr><td data-label="${t(lang, "contributions.period")}">${civilDate(lang, p.from)} – ${civilDate(lang, p.to)}</td>
      <td data-label="${t(lang, "contributions.employer")}">${p.employer}</td><td data-label="${t(lang, "contributions.kind")}">${kindName(lang, p.kind)}</td>
      <td class="text-end" data-label="${t(lang, "contributions.weeks")}">${integer(lang, p.weeks)}</td><td class="text-end" data-label="${t(lang, "contributions.earnings")}">${money(lang, p.earningsCents)}</td></tr>`,
  )}
  </tbody>
  <tfoot><tr><th scope="row" colspan="3">${t(lang, "contributions.totals")}</th><td class="text-end" data-label="${t(lang, "contributions.weeks")}">${integer(lang, s.totals.weeks)}</td><td class="text-end" data-label="${t(lang, "contributions.earnings")}">${money(lang, s.totals.earningsCents)}</td></tr></tfoot>
</table>
</div>`
}`,
  });
}

export function slipsPage(
  lang: Lang,
  v: { user: PageUser; csrfToken: string; slips: PensionPayment[] },
): string {
  return page({
    lang,
    title: t(lang, "slips.title"),
    path: "/cedolino",
    user: v.user,
    csrfToken: v.csrfToken,
    body: html`<h1>${t(lang, "slips.title")}</h1>
<p><a href="/area-personale">${t(lang, "area.back")}</a></p>
${
  v.slips.length === 0
    ? html`<p>${t(lang, "slips.none")}</p>`
    : html`<div class="table-responsive"><table class="table table-striped table-stack">
  <caption>${t(lang, "slips.caption")}</caption>
  <thead><tr>
    <th scope="col">${t(lang, "slips.month")}</th><th scope="col">${t(lang, "slips.category")}</th>
    <th scope="col" class="text-end">${t(lang, "slips.gross")}</th><th scope="col" class="text-end">${t(lang, "slips.tax")}</th>
    <th scope="col" class="text-end">${t(lang, "slips.net")}</th>
    <th scope="col"><span class="visually-hidden">${t(lang, "slips.pdf")}</span></th>
  </tr></thead>
  <tbody>
  ${v.slips.map(
    (
      p,
    ) => html`<tr><td data-label="${t(lang, "slips.month")}">${monthName(lang, p.month)}${includesThirteenth(p) ? html` <span class="badge bg-primary">${t(lang, "slips.thirteenth")}</span>` : ""}</td><td data-label="${t(lang, "slips.category")}">${categoryName(lang, p.category)}</td>
      <td class="text-end" data-label="${t(lang, "slips.gross")}">${money(lang, p.grossCents)}</td><td class="text-end" data-label="${t(lang, "slips.tax")}">${money(lang, p.taxCents)}</td>
      <td class="text-end" data-label="${t(lang, "slips.net")}">${money(lang, p.netCents)}</td>
      <td><a href="/cedolino/${p.month}.pdf">${t(lang, "slips.pdf")}<span class="visually-hidden"> ${t(lang, "slips.downloadPdf", { month: monthName(lang, p.month) })}</span></a></td></tr>`,
  )}
  </tbody></table></div>`
}`,
  });
}

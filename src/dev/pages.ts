/** Development pages: demo people and the outbox. */
import type { OffsetClock } from "../domain/clock.ts";
import { DEMO_STAFF_PASSWORD, type DemoStaffCode } from "./staff.ts";
import type { DevPerson } from "./people.ts";
import type { DevOutboxEntry } from "../notifications/dev-outbox.ts";
import { html } from "../web/html.ts";
import { t, type Lang } from "../i18n/index.ts";
import { page } from "../web/layout.ts";

export function devPeoplePage(lang: Lang, people: DevPerson[], clock: OffsetClock): string {
  const eligible = people.filter((p) => p.eligible).slice(0, 40);
  const ineligible = people.filter((p) => !p.eligible).slice(0, 40);
  return page({
    lang,
    dev: true,
    title: t(lang, "dev.peopleTitle"),
    path: "/dev",
    body: html`<h1>${t(lang, "dev.peopleTitle")}</h1>
<p>${t(lang, "dev.peopleIntro", { count: people.length })}</p>
<p><a href="/dev/outbox">${t(lang, "dev.outboxTitle")}</a> · <a href="/dev/staff">${t(lang, "dev.staffLink")}</a> · <a href="/dev/people.json">people.json</a> · <a href="/dev/outbox.json">outbox.json</a></p>
<p>${t(lang, "dev.clock", { now: clock.now().toISOString(), offset: clock.offsetSeconds })}</p>
<h2 class="h4">${t(lang, "dev.eligible")}</h2>
<div class="table-responsive"><table class="table table-sm table-stack">
<caption>${t(lang, "dev.eligible")}</caption>
<thead><tr><th scope="col">${t(lang, "dev.name")}</th><th scope="col">${t(lang, "dev.fiscalCode")}</th><th scope="col">${t(lang, "dev.country")}</th><th scope="col">${t(lang, "dev.action")}</th></tr></thead>
<tbody>${eligible.map(
      (
        p,
      ) => html`<tr><td data-label="${t(lang, "dev.name")}">${p.name}</td><td data-label="${t(lang, "dev.fiscalCode")}"><code>${p.fiscalCode}</code></td><td data-label="${t(lang, "dev.country")}">${p.country}</td>
        <td><a href="/dev/richiedi-pin?cf=${p.fiscalCode}">${t(lang, "dev.claimAs")}<span class="visually-hidden"> ${p.name}</span></a></td></tr>`,
    )}</tbody></table></div>
<h2 class="h4">${t(lang, "dev.ineligible")}</h2>
<div class="table-responsive"><table class="table table-sm table-stack">
<caption>${t(lang, "dev.ineligible")}</caption>
<thead><tr><th scope="col">${t(lang, "dev.name")}</th><th scope="col">${t(lang, "dev.fiscalCode")}</th><th scope="col">${t(lang, "dev.country")}</th><th scope="col">${t(lang, "dev.reason")}</th></tr></thead>
<tbody>${ineligible.map(
      (p) =>
        html`<tr><td data-label="${t(lang, "dev.name")}">${p.name}</td><td data-label="${t(lang, "dev.fiscalCode")}"><code>${p.fiscalCode}</code></td><td data-label="${t(lang, "dev.country")}">${p.country}</td><td data-label="${t(lang, "dev.reason")}">${p.reason ?? ""}</td></tr>`,
    )}</tbody></table></div>`,
  });
}

export function devOutboxPage(lang: Lang, entries: DevOutboxEntry[]): string {
  return page({
    lang,
    dev: true,
    title: t(lang, "dev.outboxTitle"),
    path: "/dev/outbox",
    body: html`<h1>${t(lang, "dev.outboxTitle")}</h1>
<p>${t(lang, "dev.outboxIntro")}</p>
<p><a href="/dev">${t(lang, "dev.peopleTitle")}</a></p>
${entries.length === 0 ? html`<p>${t(lang, "dev.outboxEmpty")}</p>` : ""}
${entries.map(
  (
    e,
  ) => html`<article class="card card-bg mb-3 outbox-message" data-channel="${e.channel}" data-kind="${e.kind}">
  <div class="card-body">
    <h2 class="h5 card-title">${e.channel.toUpperCase()} · ${e.subject ?? e.kind}</h2>
    <p class="small mb-1">${t(lang, "dev.to")}: <span class="outbox-to">${e.to}</span> · ${e.createdAt}</p>
    <pre class="outbox-text">${e.text}</pre>
    ${e.pdfUrl !== undefined ? html`<a class="btn btn-outline-primary btn-sm" href="${e.pdfUrl}">${t(lang, "dev.openPdf")}</a>` : ""}
  </div>
</article>`,
)}`,
  });
}

export function devStaffPage(lang: Lang, staff: DemoStaffCode[]): string {
  return page({
    lang,
    dev: true,
    title: t(lang, "dev.staffTitle"),
    path: "/dev/staff",
    body: html`<h1>${t(lang, "dev.staffTitle")}</h1>
<p>${t(lang, "dev.staffIntro", { password: DEMO_STAFF_PASSWORD })}</p>
<p><a href="/operatori/accedi">/operatori/accedi</a></p>
<div class="table-responsive"><table class="table table-sm table-stack">
<caption>${t(lang, "dev.staffTitle")}</caption>
<thead><tr><th scope="col">${t(lang, "dev.username")}</th><th scope="col">${t(lang, "dev.role")}</th><th scope="col">${t(lang, "dev.office")}</th><th scope="col">${t(lang, "dev.code")}</th></tr></thead>
<tbody>${staff.map(
      (s) =>
        html`<tr><td data-label="${t(lang, "dev.username")}"><code>${s.username}</code></td><td data-label="${t(lang, "dev.role")}">${t(lang, `staff.roles.${s.role}`)}</td><td data-label="${t(lang, "dev.office")}">${s.officeId ?? "-"}</td><td data-label="${t(lang, "dev.code")}"><code>${s.code ?? "-"}</code></td></tr>`,
    )}</tbody></table></div>`,
  });
}

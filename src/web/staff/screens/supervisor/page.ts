/** The supervisors' pages: audit search, staff accounts, queue figures. */
import { OFFICES } from "../../../../domain/offices.ts";
import { STAFF_ROLES, type StaffMember } from "../../../../domain/staff.ts";
import type { AccountListing, IssuedLink } from "../../../../flows/staff/supervisor-accounts.ts";
import type { QueueView } from "../../../../flows/staff/supervisor-queues.ts";
import type { AuditSearchRow } from "../../../../flows/ports-supervisor.ts";
import { romeDateTime } from "../../../../i18n/format.ts";
import { t, type Lang } from "../../../../i18n/index.ts";
import {
  csrfInput,
  errorSummary,
  noticeAlert,
  selectField,
  textField,
  type FieldErrors,
  type Notice,
} from "../../../components.ts";
import { html, type Html } from "../../../html.ts";
import { staffPage } from "../../layout.ts";

export const AUDIT_PATH = "/operatori/supervisione/audit";
export const STAFF_PATH = "/operatori/supervisione/personale";
export const QUEUES_PATH = "/operatori/supervisione/code";

interface Frame {
  lang: Lang;
  member: StaffMember;
  csrfToken: string;
  notice?: Notice | undefined;
  errors?: FieldErrors;
}

function summaryOf(lang: Lang, errors: FieldErrors, labels: Record<string, string>): Html {
  return errorSummary(
    t(lang, "form.errorSummary"),
    [...errors.entries()].map(([f, text]) => ({
      href: `#s-${f}`,
      text: `${labels[f] ?? f}: ${text}`,
    })),
  );
}

export interface AuditPageView extends Frame {
  values: Record<string, string>;
  result: { events: AuditSearchRow[]; truncated: boolean } | null;
}

export function auditPage(v: AuditPageView): string {
  const { lang } = v;
  const errors = v.errors ?? new Map<string, string>();
  const fields = [
    ["fiscalCode", t(lang, "staffSupervision.fiscalCode"), undefined],
    ["staff", t(lang, "staffSupervision.staff"), undefined],
    ["type", t(lang, "staffSupervision.type"), t(lang, "staffSupervision.typeHint")],
    ["from", t(lang, "staffSupervision.from"), undefined],
    ["to", t(lang, "staffSupervision.to"), undefined],
  ] as const;
  const labels = Object.fromEntries(fields.map(([f, l]) => [f, l]));
  const query = new URLSearchParams(
    Object.entries(v.values).filter(([k, x]) => x !== "" && k in labels),
  );
  const r = v.result;
  const exportHref = (format: string) =>
    `/api/v1/staff/audit?${query.toString()}${query.size > 0 ? "&" : ""}format=${format}`;
  const results =
    r === null
      ? html``
      : r.events.length === 0
        ? html`<p>${t(lang, "staffSupervision.noResults")}</p>`
        : html`${r.truncated ? html`<p class="alert alert-warning">${t(lang, "staffSupervision.truncated", { count: r.events.length })}</p>` : ""}
<p><a class="btn btn-outline-primary btn-sm" href="${exportHref("csv")}">${t(lang, "staffSupervision.exportCsv")}</a> <a class="btn btn-outline-primary btn-sm" href="${exportHref("json")}">${t(lang, "staffSupervision.exportJson")}</a></p>
<div class="table-responsive"><table class="table table-sm table-stack audit-results"><caption>${t(lang, "staffSupervision.resultsCaption")}</caption>
<thead><tr><th scope="col">#</th><th scope="col">${t(lang, "staffSupervision.at")}</th><th scope="col">${t(lang, "staffSupervision.event")}</th><th scope="col">${t(lang, "staffSupervision.outcome")}</th><th scope="col">${t(lang, "staffSupervision.actor")}</th><th scope="col">${t(lang, "staffSupervision.subject")}</th><th scope="col">${t(lang, "staffSupervision.origin")}</th></tr></thead>
<tbody>${r.events.map(
            (e) =>
              html`<tr><th scope="row">${e.seq}</th><td data-label="${t(lang, "staffSupervision.at")}">${romeDateTime(lang, e.at)}</td><td data-label="${t(lang, "staffSupervision.event")}"><code>${e.type}</code></td><td data-label="${t(lang, "staffSupervision.outcome")}">${e.outcome}</td><td data-label="${t(lang, "staffSupervision.actor")}">${e.actorKind === "staff" ? `${e.actorUsername ?? e.actorId ?? ""} (${e.actorRole ?? ""})` : e.actorKind}</td><td data-label="${t(lang, "staffSupervision.subject")}">${e.subjectHint ?? ""}</td><td data-label="${t(lang, "staffSupervision.origin")}">${e.sourceIp ?? ""}</td></tr>`,
          )}</tbody></table></div>`;
  return staffPage({
    lang,
    member: v.member,
    csrfToken: v.csrfToken,
    title: `${errors.size > 0 ? `${t(lang, "form.errorPrefix")}: ` : ""}${t(lang, "staffSupervision.auditTitle")}`,
    path: AUDIT_PATH,
    body: html`<h1>${t(lang, "staffSupervision.auditTitle")}</h1>
${noticeAlert(v.notice)}
${summaryOf(lang, errors, labels)}
<p class="lead">${t(lang, "staffSupervision.auditIntro")}</p>
<form method="get" action="${AUDIT_PATH}" novalidate class="row g-2">
${fields.map(([f, label, hint]) => textField({ id: `s-${f}`, name: f, label, hint, value: v.values[f] ?? "", error: errors.get(f), required: false, wrapClass: "col-md-4", spellcheck: false, autocomplete: "off", maxlength: 40 }))}
<div class="col-12"><button type="submit" class="btn btn-primary" name="cerca" value="1">${t(lang, "staffSupervision.search")}</button></div>
</form>
${results}`,
  });
}

export interface StaffPageView extends Frame {
  accounts: AccountListing[];
  values: Record<string, string>;
  issued: IssuedLink | null;
}

export function staffAccountsPage(v: StaffPageView): string {
  const { lang } = v;
  const errors = v.errors ?? new Map<string, string>();
  const labels = {
    username: t(lang, "staffSupervision.username"),
    role: t(lang, "staffSupervision.role"),
    officeId: t(lang, "staffSupervision.office"),
  };
  const action = (a: AccountListing, name: "disable" | "enable" | "reset") =>
    html`<form method="post" action="${STAFF_PATH}/${a.id}/${name}" class="d-inline">${csrfInput(v.csrfToken)}<button type="submit" class="btn btn-outline-primary btn-sm" aria-label="${t(lang, "staffSupervision.actionLabel", { action: t(lang, `staffSupervision.${name}`), username: a.username })}">${t(lang, `staffSupervision.${name}`)}</button></form>`;
  const issued = v.issued;
  return staffPage({
    lang,
    member: v.member,
    csrfToken: v.csrfToken,
    title: `${errors.size > 0 ? `${t(lang, "form.errorPrefix")}: ` : ""}${t(lang, "staffSupervision.staffTitle")}`,
    path: STAFF_PATH,
    body: html`<h1>${t(lang, "staffSupervision.staffTitle")}</h1>
${noticeAlert(v.notice)}
${summaryOf(lang, errors, labels)}
${
  issued === null
    ? ""
    : html`<div class="alert alert-success" role="status" tabindex="-1" autofocus><h2 class="h5">${t(lang, "staffSupervision.linkTitle", { username: issued.username })}</h2><p>${t(lang, "staffSupervision.linkIntro")}</p><p class="mb-0"><code class="enrolment-link text-break">${issued.enrolmentUrl}</code></p></div>`
}
<p class="lead">${t(lang, "staffSupervision.staffIntro")}</p>
<div class="table-responsive"><table class="table table-stack staff-accounts"><caption>${t(lang, "staffSupervision.staffCaption")}</caption>
<thead><tr><th scope="col">${labels.username}</th><th scope="col">${labels.role}</th><th scope="col">${labels.officeId}</th><th scope="col">${t(lang, "staffSupervision.status")}</th><th scope="col">${t(lang, "staffSupervision.lastLogin")}</th><th scope="col">${t(lang, "staffSupervision.actions")}</th></tr></thead>
<tbody>${v.accounts.map(
      (
        a,
      ) => html`<tr><th scope="row">${a.username}</th><td data-label="${labels.role}">${t(lang, `staff.roles.${a.role}`)}</td><td data-label="${labels.officeId}">${a.officeId ?? ""}</td><td data-label="${t(lang, "staffSupervision.status")}">${t(lang, `staffSupervision.accountStatuses.${a.status}`)}</td><td data-label="${t(lang, "staffSupervision.lastLogin")}">${a.lastLoginAt === null ? "" : romeDateTime(lang, new Date(a.lastLoginAt))}</td>
<td>${a.id === v.member.id ? "" : html`${a.status === "disabled" ? action(a, "enable") : action(a, "disable")} ${action(a, "reset")}`}</td></tr>`,
    )}</tbody></table></div>
<h2 class="h4 mt-4">${t(lang, "staffSupervision.addTitle")}</h2>
<form method="post" action="${STAFF_PATH}" novalidate class="col-lg-6 px-0">
${csrfInput(v.csrfToken)}
${textField({ id: "s-username", name: "username", label: labels.username, value: v.values.username ?? "", error: errors.get("username"), maxlength: 40, autocapitalize: "none", spellcheck: false, autocomplete: "off" })}
${selectField({ id: "s-role", name: "role", label: labels.role, value: v.values.role ?? "", error: errors.get("role"), options: STAFF_ROLES.map((r) => ({ value: r, label: t(lang, `staff.roles.${r}`) })) })}
${selectField({ id: "s-officeId", name: "officeId", label: labels.officeId, hint: t(lang, "staffSupervision.officeHint"), value: v.values.officeId ?? "", error: errors.get("officeId"), required: false, options: OFFICES.map((o) => ({ value: o.id, label: o.name[lang] })) })}
<button type="submit" class="btn btn-primary">${t(lang, "staffSupervision.add")}</button>
</form>`,
  });
}

function queueBlock(lang: Lang, title: string, q: QueueView): Html {
  return html`<section class="mb-5"><h2 class="h4">${title}</h2>
<dl class="row"><dt class="col-sm-4">${t(lang, "staffSupervision.waiting")}</dt><dd class="col-sm-8 queue-waiting">${q.waiting}</dd>
<dt class="col-sm-4">${t(lang, "staffSupervision.oldest")}</dt><dd class="col-sm-8">${q.oldestAt === null ? t(lang, "staffSupervision.none") : romeDateTime(lang, new Date(q.oldestAt))}</dd></dl>
<table class="table table-sm"><caption>${t(lang, "staffSupervision.perDayCaption", { queue: title })}</caption>
<thead><tr><th scope="col">${t(lang, "staffSupervision.day")}</th><th scope="col">${t(lang, "staffSupervision.handled")}</th></tr></thead>
<tbody>${q.handledPerDay.map((d) => html`<tr><th scope="row">${d.date}</th><td>${d.count}</td></tr>`)}</tbody></table></section>`;
}

export function queuesPage(v: Frame & { verification: QueueView; review: QueueView }): string {
  const { lang } = v;
  return staffPage({
    lang,
    member: v.member,
    csrfToken: v.csrfToken,
    title: t(lang, "staffSupervision.queuesTitle"),
    path: QUEUES_PATH,
    body: html`<h1>${t(lang, "staffSupervision.queuesTitle")}</h1>
<p class="lead">${t(lang, "staffSupervision.queuesIntro")}</p>
${queueBlock(lang, t(lang, "staffSupervision.verificationQueue"), v.verification)}
${queueBlock(lang, t(lang, "staffSupervision.reviewQueue"), v.review)}`,
  });
}

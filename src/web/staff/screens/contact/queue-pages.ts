/** The outbound verification queue's pages: its figures, a claim to call, the outcome form. */
import { countryName } from "../../../../domain/address.ts";
import { romeWallClock } from "../../../../domain/contact-hours.ts";
import type { StaffMember } from "../../../../domain/staff.ts";
import type { LeasedClaimView, QueueSummaryView } from "../../../../flows/staff/contact-queue.ts";
import { civilDate, romeDateTime, romeTime } from "../../../../i18n/format.ts";
import { catalogues, t, type Lang, type MessageKey } from "../../../../i18n/index.ts";
import {
  csrfInput,
  errorSummary,
  noticeAlert,
  radioGroup,
  type FieldErrors,
  type Notice,
} from "../../../components.ts";
import { html } from "../../../html.ts";
import { staffPage } from "../../layout.ts";

export const QUEUE_PATH = "/operatori/contact-center/verifiche";

interface Frame {
  lang: Lang;
  member: StaffMember;
  csrfToken: string;
}

export function queuePage(
  f: Frame & { summary: QueueSummaryView; notice?: Notice | undefined },
): string {
  const { lang, summary: s } = f;
  const q = (k: string) => t(lang, `staffContact.queue.${k}` as "staffContact.queue.title");
  const opens = s.opensAt === null ? null : new Date(s.opensAt);
  const closed =
    opens === null
      ? undefined
      : ({
          tone: "danger",
          title: t(lang, "errors.CONTACT_CENTRE_CLOSED.title"),
          detail: t(lang, "staffContact.queue.closed", {
            time: romeTime(lang, opens),
            date: civilDate(lang, romeWallClock(opens).date),
          }),
        } as const);
  return staffPage({
    lang,
    member: f.member,
    csrfToken: f.csrfToken,
    title: q("title"),
    path: QUEUE_PATH,
    body: html`<h1>${q("title")}</h1>
<p class="lead">${q("intro")}</p>
${noticeAlert(f.notice ?? closed)}
<table class="table">
<caption>${q("caption")}</caption>
<tbody>
<tr><th scope="row">${q("waiting")}</th><td data-testid="waiting">${s.waiting}</td></tr>
<tr><th scope="row">${q("due")}</th><td>${s.due}</td></tr>
<tr><th scope="row">${q("leased")}</th><td>${s.leased}</td></tr>
<tr><th scope="row">${q("oldest")}</th><td>${s.oldest === null ? q("none") : romeDateTime(lang, new Date(s.oldest))}</td></tr>
</tbody></table>
<form method="post" action="${QUEUE_PATH}/prossima">${csrfInput(f.csrfToken)}
<button type="submit" class="btn btn-primary btn-lg">${q("take")}</button></form>`,
  });
}

const DECLARED: readonly [string, MessageKey][] = [
  ["fiscalCode", "claim.fiscalCode"],
  ["surname", "claim.surname"],
  ["givenNames", "claim.givenNames"],
  ["sex", "claim.sex"],
  ["birthDate", "claim.birthDate"],
  ["birthCountry", "claim.birthCountry"],
  ["birthMunicipality", "claim.birthMunicipality"],
  ["residence.line1", "claim.line1"],
  ["residence.line2", "claim.line2"],
  ["residence.city", "claim.city"],
  ["residence.region", "claim.region"],
  ["residence.postalCode", "claim.postalCode"],
  ["residence.country", "claim.country"],
  ["mobile", "claim.mobile"],
  ["email", "claim.email"],
  ["delivery", "claim.deliveryShort"],
  ["document.type", "claim.documentType"],
  ["document.number", "claim.documentNumber"],
  ["document.issuingCountry", "claim.documentCountry"],
];

function declaredValue(lang: Lang, path: string, declared: Record<string, unknown>): string {
  const [a, b] = path.split(".");
  const outer = declared[a ?? ""];
  const v =
    b === undefined
      ? outer
      : typeof outer === "object" && outer !== null
        ? (outer as Record<string, unknown>)[b]
        : undefined;
  if (typeof v !== "string" || v === "") return "—";
  if (/[cC]ountry$/u.test(path)) return countryName(v, lang);
  if (path === "document.type") {
    const types: Readonly<Record<string, string>> = catalogues[lang].claim.documentTypes;
    return types[v] ?? v;
  }
  return v;
}

export function claimToCallPage(
  f: Frame & { claim: LeasedClaimView; errors: FieldErrors; values?: Record<string, string> },
): string {
  const { lang, claim: c } = f;
  const q = (k: string) => t(lang, `staffContact.queue.${k}` as "staffContact.queue.title");
  const reasons: Readonly<Record<string, string>> = catalogues[lang].staffContact.queue.reasons;
  const summary = [...f.errors.entries()].map(([field, text]) => ({
    href: field === "reason" ? "#f-reason" : "#f-outcome-0",
    text: `${field === "reason" ? q("reason") : q("outcomeLegend")}: ${text}`,
  }));
  const action = `${QUEUE_PATH}/${c.claimId}/esito`;
  return staffPage({
    lang,
    member: f.member,
    csrfToken: f.csrfToken,
    title: `${f.errors.size > 0 ? `${t(lang, "form.errorPrefix")}: ` : ""}${q("claimTitle")}`,
    path: QUEUE_PATH,
    body: html`<h1>${q("claimTitle")}</h1>
<p class="lead">${t(lang, "staffContact.queue.attempt", { attempt: c.attempt })} · ${t(lang, "staffContact.queue.reference", { reference: c.claimId.slice(0, 8).toUpperCase(), date: civilDate(lang, romeWallClock(new Date(c.createdAt)).date) })}</p>
<p>${t(lang, "staffContact.queue.leaseUntil", { time: romeTime(lang, new Date(c.leaseUntil)) })}</p>
${errorSummary(t(lang, "form.errorSummary"), summary)}
<h2 class="h4">${q("reasonsTitle")}</h2>
<ul data-testid="reasons">${c.reasons.map((r) => html`<li>${reasons[r] ?? r}</li>`)}</ul>
<table class="table">
<caption>${q("declaredCaption")}</caption>
<thead><tr><th scope="col">${q("field")}</th><th scope="col">${q("value")}</th></tr></thead>
<tbody>${DECLARED.map(([path, label]) => html`<tr><th scope="row">${t(lang, label)}</th><td class="text-break">${declaredValue(lang, path, c.declared)}</td></tr>`)}</tbody>
</table>
<form method="post" action="${action}" novalidate>
${csrfInput(f.csrfToken)}
${radioGroup({
  id: "f-outcome",
  name: "outcome",
  legend: q("outcomeLegend"),
  value: f.values?.outcome,
  error: f.errors.get("outcome"),
  options: (["validated", "rejected", "no_answer"] as const).map((o) => ({
    value: o,
    label: t(lang, `staffContact.queue.outcomes.${o}`),
  })),
})}
<div class="form-group">
<label for="f-reason" class="active">${q("reason")}</label>
<textarea id="f-reason" name="reason" class="form-control${f.errors.has("reason") ? " is-invalid" : ""}" rows="3" maxlength="500" aria-describedby="f-reason-hint${f.errors.has("reason") ? " f-reason-error" : ""}"${f.errors.has("reason") ? html` aria-invalid="true"` : ""}>${f.values?.reason ?? ""}</textarea>
<small id="f-reason-hint" class="form-text">${q("reasonHint")}</small>
${f.errors.has("reason") ? html`<div id="f-reason-error" class="invalid-feedback d-block">${f.errors.get("reason") ?? ""}</div>` : ""}
</div>
<button type="submit" class="btn btn-primary btn-lg">${q("submit")}</button>
</form>`,
  });
}

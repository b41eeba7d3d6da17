/** The review queue, one request beside the archive's data, and the fax intake form. */
import { REJECTION_REASONS } from "../../../../domain/review.ts";
import type { StaffMember } from "../../../../domain/staff.ts";
import type { QueueEntry, ReviewItemView } from "../../../../flows/staff/review-queue.ts";
import { civilDate, romeDateTime, romeTime } from "../../../../i18n/format.ts";
import { t, type Lang } from "../../../../i18n/index.ts";
import {
  csrfInput,
  errorSummary,
  noticeAlert,
  textField,
  type FieldErrors,
  type Notice,
} from "../../../components.ts";
import { html, type Html } from "../../../html.ts";
import { staffPage } from "../../layout.ts";

export const QUEUE_PATH = "/operatori/revisione";
export const FAX_PATH = "/operatori/fax";
export const itemPath = (id: string) => `${QUEUE_PATH}/${id}`;

interface Frame {
  lang: Lang;
  member: StaffMember;
  csrfToken: string;
  notice?: Notice | undefined;
}

function holderText(lang: Lang, e: QueueEntry): string {
  if (e.registeredByMe) return t(lang, "staffReview.registeredByMe");
  if (e.holder === "free" || e.heldUntil === null) return t(lang, "staffReview.free");
  const time = romeTime(lang, new Date(e.heldUntil));
  return t(lang, e.holder === "mine" ? "staffReview.mine" : "staffReview.other", { time });
}

export function queuePage(v: Frame & { items: QueueEntry[] }): string {
  const { lang } = v;
  const rows = v.items.map(
    (e) => html`<tr>
  <th scope="row">${e.reference}</th>
  <td data-label="${t(lang, "staffReview.fiscalCode")}"><code>${e.fiscalCodeMasked}</code></td>
  <td data-label="${t(lang, "staffReview.channel")}">${t(lang, `staffReview.channels.${e.channel}`)}</td>
  <td data-label="${t(lang, "staffReview.submittedAt")}">${romeDateTime(lang, new Date(e.submittedAt))}</td>
  <td data-label="${t(lang, "staffReview.state")}">${holderText(lang, e)}</td>
  <td>${
    e.registeredByMe || e.holder === "other"
      ? html`<a href="${itemPath(e.requestId)}" aria-label="${t(lang, "staffReview.openLabel", { reference: e.reference })}">${t(lang, "staffReview.open")}</a>`
      : html`<form method="post" action="${itemPath(e.requestId)}/prendi">${csrfInput(v.csrfToken)}<button type="submit" class="btn btn-primary btn-sm" aria-label="${t(lang, "staffReview.openLabel", { reference: e.reference })}">${t(lang, "staffReview.open")}</button></form>`
  }</td>
</tr>`,
  );
  return staffPage({
    lang,
    member: v.member,
    csrfToken: v.csrfToken,
    title: t(lang, "staffReview.queueTitle"),
    path: QUEUE_PATH,
    body: html`<h1>${t(lang, "staffReview.queueTitle")}</h1>
${noticeAlert(v.notice)}
<p class="lead">${t(lang, "staffReview.queueIntro")}</p>
${
  v.items.length === 0
    ? html`<p>${t(lang, "staffReview.empty")}</p>`
    : html`<div class="table-responsive"><table class="table table-stack review-queue">
<caption>${t(lang, "staffReview.queueCaption")}</caption>
<thead><tr><th scope="col">${t(lang, "staffReview.reference")}</th><th scope="col">${t(lang, "staffReview.fiscalCode")}</th><th scope="col">${t(lang, "staffReview.channel")}</th><th scope="col">${t(lang, "staffReview.submittedAt")}</th><th scope="col">${t(lang, "staffReview.state")}</th><th scope="col"><span class="visually-hidden">${t(lang, "staffReview.open")}</span></th></tr></thead>
<tbody>${rows}</tbody></table></div>`
}
<p><a href="${FAX_PATH}">${t(lang, "staffReview.faxTitle")}</a></p>`,
  });
}

function documentName(lang: Lang, d: ReviewItemView["documents"][number]): string {
  return t(lang, `staffReview.roles.${d.role}`, { page: d.page + 1 });
}

function documentsBlock(lang: Lang, v: ReviewItemView): Html {
  if (v.documents.length === 0) return html`<p>${t(lang, "staffReview.noDocuments")}</p>`;
  return html`<ul class="list-unstyled review-documents">${v.documents.map((d) => {
    const name = documentName(lang, d);
    return d.mediaType.startsWith("image/")
      ? html`<li class="mb-4"><h3 class="h6">${name}</h3><img src="${d.href}" alt="${t(lang, "staffReview.imageAlt", { name })}" class="img-fluid border" loading="lazy"></li>`
      : html`<li class="mb-4"><h3 class="h6">${name}</h3><a href="${d.href}" download>${t(lang, "staffReview.download", { name })}</a></li>`;
  })}</ul>`;
}

function archiveBlock(lang: Lang, v: ReviewItemView): Html {
  const p = v.person;
  if (p === null) return html`<p>${t(lang, "staffReview.notInArchive")}</p>`;
  const rows: [string, Html | string][] = [
    [t(lang, "staffReview.fiscalCode"), html`<code>${v.fiscalCode}</code>`],
    [t(lang, "staffReview.name"), `${p.givenNames} ${p.surname}`],
    [t(lang, "staffReview.birthDate"), civilDate(lang, p.birthDate)],
    [t(lang, "staffReview.birthPlace"), p.birthPlace],
    [
      t(lang, "staffReview.residence"),
      html`${p.residence.map((l, i) => html`${i > 0 ? html`<br>` : ""}${l}`)}`,
    ],
  ];
  return html`<dl class="row">${rows.map(([k, val]) => html`<dt class="col-sm-4">${k}</dt><dd class="col-sm-8">${val}</dd>`)}</dl>`;
}

export interface DecisionForm {
  decision: string;
  reasonCode: string;
  note: string;
}

function decisionBlock(
  lang: Lang,
  v: ReviewItemView,
  csrf: string,
  form: DecisionForm,
  errors: FieldErrors,
): Html {
  if (v.status !== "submitted")
    return html`<p>${t(lang, "staffReview.decided", { status: t(lang, `staffReview.statuses.${v.status}`) })}</p>`;
  if (!v.mayDecide)
    return html`<div class="alert alert-warning" role="status">${t(lang, "staffReview.ownIntake")}</div>`;
  const decisionError = errors.get("decision");
  const reasonError = errors.get("reasonCode");
  const noteError = errors.get("note");
  const radio = (value: string, label: string, i: number) =>
    html`<div class="form-check"><input class="form-check-input" type="radio" name="decision" id="d-decision-${i}" value="${value}"${form.decision === value ? html` checked` : ""}${decisionError === undefined ? "" : html` aria-invalid="true" aria-describedby="d-decision-error"`}><label class="form-check-label" for="d-decision-${i}">${label}</label></div>`;
  return html`<form method="post" action="${itemPath(v.requestId)}/decisione" novalidate class="col-lg-8 px-0">
${csrfInput(csrf)}
<fieldset class="mb-4" id="d-decision"><legend class="h6 fw-semibold">${t(lang, "staffReview.decision")} <span class="req" aria-hidden="true">*</span></legend>
${decisionError === undefined ? "" : html`<div id="d-decision-error" class="invalid-feedback d-block mb-2">${decisionError}</div>`}
${radio("approve", t(lang, "staffReview.approve"), 0)}${radio("reject", t(lang, "staffReview.reject"), 1)}
</fieldset>
<div class="select-wrapper mb-4"><label for="d-reasonCode">${t(lang, "staffReview.reasonCode")}</label>
<select id="d-reasonCode" name="reasonCode" aria-describedby="d-reasonCode-hint${reasonError === undefined ? "" : " d-reasonCode-error"}"${reasonError === undefined ? "" : html` aria-invalid="true" class="is-invalid"`}>
<option value=""></option>${REJECTION_REASONS.map((r) => html`<option value="${r}"${form.reasonCode === r ? html` selected` : ""}>${t(lang, `staffReview.reasons.${r}`)}</option>`)}
</select><small id="d-reasonCode-hint" class="form-text">${t(lang, "staffReview.reasonHint")}</small>
${reasonError === undefined ? "" : html`<div id="d-reasonCode-error" class="invalid-feedback d-block">${reasonError}</div>`}</div>
<div class="form-group"><label for="d-note" class="active">${t(lang, "staffReview.note")}</label>
<textarea id="d-note" name="note" rows="3" maxlength="500" class="form-control${noteError === undefined ? "" : " is-invalid"}" aria-describedby="d-note-hint${noteError === undefined ? "" : " d-note-error"}"${noteError === undefined ? "" : html` aria-invalid="true"`}>${form.note}</textarea>
<small id="d-note-hint" class="form-text">${t(lang, "staffReview.noteHint")}</small>
${noteError === undefined ? "" : html`<div id="d-note-error" class="invalid-feedback d-block">${noteError}</div>`}</div>
<button type="submit" class="btn btn-primary">${t(lang, "staffReview.submitDecision")}</button>
</form>`;
}

export function itemPage(
  v: Frame & { item: ReviewItemView; form: DecisionForm; errors: FieldErrors },
): string {
  const { lang, item } = v;
  const labels: Record<string, string> = {
    decision: t(lang, "staffReview.decision"),
    reasonCode: t(lang, "staffReview.reasonCode"),
    note: t(lang, "staffReview.note"),
  };
  const summary = [...v.errors.entries()].map(([f, text]) => ({
    href: `#d-${f}`,
    text: `${labels[f] ?? f}: ${text}`,
  }));
  const title = t(lang, "staffReview.itemTitle", { reference: item.reference });
  return staffPage({
    lang,
    member: v.member,
    csrfToken: v.csrfToken,
    title: `${v.errors.size > 0 ? `${t(lang, "form.errorPrefix")}: ` : ""}${title}`,
    path: itemPath(item.requestId),
    body: html`<h1>${title}</h1>
${noticeAlert(v.notice)}
${errorSummary(t(lang, "form.errorSummary"), summary)}
<p>${t(lang, `staffReview.channels.${item.channel}`)} · ${romeDateTime(lang, new Date(item.submittedAt))} · ${holderText(lang, item)}</p>
<div class="row">
<section class="col-lg-5" aria-labelledby="archive-title"><h2 id="archive-title" class="h4">${t(lang, "staffReview.archiveTitle")}</h2>${archiveBlock(lang, item)}
<h2 class="h4 mt-4">${t(lang, "staffReview.decisionTitle")}</h2>${decisionBlock(lang, item, v.csrfToken, v.form, v.errors)}</section>
<section class="col-lg-7" aria-labelledby="documents-title"><h2 id="documents-title" class="h4">${t(lang, "staffReview.documentsTitle")}</h2>${documentsBlock(lang, item)}</section>
</div>
<p class="mt-4"><a href="${QUEUE_PATH}">${t(lang, "staffReview.backToQueue")}</a></p>`,
  });
}

export function faxPage(v: Frame & { fiscalCode: string; errors: FieldErrors }): string {
  const { lang } = v;
  const pagesError = v.errors.get("pages");
  const labels: Record<string, string> = {
    fiscalCode: t(lang, "staffReview.faxFiscalCode"),
    pages: t(lang, "staffReview.faxPages"),
  };
  const summary = [...v.errors.entries()].map(([f, text]) => ({
    href: `#fx-${f}`,
    text: `${labels[f] ?? f}: ${text}`,
  }));
  return staffPage({
    lang,
    member: v.member,
    csrfToken: v.csrfToken,
    title: `${v.errors.size > 0 ? `${t(lang, "form.errorPrefix")}: ` : ""}${t(lang, "staffReview.faxTitle")}`,
    path: FAX_PATH,
    body: html`<h1>${t(lang, "staffReview.faxTitle")}</h1>
${noticeAlert(v.notice)}
${errorSummary(t(lang, "form.errorSummary"), summary)}
<p class="lead">${t(lang, "staffReview.faxIntro")}</p>
<form method="post" action="${FAX_PATH}" enctype="multipart/form-data" novalidate class="col-lg-8 px-0">
${csrfInput(v.csrfToken)}
${textField({ id: "fx-fiscalCode", name: "fiscalCode", label: labels.fiscalCode ?? "", value: v.fiscalCode, error: v.errors.get("fiscalCode"), maxlength: 16, autocapitalize: "characters", spellcheck: false, autocomplete: "off" })}
<div class="form-group mb-4">
<label for="fx-pages" class="active d-block">${labels.pages} <span class="req" aria-hidden="true">*</span></label>
<input id="fx-pages" name="pages" type="file" multiple class="form-control-file${pagesError === undefined ? "" : " is-invalid"}" accept=".tif,.tiff,.pdf,.jpg,.jpeg,.png,image/tiff,application/pdf,image/jpeg,image/png" required aria-required="true" aria-describedby="fx-pages-hint${pagesError === undefined ? "" : " fx-pages-error"}"${pagesError === undefined ? "" : html` aria-invalid="true"`}>
<small id="fx-pages-hint" class="form-text d-block">${t(lang, "staffReview.faxPagesHint")}</small>
${pagesError === undefined ? "" : html`<div id="fx-pages-error" class="invalid-feedback d-block">${pagesError}</div>`}
</div>
<button type="submit" class="btn btn-primary">${t(lang, "staffReview.faxSubmit")}</button>
</form>
<p class="mt-4"><a href="${QUEUE_PATH}">${t(lang, "staffReview.backToQueue")}</a></p>`,
  });
}

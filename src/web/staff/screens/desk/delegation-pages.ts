/** The delegation pages' parts: a person's delegations, the registration form, the search. */
import {
  DELEGATION_AUTHORITIES,
  DELEGATION_DOCUMENTS,
  DELEGATION_FORMS,
  DOCUMENT_FIELDS,
} from "../../../../domain/delegations.ts";
import type { DelegationView } from "../../../../flows/staff/desk-delegation-views.ts";
import { civilDate } from "../../../../i18n/format.ts";
import { t, type Lang } from "../../../../i18n/index.ts";
import {
  csrfInput,
  noticeAlert,
  selectField,
  textField,
  type FieldErrors,
  type Notice,
} from "../../../components.ts";
import { html, type Html } from "../../../html.ts";
import type { FormValues } from "../../../render.ts";
import { DESK_PATHS, fieldId, reasonFieldset, summary } from "./common.ts";

export function delegationTable(
  lang: Lang,
  fc: string,
  rows: DelegationView[],
  token: string,
): Html {
  if (rows.length === 0) return html`<p>${t(lang, "desk.delegations.none")}</p>`;
  const d = t.bind(null, lang);
  return html`<div class="table-responsive"><table class="table">
<caption>${d("desk.delegations.listCaption", { fiscalCode: fc })}</caption>
<thead><tr><th scope="col">${d("desk.delegations.colRole")}</th><th scope="col">${d("desk.delegations.colOther")}</th><th scope="col">${d("desk.delegations.colForm")}</th><th scope="col">${d("desk.delegations.colPeriod")}</th><th scope="col">${d("desk.delegations.colStatus")}</th><th scope="col">${d("desk.delegations.colAction")}</th></tr></thead>
<tbody>${rows.map((r) => {
    const given = r.delegatorFiscalCode === fc;
    const other = given ? r.delegateFiscalCode : r.delegatorFiscalCode;
    const name = given ? r.delegateName : r.delegatorName;
    const running = r.status === "active" || r.status === "scheduled";
    return html`<tr><td>${d(given ? "desk.delegations.roleDelegator" : "desk.delegations.roleDelegate")}</td>
<td>${other}${name === null ? "" : html`<br>${name}`}</td><td>${r.form}</td>
<td>${d("desk.delegations.period", { from: civilDate(lang, r.startDate), to: civilDate(lang, r.endDate) })}</td>
<td>${d(`desk.status.${r.status}`)}</td>
<td>${
      running
        ? html`<form method="post" action="${DESK_PATHS.delegations}/${r.id}/termina">${csrfInput(token)}
<input type="hidden" name="reasonKind" value="appointment"><label class="visually-hidden" for="end-${r.id}">${d("desk.reason.ref")}</label>
<input id="end-${r.id}" name="reasonRef" class="form-control mb-1" required maxlength="80" placeholder="${d("desk.reason.ref")}">
<button type="submit" class="btn btn-outline-danger btn-sm">${d("desk.delegations.end")}</button></form>`
        : ""
    }</td></tr>`;
  })}</tbody></table></div>`;
}

export function newDelegationForm(
  lang: Lang,
  token: string,
  v: FormValues,
  errors: FieldErrors,
  notice: Notice | undefined,
): Html {
  const labels: Record<string, string> = {
    fiscalCode: t(lang, "desk.delegations.delegator"),
    delegateFiscalCode: t(lang, "desk.delegations.delegate"),
    form: t(lang, "desk.delegations.form"),
    authority: t(lang, "desk.delegations.authority"),
    startDate: t(lang, "desk.delegations.startDate"),
    endDate: t(lang, "desk.delegations.endDate"),
    reason: t(lang, "desk.reason.legend"),
    ...Object.fromEntries(
      DELEGATION_DOCUMENTS.map((r) => [
        DOCUMENT_FIELDS[r],
        t(lang, `desk.delegations.documents.${r}`),
      ]),
    ),
  };
  const text = (name: string, o: { maxlength: number; hint?: string; required?: boolean }) =>
    textField({
      id: fieldId(name),
      name,
      label: labels[name] ?? name,
      value: v[name],
      error: errors.get(name),
      spellcheck: false,
      ...o,
    });
  return html`<h1>${t(lang, "desk.delegations.newTitle")}</h1>
<p class="lead">${t(lang, "desk.delegations.newIntro")}</p>
${noticeAlert(notice)}${summary(lang, errors, labels)}
<form method="post" action="${DESK_PATHS.newDelegation}" enctype="multipart/form-data" novalidate class="col-lg-8 px-0">
${csrfInput(token)}
${text("fiscalCode", { maxlength: 16 })}${text("delegateFiscalCode", { maxlength: 16 })}
${selectField({ id: fieldId("form"), name: "form", label: labels.form ?? "", value: v.form, error: errors.get("form"), options: DELEGATION_FORMS.map((f) => ({ value: f, label: t(lang, `desk.delegations.forms.${f}`) })) })}
${selectField({ id: fieldId("authority"), name: "authority", label: labels.authority ?? "", value: v.authority, error: errors.get("authority"), required: false, options: DELEGATION_AUTHORITIES.map((a) => ({ value: a, label: t(lang, `desk.delegations.authorities.${a}`) })) })}
${text("startDate", { maxlength: 10, required: false })}
${text("endDate", { maxlength: 10, required: false, hint: t(lang, "desk.delegations.endDateHint") })}
<fieldset class="mb-4"><legend class="h5">${t(lang, "desk.delegations.documentsLegend")}</legend>
${DELEGATION_DOCUMENTS.map((r) => {
  const name = DOCUMENT_FIELDS[r];
  const error = errors.get(name);
  return html`<div class="mb-3"><label for="${fieldId(name)}" class="form-label d-block">${labels[name] ?? name}</label>
<input type="file" id="${fieldId(name)}" name="${name}" accept="application/pdf,image/jpeg,image/png" class="form-control${error === undefined ? "" : " is-invalid"}"${error === undefined ? "" : html` aria-invalid="true" aria-describedby="${fieldId(name)}-error"`}>
${error === undefined ? "" : html`<div id="${fieldId(name)}-error" class="invalid-feedback d-block">${error}</div>`}</div>`;
})}
</fieldset>
${reasonFieldset(lang, v, errors)}
<button type="submit" class="btn btn-primary btn-lg">${t(lang, "desk.delegations.register")}</button>
</form>`;
}

export function delegationSearchForm(
  lang: Lang,
  token: string,
  v: FormValues,
  errors: FieldErrors,
): Html {
  return html`<form method="post" action="${DESK_PATHS.delegations}" novalidate class="col-lg-8 px-0 mb-4">
${csrfInput(token)}
${textField({ id: fieldId("fiscalCode"), name: "fiscalCode", label: t(lang, "deskPdf.fiscalCode"), value: v.fiscalCode, error: errors.get("fiscalCode"), maxlength: 16, spellcheck: false, autocapitalize: "characters" })}
${reasonFieldset(lang, v, errors)}
<button type="submit" class="btn btn-primary">${t(lang, "desk.delegations.search")}</button>
</form>`;
}

/** Cancelling a desk appointment with its booking code, and the result. */
import type { Office } from "../../../domain/offices.ts";
import { romeDate } from "../../../domain/eligibility.ts";
import { t, type Lang } from "../../../i18n/index.ts";
import { civilDate, romeTime } from "../../../i18n/format.ts";
import {
  csrfInput,
  errorSummary,
  noticeAlert,
  textField,
  type FieldErrors,
  type Notice,
} from "../../components.ts";
import { html } from "../../html.ts";
import { page } from "../../layout.ts";
import type { FormValues } from "../../render.ts";

export const CANCEL_PATH = "/prenota-appuntamento/annulla";
export const CANCELLED_PATH = "/prenota-appuntamento/annullata";

export function cancelPage(v: {
  lang: Lang;
  csrfToken: string;
  values: FormValues;
  errors: FieldErrors;
  notice?: Notice | undefined;
}): string {
  const { lang, values, errors } = v;
  const c = "appointments.cancel";
  const error = errors.get("code");
  return page({
    lang,
    title: `${errors.size > 0 ? `${t(lang, "form.errorPrefix")}: ` : ""}${t(lang, `${c}.title`)}`,
    path: CANCEL_PATH,
    body: html`<h1>${t(lang, `${c}.title`)}</h1>
<p class="lead">${t(lang, `${c}.intro`)}</p>
${noticeAlert(v.notice)}
${errorSummary(t(lang, "form.errorSummary"), error === undefined ? [] : [{ href: "#f-code", text: `${t(lang, `${c}.code`)}: ${error}` }])}
<form method="post" action="${CANCEL_PATH}" novalidate class="col-lg-6 px-0">
${csrfInput(v.csrfToken)}
${textField({ id: "f-code", name: "code", value: values.code, error, label: t(lang, `${c}.code`), hint: t(lang, `${c}.codeHint`), autocomplete: "off", maxlength: 40, autocapitalize: "characters", spellcheck: false })}
<button type="submit" class="btn btn-primary">${t(lang, `${c}.submit`)}</button>
</form>`,
  });
}

export function cancelledPage(lang: Lang, office: Office, start: Date): string {
  const c = "appointments.cancel";
  return page({
    lang,
    title: t(lang, `${c}.doneTitle`),
    path: CANCELLED_PATH,
    body: html`<div class="alert alert-success" role="status"><h1 class="h2 mb-0">${t(lang, `${c}.doneTitle`)}</h1></div>
<p>${t(lang, `${c}.doneText`, { date: civilDate(lang, romeDate(start)), time: romeTime(lang, start), office: office.name[lang] })}</p>
<p><a class="btn btn-primary" href="/prenota-appuntamento">${t(lang, `${c}.bookAgain`)}</a></p>`,
  });
}

/** The recovery pages: the request form, its neutral answer, the confirmation and its result. */
import {
  csrfInput,
  errorSummary,
  textField,
  type FieldErrors,
  noticeAlert,
} from "../../components.ts";
import { html } from "../../html.ts";
import { t, type Lang } from "../../../i18n/index.ts";
import { page } from "../../layout.ts";
import type { FormValues } from "../../render.ts";
import { linkConfirmPage, linkInvalidPage } from "../link-pages.ts";

export const RECOVERY_PATH = "/recupera-pin";
export const RECOVERY_SENT_PATH = "/recupera-pin/inviata";
export const RECOVERY_CONFIRM_PATH = "/recupera-pin/conferma";
export const RECOVERY_DONE_PATH = "/recupera-pin/completato";

const FIELDS = ["fiscalCode", "mobile", "email", "pec"] as const;

export function recoveryFormPage(v: {
  lang: Lang;
  csrfToken: string;
  values: FormValues;
  errors: FieldErrors;
  notice?: { title: string; detail: string } | undefined;
}): string {
  const { lang, values, errors } = v;
  const summary = FIELDS.filter((f) => errors.has(f)).map((f) => ({
    href: `#f-${f}`,
    text: `${t(lang, `recovery.${f}`)}: ${errors.get(f) ?? ""}`,
  }));
  const n = v.notice;
  return page({
    lang,
    title: `${errors.size > 0 ? `${t(lang, "form.errorPrefix")}: ` : ""}${t(lang, "recovery.title")}`,
    path: RECOVERY_PATH,
    body: html`<h1>${t(lang, "recovery.title")}</h1>
<p class="lead">${t(lang, "recovery.intro")}</p>
${noticeAlert(n === undefined ? undefined : { tone: "danger", ...n })}
${errorSummary(t(lang, "form.errorSummary"), summary)}
<form method="post" action="${RECOVERY_PATH}" novalidate class="col-lg-7 px-0">
${csrfInput(v.csrfToken)}
${textField({ id: "f-fiscalCode", name: "fiscalCode", value: values.fiscalCode, error: errors.get("fiscalCode"), label: t(lang, "recovery.fiscalCode"), autocomplete: "username", maxlength: 20, autocapitalize: "characters", spellcheck: false })}
<fieldset class="mb-4">
<legend class="h5">${t(lang, "recovery.contactsHint")}</legend>
${textField({ id: "f-mobile", name: "mobile", type: "tel", value: values.mobile, error: errors.get("mobile"), label: t(lang, "recovery.mobile"), hint: t(lang, "recovery.mobileHint"), autocomplete: "tel", inputmode: "tel", maxlength: 40, required: false })}
${textField({ id: "f-email", name: "email", type: "email", value: values.email, error: errors.get("email"), label: t(lang, "recovery.email"), autocomplete: "email", maxlength: 254, required: false, spellcheck: false })}
${textField({ id: "f-pec", name: "pec", type: "email", value: values.pec, error: errors.get("pec"), label: t(lang, "recovery.pec"), maxlength: 254, required: false, spellcheck: false })}
</fieldset>
<button type="submit" class="btn btn-primary btn-lg">${t(lang, "recovery.submit")}</button>
</form>`,
  });
}

export function recoverySentPage(lang: Lang): string {
  return page({
    lang,
    title: t(lang, "recovery.sentTitle"),
    path: RECOVERY_SENT_PATH,
    body: html`<h1>${t(lang, "recovery.sentTitle")}</h1>
<p>${t(lang, "recovery.sent1")}</p>
<p>${t(lang, "recovery.sent2")}</p>
<p>${t(lang, "recovery.sent3")}</p>
<p><a href="/accedi">${t(lang, "claimDone.goLogin")}</a></p>`,
  });
}

export const recoveryConfirmPage = (lang: Lang, csrfToken: string, token: string): string =>
  linkConfirmPage({
    lang,
    csrfToken,
    token,
    action: RECOVERY_CONFIRM_PATH,
    formPath: RECOVERY_PATH,
    title: "recovery.confirmTitle",
    paragraphs: ["recovery.confirm1", "recovery.confirm2"],
    button: "recovery.confirmButton",
    tone: "primary",
  });

export function recoveryDonePage(lang: Lang, to: { first: string; second: string }): string {
  return page({
    lang,
    title: t(lang, "recovery.doneTitle"),
    path: RECOVERY_DONE_PATH,
    body: html`<h1>${t(lang, "recovery.doneTitle")}</h1>
<ol class="steps">
  <li>${t(lang, "recovery.doneFirst", { to: to.first })}</li>
  <li>${t(lang, "recovery.doneSecond", { to: to.second })}</li>
  <li>${t(lang, "recovery.doneHow")}</li>
</ol>
<p><a class="btn btn-primary" href="/accedi">${t(lang, "claimDone.goLogin")}</a></p>
<p>${t(lang, "recovery.notice")}</p>`,
  });
}

export const recoveryInvalidPage = (lang: Lang): string =>
  linkInvalidPage(lang, RECOVERY_PATH, "recovery.newRequest");

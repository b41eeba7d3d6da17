/** The revocation pages: the request form, its neutral answer, the confirmation, the result. */
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

export const REVOCATION_PATH = "/revoca-pin";
export const REVOCATION_SENT_PATH = "/revoca-pin/inviata";
export const REVOCATION_CONFIRM_PATH = "/revoca-pin/conferma";
export const REVOCATION_DONE_PATH = "/revoca-pin/completato";

const FIELDS = ["fiscalCode", "healthCardNumber", "healthCardExpiry", "email", "pec"] as const;

export function revocationFormPage(v: {
  lang: Lang;
  csrfToken: string;
  values: FormValues;
  errors: FieldErrors;
  notice?: { title: string; detail: string } | undefined;
}): string {
  const { lang, values, errors } = v;
  const summary = FIELDS.filter((f) => errors.has(f)).map((f) => ({
    href: `#f-${f}`,
    text: `${t(lang, `revocation.${f}`)}: ${errors.get(f) ?? ""}`,
  }));
  const n = v.notice;
  const field = (
    name: (typeof FIELDS)[number],
    extra: Partial<Parameters<typeof textField>[0]> = {},
  ) =>
    textField({
      id: `f-${name}`,
      name,
      value: values[name],
      error: errors.get(name),
      label: t(lang, `revocation.${name}`),
      spellcheck: false,
      ...extra,
    });
  return page({
    lang,
    title: `${errors.size > 0 ? `${t(lang, "form.errorPrefix")}: ` : ""}${t(lang, "revocation.title")}`,
    path: REVOCATION_PATH,
    body: html`<h1>${t(lang, "revocation.title")}</h1>
<p class="lead">${t(lang, "revocation.intro")}</p>
<p>${t(lang, "revocation.warning")}</p>
${noticeAlert(n === undefined ? undefined : { tone: "danger", ...n })}
${errorSummary(t(lang, "form.errorSummary"), summary)}
<form method="post" action="${REVOCATION_PATH}" novalidate class="col-lg-7 px-0">
${csrfInput(v.csrfToken)}
${field("fiscalCode", { autocomplete: "username", maxlength: 20, autocapitalize: "characters" })}
${field("healthCardNumber", { hint: t(lang, "revocation.healthCardNumberHint"), inputmode: "numeric", maxlength: 30 })}
${field("healthCardExpiry", { type: "date", hint: t(lang, "revocation.healthCardExpiryHint") })}
<fieldset class="mb-4">
<legend class="h5">${t(lang, "revocation.addressHint")}</legend>
${field("email", { type: "email", autocomplete: "email", maxlength: 254, required: false })}
${field("pec", { type: "email", maxlength: 254, required: false })}
</fieldset>
<button type="submit" class="btn btn-danger btn-lg">${t(lang, "revocation.submit")}</button>
</form>`,
  });
}

export function revocationMessagePage(lang: Lang, path: string, which: "sent" | "done"): string {
  const title = t(lang, which === "sent" ? "revocation.sentTitle" : "revocation.doneTitle");
  return page({
    lang,
    title,
    path,
    body: html`<h1>${title}</h1>
<p>${t(lang, which === "sent" ? "revocation.sent1" : "revocation.done1")}</p>
<p>${t(lang, which === "sent" ? "revocation.sent2" : "revocation.done2")}</p>
<p><a href="${which === "sent" ? "/" : "/richiedi-pin"}">${t(lang, which === "sent" ? "revocation.home" : "revocation.newClaim")}</a></p>`,
  });
}

export const revocationConfirmPage = (lang: Lang, csrfToken: string, token: string): string =>
  linkConfirmPage({
    lang,
    csrfToken,
    token,
    action: REVOCATION_CONFIRM_PATH,
    formPath: REVOCATION_PATH,
    title: "revocation.confirmTitle",
    paragraphs: ["revocation.confirm1"],
    button: "revocation.confirmButton",
    tone: "danger",
  });

export const revocationInvalidPage = (lang: Lang): string =>
  linkInvalidPage(lang, REVOCATION_PATH, "revocation.newRequest");

/** Login with fiscal code and PIN. */
import { csrfInput, errorSummary, textField, type FieldErrors } from "../components.ts";
import { html } from "../html.ts";
import { t, type Lang } from "../../i18n/index.ts";
import { page } from "../layout.ts";

export function loginPage(v: {
  lang: Lang;
  csrfToken: string;
  fiscalCode: string;
  errors: FieldErrors;
  notice?: { title: string; detail: string } | undefined;
}): string {
  const { lang } = v;
  const label = (field: string) =>
    field === "pin"
      ? t(lang, "login.pin")
      : field === "fiscalCode"
        ? t(lang, "login.fiscalCode")
        : undefined;
  const summary = [...v.errors.entries()].map(([field, text]) => {
    const l = label(field);
    return { href: `#f-${field}`, text: l === undefined ? text : `${l}: ${text}` };
  });
  return page({
    lang,
    title: t(lang, "login.title"),
    path: "/accedi",
    body: html`<h1>${t(lang, "login.title")}</h1>
<p class="lead">${t(lang, "login.intro")}</p>
${v.notice !== undefined ? html`<div class="alert alert-danger" role="alert" tabindex="-1" autofocus><h2 class="h5">${v.notice.title}</h2><p class="mb-0">${v.notice.detail}</p></div>` : ""}
${errorSummary(t(lang, "form.errorSummary"), summary)}
<form method="post" action="/accedi" novalidate class="col-lg-6 px-0">
${csrfInput(v.csrfToken)}
${textField({ id: "f-fiscalCode", name: "fiscalCode", value: v.fiscalCode, error: v.errors.get("fiscalCode"), label: t(lang, "login.fiscalCode"), autocomplete: "username", maxlength: 20, autocapitalize: "characters", spellcheck: false })}
${textField({ id: "f-pin", name: "pin", type: "password", value: "", error: v.errors.get("pin"), label: t(lang, "login.pin"), hint: t(lang, "login.pinHint"), autocomplete: "current-password", maxlength: 24, autocapitalize: "characters", spellcheck: false })}
<div class="form-check show-pin mb-4" hidden>
  <input id="f-showPin" type="checkbox" data-show-pin="f-pin">
  <label for="f-showPin">${t(lang, "login.showPin")}</label>
</div>
<button type="submit" class="btn btn-primary btn-lg">${t(lang, "login.submit")}</button>
</form>
<p class="mt-4">${t(lang, "login.noPin")} <a href="/richiedi-pin">${t(lang, "login.claimLink")}</a></p>
<script src="/assets/js/show-pin.js" defer></script>`,
  });
}

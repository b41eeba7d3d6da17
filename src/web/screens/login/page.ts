/** Login with fiscal code and PIN: attempts left, the lock's end in Rome time, a timed-out session. */
import { csrfInput, errorSummary, textField, type FieldErrors } from "../../components.ts";
import { html } from "../../html.ts";
import { t, type Lang } from "../../../i18n/index.ts";
import { page } from "../../layout.ts";

export interface LoginNotice {
  title: string;
  detail: string;
  /** Further lines (attempts left, when the lock ends). */
  extra?: string[];
  /** "info" for a timed-out session, "danger" for a refusal. */
  tone: "info" | "danger";
}

export function loginPage(v: {
  lang: Lang;
  csrfToken: string;
  fiscalCode: string;
  errors: FieldErrors;
  notice?: LoginNotice | undefined;
  /** Where to come back after login (a checked local path). */
  next?: string | undefined;
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
  const n = v.notice;
  return page({
    lang,
    title: t(lang, "login.title"),
    path: v.next === undefined ? "/accedi" : `/accedi?next=${encodeURIComponent(v.next)}`,
    body: html`<h1>${t(lang, "login.title")}</h1>
<p class="lead">${t(lang, "login.intro")}</p>
${
  n === undefined
    ? ""
    : html`<div class="alert alert-${n.tone}" role="alert" tabindex="-1" autofocus><h2 class="h5">${n.title}</h2><p class="mb-0">${n.detail}</p>${(n.extra ?? []).map((line) => html`<p class="mb-0 mt-2"><strong>${line}</strong></p>`)}</div>`
}
${errorSummary(t(lang, "form.errorSummary"), summary)}
<form method="post" action="/accedi" novalidate class="col-lg-6 px-0">
${csrfInput(v.csrfToken)}
${v.next === undefined ? "" : html`<input type="hidden" name="next" value="${v.next}">`}
${textField({ id: "f-fiscalCode", name: "fiscalCode", value: v.fiscalCode, error: v.errors.get("fiscalCode"), label: t(lang, "login.fiscalCode"), autocomplete: "username", maxlength: 20, autocapitalize: "characters", spellcheck: false })}
${textField({ id: "f-pin", name: "pin", type: "password", value: "", error: v.errors.get("pin"), label: t(lang, "login.pin"), hint: t(lang, "login.pinHint"), autocomplete: "current-password", maxlength: 24, autocapitalize: "characters", spellcheck: false })}
<div class="form-check show-pin mb-4" hidden>
  <input id="f-showPin" type="checkbox" data-show-pin="f-pin">
  <label for="f-showPin">${t(lang, "login.showPin")}</label>
</div>
<button type="submit" class="btn btn-primary btn-lg">${t(lang, "login.submit")}</button>
</form>
<p class="mt-4">${t(lang, "login.noPin")} <a href="/richiedi-pin">${t(lang, "login.claimLink")}</a></p>
<p><a href="/lettera-non-arrivata">${t(lang, "resend.link")}</a></p>
<p>${t(lang, "revocation.link")} <a href="/revoca-pin">${t(lang, "revocation.linkText")}</a></p>
<p>${t(lang, "recovery.lostPin")} <a href="/recupera-pin">${t(lang, "recovery.lostPinLink")}</a> ${t(lang, "recovery.orCall")}</p>
<script src="/assets/js/show-pin.js" defer></script>`,
  });
}

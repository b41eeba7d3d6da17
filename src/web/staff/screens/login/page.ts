/** The staff login form. */
import { csrfInput, errorSummary, textField, type FieldErrors } from "../../../components.ts";
import { html } from "../../../html.ts";
import { t, type Lang } from "../../../../i18n/index.ts";
import { staffPage } from "../../layout.ts";

export interface StaffLoginView {
  lang: Lang;
  csrfToken: string;
  username: string;
  next: string | undefined;
  errors: FieldErrors;
  notice: { tone: "info" | "danger"; title: string; detail?: string } | undefined;
}

export function staffLoginPage(v: StaffLoginView): string {
  const { lang } = v;
  const labels: Record<string, string> = {
    username: t(lang, "staff.login.username"),
    password: t(lang, "staff.login.password"),
    totp: t(lang, "staff.login.totp"),
  };
  const summary = [...v.errors.entries()].map(([field, text]) => ({
    href: `#f-${field}`,
    text: `${labels[field] ?? field}: ${text}`,
  }));
  const n = v.notice;
  return staffPage({
    lang,
    member: null,
    title: t(lang, "staff.login.title"),
    path:
      v.next === undefined
        ? "/operatori/accedi"
        : `/operatori/accedi?next=${encodeURIComponent(v.next)}`,
    body: html`<h1>${t(lang, "staff.login.title")}</h1>
<p class="lead">${t(lang, "staff.login.intro")}</p>
${n === undefined ? "" : html`<div class="alert alert-${n.tone}" role="alert" tabindex="-1" autofocus><h2 class="h5">${n.title}</h2>${n.detail === undefined ? "" : html`<p class="mb-0">${n.detail}</p>`}</div>`}
${errorSummary(t(lang, "form.errorSummary"), summary)}
<form method="post" action="/operatori/accedi" novalidate class="col-lg-6 px-0">
${csrfInput(v.csrfToken)}
${v.next === undefined ? "" : html`<input type="hidden" name="next" value="${v.next}">`}
${textField({ id: "f-username", name: "username", value: v.username, error: v.errors.get("username"), label: labels.username ?? "", autocomplete: "username", maxlength: 40, autocapitalize: "none", spellcheck: false })}
${textField({ id: "f-password", name: "password", type: "password", value: "", error: v.errors.get("password"), label: labels.password ?? "", autocomplete: "current-password", maxlength: 128 })}
${textField({ id: "f-totp", name: "totp", value: "", error: v.errors.get("totp"), label: labels.totp ?? "", hint: t(lang, "staff.login.totpHint"), autocomplete: "one-time-code", inputmode: "text", maxlength: 12, autocapitalize: "characters", spellcheck: false })}
<button type="submit" class="btn btn-primary btn-lg">${t(lang, "staff.login.submit")}</button>
</form>`,
  });
}

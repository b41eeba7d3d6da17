/**
 * The contact centre's pages for an incoming call: the identity check, the actions for a
 * checked caller, the inbound claim and the first half to read out.
 */
import { listCountries } from "../../../../domain/address.ts";
import type { StaffMember } from "../../../../domain/staff.ts";
import { romeTime } from "../../../../i18n/format.ts";
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
import type { FormValues } from "../../../render.ts";
import { claimErrorList, claimFields } from "../../../screens/claim/form-page.ts";
import { staffPage } from "../../layout.ts";

export const CALL_PATH = "/operatori/contact-center/chiamata";

interface Frame {
  lang: Lang;
  member: StaffMember;
  csrfToken: string;
}

/** Flow field → the control of the check form. */
export const CHECK_FIELD_IDS: Readonly<Record<string, string>> = {
  fiscalCode: "f-fiscalCode",
  reason: "f-callRef",
  "answers.birthDate": "f-birthDate",
  "answers.birthPlace": "f-birthPlace",
  "answers.address.line1": "f-line1",
  "answers.address.city": "f-city",
  "answers.address.country": "f-country",
  "answers.healthCardNumber": "f-healthCard",
};

export function checkPage(
  f: Frame & { values: FormValues; errors: FieldErrors; notice?: Notice | undefined },
): string {
  const { lang, values: v, errors: err } = f;
  const label = (k: string) => t(lang, `staffContact.check.${k}` as "staffContact.check.title");
  const field = (name: string, key: string) => ({
    id: `f-${name}`,
    name,
    value: v[name],
    error: err.get(`f-${name}`),
    label: label(key),
  });
  const summary = [...err.entries()].map(([id, text]) => ({
    href: `#${id}`,
    text: `${label(id.slice(2))}: ${text}`,
  }));
  const countries = listCountries(lang).map((c) => ({ value: c.code, label: c.name }));
  return staffPage({
    lang,
    member: f.member,
    csrfToken: f.csrfToken,
    title: `${err.size > 0 ? `${t(lang, "form.errorPrefix")}: ` : ""}${label("title")}`,
    path: CALL_PATH,
    body: html`<h1>${label("title")}</h1>
<p class="lead">${label("intro")}</p>
${noticeAlert(f.notice)}
${errorSummary(t(lang, "form.errorSummary"), summary)}
<form method="post" action="${CALL_PATH}" novalidate class="col-lg-8 px-0">
${csrfInput(f.csrfToken)}
${textField({ ...field("fiscalCode", "fiscalCode"), maxlength: 20, autocapitalize: "characters", spellcheck: false, autocomplete: "off" })}
${textField({ ...field("callRef", "callRef"), hint: label("callRefHint"), maxlength: 80, autocomplete: "off" })}
${textField({ ...field("birthDate", "birthDate"), hint: label("birthDateHint"), maxlength: 10, inputmode: "numeric", autocomplete: "off" })}
${textField({ ...field("birthPlace", "birthPlace"), hint: label("birthPlaceHint"), maxlength: 80, autocomplete: "off" })}
<fieldset class="mb-4"><legend class="h6 fw-semibold">${label("address")}</legend>
${textField({ ...field("line1", "line1"), maxlength: 120, autocomplete: "off" })}
${textField({ ...field("line2", "line2"), hint: label("line2Hint"), maxlength: 120, required: false, autocomplete: "off" })}
<div class="row">
${textField({ ...field("city", "city"), maxlength: 80, autocomplete: "off", wrapClass: "col-md-6" })}
${textField({ ...field("postalCode", "postalCode"), maxlength: 20, required: false, autocomplete: "off", wrapClass: "col-md-6" })}
</div>
${selectField({ ...field("country", "country"), options: countries, placeholder: t(lang, "form.choose") })}
</fieldset>
${textField({ ...field("healthCard", "healthCard"), hint: label("healthCardHint"), maxlength: 24, inputmode: "numeric", required: false, autocomplete: "off" })}
<button type="submit" class="btn btn-primary btn-lg">${label("submit")}</button>
</form>`,
  });
}

export interface CallerView {
  checkId: string;
  fiscalCode: string;
  expiresAt: Date;
}

const actionCard = (title: string, text: string, body: Html) =>
  html`<section class="card-wrapper mb-4"><div class="card card-bg"><div class="card-body">
<h2 class="h4 card-title">${title}</h2><p>${text}</p>${body}</div></div></section>`;

export function callerPage(
  f: Frame & { caller: CallerView; notice?: Notice | undefined; errors?: FieldErrors },
): string {
  const { lang, caller } = f;
  const c = (k: string) => t(lang, `staffContact.caller.${k}` as "staffContact.caller.title");
  const base = `${CALL_PATH}/${caller.checkId}`;
  const err = f.errors ?? new Map<string, string>();
  const post = (action: string, inner: Html, submit: string, tone = "primary") =>
    html`<form method="post" action="${base}/${action}" novalidate>${csrfInput(f.csrfToken)}${inner}
<button type="submit" class="btn btn-${tone}">${submit}</button></form>`;
  return staffPage({
    lang,
    member: f.member,
    csrfToken: f.csrfToken,
    title: c("title"),
    path: base,
    body: html`<h1>${c("title")}</h1>
<p class="lead">${t(lang, "staffContact.caller.intro", { fiscalCode: caller.fiscalCode, time: romeTime(lang, caller.expiresAt) })}</p>
${noticeAlert(f.notice)}
${actionCard(c("claim"), c("claimText"), html`<a class="btn btn-primary" href="${base}/richiesta-pin">${c("claim")}</a>`)}
${actionCard(
  c("addContact"),
  c("addContactText"),
  post(
    "contatto",
    html`${selectField({
      id: "f-kind",
      name: "kind",
      label: c("kind"),
      error: err.get("kind"),
      options: (["mobile", "email", "pec"] as const).map((k) => ({
        value: k,
        label: t(lang, `contacts.kind.${k}`),
      })),
      placeholder: t(lang, "form.choose"),
    })}${textField({ id: "f-value", name: "value", label: c("value"), hint: c("valueHint"), error: err.get("value"), maxlength: 254, autocomplete: "off", spellcheck: false })}`,
    c("addSubmit"),
  ),
)}
${actionCard(c("lift"), c("liftText"), post("sblocco", html``, c("liftSubmit")))}
${actionCard(c("letter"), c("letterText"), post("lettera", html``, c("letterSubmit")))}
${actionCard(
  c("revoke"),
  c("revokeText"),
  post(
    "revoca",
    html`<div class="form-check mb-3"><input class="form-check-input${err.has("confirm") ? " is-invalid" : ""}" type="checkbox" id="f-confirm" name="confirm" value="yes" required${err.has("confirm") ? html` aria-invalid="true" aria-describedby="f-confirm-error"` : ""}>
<label class="form-check-label" for="f-confirm">${c("revokeConfirm")}</label>${err.has("confirm") ? html`<div id="f-confirm-error" class="invalid-feedback d-block">${err.get("confirm") ?? ""}</div>` : ""}</div>`,
    c("revokeSubmit"),
    "danger",
  ),
)}
<p><a href="${CALL_PATH}">${c("newCall")}</a></p>`,
  });
}

export function inboundClaimPage(
  f: Frame & {
    checkId: string;
    values: FormValues;
    errors: FieldErrors;
    notice?: Notice | undefined;
  },
): string {
  const { lang } = f;
  const path = `${CALL_PATH}/${f.checkId}/richiesta-pin`;
  const claimLang = f.values.claimLang === "en" ? "en" : "it";
  return staffPage({
    lang,
    member: f.member,
    csrfToken: f.csrfToken,
    title: `${f.errors.size > 0 ? `${t(lang, "form.errorPrefix")}: ` : ""}${t(lang, "staffContact.claim.title")}`,
    path,
    body: html`<h1>${t(lang, "staffContact.claim.title")}</h1>
<p class="lead">${t(lang, "staffContact.claim.intro")}</p>
${noticeAlert(f.notice)}
${errorSummary(t(lang, "form.errorSummary"), claimErrorList(lang, f.errors))}
<form method="post" action="${path}" id="inbound-claim-form" novalidate>
${csrfInput(f.csrfToken)}
${claimFields(lang, f.values, f.errors)}
${selectField({
  id: "f-claimLang",
  name: "claimLang",
  label: t(lang, "staffContact.claim.messagesLang"),
  value: claimLang,
  options: [
    { value: "it", label: "Italiano" },
    { value: "en", label: "English" },
  ],
})}
<button type="submit" class="btn btn-primary btn-lg">${t(lang, "staffContact.claim.submit")}</button>
</form>
<p class="mt-3"><a href="${CALL_PATH}/${f.checkId}">${t(lang, "staffContact.caller.back")}</a></p>`,
  });
}

export function firstHalfPage(
  f: Frame & {
    checkId: string;
    firstHalf: string;
    reference: string;
    delivery: "sms" | "email";
  },
): string {
  const { lang } = f;
  const grouped = `${f.firstHalf.slice(0, 4)} ${f.firstHalf.slice(4)}`;
  return staffPage({
    lang,
    member: f.member,
    csrfToken: f.csrfToken,
    title: t(lang, "staffContact.claim.issuedTitle"),
    path: `${CALL_PATH}/${f.checkId}/richiesta-pin`,
    body: html`<h1>${t(lang, "staffContact.claim.issuedTitle")}</h1>
<div class="alert alert-success" role="status" tabindex="-1" autofocus>
<p>${t(lang, "staffContact.claim.readOut")}</p>
<p class="h2 font-monospace" data-testid="first-half" aria-label="${f.firstHalf.split("").join(" ")}">${grouped}</p>
<p class="mb-0">${t(lang, "staffContact.claim.shownOnce", { channel: t(lang, `staffContact.claim.${f.delivery}`) })}</p>
</div>
<p>${t(lang, "staffContact.claim.reference", { reference: f.reference })}</p>
<p><a href="${CALL_PATH}/${f.checkId}">${t(lang, "staffContact.caller.back")}</a> · <a href="${CALL_PATH}">${t(lang, "staffContact.caller.newCall")}</a></p>`,
  });
}

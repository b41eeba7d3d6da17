/** "Richiedi PIN": the online claim form. */
import { listCountries } from "../../../domain/address.ts";
import { DOCUMENT_TYPES } from "../../../flows/claim-input.ts";
import {
  csrfInput,
  errorSummary,
  radioGroup,
  selectField,
  textField,
  type FieldErrors,
} from "../../components.ts";
import { html, type Html } from "../../html.ts";
import { t, type Lang, type MessageKey } from "../../../i18n/index.ts";
import { page } from "../../layout.ts";
import type { FormValues } from "../../render.ts";
import { fieldId } from "./form-mapping.ts";

/** Field path (as the validators name it) → its label, for the error summary, in form order. */
const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  fiscalCode: "claim.fiscalCode",
  surname: "claim.surname",
  givenNames: "claim.givenNames",
  sex: "claim.sex",
  birthDate: "claim.birthDate",
  birthCountry: "claim.birthCountry",
  birthMunicipality: "claim.birthMunicipality",
  "residence.country": "claim.country",
  "residence.line1": "claim.line1",
  "residence.line2": "claim.line2",
  "residence.city": "claim.city",
  "residence.region": "claim.region",
  "residence.postalCode": "claim.postalCode",
  mobile: "claim.mobile",
  email: "claim.email",
  delivery: "claim.deliveryShort",
  "document.type": "claim.documentType",
  "document.number": "claim.documentNumber",
  "document.issuingCountry": "claim.documentCountry",
};

const RADIO_GROUPS: ReadonlySet<string> = new Set(["sex", "delivery"]);

export interface ClaimFormView {
  lang: Lang;
  csrfToken: string;
  values: FormValues;
  errors: FieldErrors;
  /** A refusal or conflict shown above the form (title + detail). */
  notice?: { title: string; detail: string; links?: boolean } | undefined;
}

export function claimFormPage(v: ClaimFormView): string {
  const { lang, values: val, errors: err } = v;
  const summary = claimErrorList(lang, err);
  return page({
    lang,
    // A page with errors says so first in its title (what a screen reader announces).
    title: `${err.size > 0 ? `${t(lang, "form.errorPrefix")}: ` : ""}${t(lang, "claim.title")}`,
    path: "/richiedi-pin",
    langSwitchForm: "claim-form",
    body: html`<h1>${t(lang, "claim.title")}</h1>
<p class="lead">${t(lang, "claim.intro")}</p>
<p>${t(lang, "claim.requiredNote")}</p>
${
  v.notice !== undefined
    ? html`<div class="alert alert-warning" role="alert" tabindex="-1" autofocus><h2 class="h5">${v.notice.title}</h2><p class="mb-0">${v.notice.detail}</p>
    ${v.notice.links === true ? html`<p class="mt-2 mb-0"><a href="https://www.spid.gov.it/">SPID</a> · <a href="https://www.cartaidentita.interno.gov.it/">CIE</a></p>` : ""}</div>`
    : ""
}
${errorSummary(t(lang, "form.errorSummary"), summary)}
<form method="post" action="/richiedi-pin" id="claim-form" novalidate>
${csrfInput(v.csrfToken)}
${claimFields(lang, val, err)}
<p class="mt-4">${t(lang, "claim.privacy")}</p>
<button type="submit" class="btn btn-primary btn-lg">${t(lang, "claim.submit")}</button>
</form>`,
  });
}

/** The error summary's items of a claim form, in the order of the form. */
export function claimErrorList(lang: Lang, err: FieldErrors): { href: string; text: string }[] {
  // "Cognome: Campo obbligatorio." - the summary names each field, or a list of identical
  // messages would not say which box to fix.
  // In the order of the form; a choice links to its first option (a fieldset takes no focus).
  const order = Object.keys(FIELD_LABELS);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  return [...err.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([field, text]) => {
      const label = FIELD_LABELS[field];
      return {
        href: `#${fieldId(field)}${RADIO_GROUPS.has(field) ? "-0" : ""}`,
        text: label === undefined ? text : `${t(lang, label)}: ${text}`,
      };
    });
}

/**
 * The claim's fields (identity, residence, contacts, document), shared by the online form and
 * the contact centre's inbound claim (/operatori/contact-center/…).
 */
export function claimFields(lang: Lang, val: FormValues, err: FieldErrors): Html {
  const countries = listCountries(lang).map((c) => ({ value: c.code, label: c.name }));
  const f = (name: string) => ({ id: fieldId(name), name, value: val[name], error: err.get(name) });
  const dateError = err.has("birthDate") ? "f-birthDay-error" : undefined;
  return html`<h2 class="h4 mt-4">${t(lang, "claim.identity")}</h2>
${textField({ ...f("fiscalCode"), label: t(lang, "claim.fiscalCode"), hint: t(lang, "claim.fiscalCodeHint"), maxlength: 20, autocapitalize: "characters", spellcheck: false })}
<div class="row">
${textField({ ...f("surname"), label: t(lang, "claim.surname"), autocomplete: "family-name", wrapClass: "col-md-6" })}
${textField({ ...f("givenNames"), label: t(lang, "claim.givenNames"), autocomplete: "given-name", wrapClass: "col-md-6" })}
</div>
${radioGroup({
  ...f("sex"),
  id: fieldId("sex"),
  legend: t(lang, "claim.sex"),
  options: [
    { value: "F", label: t(lang, "claim.sexF") },
    { value: "M", label: t(lang, "claim.sexM") },
  ],
})}
<fieldset class="mb-4" aria-describedby="birthdate-hint${err.has("birthDate") ? " f-birthDay-error" : ""}">
  <legend class="h6 fw-semibold">${t(lang, "claim.birthDate")} <span class="req" aria-hidden="true">*</span></legend>
  <small id="birthdate-hint" class="form-text d-block mb-2">${t(lang, "claim.birthDateHint")}</small>
  ${err.has("birthDate") ? html`<div id="f-birthDay-error" class="invalid-feedback d-block mb-2">${err.get("birthDate")}</div>` : ""}
  <div class="row">
    ${textField({ id: "f-birthDay", name: "birthDay", value: val.birthDay, label: t(lang, "claim.day"), inputmode: "numeric", maxlength: 2, autocomplete: "bday-day", wrapClass: "col-4 col-md-2", invalidBy: dateError })}
    ${textField({ id: "f-birthMonth", name: "birthMonth", value: val.birthMonth, label: t(lang, "claim.month"), inputmode: "numeric", maxlength: 2, autocomplete: "bday-month", wrapClass: "col-4 col-md-2", invalidBy: dateError })}
    ${textField({ id: "f-birthYear", name: "birthYear", value: val.birthYear, label: t(lang, "claim.year"), inputmode: "numeric", maxlength: 4, autocomplete: "bday-year", wrapClass: "col-4 col-md-3", invalidBy: dateError })}
  </div>
</fieldset>
<div class="row">
${selectField({ ...f("birthCountry"), label: t(lang, "claim.birthCountry"), options: countries, wrapClass: "col-md-6", placeholder: t(lang, "form.choose") })}
${textField({ ...f("birthMunicipality"), label: t(lang, "claim.birthMunicipality"), hint: t(lang, "claim.birthMunicipalityHint"), required: false, wrapClass: "col-md-6" })}
</div>

<h2 class="h4 mt-4">${t(lang, "claim.residence")}</h2>
<p>${t(lang, "claim.residenceIntro")}</p>
${selectField({ ...f("residence.country"), label: t(lang, "claim.country"), options: countries, autocomplete: "country", placeholder: t(lang, "form.choose") })}
${textField({ ...f("residence.line1"), label: t(lang, "claim.line1"), hint: t(lang, "claim.line1Hint"), autocomplete: "address-line1" })}
${textField({ ...f("residence.line2"), label: t(lang, "claim.line2"), required: false, autocomplete: "address-line2" })}
<div class="row">
${textField({ ...f("residence.city"), label: t(lang, "claim.city"), autocomplete: "address-level2", wrapClass: "col-md-6" })}
${textField({ ...f("residence.region"), label: t(lang, "claim.region"), hint: t(lang, "claim.regionHint"), required: false, autocomplete: "address-level1", wrapClass: "col-md-6" })}
</div>
${textField({ ...f("residence.postalCode"), label: t(lang, "claim.postalCode"), autocomplete: "postal-code", maxlength: 20, wrapClass: "col-md-4 px-0" })}

<h2 class="h4 mt-4">${t(lang, "claim.contacts")}</h2>
<p id="contacts-hint">${t(lang, "claim.contactsHint")}</p>
${textField({ ...f("mobile"), type: "tel", label: t(lang, "claim.mobile"), hint: t(lang, "claim.mobileHint"), autocomplete: "tel", inputmode: "tel", required: false })}
${textField({ ...f("email"), type: "email", label: t(lang, "claim.email"), hint: t(lang, "claim.emailHint"), autocomplete: "email", inputmode: "email", spellcheck: false, required: false })}
${radioGroup({
  ...f("delivery"),
  id: fieldId("delivery"),
  legend: t(lang, "claim.delivery"),
  hint: t(lang, "claim.deliveryHint"),
  options: [
    { value: "sms", label: t(lang, "claim.deliverySms") },
    { value: "email", label: t(lang, "claim.deliveryEmail") },
  ],
})}

<h2 class="h4 mt-4">${t(lang, "claim.document")}</h2>
<p>${t(lang, "claim.documentIntro")}</p>
${selectField({ ...f("document.type"), label: t(lang, "claim.documentType"), options: DOCUMENT_TYPES.map((d) => ({ value: d, label: t(lang, `claim.documentTypes.${d}`) })), placeholder: t(lang, "form.choose") })}
${textField({ ...f("document.number"), label: t(lang, "claim.documentNumber"), maxlength: 30, spellcheck: false, autocapitalize: "characters" })}
${selectField({ ...f("document.issuingCountry"), label: t(lang, "claim.documentCountry"), options: countries, placeholder: t(lang, "form.choose") })}
`;
}

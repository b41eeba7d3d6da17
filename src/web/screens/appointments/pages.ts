/**
 * The booking pages: office and purpose, then the day, then the time and the person's details,
 * then the confirmation with the booking code. Each step is a page of its own, reached by links
 * and GET forms (no script needed); only the booking itself is a POST.
 */
import { romeDate } from "../../../domain/eligibility.ts";
import { OFFICES, type Office } from "../../../domain/offices.ts";
import { APPOINTMENT_PURPOSES, type AppointmentPurpose } from "../../../domain/slots.ts";
import { t, type Lang } from "../../../i18n/index.ts";
import { civilDate, LOCALES, romeTime } from "../../../i18n/format.ts";
import {
  csrfInput,
  errorSummary,
  noticeAlert,
  radioGroup,
  selectField,
  textField,
  type FieldErrors,
  type Notice,
} from "../../components.ts";
import { html, type Html } from "../../html.ts";
import { page } from "../../layout.ts";
import type { FormValues } from "../../render.ts";

export const BOOK_PATH = "/prenota-appuntamento";
export const DAYS_PATH = "/prenota-appuntamento/giorni";
export const SLOT_PATH = "/prenota-appuntamento/orario";
export const BOOKED_PATH = "/prenota-appuntamento/confermata";

const WEEKDAY_DATE: Record<Lang, Intl.DateTimeFormat> = {
  it: new Intl.DateTimeFormat(LOCALES.it, { dateStyle: "full", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat(LOCALES.en, { dateStyle: "full", timeZone: "UTC" }),
};

/** "mercoledì 4 marzo 2026" for a "YYYY-MM-DD" date. */
export const fullDate = (lang: Lang, day: string): string =>
  WEEKDAY_DATE[lang].format(new Date(`${day}T12:00:00Z`));

const query = (v: Record<string, string>): string => new URLSearchParams(v).toString();

const summaryOf = (lang: Lang, errors: FieldErrors, labels: Record<string, string>) =>
  [...errors].map(([field, text]) => ({
    href: `#f-${field}`,
    text: `${labels[field] ?? field}: ${text}`,
  }));

const purposeOptions = (lang: Lang) =>
  APPOINTMENT_PURPOSES.map((p) => ({
    value: p,
    label: t(lang, `appointments.purposes.${p}`),
    hint: t(lang, `appointments.purposeHints.${p}`),
  }));

export function bookStartPage(v: { lang: Lang; values: FormValues; errors: FieldErrors }): string {
  const { lang, values, errors } = v;
  const b = "appointments.book";
  const labels = { office: t(lang, `${b}.office`), purpose: t(lang, `${b}.purpose`) };
  return page({
    lang,
    title: `${errors.size > 0 ? `${t(lang, "form.errorPrefix")}: ` : ""}${t(lang, `${b}.title`)}`,
    path: BOOK_PATH,
    body: html`<h1>${t(lang, `${b}.title`)}</h1>
<p class="lead">${t(lang, `${b}.intro`)}</p>
${errorSummary(t(lang, "form.errorSummary"), summaryOf(lang, errors, labels))}
<form method="get" action="${DAYS_PATH}" novalidate class="col-lg-8 px-0">
${selectField({ id: "f-office", name: "office", label: labels.office, value: values.office, error: errors.get("office"), options: OFFICES.map((o) => ({ value: o.id, label: `${o.name[lang]} (${o.city})` })) })}
${radioGroup({ id: "f-purpose", name: "purpose", legend: labels.purpose, value: values.purpose, error: errors.get("purpose"), options: purposeOptions(lang) })}
<button type="submit" class="btn btn-primary btn-lg">${t(lang, `${b}.next`)}</button>
</form>
<p class="mt-4"><a href="/prenota-appuntamento/annulla">${t(lang, "appointments.home.cancel")}</a></p>`,
  });
}

const choice = (lang: Lang, office: Office, purpose: AppointmentPurpose): Html =>
  html`<p><strong>${office.name[lang]}</strong>, ${office.address} · ${t(lang, `appointments.purposes.${purpose}`)}</p>`;

export function daysPage(v: {
  lang: Lang;
  office: Office;
  purpose: AppointmentPurpose;
  days: readonly { day: string; free: number }[];
  horizonDays: number;
}): string {
  const { lang, office, purpose } = v;
  const b = "appointments.book";
  const back = `${BOOK_PATH}?${query({ office: office.id, purpose })}`;
  return page({
    lang,
    title: t(lang, `${b}.daysTitle`),
    path: `${DAYS_PATH}?${query({ office: office.id, purpose })}`,
    body: html`<h1>${t(lang, `${b}.daysTitle`)}</h1>
${choice(lang, office, purpose)}
${
  v.days.length === 0
    ? html`<p>${t(lang, `${b}.noDays`)}</p>`
    : html`<p>${t(lang, `${b}.daysIntro`, { office: office.name[lang], purpose: t(lang, `appointments.purposes.${purpose}`), days: v.horizonDays })}</p>
<ul class="list-group appointment-days">${v.days.map(
        (d) =>
          html`<li class="list-group-item"><a href="${SLOT_PATH}?${query({ office: office.id, purpose, day: d.day })}">${fullDate(lang, d.day)}</a> <span class="text-muted">(${t(lang, `${b}.freeTimes`, { count: d.free })})</span></li>`,
      )}</ul>`
}
<p class="mt-4"><a href="${back}">${t(lang, `${b}.change`)}</a></p>`,
  });
}

export function slotPage(v: {
  lang: Lang;
  csrfToken: string;
  office: Office;
  purpose: AppointmentPurpose;
  day: string;
  slots: readonly string[];
  values: FormValues;
  errors: FieldErrors;
  notice?: Notice | undefined;
}): string {
  const { lang, office, purpose, day, values, errors } = v;
  const b = "appointments.book";
  const labels: Record<string, string> = {
    start: t(lang, `${b}.slotLegend`, { date: civilDate(lang, day) }),
    name: t(lang, `${b}.name`),
    fiscalCode: t(lang, `${b}.fiscalCode`),
    contact: t(lang, `${b}.contactLegend`),
    mobile: t(lang, `${b}.mobile`),
    email: t(lang, `${b}.email`),
  };
  const otherDay = `${DAYS_PATH}?${query({ office: office.id, purpose })}`;
  const path = `${SLOT_PATH}?${query({ office: office.id, purpose, day })}`;
  return page({
    lang,
    title: `${errors.size > 0 ? `${t(lang, "form.errorPrefix")}: ` : ""}${t(lang, `${b}.slotTitle`)}`,
    path,
    body: html`<h1>${t(lang, `${b}.slotTitle`)}</h1>
${choice(lang, office, purpose)}
${noticeAlert(v.notice)}
${errorSummary(t(lang, "form.errorSummary"), summaryOf(lang, errors, labels))}
${
  v.slots.length === 0
    ? html`<p>${t(lang, `${b}.noSlots`)}</p>`
    : html`<form method="post" action="${SLOT_PATH}" novalidate class="col-lg-8 px-0">
${csrfInput(v.csrfToken)}
<input type="hidden" name="officeId" value="${office.id}">
<input type="hidden" name="purpose" value="${purpose}">
<input type="hidden" name="day" value="${day}">
${radioGroup({ id: "f-start", name: "start", legend: labels.start ?? "", value: values.start, error: errors.get("start"), options: v.slots.map((s) => ({ value: s, label: romeTime(lang, new Date(s)) })) })}
<fieldset class="mb-4">
<legend class="h5">${t(lang, `${b}.whoTitle`)}</legend>
${textField({ id: "f-name", name: "name", value: values.name, error: errors.get("name"), label: labels.name ?? "", autocomplete: "name", maxlength: 100 })}
${textField({ id: "f-fiscalCode", name: "fiscalCode", value: values.fiscalCode, error: errors.get("fiscalCode"), label: labels.fiscalCode ?? "", hint: t(lang, `${b}.fiscalCodeHint`), required: false, maxlength: 20, autocapitalize: "characters", spellcheck: false })}
</fieldset>
<fieldset class="mb-4" id="f-contact"${errors.has("contact") ? html` aria-describedby="f-contact-error"` : ""}>
<legend class="h5">${labels.contact}</legend>
<p class="form-text">${t(lang, `${b}.contactHint`)}</p>
${errors.has("contact") ? html`<div id="f-contact-error" class="invalid-feedback d-block mb-2">${errors.get("contact")}</div>` : ""}
${textField({ id: "f-mobile", name: "mobile", type: "tel", value: values.mobile, error: errors.get("mobile"), label: labels.mobile ?? "", hint: t(lang, `${b}.mobileHint`), autocomplete: "tel", inputmode: "tel", maxlength: 40, required: false })}
${textField({ id: "f-email", name: "email", type: "email", value: values.email, error: errors.get("email"), label: labels.email ?? "", autocomplete: "email", maxlength: 254, required: false, spellcheck: false })}
</fieldset>
<button type="submit" class="btn btn-primary btn-lg">${t(lang, `${b}.submit`)}</button>
</form>`
}
<p class="mt-4"><a href="${otherDay}">${t(lang, `${b}.otherDay`)}</a></p>`,
  });
}

export interface BookedView {
  bookingCode: string;
  officeId: string;
  start: string;
  purpose: AppointmentPurpose;
  sentTo: string;
}

export function bookedPage(lang: Lang, office: Office, v: BookedView): string {
  const b = "appointments.book";
  const at = new Date(v.start);
  return page({
    lang,
    title: t(lang, `${b}.doneTitle`),
    path: BOOKED_PATH,
    body: html`<div class="alert alert-success" role="status"><h1 class="h2 mb-0">${t(lang, `${b}.doneTitle`)}</h1></div>
<h2 class="h4">${t(lang, `${b}.doneCode`)}</h2>
<p class="h2 booking-code" data-testid="booking-code"><code>${v.bookingCode}</code></p>
<p>${t(lang, `${b}.doneCodeHint`, { to: v.sentTo })}</p>
<dl class="row">
  <dt class="col-sm-3">${t(lang, `${b}.doneWhen`)}</dt>
  <dd class="col-sm-9">${fullDate(lang, romeDate(at))}, ${romeTime(lang, at)}</dd>
  <dt class="col-sm-3">${t(lang, `${b}.doneWhere`)}</dt>
  <dd class="col-sm-9">${office.name[lang]}, ${office.address}</dd>
  <dt class="col-sm-3">${t(lang, `${b}.donePurpose`)}</dt>
  <dd class="col-sm-9">${t(lang, `appointments.purposes.${v.purpose}`)}<br><span class="small">${t(lang, `appointments.purposeHints.${v.purpose}`)}</span></dd>
</dl>
<p>${t(lang, `${b}.doneReminder`)}</p>
<p>${t(lang, `${b}.doneCancel`)} <a href="/prenota-appuntamento/annulla">${t(lang, "appointments.home.cancel")}</a></p>`,
  });
}

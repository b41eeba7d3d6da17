/** Benefit claims as pages: the holder's claims with their receipts, the catalogue, a claim form. */
import { listCountries } from "../../../domain/address/countries.ts";
import type { Benefit, BenefitField } from "../../../domain/benefits.ts";
import type { BenefitClaimView } from "../../../flows/benefit-claims.ts";
import { romeDateTime } from "../../../i18n/format.ts";
import { t, type Lang } from "../../../i18n/index.ts";
import {
  csrfInput,
  errorSummary,
  noticeAlert,
  radioGroup,
  type Notice,
  selectField,
  textField,
  type FieldErrors,
} from "../../components.ts";
import { html, type Html } from "../../html.ts";
import { page, type PageUser } from "../../layout.ts";
import type { FormValues } from "../../render.ts";

export const BENEFITS_PATH = "/area-personale/domande";
export const newClaimPath = (type: string) => `${BENEFITS_PATH}/nuova/${type}`;
export const receiptPath = (protocol: string) => `${BENEFITS_PATH}/${protocol}/ricevuta.pdf`;

export function benefitsPage(v: {
  lang: Lang;
  user: PageUser;
  csrfToken: string;
  level: "ordinary" | "dispositive";
  claims: readonly BenefitClaimView[];
  benefits: readonly Benefit[];
  notice?: Notice;
}): string {
  const { lang } = v;
  const nameOf = (type: string) => v.benefits.find((b) => b.type === type)?.name[lang] ?? type;
  const claims =
    v.claims.length === 0
      ? html`<p>${t(lang, "benefits.none")}</p>`
      : html`<ul class="list-unstyled">${v.claims.map(
          (c) => html`<li class="card card-bg mb-3"><div class="card-body">
<h3 class="h6 card-title">${nameOf(c.benefitType)}</h3>
<dl class="row mb-2">
<dt class="col-sm-4">${t(lang, "benefits.protocol")}</dt><dd class="col-sm-8 text-break">${c.protocol}</dd>
<dt class="col-sm-4">${t(lang, "benefits.filedAt")}</dt><dd class="col-sm-8">${romeDateTime(lang, new Date(c.filedAt))}</dd>
<dt class="col-sm-4">${t(lang, "benefits.status")}</dt><dd class="col-sm-8">${t(lang, `benefits.${c.status}`)}</dd>
</dl>
<a href="${receiptPath(c.protocol)}">${t(lang, "benefits.receipt")}<span class="visually-hidden"> ${t(lang, "benefits.receiptOf", { protocol: c.protocol })}</span></a>
</div></li>`,
        )}</ul>`;
  return page({
    lang,
    title: t(lang, "benefits.title"),
    path: BENEFITS_PATH,
    user: v.user,
    csrfToken: v.csrfToken,
    body: html`<h1>${t(lang, "benefits.title")}</h1>
${noticeAlert(v.notice)}
<p class="lead">${t(lang, v.level === "dispositive" ? "benefits.introDispositive" : "benefits.intro")}</p>
${v.level === "ordinary" ? html`<p>${t(lang, "benefits.needDispositive")} <a href="/area-personale/pin-dispositivo">${t(lang, "conversion.title")}</a></p>` : ""}
<h2 class="h4">${t(lang, "benefits.mine")}</h2>
${claims}
<h2 class="h4 mt-4">${t(lang, "benefits.catalogue")}</h2>
<div class="row">${v.benefits.map(
      (b) => html`<div class="col-md-6 mb-3"><div class="card card-bg"><div class="card-body">
  <h3 class="h5 card-title">${b.name[lang]}</h3>
  <p class="card-text">${b.description[lang]}</p>
  <a class="btn btn-primary" href="${newClaimPath(b.type)}">${t(lang, "benefits.start")}<span class="visually-hidden">: ${b.name[lang]}</span></a>
</div></div></div>`,
    )}</div>
<p><a href="/area-personale">${t(lang, "area.back")}</a></p>`,
  });
}

function field(
  lang: Lang,
  f: BenefitField,
  value: string | undefined,
  error: string | undefined,
): Html {
  const id = `b-${f.name}`;
  const name = `fields.${f.name}`;
  const label = f.label[lang];
  const base = { id, name, label, value, error, required: f.required };
  switch (f.kind) {
    case "choice":
      return radioGroup({
        id,
        name,
        legend: label,
        value,
        error,
        options: (f.options ?? []).map((o) => ({
          value: o,
          label: f.optionLabels?.[lang][o] ?? o,
        })),
      });
    case "country":
      return selectField({
        ...base,
        options: listCountries(lang).map((c) => ({ value: c.code, label: c.name })),
        placeholder: t(lang, "form.choose"),
      });
    case "date":
      return textField({
        ...base,
        type: "date",
        hint: t(lang, "benefits.dateHint"),
        maxlength: 10,
      });
    case "iban":
      return textField({
        ...base,
        hint: t(lang, "benefits.ibanHint"),
        maxlength: 42,
        spellcheck: false,
        autocapitalize: "characters",
      });
    case "text":
      return textField({ ...base, maxlength: f.maxLength ?? 200 });
  }
}

export function claimFormPage(v: {
  lang: Lang;
  user: PageUser;
  csrfToken: string;
  benefit: Benefit;
  values: FormValues;
  errors: FieldErrors;
  notice?: Notice;
}): string {
  const { lang, benefit: b, errors } = v;
  const summary = b.fields
    .filter((f) => errors.has(`fields.${f.name}`))
    .map((f) => ({
      href: `#b-${f.name}`,
      text: `${f.label[lang]}: ${errors.get(`fields.${f.name}`) ?? ""}`,
    }));
  const title = t(lang, "benefits.formTitle", { benefit: b.name[lang] });
  return page({
    lang,
    title: `${errors.size > 0 ? `${t(lang, "form.errorPrefix")}: ` : ""}${title}`,
    path: BENEFITS_PATH,
    user: v.user,
    csrfToken: v.csrfToken,
    body: html`<h1>${title}</h1>
${noticeAlert(v.notice)}
<p class="lead">${b.description[lang]}</p>
${errorSummary(t(lang, "form.errorSummary"), summary)}
<form method="post" action="${newClaimPath(b.type)}" novalidate class="col-lg-8 px-0">
${csrfInput(v.csrfToken)}
<input type="hidden" name="submission" value="${v.values.submission ?? ""}">
${b.fields.map((f) => field(lang, f, v.values[`fields.${f.name}`], errors.get(`fields.${f.name}`)))}
<button type="submit" class="btn btn-primary">${t(lang, "benefits.submit")}</button>
</form>
<p class="mt-4"><a href="${BENEFITS_PATH}">${t(lang, "benefits.back")}</a></p>`,
  });
}

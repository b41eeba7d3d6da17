/** The dispositive PIN page: the level, the latest request, the form to download and upload. */
import type { ConversionView } from "../../../flows/conversion.ts";
import { romeDateTime } from "../../../i18n/format.ts";
import { t, type Lang } from "../../../i18n/index.ts";
import { csrfInput, errorSummary, type FieldErrors, noticeAlert } from "../../components.ts";
import { html, type Html } from "../../html.ts";
import { page, type PageUser } from "../../layout.ts";
import { BENEFITS_PATH } from "../benefits/page.ts";

export const CONVERSION_PATH = "/area-personale/pin-dispositivo";
export const CONVERSION_FORM_PDF = "/area-personale/pin-dispositivo/modulo.pdf";

export interface ConversionPageView {
  lang: Lang;
  user: PageUser;
  csrfToken: string;
  status: ConversionView;
  /** The level the session was opened with (the PIN's may be newer). */
  sessionLevel: "ordinary" | "dispositive";
  errors: FieldErrors;
  notice?: { tone: "success" | "danger"; title: string; detail?: string } | undefined;
}

const FIELDS = [
  ["signedForm", "conversion.signedForm", "conversion.fileHint"],
  ["identityDocument", "conversion.identityDocument", "conversion.identityHint"],
] as const;

function fileField(lang: Lang, name: string, label: string, hint: string, error?: string): Html {
  const id = `cv-${name}`;
  return html`<div class="form-group mb-4">
  <label for="${id}" class="active d-block">${label} <span class="req" aria-hidden="true">*</span></label>
  <input id="${id}" name="${name}" type="file" class="form-control-file${error === undefined ? "" : " is-invalid"}" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" required aria-required="true" aria-describedby="${id}-hint${error === undefined ? "" : ` ${id}-error`}"${error === undefined ? "" : html` aria-invalid="true"`}>
  <small id="${id}-hint" class="form-text d-block">${hint}</small>
  ${error === undefined ? "" : html`<div id="${id}-error" class="invalid-feedback d-block">${error}</div>`}
</div>`;
}

function statusBlock(lang: Lang, s: ConversionView): Html {
  if (s.status === "none" || s.submittedAt === null) return html``;
  const rows: [string, string][] = [
    [t(lang, "conversion.reference"), s.reference ?? ""],
    [t(lang, "conversion.submittedAt"), romeDateTime(lang, new Date(s.submittedAt))],
    [t(lang, "conversion.status"), t(lang, `conversion.${s.status}`)],
  ];
  if (s.decidedAt !== null)
    rows.push([t(lang, "conversion.decidedAt"), romeDateTime(lang, new Date(s.decidedAt))]);
  if (s.reason !== null) rows.push([t(lang, "conversion.reason"), s.reason]);
  return html`<h2 class="h4">${t(lang, "conversion.status")}</h2>
<dl class="row">${rows.map(([k, v]) => html`<dt class="col-sm-4">${k}</dt><dd class="col-sm-8">${v}</dd>`)}</dl>`;
}

export function conversionPage(v: ConversionPageView): string {
  const { lang, errors, status: s } = v;
  const n = v.notice;
  const dispositive = s.level === "dispositive";
  const open = s.status === "submitted";
  const summary = FIELDS.filter(([f]) => errors.has(f)).map(([f, label]) => ({
    href: `#cv-${f}`,
    text: `${t(lang, label)}: ${errors.get(f) ?? ""}`,
  }));
  const form = html`<h2 class="h4 mt-4">${t(lang, "conversion.step1")}</h2>
<p>${t(lang, "conversion.step1Text")}</p>
<p><a class="btn btn-outline-primary" href="${CONVERSION_FORM_PDF}">${t(lang, "conversion.download")}</a></p>
<h2 class="h4 mt-4">${t(lang, "conversion.step2")}</h2>
<form method="post" action="${CONVERSION_PATH}" enctype="multipart/form-data" novalidate class="col-lg-8 px-0">
${csrfInput(v.csrfToken)}
${FIELDS.map(([f, label, hint]) => fileField(lang, f, t(lang, label), t(lang, hint), errors.get(f)))}
<p class="small">${t(lang, "conversion.privacy")}</p>
<button type="submit" class="btn btn-primary">${t(lang, "conversion.submit")}</button>
</form>
<p class="mt-4">${t(lang, "conversion.otherWays")}</p>`;
  return page({
    lang,
    title: `${errors.size > 0 ? `${t(lang, "form.errorPrefix")}: ` : ""}${t(lang, "conversion.title")}`,
    path: CONVERSION_PATH,
    user: v.user,
    csrfToken: v.csrfToken,
    body: html`<h1>${t(lang, "conversion.title")}</h1>
${noticeAlert(n)}
${errorSummary(t(lang, "form.errorSummary"), summary)}
${
  dispositive
    ? html`<div class="callout success"><div class="callout-title">${t(lang, "conversion.alreadyDispositive")}</div><p>${t(lang, "conversion.alreadyDispositiveText")}</p>${v.sessionLevel === "ordinary" ? html`<p>${t(lang, "conversion.levelNote")}</p>` : ""}</div>`
    : html`<p class="lead">${t(lang, "conversion.intro")}</p>`
}
${statusBlock(lang, s)}
${dispositive || open ? "" : form}
<p class="mt-4"><a href="${BENEFITS_PATH}">${t(lang, "conversion.goToClaims")}</a></p>
<p><a href="/area-personale">${t(lang, "area.back")}</a></p>`,
  });
}

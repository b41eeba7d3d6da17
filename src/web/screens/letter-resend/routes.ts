/**
 * /lettera-non-arrivata: "the letter never arrived" (flows/letter-resend.ts) as a form and its
 * neutral answer; linked from the login page and the claim outcome page.
 */
import { resendLetter } from "../../../flows/letter-resend.ts";
import { t, type Lang } from "../../../i18n/index.ts";
import { csrfInput, errorSummary, textField, noticeAlert } from "../../components.ts";
import { html } from "../../html.ts";
import { page } from "../../layout.ts";
import { anonymousRequestScreens, type FormView } from "../anonymous-request.ts";
import type { ScreenDeps } from "../types.ts";

export const LETTER_RESEND_PATH = "/lettera-non-arrivata";
const SENT_PATH = "/lettera-non-arrivata/inviata";

function formPage(v: FormView): string {
  const { lang, values, errors } = v;
  const label = (f: string) =>
    t(lang, f === "firstHalf" ? "resend.firstHalf" : "resend.fiscalCode");
  const summary = ["fiscalCode", "firstHalf"]
    .filter((f) => errors.has(f))
    .map((f) => ({ href: `#f-${f}`, text: `${label(f)}: ${errors.get(f) ?? ""}` }));
  const n = v.notice;
  return page({
    lang,
    title: `${errors.size > 0 ? `${t(lang, "form.errorPrefix")}: ` : ""}${t(lang, "resend.title")}`,
    path: LETTER_RESEND_PATH,
    body: html`<h1>${t(lang, "resend.title")}</h1>
<p class="lead">${t(lang, "resend.intro")}</p>
<p>${t(lang, "resend.when")}</p>
${noticeAlert(n === undefined ? undefined : { tone: "danger", ...n })}
${errorSummary(t(lang, "form.errorSummary"), summary)}
<form method="post" action="${LETTER_RESEND_PATH}" novalidate class="col-lg-6 px-0">
${csrfInput(v.csrfToken)}
${textField({ id: "f-fiscalCode", name: "fiscalCode", value: values.fiscalCode, error: errors.get("fiscalCode"), label: label("fiscalCode"), autocomplete: "username", maxlength: 20, autocapitalize: "characters", spellcheck: false })}
${textField({ id: "f-firstHalf", name: "firstHalf", value: values.firstHalf, error: errors.get("firstHalf"), label: label("firstHalf"), hint: t(lang, "resend.firstHalfHint"), autocomplete: "off", maxlength: 12, autocapitalize: "characters", spellcheck: false })}
<button type="submit" class="btn btn-primary btn-lg">${t(lang, "resend.submit")}</button>
</form>`,
  });
}

function sentPage(lang: Lang): string {
  return page({
    lang,
    title: t(lang, "resend.sentTitle"),
    path: SENT_PATH,
    body: html`<h1>${t(lang, "resend.sentTitle")}</h1>
<p>${t(lang, "resend.sent1")}</p>
<p>${t(lang, "resend.sent2")}</p>
<p><a href="/accedi">${t(lang, "claimDone.goLogin")}</a></p>`,
  });
}

export function letterResendScreens(deps: ScreenDeps) {
  return anonymousRequestScreens(deps, {
    paths: { form: LETTER_RESEND_PATH, sent: SENT_PATH },
    formPage,
    sentPage,
    submit: (by, v) =>
      resendLetter(deps.ctx, {
        by,
        body: { fiscalCode: v.fiscalCode, firstHalf: v.firstHalf },
      }),
  });
}

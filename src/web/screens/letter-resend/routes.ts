/**
 * /lettera-non-arrivata: "the letter never arrived" (flows/letter-resend.ts) as a form and its
 * neutral answer; linked from the login page and the claim outcome page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { resendLetter } from "../../../flows/letter-resend.ts";
import { langOf } from "../../../http/lang.ts";
import { anonymousOf } from "../../../http/request.ts";
import { t, type Lang } from "../../../i18n/index.ts";
import { csrfInput, errorSummary, textField, type FieldErrors } from "../../components.ts";
import { html } from "../../html.ts";
import { page } from "../../layout.ts";
import { csrfFor, formOf, sendHtml, type FormValues } from "../../render.ts";
import { formFailure } from "../../form-failure.ts";
import type { ScreenDeps } from "../types.ts";

export const LETTER_RESEND_PATH = "/lettera-non-arrivata";
const SENT_PATH = "/lettera-non-arrivata/inviata";

function formPage(v: {
  lang: Lang;
  csrfToken: string;
  values: FormValues;
  errors: FieldErrors;
  notice?: { title: string; detail: string } | undefined;
}): string {
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
${n === undefined ? "" : html`<div class="alert alert-danger" role="alert" tabindex="-1" autofocus><h2 class="h5">${n.title}</h2><p class="mb-0">${n.detail}</p></div>`}
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

export function letterResendScreens({ ctx, csrfCheck }: ScreenDeps) {
  const start = { config: { journey: "start" as const } };
  const form = (
    req: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    values: FormValues,
    errors = new Map<string, string>(),
    notice?: { title: string; detail: string },
    status = 200,
  ) =>
    sendHtml(
      reply,
      formPage({ lang, csrfToken: csrfFor(ctx, req, reply), values, errors, notice }),
      status,
    );
  return async function letterResendPages(app: FastifyInstance): Promise<void> {
    app.get(LETTER_RESEND_PATH, start, async (req, reply) => form(req, reply, langOf(req), {}));
    app.post(LETTER_RESEND_PATH, { ...start, preHandler: csrfCheck }, async (req, reply) => {
      const values = formOf(req);
      const lang = langOf(req);
      try {
        await resendLetter(ctx, {
          by: anonymousOf(req),
          body: { fiscalCode: values.fiscalCode, firstHalf: values.firstHalf },
        });
      } catch (err) {
        const f = formFailure(err, lang, reply);
        return form(req, reply, lang, values, f.errors, f.notice, f.status);
      }
      return reply.redirect(SENT_PATH, 303);
    });
    app.get(SENT_PATH, start, async (req, reply) => sendHtml(reply, sentPage(langOf(req))));
  };
}

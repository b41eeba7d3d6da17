/**
 * /operatori/codici-recupero: a new set of recovery codes, after a code from the app (a session
 * left open cannot swap them; a resent form is refused, the codes just written down stay).
 */
import type { FastifyInstance } from "fastify";
import { STAFF_ROLES } from "../../../../domain/staff.ts";
import { replaceRecoveryCodes } from "../../../../flows/staff/account-admin.ts";
import { langOf } from "../../../../http/lang.ts";
import { staffOf } from "../../../../http/staff-request.ts";
import { t, type Lang } from "../../../../i18n/index.ts";
import { csrfInput, errorSummary, textField } from "../../../components.ts";
import { formFailure } from "../../../form-failure.ts";
import { html, type Html } from "../../../html.ts";
import { formOf } from "../../../render.ts";
import type { ScreenDeps } from "../../../screens/types.ts";
import { staffFormPage } from "../../form.ts";

const PATH = "/operatori/codici-recupero";

function form(lang: Lang, csrfToken: string, error: string | undefined): Html {
  const label = t(lang, "staff.codes.totp");
  return html`<h1>${t(lang, "staff.codes.title")}</h1>
${errorSummary(t(lang, "form.errorSummary"), error === undefined ? [] : [{ href: "#f-totp", text: `${label}: ${error}` }])}
<p>${t(lang, "staff.codes.before")}</p>
<form method="post" action="${PATH}" novalidate class="col-lg-6 px-0">${csrfInput(csrfToken)}
${textField({ id: "f-totp", name: "totp", value: "", error, label, autocomplete: "one-time-code", inputmode: "numeric", maxlength: 8 })}
<button type="submit" class="btn btn-primary">${t(lang, "staff.codes.generate")}</button></form>`;
}

export function staffCodesScreens({ ctx, csrfCheck }: ScreenDeps) {
  const show = staffFormPage(ctx, "staff.codes.title", PATH);
  return async function staffCodes(app: FastifyInstance): Promise<void> {
    const rule = { config: { staff: STAFF_ROLES } };
    app.get(PATH, rule, async (req, reply) => {
      const { member } = await staffOf(ctx, req);
      return show(req, reply, member, (token) => form(langOf(req), token, undefined));
    });
    app.post(PATH, { ...rule, preHandler: csrfCheck }, async (req, reply) => {
      const lang = langOf(req);
      const { by, member } = await staffOf(ctx, req);
      try {
        const codes = await replaceRecoveryCodes(ctx, {
          by,
          staffId: member.id,
          totp: formOf(req).totp,
        });
        return await show(
          req,
          reply,
          member,
          () => html`<h1>${t(lang, "staff.codes.title")}</h1>
<div class="alert alert-warning" role="status"><p class="mb-0">${t(lang, "staff.codes.intro")}</p></div>
<ul class="list-unstyled recovery-codes" data-testid="recovery-codes">${codes.map((c) => html`<li><code>${c}</code></li>`)}</ul>
<p><a href="/operatori">${t(lang, "staff.home")}</a></p>`,
        );
      } catch (err) {
        const f = formFailure(err, lang, reply);
        return show(
          req,
          reply,
          member,
          (token) => form(lang, token, f.errors.get("totp")),
          f.status,
        );
      }
    });
  };
}

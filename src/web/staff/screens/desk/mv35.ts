/**
 * /operatori/sportello/mv35: form MV35 at the desk. The form carries a one-time request key:
 * a resubmission (a reload of the answer, a double click) never issues a second PIN, it says
 * the PIN was issued and offers the printout while it lasts. The answer shows the 16
 * characters once (no-store) with a link to the one printout, /…/mv35/{id}/pin.pdf.
 */
import type { FastifyInstance } from "fastify";
import { AppError } from "../../../../domain/errors.ts";
import { groupPin } from "../../../../domain/pin.ts";
import { issueDeskPin, type IssuedDeskPin } from "../../../../flows/staff/desk-mv35.ts";
import { deskPinPdf, sendDeskPinPdf } from "../../../../http/api/staff/desk-support.ts";
import { langOf } from "../../../../http/lang.ts";
import { staffOf } from "../../../../http/staff-request.ts";
import { t, type Lang } from "../../../../i18n/index.ts";
import { randomToken } from "../../../../security/crypto.ts";
import {
  csrfInput,
  noticeAlert,
  selectField,
  textField,
  type FieldErrors,
} from "../../../components.ts";
import { dangerNotice, formFailure } from "../../../form-failure.ts";
import { html, type Html } from "../../../html.ts";
import { formOf, type FormValues } from "../../../render.ts";
import type { ScreenDeps } from "../../../screens/types.ts";
import { staffFormPage } from "../../form.ts";
import {
  DESK_PATHS,
  documentFieldset,
  documentLabels,
  documentOf,
  fieldId,
  reasonFieldset,
  reasonOf,
  summary,
} from "./common.ts";

const clerk = { staff: ["office_clerk"] } as const;
const pdfPath = (id: string) => `${DESK_PATHS.mv35}/${id}/pin.pdf`;

function formBody(
  lang: Lang,
  token: string,
  v: FormValues,
  errors: FieldErrors,
  notice: ReturnType<typeof dangerNotice>,
): Html {
  const labels: Record<string, string> = {
    ...documentLabels(lang),
    applicantPresent: t(lang, "desk.mv35.present"),
    mobile: t(lang, "desk.mv35.mobile"),
    email: t(lang, "desk.mv35.email"),
  };
  const presentError = errors.get("applicantPresent");
  return html`<h1>${t(lang, "desk.mv35.title")}</h1>
<p class="lead">${t(lang, "desk.mv35.intro")}</p>
${noticeAlert(notice)}${summary(lang, errors, labels)}
<form method="post" action="${DESK_PATHS.mv35}" novalidate class="col-lg-8 px-0" id="mv35-form">
${csrfInput(token)}<input type="hidden" name="requestKey" value="${v.requestKey ?? randomToken(24)}">
${textField({ id: fieldId("fiscalCode"), name: "fiscalCode", label: t(lang, "deskPdf.fiscalCode"), value: v.fiscalCode, error: errors.get("fiscalCode"), maxlength: 16, autocapitalize: "characters", spellcheck: false })}
${documentFieldset(lang, v, errors)}
<fieldset class="mb-4"><legend class="h5">${t(lang, "desk.mv35.contactsLegend")}</legend>
${textField({ id: fieldId("mobile"), name: "mobile", type: "tel", label: t(lang, "desk.mv35.mobile"), value: v.mobile, error: errors.get("mobile"), autocomplete: "off", maxlength: 40 })}
${selectField({
  id: fieldId("lang"),
  name: "lang",
  label: t(lang, "desk.mv35.lang"),
  value: v.lang ?? lang,
  options: [
    { value: "it", label: "Italiano" },
    { value: "en", label: "English" },
  ],
})}
${textField({ id: fieldId("email"), name: "email", type: "email", label: t(lang, "desk.mv35.email"), value: v.email, error: errors.get("email"), autocomplete: "off", maxlength: 254 })}
</fieldset>
<div class="form-check mb-4">
  <input class="form-check-input" type="checkbox" id="${fieldId("applicantPresent")}" name="applicantPresent" value="yes"${v.applicantPresent === "yes" ? html` checked` : ""}${presentError === undefined ? "" : html` aria-invalid="true" aria-describedby="${fieldId("applicantPresent")}-error"`}>
  <label class="form-check-label" for="${fieldId("applicantPresent")}">${t(lang, "desk.mv35.present")}</label>
  ${presentError === undefined ? "" : html`<div id="${fieldId("applicantPresent")}-error" class="invalid-feedback d-block">${presentError}</div>`}
</div>
${reasonFieldset(lang, v, errors)}
<button type="submit" class="btn btn-primary btn-lg">${t(lang, "desk.mv35.submit")}</button>
</form>`;
}

function issuedBody(lang: Lang, p: IssuedDeskPin): Html {
  return html`<h1>${t(lang, "desk.mv35.issuedTitle")}</h1>
<div class="alert alert-success" role="status"><p class="mb-0">${t(lang, "desk.mv35.issuedIntro")}</p></div>
<p>${p.holderName}</p>
<h2 class="h5" id="pin-label">${t(lang, "desk.mv35.pinLabel")}</h2>
<p class="display-6 font-monospace" aria-labelledby="pin-label" data-testid="desk-pin"><strong>${groupPin(p.pin)}</strong></p>
${p.replaced ? html`<p>${t(lang, "desk.mv35.replaced")}</p>` : ""}
<p><a class="btn btn-primary btn-lg" href="${pdfPath(p.pdfId)}" download>${t(lang, "desk.mv35.print")}</a></p>
<p>${t(lang, "desk.mv35.firstAccess")}</p>
<p><a href="${DESK_PATHS.mv35}">${t(lang, "desk.mv35.another")}</a></p>`;
}

function alreadyIssuedBody(lang: Lang, pdfId: string | null): Html {
  return html`<h1>${t(lang, "desk.mv35.issuedTitle")}</h1>
<div class="alert alert-warning" role="alert" tabindex="-1" autofocus><p class="mb-0">${t(lang, pdfId === null ? "desk.mv35.printGone" : "desk.mv35.alreadyIssued")}</p></div>
${pdfId === null ? "" : html`<p><a class="btn btn-primary btn-lg" href="${pdfPath(pdfId)}" download>${t(lang, "desk.mv35.print")}</a></p>`}
<p><a href="${DESK_PATHS.mv35}">${t(lang, "desk.mv35.another")}</a></p>`;
}

export function deskMv35Screens({ ctx, csrfCheck }: ScreenDeps) {
  const show = staffFormPage(ctx, "desk.mv35.title", DESK_PATHS.mv35);

  return async function deskMv35(app: FastifyInstance): Promise<void> {
    app.get(DESK_PATHS.mv35, { config: clerk }, async (req, reply) => {
      const { member } = await staffOf(ctx, req);
      return show(req, reply, member, (token) =>
        formBody(langOf(req), token, {}, new Map(), undefined),
      );
    });

    app.post(DESK_PATHS.mv35, { config: clerk, preHandler: csrfCheck }, async (req, reply) => {
      const lang = langOf(req);
      const { by, member } = await staffOf(ctx, req);
      const v = formOf(req);
      const body = {
        fiscalCode: v.fiscalCode,
        document: documentOf(v),
        mobile: v.mobile,
        email: v.email,
        applicantPresent: v.applicantPresent === "yes",
        reason: reasonOf(v),
        requestKey: v.requestKey,
        lang: v.lang === "en" ? "en" : "it",
      };
      try {
        const issued = await issueDeskPin(ctx, { by, member, body });
        return await show(req, reply, member, () => issuedBody(lang, issued), 201);
      } catch (err) {
        if (err instanceof AppError && err.code === "DESK_ALREADY_ISSUED") {
          const id = err.extra.printable === true ? String(err.extra.pdfId) : null;
          return show(req, reply, member, () => alreadyIssuedBody(lang, id), 409);
        }
        const f = formFailure(err, lang, reply);
        return show(
          req,
          reply,
          member,
          (token) => formBody(lang, token, v, f.errors, dangerNotice(f)),
          f.status,
        );
      }
    });

    app.get(
      `${DESK_PATHS.mv35}/:id/pin.pdf`,
      { config: clerk, exposeHeadRoute: false },
      async (req, reply) => {
        const lang = langOf(req);
        const { by, member } = await staffOf(ctx, req);
        const { id } = req.params as { id: string };
        try {
          return await sendDeskPinPdf(reply, await deskPinPdf(ctx, by, member, id, lang));
        } catch (err) {
          if (!(err instanceof AppError) || err.code !== "NOT_FOUND") throw err;
          return show(req, reply, member, () => alreadyIssuedBody(lang, null), 404);
        }
      },
    );
  };
}

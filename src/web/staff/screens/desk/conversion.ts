/** /operatori/sportello/conversione: the conversion to dispositive in person (desk-conversion.ts). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { StaffMember } from "../../../../domain/staff.ts";
import { convertAtDesk } from "../../../../flows/staff/desk-conversion.ts";
import { langOf } from "../../../../http/lang.ts";
import { staffOf } from "../../../../http/staff-request.ts";
import { t } from "../../../../i18n/index.ts";
import {
  csrfInput,
  noticeAlert,
  textField,
  type FieldErrors,
  type Notice,
} from "../../../components.ts";
import { dangerNotice, formFailure } from "../../../form-failure.ts";
import { html } from "../../../html.ts";
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

export function deskConversionScreens({ ctx, csrfCheck }: ScreenDeps) {
  const send = staffFormPage(ctx, "desk.conversion.title", DESK_PATHS.conversion);
  const show = (
    req: FastifyRequest,
    reply: FastifyReply,
    member: StaffMember,
    v: FormValues,
    errors: FieldErrors,
    notice: Notice | undefined,
    status = 200,
  ) => {
    const lang = langOf(req);
    return send(
      req,
      reply,
      member,
      (token) => html`<h1>${t(lang, "desk.conversion.title")}</h1>
<p class="lead">${t(lang, "desk.conversion.intro")}</p>
${noticeAlert(notice)}${summary(lang, errors, documentLabels(lang))}
<form method="post" action="${DESK_PATHS.conversion}" novalidate class="col-lg-8 px-0">
${csrfInput(token)}
${textField({ id: fieldId("fiscalCode"), name: "fiscalCode", label: t(lang, "deskPdf.fiscalCode"), value: v.fiscalCode, error: errors.get("fiscalCode"), maxlength: 16, autocapitalize: "characters", spellcheck: false })}
${documentFieldset(lang, v, errors)}
${reasonFieldset(lang, v, errors)}
<button type="submit" class="btn btn-primary btn-lg">${t(lang, "desk.conversion.submit")}</button>
</form>`,
      status,
    );
  };

  return async function deskConversion(app: FastifyInstance): Promise<void> {
    app.get(DESK_PATHS.conversion, { config: clerk }, async (req, reply) => {
      const { member } = await staffOf(ctx, req);
      return show(req, reply, member, {}, new Map(), undefined);
    });
    app.post(
      DESK_PATHS.conversion,
      { config: clerk, preHandler: csrfCheck },
      async (req, reply) => {
        const lang = langOf(req);
        const { by, member } = await staffOf(ctx, req);
        const v = formOf(req);
        try {
          const done = await convertAtDesk(ctx, {
            by,
            member,
            body: { fiscalCode: v.fiscalCode, document: documentOf(v), reason: reasonOf(v) },
          });
          const notice: Notice = {
            tone: "success",
            title: t(lang, "desk.conversion.done"),
            detail: t(lang, "desk.conversion.doneText", { claims: done.claimsReleased.length }),
          };
          return await show(req, reply, member, {}, new Map(), notice);
        } catch (err) {
          const f = formFailure(err, lang, reply);
          return show(req, reply, member, v, f.errors, dangerNotice(f), f.status);
        }
      },
    );
  };
}

/**
 * /operatori/sportello/deleghe: a person's delegations looked up for a reason (a POST: the
 * fiscal code stays out of addresses and logs; the reading is audited), each running one with
 * a form to end it (reason asked again); /…/deleghe/nuova registers one with its documents
 * (a plain multipart form, no script needed).
 */
import type { FastifyInstance } from "fastify";
import {
  delegationsForDesk,
  endDelegationAtDesk,
} from "../../../../flows/staff/desk-delegation-views.ts";
import { registerDelegation } from "../../../../flows/staff/desk-delegations.ts";
import {
  acceptDelegationUploads,
  DELEGATION_BODY_LIMIT,
  DELEGATION_TEXT_FIELDS,
  delegationFiles,
} from "../../../../http/api/staff/desk-support.ts";
import { langOf } from "../../../../http/lang.ts";
import { staffOf } from "../../../../http/staff-request.ts";
import { textPart } from "../../../../http/uploads.ts";
import { civilDate } from "../../../../i18n/format.ts";
import { t, type Lang } from "../../../../i18n/index.ts";
import { noticeAlert, type FieldErrors, type Notice } from "../../../components.ts";
import { dangerNotice, formFailure } from "../../../form-failure.ts";
import { html, type Html } from "../../../html.ts";
import { formOf, type FormValues } from "../../../render.ts";
import type { ScreenDeps } from "../../../screens/types.ts";
import { staffFormPage } from "../../form.ts";
import { DESK_PATHS, reasonOf, summary } from "./common.ts";
import { delegationSearchForm, delegationTable, newDelegationForm } from "./delegation-pages.ts";

const clerk = { staff: ["office_clerk"] } as const;

export function deskDelegationScreens({ ctx, csrfCheck }: ScreenDeps) {
  const sendList = staffFormPage(ctx, "desk.delegations.title", DESK_PATHS.delegations);
  const sendNew = staffFormPage(ctx, "desk.delegations.title", DESK_PATHS.newDelegation);
  const listPage = (
    lang: Lang,
    token: string,
    v: FormValues,
    errors: FieldErrors,
    notice: Notice | undefined,
    found: Html,
  ) =>
    html`<h1>${t(lang, "desk.delegations.title")}</h1>
<p class="lead">${t(lang, "desk.delegations.intro")}</p>
<p><a class="btn btn-outline-primary" href="${DESK_PATHS.newDelegation}">${t(lang, "desk.delegations.newLink")}</a></p>
${noticeAlert(notice)}${summary(lang, errors, { fiscalCode: t(lang, "deskPdf.fiscalCode"), reason: t(lang, "desk.reason.legend") })}
${delegationSearchForm(lang, token, v, errors)}${found}`;

  return async function deskDelegations(app: FastifyInstance): Promise<void> {
    app.get(DESK_PATHS.delegations, { config: clerk }, async (req, reply) => {
      const { member } = await staffOf(ctx, req);
      const lang = langOf(req);
      return sendList(req, reply, member, (token) =>
        listPage(lang, token, {}, new Map(), undefined, html``),
      );
    });
    app.post(
      DESK_PATHS.delegations,
      { config: clerk, preHandler: csrfCheck },
      async (req, reply) => {
        const lang = langOf(req);
        const { by, member } = await staffOf(ctx, req);
        const v = formOf(req);
        try {
          const found = await delegationsForDesk(ctx, {
            by,
            member,
            fiscalCode: v.fiscalCode,
            reason: reasonOf(v),
          });
          const rows = [...found.given, ...found.received];
          return await sendList(req, reply, member, (token) =>
            listPage(
              lang,
              token,
              v,
              new Map(),
              undefined,
              delegationTable(lang, found.fiscalCode, rows, token),
            ),
          );
        } catch (err) {
          const f = formFailure(err, lang, reply);
          return sendList(
            req,
            reply,
            member,
            (token) => listPage(lang, token, v, f.errors, dangerNotice(f), html``),
            f.status,
          );
        }
      },
    );
    app.post(
      `${DESK_PATHS.delegations}/:id/termina`,
      { config: clerk, preHandler: csrfCheck },
      async (req, reply) => {
        const lang = langOf(req);
        const { by, member } = await staffOf(ctx, req);
        const { id } = req.params as { id: string };
        let notice: Notice;
        let status = 200;
        try {
          await endDelegationAtDesk(ctx, { by, member, id, reason: reasonOf(formOf(req)) });
          notice = { tone: "success", title: t(lang, "desk.delegations.ended") };
        } catch (err) {
          const f = formFailure(err, lang, reply);
          notice = dangerNotice(f) ?? {
            tone: "danger",
            title: t(lang, "errors.VALIDATION_FAILED.title"),
            detail: [...f.errors.values()].join(" "),
          };
          status = f.status;
        }
        return sendList(
          req,
          reply,
          member,
          (token) => listPage(lang, token, {}, new Map(), notice, html``),
          status,
        );
      },
    );

    await app.register(async function delegationForm(scope: FastifyInstance) {
      await acceptDelegationUploads(scope);
      scope.get(DESK_PATHS.newDelegation, { config: clerk }, async (req, reply) => {
        const { member } = await staffOf(ctx, req);
        return sendNew(req, reply, member, (token) =>
          newDelegationForm(langOf(req), token, {}, new Map(), undefined),
        );
      });
      scope.post(
        DESK_PATHS.newDelegation,
        { config: clerk, preHandler: csrfCheck, bodyLimit: DELEGATION_BODY_LIMIT },
        async (req, reply) => {
          const lang = langOf(req);
          const { by, member } = await staffOf(ctx, req);
          const v: Record<string, string> = {};
          for (const f of [...DELEGATION_TEXT_FIELDS, "reasonKind", "reasonRef"])
            v[f] = textPart(req.body, f)?.trim() ?? "";
          try {
            const done = await registerDelegation(ctx, {
              by,
              member,
              fields: v,
              reason: reasonOf(v),
              files: delegationFiles(req.body),
            });
            const notice: Notice = {
              tone: "success",
              title: t(lang, "desk.delegations.registered"),
              detail: t(lang, "desk.delegations.registeredText", {
                date: civilDate(lang, done.endDate),
              }),
            };
            return await sendNew(
              req,
              reply,
              member,
              (token) => newDelegationForm(lang, token, {}, new Map(), notice),
              201,
            );
          } catch (err) {
            const f = formFailure(err, lang, reply);
            return sendNew(
              req,
              reply,
              member,
              (token) => newDelegationForm(lang, token, v, f.errors, dangerNotice(f)),
              f.status,
            );
          }
        },
      );
    });
  };
}

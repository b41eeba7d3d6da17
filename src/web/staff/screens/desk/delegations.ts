/**
 * /operatori/sportello/deleghe: a person's delegations looked up for a reason (a POST: the
 * fiscal code stays out of addresses and logs; the reading is audited), each running one with
 * a form to end it (reason asked again); /…/deleghe/nuova registers one with its documents
 * (a plain multipart form, no script needed).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  DELEGATION_AUTHORITIES,
  DELEGATION_DOCUMENTS,
  DELEGATION_FORMS,
  DOCUMENT_FIELDS,
} from "../../../../domain/delegations.ts";
import type { StaffMember } from "../../../../domain/staff.ts";
import {
  delegationsForDesk,
  endDelegationAtDesk,
  type DelegationView,
} from "../../../../flows/staff/desk-delegation-views.ts";
import { registerDelegation } from "../../../../flows/staff/desk-delegations.ts";
import {
  acceptDelegationUploads,
  DELEGATION_BODY_LIMIT,
  DELEGATION_TEXT_FIELDS,
  delegationFiles,
} from "../../../../http/api/staff/desk.ts";
import { langOf } from "../../../../http/lang.ts";
import { staffOf } from "../../../../http/staff-request.ts";
import { textPart } from "../../../../http/uploads.ts";
import { civilDate } from "../../../../i18n/format.ts";
import { t, type Lang } from "../../../../i18n/index.ts";
import {
  csrfInput,
  noticeAlert,
  selectField,
  textField,
  type FieldErrors,
  type Notice,
} from "../../../components.ts";
import { dangerNotice, formFailure } from "../../../form-failure.ts";
import { html, type Html } from "../../../html.ts";
import { csrfFor, formOf, sendHtml, type FormValues } from "../../../render.ts";
import type { ScreenDeps } from "../../../screens/types.ts";
import { staffPage } from "../../layout.ts";
import { DESK_PATHS, fieldId, reasonFieldset, reasonOf, summary } from "./common.ts";

const clerk = { staff: ["office_clerk"] } as const;

function table(lang: Lang, fc: string, rows: DelegationView[], token: string): Html {
  if (rows.length === 0) return html`<p>${t(lang, "desk.delegations.none")}</p>`;
  const d = t.bind(null, lang);
  return html`<div class="table-responsive"><table class="table">
<caption>${d("desk.delegations.listCaption", { fiscalCode: fc })}</caption>
<thead><tr><th scope="col">${d("desk.delegations.colRole")}</th><th scope="col">${d("desk.delegations.colOther")}</th><th scope="col">${d("desk.delegations.colForm")}</th><th scope="col">${d("desk.delegations.colPeriod")}</th><th scope="col">${d("desk.delegations.colStatus")}</th><th scope="col">${d("desk.delegations.colAction")}</th></tr></thead>
<tbody>${rows.map((r) => {
    const given = r.delegatorFiscalCode === fc;
    const other = given ? r.delegateFiscalCode : r.delegatorFiscalCode;
    const name = given ? r.delegateName : r.delegatorName;
    const running = r.status === "active" || r.status === "scheduled";
    return html`<tr><td>${d(given ? "desk.delegations.roleDelegator" : "desk.delegations.roleDelegate")}</td>
<td>${other}${name === null ? "" : html`<br>${name}`}</td><td>${r.form}</td>
<td>${d("desk.delegations.period", { from: civilDate(lang, r.startDate), to: civilDate(lang, r.endDate) })}</td>
<td>${d(`desk.status.${r.status}`)}</td>
<td>${
      running
        ? html`<form method="post" action="${DESK_PATHS.delegations}/${r.id}/termina">${csrfInput(token)}
<input type="hidden" name="reasonKind" value="appointment"><label class="visually-hidden" for="end-${r.id}">${d("desk.reason.ref")}</label>
<input id="end-${r.id}" name="reasonRef" class="form-control mb-1" required maxlength="80" placeholder="${d("desk.reason.ref")}">
<button type="submit" class="btn btn-outline-danger btn-sm">${d("desk.delegations.end")}</button></form>`
        : ""
    }</td></tr>`;
  })}</tbody></table></div>`;
}

function newForm(
  lang: Lang,
  token: string,
  v: FormValues,
  errors: FieldErrors,
  notice: Notice | undefined,
): Html {
  const labels: Record<string, string> = {
    fiscalCode: t(lang, "desk.delegations.delegator"),
    delegateFiscalCode: t(lang, "desk.delegations.delegate"),
    form: t(lang, "desk.delegations.form"),
    authority: t(lang, "desk.delegations.authority"),
    startDate: t(lang, "desk.delegations.startDate"),
    endDate: t(lang, "desk.delegations.endDate"),
    reason: t(lang, "desk.reason.legend"),
    ...Object.fromEntries(
      DELEGATION_DOCUMENTS.map((r) => [
        DOCUMENT_FIELDS[r],
        t(lang, `desk.delegations.documents.${r}`),
      ]),
    ),
  };
  const text = (name: string, o: { maxlength: number; hint?: string; required?: boolean }) =>
    textField({
      id: fieldId(name),
      name,
      label: labels[name] ?? name,
      value: v[name],
      error: errors.get(name),
      spellcheck: false,
      ...o,
    });
  return html`<h1>${t(lang, "desk.delegations.newTitle")}</h1>
<p class="lead">${t(lang, "desk.delegations.newIntro")}</p>
${noticeAlert(notice)}${summary(lang, errors, labels)}
<form method="post" action="${DESK_PATHS.newDelegation}" enctype="multipart/form-data" novalidate class="col-lg-8 px-0">
${csrfInput(token)}
${text("fiscalCode", { maxlength: 16 })}${text("delegateFiscalCode", { maxlength: 16 })}
${selectField({ id: fieldId("form"), name: "form", label: labels.form ?? "", value: v.form, error: errors.get("form"), options: DELEGATION_FORMS.map((f) => ({ value: f, label: t(lang, `desk.delegations.forms.${f}`) })) })}
${selectField({ id: fieldId("authority"), name: "authority", label: labels.authority ?? "", value: v.authority, error: errors.get("authority"), required: false, options: DELEGATION_AUTHORITIES.map((a) => ({ value: a, label: t(lang, `desk.delegations.authorities.${a}`) })) })}
${text("startDate", { maxlength: 10, required: false })}
${text("endDate", { maxlength: 10, required: false, hint: t(lang, "desk.delegations.endDateHint") })}
<fieldset class="mb-4"><legend class="h5">${t(lang, "desk.delegations.documentsLegend")}</legend>
${DELEGATION_DOCUMENTS.map((r) => {
  const name = DOCUMENT_FIELDS[r];
  const error = errors.get(name);
  return html`<div class="mb-3"><label for="${fieldId(name)}" class="form-label d-block">${labels[name] ?? name}</label>
<input type="file" id="${fieldId(name)}" name="${name}" accept="application/pdf,image/jpeg,image/png" class="form-control${error === undefined ? "" : " is-invalid"}"${error === undefined ? "" : html` aria-invalid="true" aria-describedby="${fieldId(name)}-error"`}>
${error === undefined ? "" : html`<div id="${fieldId(name)}-error" class="invalid-feedback d-block">${error}</div>`}</div>`;
})}
</fieldset>
${reasonFieldset(lang, v, errors)}
<button type="submit" class="btn btn-primary btn-lg">${t(lang, "desk.delegations.register")}</button>
</form>`;
}

function searchForm(lang: Lang, token: string, v: FormValues, errors: FieldErrors): Html {
  return html`<form method="post" action="${DESK_PATHS.delegations}" novalidate class="col-lg-8 px-0 mb-4">
${csrfInput(token)}
${textField({ id: fieldId("fiscalCode"), name: "fiscalCode", label: t(lang, "deskPdf.fiscalCode"), value: v.fiscalCode, error: errors.get("fiscalCode"), maxlength: 16, spellcheck: false, autocapitalize: "characters" })}
${reasonFieldset(lang, v, errors)}
<button type="submit" class="btn btn-primary">${t(lang, "desk.delegations.search")}</button>
</form>`;
}

export function deskDelegationScreens({ ctx, csrfCheck }: ScreenDeps) {
  const page = (
    req: FastifyRequest,
    reply: FastifyReply,
    member: StaffMember,
    path: string,
    body: (token: string) => Html,
    status = 200,
  ) => {
    const lang = langOf(req);
    const token = csrfFor(ctx, req, reply);
    return sendHtml(
      reply,
      staffPage({
        lang,
        member,
        csrfToken: token,
        title: t(lang, "desk.delegations.title"),
        path,
        body: body(token),
      }),
      status,
    );
  };
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
${searchForm(lang, token, v, errors)}${found}`;

  return async function deskDelegations(app: FastifyInstance): Promise<void> {
    app.get(DESK_PATHS.delegations, { config: clerk }, async (req, reply) => {
      const { member } = await staffOf(ctx, req);
      const lang = langOf(req);
      return page(req, reply, member, DESK_PATHS.delegations, (token) =>
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
          return await page(req, reply, member, DESK_PATHS.delegations, (token) =>
            listPage(
              lang,
              token,
              v,
              new Map(),
              undefined,
              table(lang, found.fiscalCode, rows, token),
            ),
          );
        } catch (err) {
          const f = formFailure(err, lang, reply);
          return page(
            req,
            reply,
            member,
            DESK_PATHS.delegations,
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
        return page(
          req,
          reply,
          member,
          DESK_PATHS.delegations,
          (token) => listPage(lang, token, {}, new Map(), notice, html``),
          status,
        );
      },
    );

    await app.register(async function delegationForm(scope: FastifyInstance) {
      await acceptDelegationUploads(scope);
      scope.get(DESK_PATHS.newDelegation, { config: clerk }, async (req, reply) => {
        const { member } = await staffOf(ctx, req);
        return page(req, reply, member, DESK_PATHS.newDelegation, (token) =>
          newForm(langOf(req), token, {}, new Map(), undefined),
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
            return await page(
              req,
              reply,
              member,
              DESK_PATHS.newDelegation,
              (token) => newForm(lang, token, {}, new Map(), notice),
              201,
            );
          } catch (err) {
            const f = formFailure(err, lang, reply);
            return page(
              req,
              reply,
              member,
              DESK_PATHS.newDelegation,
              (token) => newForm(lang, token, v, f.errors, dangerNotice(f)),
              f.status,
            );
          }
        },
      );
    });
  };
}

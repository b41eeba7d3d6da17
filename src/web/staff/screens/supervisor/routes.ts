/**
 * /operatori/supervisione/{audit,personale,code}: the supervisors' pages over the same flows as
 * the API. The audit search is a GET form (a reading, audited like the API's); exports are the
 * API's downloads. A new or reset account's enrolment link is shown once, in the answer.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { SUPERVISOR_ROLES } from "../../../../domain/review.ts";
import {
  actOnAccount,
  createAccount,
  listAccounts,
  type AccountAction,
  type IssuedLink,
} from "../../../../flows/staff/supervisor-accounts.ts";
import { parseAuditQuery, searchAuditTrail } from "../../../../flows/staff/supervisor-audit.ts";
import { queueFigures, QUEUE_DAYS_DEFAULT } from "../../../../flows/staff/supervisor-queues.ts";
import { langOf } from "../../../../http/lang.ts";
import { staffOf } from "../../../../http/staff-request.ts";
import { t } from "../../../../i18n/index.ts";
import type { Notice } from "../../../components.ts";
import { dangerNotice, formFailure } from "../../../form-failure.ts";
import { csrfFor, formOf, sendHtml } from "../../../render.ts";
import type { ScreenDeps } from "../../../screens/types.ts";
import {
  AUDIT_PATH,
  auditPage,
  QUEUES_PATH,
  queuesPage,
  STAFF_PATH,
  staffAccountsPage,
} from "./page.ts";

const FILTERS = ["fiscalCode", "staff", "type", "from", "to"] as const;

export function staffSupervisorScreens({ ctx, csrfCheck }: ScreenDeps) {
  const config = { staff: SUPERVISOR_ROLES };

  const showAccounts = async (
    req: FastifyRequest,
    reply: FastifyReply,
    o: {
      values?: Record<string, string>;
      errors?: Map<string, string>;
      notice?: Notice | undefined;
      issued?: IssuedLink | null;
      status?: number;
    },
  ) => {
    const { by, member } = await staffOf(ctx, req);
    const accounts = await listAccounts(ctx, { by });
    return sendHtml(
      reply,
      staffAccountsPage({
        lang: langOf(req),
        member,
        csrfToken: csrfFor(ctx, req, reply),
        accounts,
        values: o.values ?? {},
        errors: o.errors ?? new Map(),
        notice: o.notice,
        issued: o.issued ?? null,
      }),
      o.status ?? 200,
    );
  };

  return async function staffSupervisorPages(app: FastifyInstance): Promise<void> {
    app.get(AUDIT_PATH, { config }, async (req, reply) => {
      const { by, member } = await staffOf(ctx, req);
      const q = req.query as Record<string, unknown>;
      const values = Object.fromEntries(
        FILTERS.map((f) => [f, typeof q[f] === "string" ? q[f].slice(0, 100) : ""]),
      );
      const asked = q.cerca === "1" || FILTERS.some((f) => values[f] !== "");
      const frame = { lang: langOf(req), member, csrfToken: csrfFor(ctx, req, reply), values };
      if (!asked) return sendHtml(reply, auditPage({ ...frame, result: null }));
      try {
        const query = parseAuditQuery(q, ctx.clock.now());
        const result = await searchAuditTrail(ctx, { by, query, format: null });
        return await sendHtml(reply, auditPage({ ...frame, result }));
      } catch (err) {
        const f = formFailure(err, frame.lang, reply);
        return sendHtml(
          reply,
          auditPage({ ...frame, result: null, errors: f.errors, notice: dangerNotice(f) }),
          f.status,
        );
      }
    });

    app.get(STAFF_PATH, { config }, async (req, reply) => showAccounts(req, reply, {}));

    app.post(STAFF_PATH, { config, preHandler: csrfCheck }, async (req, reply) => {
      const { by } = await staffOf(ctx, req);
      const body = formOf(req);
      const values = {
        username: (body.username ?? "").slice(0, 40),
        role: body.role ?? "",
        officeId: body.officeId ?? "",
      };
      try {
        const issued = await createAccount(ctx, { by, body: values });
        return await showAccounts(req, reply, { issued });
      } catch (err) {
        const f = formFailure(err, langOf(req), reply);
        return showAccounts(req, reply, {
          values,
          errors: f.errors,
          notice: dangerNotice(f),
          status: f.status,
        });
      }
    });

    for (const action of ["disable", "enable", "reset"] as const satisfies AccountAction[])
      app.post(
        `${STAFF_PATH}/:staffId/${action}`,
        { config, preHandler: csrfCheck },
        async (req, reply) => {
          const { by, member } = await staffOf(ctx, req);
          const { staffId } = req.params as { staffId: string };
          const lang = langOf(req);
          try {
            const target = await ctx.uow.direct.staff.byId(
              /^[0-9a-f-]{36}$/u.test(staffId) ? staffId : "00000000-0000-0000-0000-000000000000",
            );
            const done = await actOnAccount(ctx, { by, member, staffId, action });
            if ("enrolmentUrl" in done) return await showAccounts(req, reply, { issued: done });
            const username = target?.username ?? "";
            const notice: Notice = {
              tone: "success",
              title: t(
                lang,
                action === "disable" ? "staffSupervision.disabled" : "staffSupervision.enabled",
                { username },
              ),
            };
            return await showAccounts(req, reply, { notice });
          } catch (err) {
            const f = formFailure(err, lang, reply);
            return showAccounts(req, reply, { notice: dangerNotice(f), status: f.status });
          }
        },
      );

    app.get(QUEUES_PATH, { config }, async (req, reply) => {
      const { by, member } = await staffOf(ctx, req);
      const figures = await queueFigures(ctx, { by, days: QUEUE_DAYS_DEFAULT });
      return sendHtml(
        reply,
        queuesPage({
          lang: langOf(req),
          member,
          csrfToken: csrfFor(ctx, req, reply),
          verification: figures.verification,
          review: figures.review,
        }),
      );
    });
  };
}

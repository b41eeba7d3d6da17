/**
 * /operatori/supervisione/messaggi: the abandoned messages (audited reading) and their resend
 * form (POST …/:id/reinvia, CSRF, reason required), over the same flow as the API.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { SUPERVISOR_ROLES } from "../../../../domain/review.ts";
import { listAbandoned, resendAbandoned } from "../../../../flows/staff/supervisor-outbox.ts";
import { langOf } from "../../../../http/lang.ts";
import { staffOf } from "../../../../http/staff-request.ts";
import { t } from "../../../../i18n/index.ts";
import { dangerNotice, formFailure } from "../../../form-failure.ts";
import { csrfFor, formOf, sendHtml } from "../../../render.ts";
import type { ScreenDeps } from "../../../screens/types.ts";
import { MESSAGES_PATH, messagesPage, type MessagesPageView } from "./messages-page.ts";

export function staffMessagesScreens({ ctx, csrfCheck }: ScreenDeps) {
  const config = { staff: SUPERVISOR_ROLES };

  const show = async (
    req: FastifyRequest,
    reply: FastifyReply,
    o: Pick<MessagesPageView, "notice" | "failed"> & { status?: number } = {},
  ) => {
    const { by, member } = await staffOf(ctx, req);
    const messages = await listAbandoned(ctx, { by });
    const view = { lang: langOf(req), member, csrfToken: csrfFor(ctx, req, reply), messages };
    return sendHtml(reply, messagesPage({ ...view, ...o }), o.status ?? 200);
  };

  return async function staffMessagesPages(app: FastifyInstance): Promise<void> {
    app.get(MESSAGES_PATH, { config }, async (req, reply) => show(req, reply));

    app.post(
      `${MESSAGES_PATH}/:id/reinvia`,
      { config, preHandler: csrfCheck },
      async (req, reply) => {
        const { by } = await staffOf(ctx, req);
        const { id } = req.params as { id: string };
        const reason = (formOf(req).reason ?? "").slice(0, 600);
        const lang = langOf(req);
        try {
          await resendAbandoned(ctx, { by, messageId: id, body: { reason } });
          return await show(req, reply, {
            notice: { tone: "success", title: t(lang, "staffSupervision.resent") },
          });
        } catch (err) {
          const f = formFailure(err, lang, reply);
          return show(req, reply, {
            notice: dangerNotice(f),
            failed: { id, reason, error: f.errors.get("reason") },
            status: f.status,
          });
        }
      },
    );
  };
}

/**
 * /operatori/contact-center/verifiche…: the outbound verification queue without JavaScript.
 * Taking the next claim is a POST (it leases a claim and is audited); the claim is shown in
 * that answer, and asking again gives back the claim the agent holds, so a reload loses
 * nothing. The outcome form posts to the same flow as the API.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../../../domain/errors.ts";
import { romeWallClock } from "../../../../domain/contact-hours.ts";
import { recordCallOutcome } from "../../../../flows/staff/contact-outcome.ts";
import { takeNextClaim, verificationQueueSummary } from "../../../../flows/staff/contact-queue.ts";
import { CONTACT_ROLES } from "../../../../http/api/staff/contact-docs.ts";
import { langOf } from "../../../../http/lang.ts";
import { staffOf } from "../../../../http/staff-request.ts";
import { civilDate, romeTime } from "../../../../i18n/format.ts";
import { t } from "../../../../i18n/index.ts";
import type { Notice } from "../../../components.ts";
import { dangerNotice, formFailure } from "../../../form-failure.ts";
import { csrfFor, formOf, sendHtml } from "../../../render.ts";
import type { ScreenDeps } from "../../../screens/types.ts";
import { claimToCallPage, QUEUE_PATH, queuePage } from "./queue-pages.ts";

const config = { staff: CONTACT_ROLES };

export function contactQueueScreens({ ctx, csrfCheck }: ScreenDeps) {
  const frame = async (req: FastifyRequest, reply: FastifyReply) => ({
    lang: langOf(req),
    member: (await staffOf(ctx, req)).member,
    csrfToken: csrfFor(ctx, req, reply),
  });
  const showQueue = async (
    req: FastifyRequest,
    reply: FastifyReply,
    notice?: Notice,
    status = 200,
  ) =>
    sendHtml(
      reply,
      queuePage({
        ...(await frame(req, reply)),
        summary: await verificationQueueSummary(ctx),
        notice,
      }),
      status,
    );

  return async function contactQueue(app: FastifyInstance): Promise<void> {
    app.get(QUEUE_PATH, { config }, async (req, reply) => showQueue(req, reply));

    app.post(`${QUEUE_PATH}/prossima`, { config, preHandler: csrfCheck }, async (req, reply) => {
      const { by, member } = await staffOf(ctx, req);
      const lang = langOf(req);
      try {
        const claim = await takeNextClaim(ctx, { by, member });
        if (claim === null)
          return await showQueue(req, reply, {
            tone: "success",
            title: t(lang, "staffContact.queue.empty"),
          });
        return await sendHtml(
          reply,
          claimToCallPage({ ...(await frame(req, reply)), claim, errors: new Map() }),
        );
      } catch (err) {
        const f = formFailure(err, lang, reply);
        return showQueue(req, reply, dangerNotice(f), f.status);
      }
    });

    app.post(
      `${QUEUE_PATH}/:claimId/esito`,
      { config, preHandler: csrfCheck },
      async (req, reply) => {
        const { by, member } = await staffOf(ctx, req);
        const lang = langOf(req);
        const v = formOf(req);
        const { claimId } = req.params as { claimId: string };
        try {
          const r = await recordCallOutcome(ctx, {
            by,
            member,
            claimId,
            body: { outcome: v.outcome, reason: v.reason },
          });
          const next = r.nextCallAt === null ? null : new Date(r.nextCallAt);
          return await showQueue(req, reply, {
            tone: "success",
            title: t(lang, "staffContact.caller.done"),
            detail: t(lang, `staffContact.queue.done.${r.outcome}`, {
              time: next === null ? "" : romeTime(lang, next),
              date: next === null ? "" : civilDate(lang, romeWallClock(next).date),
            }),
          });
        } catch (err) {
          const f = formFailure(err, lang, reply);
          if (err instanceof AppError && err.code === "VALIDATION_FAILED") {
            // The form again, with the claim the agent still holds.
            const claim = await takeNextClaim(ctx, { by, member }).catch(() => null);
            if (claim?.claimId === claimId)
              return sendHtml(
                reply,
                claimToCallPage({
                  ...(await frame(req, reply)),
                  claim,
                  errors: f.errors,
                  values: v,
                }),
                f.status,
              );
          }
          return showQueue(req, reply, dangerNotice(f), f.status);
        }
      },
    );
  };
}

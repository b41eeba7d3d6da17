/**
 * /operatori/revisione (the review queue, a request, its decision) and /operatori/fax (fax
 * intake) as pages, through the same flows as the API. Opening a request from the queue is a
 * form post that takes it for the reviewer (a GET never changes state); documents are shown
 * from the staff API (images inline, PDFs as downloads).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { FAX_ROLES, MAX_FAX_FILES, REVIEW_ROLES } from "../../../../domain/review.ts";
import type { StaffMember } from "../../../../domain/staff.ts";
import { decideReviewItem } from "../../../../flows/staff/review-decision.ts";
import { FAX_FIELD, registerFax } from "../../../../flows/staff/review-fax.ts";
import {
  openReviewItem,
  reviewQueue,
  takeReviewItem,
} from "../../../../flows/staff/review-queue.ts";
import { langOf } from "../../../../http/lang.ts";
import { staffOf } from "../../../../http/staff-request.ts";
import {
  acceptUploads,
  textPart,
  UPLOAD_BODY_LIMIT,
  uploadedFileList,
} from "../../../../http/uploads.ts";
import { t } from "../../../../i18n/index.ts";
import type { Notice } from "../../../components.ts";
import { dangerNotice, formFailure } from "../../../form-failure.ts";
import { csrfFor, formOf, sendHtml } from "../../../render.ts";
import type { ScreenDeps } from "../../../screens/types.ts";
import {
  FAX_PATH,
  faxPage,
  itemPage,
  itemPath,
  QUEUE_PATH,
  queuePage,
  type DecisionForm,
} from "./page.ts";

const OUTCOMES = { approvata: "approved", respinta: "rejected" } as const;

export function staffReviewScreens({ ctx, csrfCheck }: ScreenDeps) {
  const review = { staff: REVIEW_ROLES };
  const idOf = (req: FastifyRequest) => (req.params as { requestId: string }).requestId;

  const showQueue = async (
    req: FastifyRequest,
    reply: FastifyReply,
    notice?: Notice,
    status = 200,
  ) => {
    const { by, member } = await staffOf(ctx, req);
    const items = await reviewQueue(ctx, { by, member });
    const lang = langOf(req);
    return sendHtml(
      reply,
      queuePage({ lang, member, csrfToken: csrfFor(ctx, req, reply), items, notice }),
      status,
    );
  };

  const showItem = async (
    req: FastifyRequest,
    reply: FastifyReply,
    o: { form?: DecisionForm; errors?: Map<string, string>; notice?: Notice; status?: number },
  ) => {
    const { by, member } = await staffOf(ctx, req);
    const item = await openReviewItem(ctx, { by, member, requestId: idOf(req) });
    return sendHtml(
      reply,
      itemPage({
        lang: langOf(req),
        member,
        csrfToken: csrfFor(ctx, req, reply),
        item,
        form: o.form ?? { decision: "", reasonCode: "", note: "" },
        errors: o.errors ?? new Map(),
        notice: o.notice,
      }),
      o.status ?? 200,
    );
  };

  const showFax = (
    req: FastifyRequest,
    reply: FastifyReply,
    member: StaffMember,
    o: { fiscalCode?: string; errors?: Map<string, string>; notice?: Notice; status?: number },
  ) =>
    sendHtml(
      reply,
      faxPage({
        lang: langOf(req),
        member,
        csrfToken: csrfFor(ctx, req, reply),
        fiscalCode: o.fiscalCode ?? "",
        errors: o.errors ?? new Map(),
        notice: o.notice,
      }),
      o.status ?? 200,
    );

  return async function staffReviewPages(app: FastifyInstance): Promise<void> {
    await acceptUploads(app, { files: MAX_FAX_FILES });

    app.get(QUEUE_PATH, { config: review }, async (req, reply) => {
      const lang = langOf(req);
      const esito = (req.query as { esito?: unknown }).esito;
      const status =
        typeof esito === "string" && esito in OUTCOMES
          ? OUTCOMES[esito as keyof typeof OUTCOMES]
          : undefined;
      return showQueue(
        req,
        reply,
        status === undefined
          ? undefined
          : {
              tone: "success",
              title: t(lang, "staffReview.decided", {
                status: t(lang, `staffReview.statuses.${status}`),
              }),
            },
      );
    });

    app.get(`${QUEUE_PATH}/:requestId`, { config: review }, async (req, reply) =>
      showItem(req, reply, {}),
    );

    app.post(
      `${QUEUE_PATH}/:requestId/prendi`,
      { config: review, preHandler: csrfCheck },
      async (req, reply) => {
        const { by, member } = await staffOf(ctx, req);
        try {
          await takeReviewItem(ctx, { by, member, requestId: idOf(req) });
        } catch (err) {
          const f = formFailure(err, langOf(req), reply);
          return showQueue(req, reply, dangerNotice(f), f.status);
        }
        return reply.redirect(itemPath(idOf(req)), 303);
      },
    );

    app.post(
      `${QUEUE_PATH}/:requestId/decisione`,
      { config: review, preHandler: csrfCheck },
      async (req, reply) => {
        const { by, member } = await staffOf(ctx, req);
        const body = formOf(req);
        const form = {
          decision: body.decision ?? "",
          reasonCode: body.reasonCode ?? "",
          note: body.note ?? "",
        };
        try {
          const done = await decideReviewItem(ctx, {
            by,
            member,
            requestId: idOf(req),
            body: {
              decision: form.decision,
              ...(form.reasonCode === "" ? {} : { reasonCode: form.reasonCode }),
              note: form.note,
            },
          });
          const esito = done.status === "approved" ? "approvata" : "respinta";
          return await reply.redirect(`${QUEUE_PATH}?esito=${esito}`, 303);
        } catch (err) {
          const f = formFailure(err, langOf(req), reply);
          return showItem(req, reply, {
            form,
            errors: f.errors,
            notice: dangerNotice(f),
            status: f.status,
          });
        }
      },
    );

    app.get(FAX_PATH, { config: { staff: FAX_ROLES } }, async (req, reply) => {
      const { member } = await staffOf(ctx, req);
      const lang = langOf(req);
      const ref = (req.query as { riferimento?: unknown }).riferimento;
      const notice: Notice | undefined =
        typeof ref === "string" && /^CD-[0-9A-Z-]{1,20}$/u.test(ref)
          ? { tone: "success", title: t(lang, "staffReview.faxDone", { reference: ref }) }
          : undefined;
      return showFax(req, reply, member, { notice });
    });

    app.post(
      FAX_PATH,
      { config: { staff: FAX_ROLES }, preHandler: csrfCheck, bodyLimit: UPLOAD_BODY_LIMIT },
      async (req, reply) => {
        const { by, member } = await staffOf(ctx, req);
        const fiscalCode = textPart(req.body, "fiscalCode") ?? "";
        try {
          const done = await registerFax(ctx, {
            by,
            member,
            fiscalCode,
            files: uploadedFileList(req.body, FAX_FIELD),
          });
          return await reply.redirect(
            `${FAX_PATH}?riferimento=${encodeURIComponent(done.reference)}`,
            303,
          );
        } catch (err) {
          const f = formFailure(err, langOf(req), reply);
          return showFax(req, reply, member, {
            fiscalCode: fiscalCode.slice(0, 16),
            errors: f.errors,
            notice: dangerNotice(f),
            status: f.status,
          });
        }
      },
    );
  };
}

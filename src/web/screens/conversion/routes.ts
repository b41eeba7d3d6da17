/**
 * /area-personale/pin-dispositivo: the conversion to dispositive as pages (flows/conversion.ts).
 * The upload is a plain multipart form (no script needed); a refused file is named next to its
 * field; the form PDF is the same as the API's.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import * as conversion from "../../../flows/conversion.ts";
import type { SessionRecord } from "../../../flows/ports.ts";
import { langOf } from "../../../http/lang.ts";
import { conversionFormFile } from "../../../http/holder-documents.ts";
import { citizenOf, sendPdf } from "../../../http/request.ts";
import { acceptUploads, UPLOAD_BODY_LIMIT, uploadedFiles } from "../../../http/uploads.ts";
import { t } from "../../../i18n/index.ts";
import { dangerNotice, formFailure } from "../../form-failure.ts";
import { csrfFor, sendHtml, userOf } from "../../render.ts";
import type { ScreenDeps } from "../types.ts";
import {
  CONVERSION_FORM_PDF,
  CONVERSION_PATH,
  conversionPage,
  type ConversionPageView,
} from "./page.ts";

export function conversionScreens({ ctx, csrfCheck }: ScreenDeps) {
  const personal = { config: { journey: "personal" as const } };
  const show = async (
    req: FastifyRequest,
    reply: FastifyReply,
    session: SessionRecord,
    v: Pick<ConversionPageView, "errors" | "notice">,
    status = 200,
  ) =>
    sendHtml(
      reply,
      conversionPage({
        lang: langOf(req),
        user: userOf(session),
        csrfToken: csrfFor(ctx, req, reply),
        status: await conversion.conversionStatus(ctx, session),
        sessionLevel: session.level,
        ...v,
      }),
      status,
    );

  return async function conversionPages(app: FastifyInstance): Promise<void> {
    await acceptUploads(app);
    app.get(CONVERSION_PATH, personal, async (req, reply) => {
      const { session } = await citizenOf(ctx, req);
      const lang = langOf(req);
      const sent = (req.query as { esito?: unknown }).esito === "inviata";
      const notice = sent
        ? {
            tone: "success" as const,
            title: t(lang, "conversion.sent"),
            detail: t(lang, "conversion.sentText"),
          }
        : undefined;
      return show(req, reply, session, { errors: new Map(), notice });
    });
    app.get(CONVERSION_FORM_PDF, personal, async (req, reply) => {
      const c = await citizenOf(ctx, req);
      let file: Awaited<ReturnType<typeof conversionFormFile>>;
      try {
        file = await conversionFormFile(ctx, c, langOf(req));
      } catch (err) {
        const f = formFailure(err, langOf(req), reply);
        return show(req, reply, c.session, { errors: f.errors, notice: dangerNotice(f) }, f.status);
      }
      return sendPdf(reply, file.pdf, file.filename);
    });
    app.post(
      CONVERSION_PATH,
      { ...personal, preHandler: csrfCheck, bodyLimit: UPLOAD_BODY_LIMIT },
      async (req, reply) => {
        const c = await citizenOf(ctx, req);
        try {
          // A browser sends an empty part for a file input left empty: not given.
          await conversion.submitConversion(ctx, {
            ...c,
            files: uploadedFiles(req.body, { skipBlank: true }),
          });
        } catch (err) {
          const f = formFailure(err, langOf(req), reply);
          const notice = dangerNotice(f);
          return show(req, reply, c.session, { errors: f.errors, notice }, f.status);
        }
        return reply.redirect(`${CONVERSION_PATH}?esito=inviata`, 303);
      },
    );
  };
}

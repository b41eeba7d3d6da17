/**
 * /area-personale/attivita, /area-personale/accessi and /area-personale/dati: the holder's
 * activity (older pages with ?prima=<seq>), sessions and devices (ending and forgetting are
 * POST forms with the CSRF token; ending the current session logs out), and the export's
 * downloads. The same flows as /api/v1/me/activity, /sessions, /devices and /export.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { activityPage, activityQuery } from "../../../flows/activity.ts";
import * as sessions from "../../../flows/sessions-devices.ts";
import { exportFor } from "../../../http/api/me/activity.ts";
import { clearSessionCookie, readCookie } from "../../../http/cookies.ts";
import { langOf } from "../../../http/lang.ts";
import { citizenOf, sendDownload } from "../../../http/request.ts";
import { csrfFor, formOf, sendHtml, userOf } from "../../render.ts";
import type { ScreenDeps } from "../types.ts";
import {
  ACTIVITY_PATH,
  activityPageHtml,
  DATA_JSON_PATH,
  DATA_PATH,
  DATA_PDF_PATH,
  dataPageHtml,
  END_SESSION_PATH,
  FORGET_DEVICE_PATH,
  SESSIONS_PATH,
  sessionsPageHtml,
} from "./pages.ts";

const DONE = { chiusa: "ended", dimenticato: "forgotten" } as const;

export function privacyScreens({ ctx, csrfCheck }: ScreenDeps) {
  const personal = { config: { journey: "personal" as const } };
  const post = { ...personal, preHandler: csrfCheck };
  const query = (req: FastifyRequest): Record<string, unknown> =>
    (req.query as Record<string, unknown> | undefined) ?? {};

  return async function privacyPages(app: FastifyInstance): Promise<void> {
    app.get(ACTIVITY_PATH, personal, async (req, reply) => {
      const { before, limit } = activityQuery({ before: query(req).prima });
      const { session } = await citizenOf(ctx, req);
      return sendHtml(
        reply,
        activityPageHtml({
          lang: langOf(req),
          user: userOf(session),
          csrfToken: csrfFor(ctx, req, reply),
          activity: await activityPage(ctx, session, { before, limit }),
          paged: before !== null,
        }),
      );
    });

    app.get(SESSIONS_PATH, personal, async (req, reply) => {
      const { session } = await citizenOf(ctx, req);
      const done = query(req).esito;
      return sendHtml(
        reply,
        sessionsPageHtml({
          lang: langOf(req),
          user: userOf(session),
          csrfToken: csrfFor(ctx, req, reply),
          view: await sessions.sessionsAndDevices(ctx, {
            session,
            deviceCookie: readCookie(ctx, req, "device"),
          }),
          done: done === "chiusa" || done === "dimenticato" ? DONE[done] : undefined,
        }),
      );
    });

    app.post(END_SESSION_PATH, post, async (req, reply) => {
      const c = await citizenOf(ctx, req);
      const { current } = await sessions.endSession(ctx, { ...c, id: formOf(req).id });
      if (!current) return reply.redirect(`${SESSIONS_PATH}?esito=chiusa`, 303);
      clearSessionCookie(ctx, reply);
      return reply.redirect("/", 303);
    });

    app.post(FORGET_DEVICE_PATH, post, async (req, reply) => {
      const c = await citizenOf(ctx, req);
      await sessions.forgetDevice(ctx, { ...c, id: formOf(req).id });
      return reply.redirect(`${SESSIONS_PATH}?esito=dimenticato`, 303);
    });

    app.get(DATA_PATH, personal, async (req, reply) => {
      const { session } = await citizenOf(ctx, req);
      return sendHtml(
        reply,
        dataPageHtml({
          lang: langOf(req),
          user: userOf(session),
          csrfToken: csrfFor(ctx, req, reply),
        }),
      );
    });

    for (const [path, format] of [
      [DATA_JSON_PATH, "json"],
      [DATA_PDF_PATH, "pdf"],
    ] as const) {
      app.get(path, { ...personal, exposeHeadRoute: false }, async (req, reply) => {
        const e = await exportFor(ctx, req, format, langOf(req));
        return sendDownload(reply, e.type, e.body, e.filename);
      });
    }
  };
}

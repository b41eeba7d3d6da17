/** The home page and the language switch. */
import type { FastifyInstance } from "fastify";
import { isLang } from "../../../i18n/index.ts";
import { isSafeLocalPath } from "../../../domain/journey.ts";
import { langOf } from "../../../http/lang.ts";
import { journeyOf } from "../../../http/request.ts";
import { csrfFor, sendHtml, userOf } from "../../render.ts";
import type { ScreenDeps } from "../types.ts";
import { homePage } from "./page.ts";

export const LANG_COOKIE_SECONDS = 365 * 24 * 3600;

export function homeScreens({ ctx }: ScreenDeps) {
  const pub = { config: { journey: "public" as const } };
  return async function home(app: FastifyInstance): Promise<void> {
    app.get("/", pub, async (req, reply) => {
      const j = await journeyOf(ctx, req);
      const live = j.resolved.kind === "live" ? j.resolved.session : null;
      return sendHtml(
        reply,
        homePage(
          langOf(req),
          live === null ? null : userOf(live),
          live === null ? undefined : csrfFor(ctx, req, reply),
        ),
      );
    });

    // A GET that only sets a preference cookie and comes back: no state of the service changes.
    app.get("/lingua/:lang", pub, async (req, reply) => {
      const lang = (req.params as { lang: string }).lang;
      const next = (req.query as { next?: unknown }).next;
      const target = isSafeLocalPath(next) ? next : "/";
      if (isLang(lang)) setLangCookie(ctx.config.env === "production", reply, lang);
      return reply.redirect(target, 303);
    });
  };
}

export function setLangCookie(
  secure: boolean,
  reply: { setCookie: (name: string, value: string, opts: Record<string, unknown>) => unknown },
  lang: string,
): void {
  reply.setCookie("lang", lang, {
    path: "/",
    sameSite: "lax",
    maxAge: LANG_COOKIE_SECONDS,
    httpOnly: true,
    secure,
  });
}

/**
 * The information pages every public-administration site must have (accessibility statement,
 * privacy notice, legal notes, help and FAQ) and the favicon. All public; the header shows
 * the person logged in, if any, as on the home page.
 */
import { readFile } from "node:fs/promises";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { cookieName } from "../../../http/cookies.ts";
import { langOf } from "../../../http/lang.ts";
import { journeyOf } from "../../../http/request.ts";
import { csrfFor, sendHtml, userOf } from "../../render.ts";
import type { ScreenDeps } from "../types.ts";
import { ACCESSIBILITY_PATH, accessibilityPage } from "./accessibility.ts";
import type { InfoFrame } from "./frame.ts";
import { HELP_PATH, helpPage } from "./help.ts";
import { LEGAL_PATH, legalPage } from "./legal.ts";
import { PRIVACY_PATH, privacyPage, type PrivacyFacts } from "./privacy.ts";

const FAVICON_FILE = new URL("../../assets/favicon.svg", import.meta.url);
export const FAVICON_PATHS = ["/favicon.svg", "/favicon.ico"] as const;

export function infoScreens({ ctx }: ScreenDeps) {
  const pub = { config: { journey: "public" as const } };

  const frameOf = async (req: FastifyRequest, reply: FastifyReply): Promise<InfoFrame> => {
    const j = await journeyOf(ctx, req);
    const live = j.resolved.kind === "live" ? j.resolved.session : null;
    return {
      lang: langOf(req),
      user: live === null ? null : userOf(live),
      csrfToken: live === null ? undefined : csrfFor(ctx, req, reply),
    };
  };

  const privacyFacts: PrivacyFacts = {
    cookieNames: {
      session: cookieName(ctx, "session"),
      device: cookieName(ctx, "device"),
      csrf: cookieName(ctx, "csrf"),
      claim: cookieName(ctx, "claim"),
      // Set by the language switch (home/routes.ts setLangCookie), never prefixed.
      lang: "lang",
    },
    sessionHours: ctx.sessions.absoluteSeconds / 3600,
    idleMinutes: ctx.sessions.idleSeconds / 60,
    retentionDays: ctx.config.outboxRetentionDays,
  };
  const accessibilityFacts = {
    url: ctx.config.publicUrl,
    idleMinutes: ctx.sessions.idleSeconds / 60,
  };

  const pages: readonly [string, (f: InfoFrame) => string][] = [
    [ACCESSIBILITY_PATH, (f) => accessibilityPage(f, accessibilityFacts)],
    [PRIVACY_PATH, (f) => privacyPage(f, privacyFacts)],
    [LEGAL_PATH, legalPage],
    [HELP_PATH, helpPage],
  ];

  return async function info(app: FastifyInstance): Promise<void> {
    for (const [path, build] of pages) {
      app.get(path, pub, async (req, reply) => sendHtml(reply, build(await frameOf(req, reply))));
    }

    // Browsers ask for /favicon.ico on their own: both names answer the same SVG.
    const favicon = await readFile(FAVICON_FILE);
    for (const path of FAVICON_PATHS) {
      app.get(path, pub, async (_req, reply) =>
        reply.type("image/svg+xml").header("cache-control", "public, max-age=86400").send(favicon),
      );
    }
  };
}

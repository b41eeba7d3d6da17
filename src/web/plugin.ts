/**
 * The citizens' pages: server-rendered, working without JavaScript, every form protected by a
 * CSRF token bound to the session (renewed at login; the CSRF plugin is registered in app.ts),
 * Italian by default with an English switch. Each screen lives in src/web/screens/<screen>/ with its routes and page; this plugin
 * registers them, serves the assets, and renders its own errors as pages.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import formbody from "@fastify/formbody";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../http/context.ts";
import type { JourneyRoutes } from "../http/journey-guard.ts";
import { replyWithError } from "./error-reply.ts";
import { NEW_PIN_JS, SHOW_PIN_JS } from "./scripts.ts";
import { claimScreens } from "./screens/claim/routes.ts";
import { consultationScreens } from "./screens/consultation/routes.ts";
import { homeScreens } from "./screens/home/routes.ts";
import { infoScreens } from "./screens/info/routes.ts";
import { loginScreens } from "./screens/login/routes.ts";
import { newPinScreens } from "./screens/new-pin/routes.ts";
import { recoveryScreens } from "./screens/recovery/routes.ts";
import { letterResendScreens } from "./screens/letter-resend/routes.ts";
import { revocationScreens } from "./screens/revocation/routes.ts";
import { benefitScreens } from "./screens/benefits/routes.ts";
import { conversionScreens } from "./screens/conversion/routes.ts";
import { contactsScreens } from "./screens/contacts/routes.ts";
import { privacyScreens } from "./screens/privacy/routes.ts";
import { staffScreens } from "./staff/plugin.ts";
import { appointmentScreens } from "./screens/appointments/routes.ts";
import { delegationScreens } from "./screens/delegations/routes.ts";

const require = createRequire(import.meta.url);
const BOOTSTRAP_ITALIA_DIST = join(
  dirname(require.resolve("bootstrap-italia/package.json")),
  "dist",
);
const ASSETS_DIR = fileURLToPath(new URL("./assets/", import.meta.url));

export function webPlugin(ctx: AppContext, routes: JourneyRoutes) {
  return async function web(app: FastifyInstance): Promise<void> {
    await app.register(formbody, { bodyLimit: 32 * 1024 });

    app.setErrorHandler(replyWithError);

    // Third-party plugins register their own routes: these are public, said once here.
    await app.register(async function assets(scope: FastifyInstance) {
      scope.addHook("onRoute", (opts) => {
        opts.config = { ...opts.config, journey: "public" };
      });
      await scope.register(fastifyStatic, {
        root: BOOTSTRAP_ITALIA_DIST,
        prefix: "/assets/bi/",
        maxAge: "7d",
        allowedPath: (path) => /^\/(css|fonts|svg)\//u.test(path),
      });
      await scope.register(fastifyStatic, {
        root: ASSETS_DIR,
        prefix: "/assets/",
        decorateReply: false,
        maxAge: "1h",
      });
    });

    const publicRoute = { config: { journey: "public" as const } };
    for (const [path, script] of [
      ["/assets/js/show-pin.js", SHOW_PIN_JS],
      ["/assets/js/new-pin.js", NEW_PIN_JS],
    ] as const) {
      app.get(path, publicRoute, async (_req, reply) =>
        reply
          .type("text/javascript; charset=utf-8")
          .header("cache-control", "public, max-age=3600")
          .send(script),
      );
    }

    const csrfCheck = app.csrfProtection.bind(app);
    const screens = { ctx, routes, csrfCheck };
    await app.register(homeScreens(screens));
    await app.register(infoScreens(screens));
    await app.register(claimScreens(screens));
    await app.register(loginScreens(screens));
    await app.register(recoveryScreens(screens));
    await app.register(letterResendScreens(screens));
    await app.register(revocationScreens(screens));
    await app.register(newPinScreens(screens));
    await app.register(consultationScreens(screens));
    await app.register(contactsScreens(screens));
    await app.register(conversionScreens(screens));
    await app.register(benefitScreens(screens));
    await app.register(privacyScreens(screens));
    await app.register(staffScreens(screens));
    // Desk appointments (issue 7, appointments).
    await app.register(appointmentScreens(screens));
    // The office desk (issue 7, desk): the holder's delegations.
    await app.register(delegationScreens(screens));
  };
}

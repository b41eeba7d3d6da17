/**
 * Development aids, registered only when APP_ENV=development, only for requests from this
 * machine: the demo people with ready claims (and the claim form pre-filled for one of them),
 * the outbox of every message "sent", and a clock that can be moved forward to see a lockout
 * end or a PIN expire. A production build has none of these routes: they answer 404.
 */
import type { FastifyInstance } from "fastify";
import type { OffsetClock } from "../domain/clock.ts";
import { AppError } from "../domain/errors.ts";
import { moveClock } from "../flows/dev-clock.ts";
import type { AppContext } from "../http/context.ts";
import { langOf } from "../http/lang.ts";
import { actingOf } from "../http/request.ts";
import { listDevOutbox, readDevOutboxPdf } from "../notifications/dev-outbox.ts";
import { csrfFor, sendHtml } from "../web/render.ts";
import { claimBodyToForm } from "../web/screens/claim/form-mapping.ts";
import { claimFormPage } from "../web/screens/claim/form-page.ts";
import { replyWithError } from "../web/error-reply.ts";
import { devOutboxPage, devPeoplePage, devStaffPage } from "./pages.ts";
import { demoStaffCodes } from "./staff.ts";
import { claimFor, devPeople } from "./people.ts";

export function devRoutes(ctx: AppContext, clock: OffsetClock) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    // Development only listens on loopback; these routes also answer only this machine.
    app.addHook("onRoute", (opts) => {
      opts.config = { ...opts.config, journey: "public" };
      opts.schema = { ...opts.schema, hide: true };
    });
    // …and only under a loopback name: a page of another site rebinding its DNS name to
    // 127.0.0.1 must not read the outbox (PIN halves) from a developer's browser.
    app.addHook("onRequest", async (req) => {
      if (
        !["127.0.0.1", "::1", "::ffff:127.0.0.1"].includes(req.ip) ||
        !/^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/u.test(req.host)
      )
        throw new AppError("NOT_FOUND");
    });
    app.setErrorHandler(replyWithError);
    app.get("/people.json", async () => devPeople(ctx.db));
    app.get("/", async (req, reply) =>
      sendHtml(reply, devPeoplePage(langOf(req), await devPeople(ctx.db), clock)),
    );
    // The claim form pre-filled with a demo person's archive data ("claim as" on /dev). The
    // fiscal code travels in the query string: logs carry paths only.
    app.get("/richiedi-pin", async (req, reply) => {
      const cf = (req.query as { cf?: unknown }).cf;
      const person =
        typeof cf === "string" && /^[0-9A-Z]{16}$/u.test(cf)
          ? await ctx.uow.direct.archive.findPerson(cf)
          : null;
      if (person === null) throw new AppError("NOT_FOUND");
      return sendHtml(
        reply,
        claimFormPage({
          lang: langOf(req),
          csrfToken: csrfFor(ctx, req, reply),
          values: claimBodyToForm(claimFor(person)),
          errors: new Map(),
        }),
      );
    });
    // The demo staff enrolled at start-up (`serve` in development) and their current codes.
    app.get("/staff", async (req, reply) =>
      sendHtml(reply, devStaffPage(langOf(req), await demoStaffCodes(ctx))),
    );
    app.get("/outbox.json", async () => listDevOutbox(ctx.config.outboxDir));
    app.get("/outbox", async (req, reply) =>
      sendHtml(reply, devOutboxPage(langOf(req), await listDevOutbox(ctx.config.outboxDir))),
    );
    app.get("/outbox/:file", async (req, reply) => {
      const file = (req.params as { file: string }).file;
      const id = file.endsWith(".pdf") ? file.slice(0, -4) : "";
      const pdf = await readDevOutboxPdf(ctx.config.outboxDir, id);
      if (pdf === null) throw new AppError("NOT_FOUND");
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="${id}.pdf"`)
        .send(pdf);
    });
    app.get("/clock", async () => ({
      now: clock.now().toISOString(),
      offsetSeconds: clock.offsetSeconds,
    }));
    app.post("/clock", async (req) => {
      const moved = await moveClock(
        { ...ctx, devClock: clock },
        { by: await actingOf(ctx, req), body: req.body },
      );
      // Messages waiting for their next attempt may be due now.
      ctx.messagesQueued();
      return moved;
    });
  };
}

/**
 * The forced PIN change (/nuovo-pin, /rinnovo-pin), the explicit replacement of the PIN just
 * shown, the question on the way out (/pin/annotato) and the PIN card. A reload, the back
 * button or a resubmitted form shows the question page: never a different PIN.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../../domain/errors.ts";
import { romeDate } from "../../../domain/eligibility.ts";
import { changePin, pinNoted, type PinChangeMode } from "../../../flows/operating-pin.ts";
import { pinCard } from "../../../flows/pin-card.ts";
import { readCookie, setSessionCookie } from "../../../http/cookies.ts";
import { langOf } from "../../../http/lang.ts";
import { asAppError } from "../../../http/problem.ts";
import { actingOf, journeyOf, liveSessionOf, replayOf } from "../../../http/request.ts";
import { tField } from "../../../i18n/index.ts";
import { civilDate } from "../../../i18n/format.ts";
import { renderPinCardPdf } from "../../../notifications/pdf.ts";
import { PERSONAL_AREA } from "../../paths.ts";
import { csrfFor, csrfToken, formOf, sendHtml, userOf } from "../../render.ts";
import type { ScreenDeps } from "../types.ts";
import { PATHS, pinChangePage, pinQuestionPage, pinShownPage } from "./pages.ts";

export function newPinScreens({ ctx, csrfCheck }: ScreenDeps) {
  const question = async (
    req: FastifyRequest,
    reply: FastifyReply,
    variant: "noted" | "already_shown",
    confirmError?: string,
  ) => {
    const live = await liveSessionOf(ctx, req);
    return sendHtml(
      reply,
      pinQuestionPage(langOf(req), {
        variant,
        csrfToken: csrfFor(ctx, req, reply),
        user: userOf(live.session),
        confirmError,
      }),
      confirmError === undefined ? 200 : 422,
    );
  };

  /**
   * Generates the PIN and shows it, once; a repeat is answered with the question page, and a
   * retry whose answer was lost gets that answer again (see journey-guard.ts).
   */
  const change = async (
    req: FastifyRequest,
    reply: FastifyReply,
    mode: PinChangeMode | "replace",
  ) => {
    const lang = langOf(req);
    let result = replayOf(req);
    if (result === undefined) {
      const live = await liveSessionOf(ctx, req);
      try {
        result = await changePin(ctx, {
          by: await actingOf(ctx, req),
          session: live.session,
          token: live.token,
          state: live.state,
          mode,
        });
      } catch (err) {
        if (err instanceof AppError && err.code === "PIN_ALREADY_SHOWN")
          return question(req, reply, "already_shown");
        throw err;
      }
    }
    setSessionCookie(ctx, reply, result.token);
    return sendHtml(
      reply,
      pinShownPage(lang, {
        pin: result.pin,
        expiresOn: civilDate(lang, romeDate(result.expiresAt)),
        csrfToken: csrfToken(reply, result.token),
        user: { name: result.holderName },
      }),
    );
  };

  return async function newPin(app: FastifyInstance): Promise<void> {
    // A reload of the page that showed the new PIN posts the form again with the token of the
    // session before the change: it is answered with the question page (nothing changes, no
    // PIN is shown), not with "form expired". Every other error goes to the web plugin.
    app.setErrorHandler(async (err, req, reply) => {
      if (
        asAppError(err).code === "CSRF_INVALID" &&
        req.routeOptions.config.pinChangeReplay === true
      ) {
        const j = await journeyOf(ctx, req);
        if (j.resolved.kind === "live" && j.state === "pin_shown")
          return question(req, reply, "already_shown");
      }
      throw err;
    });

    for (const mode of ["activate", "renew"] as const) {
      const journey = mode === "activate" ? "first_access" : "renewal";
      app.get(PATHS[mode], { config: { journey } }, async (req, reply) => {
        const live = await liveSessionOf(ctx, req);
        if (live.state === "pin_shown") return question(req, reply, "already_shown");
        return sendHtml(
          reply,
          pinChangePage(langOf(req), mode, csrfFor(ctx, req, reply), userOf(live.session)),
        );
      });
      app.post(
        PATHS[mode],
        { config: { journey, pinChangeReplay: true }, preHandler: csrfCheck },
        async (req, reply) => change(req, reply, mode),
      );
    }

    app.post(
      "/nuovo-pin/sostituisci",
      { config: { journey: "new_pin", pinChangeReplay: true }, preHandler: csrfCheck },
      async (req, reply) => {
        if (replayOf(req) === undefined && formOf(req).confirm !== "yes")
          return question(req, reply, "noted", tField(langOf(req), "confirm_replacement"));
        return change(req, reply, "replace");
      },
    );

    app.get("/pin/annotato", { config: { journey: "new_pin" } }, async (req, reply) =>
      question(req, reply, "noted"),
    );
    app.post(
      "/pin/annotato",
      { config: { journey: "new_pin" }, preHandler: csrfCheck },
      async (req, reply) => {
        const live = await liveSessionOf(ctx, req);
        const { returnTo } = await pinNoted(ctx, {
          by: await actingOf(ctx, req),
          session: live.session,
          state: live.state,
        });
        return reply.redirect(returnTo ?? PERSONAL_AREA, 303);
      },
    );

    // The page that showed the new PIN posts it back; checked like any PIN, never stored.
    app.post(
      "/pin/tessera.pdf",
      { config: { journey: "new_pin" }, preHandler: csrfCheck },
      async (req, reply) => {
        const live = await liveSessionOf(ctx, req);
        const card = await pinCard(ctx, {
          by: await actingOf(ctx, req),
          session: live.session,
          state: live.state,
          pin: formOf(req).pin ?? "",
          deviceCookie: readCookie(ctx, req, "device"),
        });
        const pdf = await renderPinCardPdf({
          lang: langOf(req),
          holderName: card.holderName,
          fiscalCode: card.fiscalCode,
          pin: card.pin,
          level: card.level,
          issuedOn: romeDate(card.issuedAt),
          expiresOn: romeDate(card.expiresAt),
        });
        return reply
          .type("application/pdf")
          .header("cache-control", "no-store")
          .header("content-disposition", 'attachment; filename="tessera-pin-inps.pdf"')
          .send(pdf);
      },
    );
  };
}

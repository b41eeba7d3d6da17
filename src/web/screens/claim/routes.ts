/**
 * /richiedi-pin: the claim form, its submission (through the same flow as the API) and the
 * outcome page. The outcome is shown only to the browser that made the claim: its id travels
 * in a signed, HttpOnly cookie, never in the URL. The language switch submits the form, so
 * switching keeps what was typed.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../../domain/errors.ts";
import { claimOutcome } from "../../../flows/claim-outcome.ts";
import * as claimOnline from "../../../flows/claim-online.ts";
import { cookieName, cookieOptions } from "../../../http/cookies.ts";
import { langOf } from "../../../http/lang.ts";
import { retryAfter } from "../../../http/problem.ts";
import { anonymousOf } from "../../../http/request.ts";
import { catalogues, isLang, tField, type Lang } from "../../../i18n/index.ts";
import { csrfFor, formOf, sendHtml, type FormValues } from "../../render.ts";
import { setLangCookie } from "../home/routes.ts";
import type { ScreenDeps } from "../types.ts";
import { formToClaimBody } from "./form-mapping.ts";
import { claimFormPage } from "./form-page.ts";
import { claimOutcomePage } from "./outcome-page.ts";

const OUTCOME_PATH = "/richiedi-pin/esito";
const OUTCOME_COOKIE_SECONDS = 24 * 3600;

export function claimScreens({ ctx, csrfCheck }: ScreenDeps) {
  const start = { config: { journey: "start" as const } };
  const form = (
    req: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    values: FormValues,
    errors = new Map<string, string>(),
    notice?: { title: string; detail: string; links?: boolean },
    status = 200,
  ) =>
    sendHtml(
      reply,
      claimFormPage({ lang, csrfToken: csrfFor(ctx, req, reply), values, errors, notice }),
      status,
    );

  return async function claim(app: FastifyInstance): Promise<void> {
    app.get("/richiedi-pin", start, async (req, reply) => form(req, reply, langOf(req), {}));

    app.post("/richiedi-pin", { ...start, preHandler: csrfCheck }, async (req, reply) => {
      const values = formOf(req);
      // The header's language button submits the form: re-show it in that language, as typed.
      if (isLang(values._lang)) {
        setLangCookie(ctx.config.env === "production", reply, values._lang);
        return form(req, reply, values._lang, values);
      }
      const lang = langOf(req);
      let outcome: claimOnline.ClaimOutcome;
      try {
        outcome = await claimOnline.run(ctx, {
          by: anonymousOf(req),
          body: formToClaimBody(values, lang),
        });
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        const errors = new Map(err.fields.map((f) => [f.field, tField(lang, f.code)]));
        const msg = catalogues[lang].errors[err.code];
        const retry = retryAfter(err);
        if (retry !== undefined) void reply.header("retry-after", String(retry));
        const notice =
          err.code === "VALIDATION_FAILED"
            ? undefined
            : {
                title: msg.title,
                detail: msg.detail,
                links: err.code === "RESIDENT_IN_ITALY" || err.code === "ITALIAN_DOCUMENT_DECLARED",
              };
        return form(req, reply, lang, values, errors, notice, err.status);
      }
      void reply.setCookie(cookieName(ctx, "claim"), outcome.claimId, {
        ...cookieOptions(ctx, OUTCOME_COOKIE_SECONDS),
        signed: true,
      });
      return reply.redirect(OUTCOME_PATH, 303);
    });

    app.get(OUTCOME_PATH, start, async (req, reply) => {
      const raw = req.cookies[cookieName(ctx, "claim")];
      const unsigned = raw === undefined ? null : req.unsignCookie(raw);
      const id = unsigned?.valid === true ? unsigned.value : null;
      const view =
        id !== null && /^[0-9a-f-]{36}$/u.test(id) ? await claimOutcome(ctx.uow, id) : null;
      // Nothing to show to a browser that made no claim (or a forged or stale cookie).
      if (view === null) return reply.redirect("/richiedi-pin", 303);
      return sendHtml(reply, claimOutcomePage(langOf(req), view));
    });
  };
}

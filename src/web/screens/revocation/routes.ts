/**
 * /revoca-pin: the revocation request form, its neutral answer, and the confirmation link's
 * page (a GET only shows the button: the POST revokes). The result page is reached by a
 * redirect with a short signed cookie, so a reload never posts the link again.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../../domain/errors.ts";
import * as revocation from "../../../flows/revocation.ts";
import { cookieName, cookieOptions } from "../../../http/cookies.ts";
import { langOf } from "../../../http/lang.ts";
import { anonymousOf } from "../../../http/request.ts";
import type { Lang } from "../../../i18n/index.ts";
import { formFailure } from "../../form-failure.ts";
import { csrfFor, formOf, sendHtml, type FormValues } from "../../render.ts";
import type { ScreenDeps } from "../types.ts";
import {
  REVOCATION_CONFIRM_PATH,
  REVOCATION_DONE_PATH,
  REVOCATION_PATH,
  REVOCATION_SENT_PATH,
  revocationConfirmPage,
  revocationFormPage,
  revocationInvalidPage,
  revocationMessagePage,
} from "./page.ts";

export function revocationScreens({ ctx, csrfCheck }: ScreenDeps) {
  const start = { config: { journey: "start" as const } };
  const doneCookie = cookieName(ctx, "revocation");
  const form = (
    req: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    values: FormValues,
    errors = new Map<string, string>(),
    notice?: { title: string; detail: string },
    status = 200,
  ) =>
    sendHtml(
      reply,
      revocationFormPage({ lang, csrfToken: csrfFor(ctx, req, reply), values, errors, notice }),
      status,
    );
  const invalid = (req: FastifyRequest, reply: FastifyReply) =>
    sendHtml(reply, revocationInvalidPage(langOf(req)), 410);

  return async function revocationPages(app: FastifyInstance): Promise<void> {
    app.get(REVOCATION_PATH, start, async (req, reply) => form(req, reply, langOf(req), {}));

    app.post(REVOCATION_PATH, { ...start, preHandler: csrfCheck }, async (req, reply) => {
      const values = formOf(req);
      const lang = langOf(req);
      try {
        await revocation.requestRevocation(ctx, {
          by: anonymousOf(req),
          body: {
            fiscalCode: values.fiscalCode,
            healthCardNumber: values.healthCardNumber,
            healthCardExpiry: values.healthCardExpiry,
            email: values.email,
            pec: values.pec,
            lang,
          },
        });
      } catch (err) {
        const f = formFailure(err, lang, reply);
        return form(req, reply, lang, values, f.errors, f.notice, f.status);
      }
      return reply.redirect(REVOCATION_SENT_PATH, 303);
    });

    app.get(REVOCATION_SENT_PATH, start, async (req, reply) =>
      sendHtml(reply, revocationMessagePage(langOf(req), REVOCATION_SENT_PATH, "sent")),
    );

    app.get(REVOCATION_CONFIRM_PATH, start, async (req, reply) => {
      const token = (req.query as { token?: unknown }).token;
      if (!(await revocation.revocationLinkUsable(ctx, token))) return invalid(req, reply);
      return sendHtml(
        reply,
        revocationConfirmPage(langOf(req), csrfFor(ctx, req, reply), token as string),
      );
    });

    app.post(REVOCATION_CONFIRM_PATH, { ...start, preHandler: csrfCheck }, async (req, reply) => {
      try {
        await revocation.confirmRevocation(ctx, {
          by: anonymousOf(req),
          token: formOf(req).token,
        });
      } catch (err) {
        if (err instanceof AppError && err.code === "LINK_INVALID") return invalid(req, reply);
        throw err;
      }
      void reply.setCookie(doneCookie, "revoked", { ...cookieOptions(ctx, 600), signed: true });
      return reply.redirect(REVOCATION_DONE_PATH, 303);
    });

    app.get(REVOCATION_DONE_PATH, start, async (req, reply) => {
      const raw = req.cookies[doneCookie];
      const unsigned = raw === undefined ? null : req.unsignCookie(raw);
      if (unsigned?.valid !== true || unsigned.value !== "revoked")
        return reply.redirect(REVOCATION_PATH, 303);
      return sendHtml(reply, revocationMessagePage(langOf(req), REVOCATION_DONE_PATH, "done"));
    });
  };
}

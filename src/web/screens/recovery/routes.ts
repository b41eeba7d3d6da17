/**
 * /recupera-pin: the recovery request form, its neutral answer, and the confirmation link's
 * page (a GET only shows the button: the POST confirms). The result page is reached by a
 * redirect, its masked destinations carried in a short signed cookie, so a reload never posts
 * the link again.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../../domain/errors.ts";
import * as recovery from "../../../flows/recovery.ts";
import { cookieName, cookieOptions } from "../../../http/cookies.ts";
import { langOf } from "../../../http/lang.ts";
import { anonymousOf } from "../../../http/request.ts";
import type { Lang } from "../../../i18n/index.ts";
import { csrfFor, formOf, sendHtml, type FormValues } from "../../render.ts";
import { formFailure } from "../../form-failure.ts";
import type { ScreenDeps } from "../types.ts";
import {
  RECOVERY_CONFIRM_PATH,
  RECOVERY_DONE_PATH,
  RECOVERY_PATH,
  RECOVERY_SENT_PATH,
  recoveryConfirmPage,
  recoveryDonePage,
  recoveryFormPage,
  recoveryInvalidPage,
  recoverySentPage,
} from "./page.ts";

export function recoveryScreens({ ctx, csrfCheck }: ScreenDeps) {
  const start = { config: { journey: "start" as const } };
  const doneCookie = cookieName(ctx, "recovery");
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
      recoveryFormPage({ lang, csrfToken: csrfFor(ctx, req, reply), values, errors, notice }),
      status,
    );
  const invalid = (req: FastifyRequest, reply: FastifyReply) =>
    sendHtml(reply, recoveryInvalidPage(langOf(req)), 410);

  return async function recoveryPages(app: FastifyInstance): Promise<void> {
    app.get(RECOVERY_PATH, start, async (req, reply) => form(req, reply, langOf(req), {}));

    app.post(RECOVERY_PATH, { ...start, preHandler: csrfCheck }, async (req, reply) => {
      const values = formOf(req);
      const lang = langOf(req);
      try {
        await recovery.requestRecovery(ctx, {
          by: anonymousOf(req),
          body: {
            fiscalCode: values.fiscalCode,
            mobile: values.mobile,
            email: values.email,
            pec: values.pec,
            lang,
          },
        });
      } catch (err) {
        const f = formFailure(err, lang, reply);
        return form(req, reply, lang, values, f.errors, f.notice, f.status);
      }
      return reply.redirect(RECOVERY_SENT_PATH, 303);
    });

    app.get(RECOVERY_SENT_PATH, start, async (req, reply) =>
      sendHtml(reply, recoverySentPage(langOf(req))),
    );

    app.get(RECOVERY_CONFIRM_PATH, start, async (req, reply) => {
      const token = (req.query as { token?: unknown }).token;
      if (!(await recovery.recoveryLinkUsable(ctx, token))) return invalid(req, reply);
      return sendHtml(
        reply,
        recoveryConfirmPage(langOf(req), csrfFor(ctx, req, reply), token as string),
      );
    });

    app.post(RECOVERY_CONFIRM_PATH, { ...start, preHandler: csrfCheck }, async (req, reply) => {
      let done: recovery.RecoveryDone;
      try {
        done = await recovery.confirmRecovery(ctx, {
          by: anonymousOf(req),
          token: formOf(req).token,
        });
      } catch (err) {
        if (err instanceof AppError && err.code === "LINK_INVALID") return invalid(req, reply);
        throw err;
      }
      void reply.setCookie(doneCookie, JSON.stringify([done.firstHalfTo, done.secondHalfTo]), {
        ...cookieOptions(ctx, 600),
        signed: true,
      });
      return reply.redirect(RECOVERY_DONE_PATH, 303);
    });

    app.get(RECOVERY_DONE_PATH, start, async (req, reply) => {
      const raw = req.cookies[doneCookie];
      const unsigned = raw === undefined ? null : req.unsignCookie(raw);
      const to = unsigned?.valid === true ? parsePair(unsigned.value) : null;
      if (to === null) return reply.redirect(RECOVERY_PATH, 303);
      return sendHtml(reply, recoveryDonePage(langOf(req), to));
    });
  };
}

function parsePair(value: string | null): { first: string; second: string } | null {
  try {
    const v: unknown = JSON.parse(value ?? "");
    if (Array.isArray(v) && typeof v[0] === "string" && typeof v[1] === "string")
      return { first: v[0], second: v[1] };
  } catch {
    // a forged or stale cookie
  }
  return null;
}

/**
 * /operatori/attivazione?token=…: the one-time enrolment link. The password step answers the
 * QR code, the key and the recovery codes once, and marks this browser (a cookie holding a
 * keyed hash of the link); until the first code is confirmed, only that browser sees the same
 * QR code and key again (audited) — never a new secret, and never someone else holding the link.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { timingSafeEqual } from "node:crypto";
import { AppError } from "../../../../domain/errors.ts";
import * as accounts from "../../../../flows/staff/accounts.ts";
import { cookieName, cookieOptions, readCookie } from "../../../../http/cookies.ts";
import { langOf } from "../../../../http/lang.ts";
import { anonymousOf } from "../../../../http/request.ts";
import { t, type Lang } from "../../../../i18n/index.ts";
import type { Notice } from "../../../components.ts";
import { dangerNotice, formFailure } from "../../../form-failure.ts";
import { csrfFor, formOf, sendHtml } from "../../../render.ts";
import type { ScreenDeps } from "../../../screens/types.ts";
import { donePage, passwordPage, qrPage } from "./page.ts";

const tokenOf = (v: unknown): string =>
  typeof v === "string" && /^[\w-]{20,100}$/u.test(v) ? v : "";

export function staffEnrolmentScreens({ ctx, csrfCheck }: ScreenDeps) {
  const markOf = (token: string) => accounts.enrolmentBrowserMark(ctx, token);
  const isThisBrowser = (req: FastifyRequest, token: string): boolean => {
    const mark = readCookie(ctx, req, "staffEnrolment");
    const want = Buffer.from(markOf(token));
    return (
      mark !== undefined && mark.length === want.length && timingSafeEqual(Buffer.from(mark), want)
    );
  };

  async function showQr(
    req: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    token: string,
    o: {
      secrets?: accounts.EnrolmentSecrets;
      errors?: Map<string, string>;
      notice?: Notice;
      status?: number;
    } = {},
  ): Promise<FastifyReply> {
    if (o.secrets === undefined && !isThisBrowser(req, token))
      throw new AppError("ENROLMENT_OTHER_BROWSER");
    const s = o.secrets ?? (await accounts.pendingEnrolment(ctx, { by: anonymousOf(req), token }));
    if (s === null) throw new AppError("ENROLMENT_INVALID");
    return sendHtml(
      reply,
      await qrPage({
        lang,
        csrfToken: csrfFor(ctx, req, reply),
        token,
        username: s.username,
        totpSecret: s.totpSecret,
        otpauthUri: s.otpauthUri,
        recoveryCodes: o.secrets?.recoveryCodes ?? null,
        errors: o.errors ?? new Map(),
        notice: o.notice,
      }),
      o.status ?? 200,
    );
  }

  return async function staffEnrolmentScreen(app: FastifyInstance): Promise<void> {
    const rule = { config: { staff: "signed_out" as const } };
    const post = { ...rule, preHandler: csrfCheck };

    app.get("/operatori/attivazione", rule, async (req, reply) => {
      const lang = langOf(req);
      const token = tokenOf((req.query as { token?: unknown }).token);
      if (token === "") throw new AppError("ENROLMENT_INVALID");
      if (await accounts.enrolmentStarted(ctx, token)) return showQr(req, reply, lang, token);
      return sendHtml(
        reply,
        passwordPage({ lang, csrfToken: csrfFor(ctx, req, reply), token, errors: new Map() }),
      );
    });

    app.post("/operatori/attivazione", post, async (req, reply) => {
      const lang = langOf(req);
      const form = formOf(req);
      const token = tokenOf(form.token);
      const again = (errors: Map<string, string>, status: number, notice?: Notice) =>
        sendHtml(
          reply,
          passwordPage({ lang, csrfToken: csrfFor(ctx, req, reply), token, errors, notice }),
          status,
        );
      if ((form.password ?? "") !== (form.confirmPassword ?? ""))
        return again(new Map([["confirmPassword", t(lang, "staff.enrol.mismatch")]]), 422);
      try {
        const secrets = await accounts.startEnrolment(ctx, {
          by: anonymousOf(req),
          token,
          password: form.password,
        });
        void reply.setCookie(
          cookieName(ctx, "staffEnrolment"),
          markOf(token),
          cookieOptions(ctx, 3600),
        );
        return await showQr(req, reply, lang, token, { secrets });
      } catch (err) {
        // A resubmission after the password step: the QR code again (this browser only), the
        // codes not, and the password typed now is not the one that counts.
        if (err instanceof AppError && err.code === "ENROLMENT_STARTED")
          return showQr(req, reply, lang, token, {
            notice: { tone: "danger", title: t(lang, "staff.enrol.passwordKept") },
          });
        const f = formFailure(err, lang, reply);
        return again(f.errors, f.status, dangerNotice(f));
      }
    });

    app.post("/operatori/attivazione/conferma", post, async (req, reply) => {
      const lang = langOf(req);
      const form = formOf(req);
      const token = tokenOf(form.token);
      try {
        await accounts.confirmEnrolment(ctx, { by: anonymousOf(req), token, code: form.code });
        void reply.clearCookie(cookieName(ctx, "staffEnrolment"), cookieOptions(ctx));
        return await sendHtml(reply, donePage(lang));
      } catch (err) {
        if (err instanceof AppError && err.code === "ENROLMENT_INVALID") throw err;
        const f = formFailure(err, lang, reply);
        return showQr(req, reply, lang, token, { errors: f.errors, status: f.status });
      }
    });
  };
}

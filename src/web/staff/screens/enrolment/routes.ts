/**
 * /operatori/attivazione?token=…: the one-time enrolment link. The password step answers the
 * QR code, the key and the recovery codes once; a reload of the link afterwards shows the same
 * QR code and key (never a new secret) without the codes; the first code activates the account.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../../../domain/errors.ts";
import * as accounts from "../../../../flows/staff/accounts.ts";
import { langOf } from "../../../../http/lang.ts";
import { anonymousOf } from "../../../../http/request.ts";
import { t, type Lang } from "../../../../i18n/index.ts";
import { dangerNotice, formFailure } from "../../../form-failure.ts";
import { csrfFor, formOf, sendHtml } from "../../../render.ts";
import type { ScreenDeps } from "../../../screens/types.ts";
import { donePage, passwordPage, qrPage } from "./page.ts";

const tokenOf = (v: unknown): string =>
  typeof v === "string" && /^[\w-]{20,100}$/u.test(v) ? v : "";

export function staffEnrolmentScreens({ ctx, csrfCheck }: ScreenDeps) {
  const showQr = async (
    req: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    token: string,
    extra: {
      recoveryCodes: readonly string[] | null;
      errors?: Map<string, string>;
      status?: number;
      secrets?: accounts.EnrolmentSecrets;
    },
  ) => {
    const s = extra.secrets ?? (await accounts.pendingEnrolment(ctx, token));
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
        recoveryCodes: extra.recoveryCodes,
        errors: extra.errors ?? new Map(),
      }),
      extra.status ?? 200,
    );
  };

  return async function staffEnrolmentScreen(app: FastifyInstance): Promise<void> {
    app.get("/operatori/attivazione", { config: { staff: "signed_out" } }, async (req, reply) => {
      const lang = langOf(req);
      const token = tokenOf((req.query as { token?: unknown }).token);
      if (token === "") throw new AppError("ENROLMENT_INVALID");
      // The password already chosen with this link: the same QR code again, never a new secret.
      if ((await accounts.pendingEnrolment(ctx, token)) !== null)
        return showQr(req, reply, lang, token, { recoveryCodes: null });
      return sendHtml(
        reply,
        passwordPage({ lang, csrfToken: csrfFor(ctx, req, reply), token, errors: new Map() }),
      );
    });

    app.post(
      "/operatori/attivazione",
      { config: { staff: "signed_out" }, preHandler: csrfCheck },
      async (req, reply) => {
        const lang = langOf(req);
        const form = formOf(req);
        const token = tokenOf(form.token);
        if ((form.password ?? "") !== (form.confirmPassword ?? ""))
          return sendHtml(
            reply,
            passwordPage({
              lang,
              csrfToken: csrfFor(ctx, req, reply),
              token,
              errors: new Map([["confirmPassword", t(lang, "staff.enrol.mismatch")]]),
            }),
            422,
          );
        try {
          const secrets = await accounts.startEnrolment(ctx, {
            by: anonymousOf(req),
            token,
            password: form.password,
          });
          return await showQr(req, reply, lang, token, {
            recoveryCodes: secrets.recoveryCodes,
            secrets,
          });
        } catch (err) {
          // A resubmission after the password step: the QR code again, the codes not.
          if (err instanceof AppError && err.code === "ENROLMENT_STARTED")
            return showQr(req, reply, lang, token, { recoveryCodes: null });
          const f = formFailure(err, lang, reply);
          return sendHtml(
            reply,
            passwordPage({
              lang,
              csrfToken: csrfFor(ctx, req, reply),
              token,
              errors: f.errors,
              notice: dangerNotice(f),
            }),
            f.status,
          );
        }
      },
    );

    app.post(
      "/operatori/attivazione/conferma",
      { config: { staff: "signed_out" }, preHandler: csrfCheck },
      async (req, reply) => {
        const lang = langOf(req);
        const form = formOf(req);
        const token = tokenOf(form.token);
        try {
          await accounts.confirmEnrolment(ctx, { by: anonymousOf(req), token, code: form.code });
          return await sendHtml(reply, donePage(lang));
        } catch (err) {
          const f = formFailure(err, lang, reply);
          if (err instanceof AppError && err.code === "ENROLMENT_INVALID") throw err;
          return showQr(req, reply, lang, token, {
            recoveryCodes: null,
            errors: f.errors,
            status: f.status,
          });
        }
      },
    );
  };
}

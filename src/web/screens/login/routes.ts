/**
 * /accedi and /esci: the login form (through the same flow as the API) and logout. A person
 * sent here from a page, or whose session timed out, comes back to that page afterwards
 * (the journey's continuation); the forms' CSRF secret is renewed at login.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../../domain/errors.ts";
import { romeDate } from "../../../domain/eligibility.ts";
import { normalizePinInput } from "../../../domain/pin.ts";
import * as login from "../../../flows/login.ts";
import { logout } from "../../../flows/session.ts";
import {
  clearSessionCookie,
  cookieName,
  cookieOptions,
  readCookie,
  setDeviceCookie,
  setSessionCookie,
} from "../../../http/cookies.ts";
import { langOf } from "../../../http/lang.ts";
import { retryAfter } from "../../../http/problem.ts";
import { anonymousOf } from "../../../http/request.ts";
import { catalogues, t, tField, type Lang } from "../../../i18n/index.ts";
import { romeTime } from "../../../i18n/format.ts";
import { withDeviceEntry } from "../../../security/device-cookie.ts";
import { PAGE_OF_STATE, PERSONAL_AREA } from "../../paths.ts";
import { csrfFor, formOf, sendHtml } from "../../render.ts";
import type { ScreenDeps } from "../types.ts";
import { loginPage, type LoginNotice } from "./page.ts";

function noticeOf(lang: Lang, err: AppError, pinLength: number): LoginNotice | undefined {
  if (err.code === "VALIDATION_FAILED") return undefined;
  const msg = catalogues[lang].errors[err.code];
  const extra: string[] = [];
  const left = err.extra.remainingAttempts;
  if (err.code === "INVALID_CREDENTIALS" && typeof left === "number" && left > 0) {
    extra.push(
      t(lang, left === 1 ? "login.remaining_one" : "login.remaining_other", { count: left }),
    );
  }
  // The usual mix-ups, told whoever types them (so they say nothing about the fiscal code):
  // only the SMS half before the letter came, or the 16 characters after the first access.
  if (err.code === "INVALID_CREDENTIALS" && pinLength === 8) extra.push(t(lang, "login.hintEight"));
  if (err.code === "INVALID_CREDENTIALS" && pinLength === 16)
    extra.push(t(lang, "login.hintSixteen"));
  const until = err.extra.lockedUntil;
  // Locked now, or by this very attempt (the 10th wrong PIN).
  if (typeof until === "string") {
    extra.push(t(lang, "login.lockedUntil", { time: romeTime(lang, new Date(until)) }));
  }
  return { title: msg.title, detail: msg.detail, extra, tone: "danger" };
}

export function loginScreens({ ctx, routes, csrfCheck }: ScreenDeps) {
  const nextOf = (v: unknown): string | undefined => (routes.isContinuation(v) ? v : undefined);
  const show = (
    req: FastifyRequest,
    reply: FastifyReply,
    v: {
      fiscalCode: string;
      next: string | undefined;
      errors?: Map<string, string>;
      notice?: LoginNotice | undefined;
    },
    status = 200,
  ) =>
    sendHtml(
      reply,
      loginPage({
        lang: langOf(req),
        csrfToken: csrfFor(ctx, req, reply),
        fiscalCode: v.fiscalCode,
        errors: v.errors ?? new Map(),
        notice: v.notice,
        next: v.next,
      }),
      status,
    );

  return async function loginScreen(app: FastifyInstance): Promise<void> {
    app.get("/accedi", { config: { journey: "start" } }, async (req, reply) => {
      const q = req.query as { next?: unknown; scaduta?: unknown };
      const lang = langOf(req);
      const notice: LoginNotice | undefined =
        q.scaduta === "1"
          ? {
              title: catalogues[lang].errors.SESSION_EXPIRED.title,
              detail: t(lang, "login.expired"),
              tone: "info",
            }
          : undefined;
      return show(req, reply, { fiscalCode: "", next: nextOf(q.next), notice });
    });

    app.post(
      "/accedi",
      { config: { journey: "login" }, preHandler: csrfCheck },
      async (req, reply) => {
        const lang = langOf(req);
        const values = formOf(req);
        const next = nextOf(values.next);
        let result: login.LoginResult;
        try {
          const creds = login.validateLogin(
            { fiscalCode: values.fiscalCode ?? "", pin: values.pin ?? "" },
            romeDate(ctx.clock.now()),
          );
          const deviceCookie = readCookie(ctx, req, "device");
          result = await login.run(ctx, {
            ...creds,
            by: anonymousOf(req),
            deviceCookie,
            previousToken: readCookie(ctx, req, "session"),
            returnTo: next ?? null,
          });
          setDeviceCookie(ctx, reply, withDeviceEntry(deviceCookie, result.deviceEntry));
        } catch (err) {
          if (!(err instanceof AppError) || err.status >= 500) throw err;
          const retry = retryAfter(err);
          if (retry !== undefined) void reply.header("retry-after", String(retry));
          return show(
            req,
            reply,
            {
              fiscalCode: values.fiscalCode ?? "",
              next,
              errors: new Map(err.fields.map((f) => [f.field, tField(lang, f.code)])),
              notice: noticeOf(lang, err, normalizePinInput(values.pin ?? "").length),
            },
            err.status,
          );
        }
        setSessionCookie(ctx, reply, result.token);
        // A new session, a new CSRF secret: the next page mints it.
        void reply.clearCookie(cookieName(ctx, "csrf"), cookieOptions(ctx));
        const target =
          result.state === "authenticated" ? (next ?? PERSONAL_AREA) : PAGE_OF_STATE[result.state];
        return reply.redirect(target, 303);
      },
    );

    app.post(
      "/esci",
      { config: { journey: "logout" }, preHandler: csrfCheck },
      async (req, reply) => {
        await logout(ctx, { by: anonymousOf(req), token: readCookie(ctx, req, "session") });
        clearSessionCookie(ctx, reply);
        return reply.redirect("/", 303);
      },
    );
  };
}

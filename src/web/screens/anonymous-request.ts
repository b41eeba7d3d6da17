/**
 * The shape every anonymous self-service screen shares (recovery, revocation, letter resend):
 * a form posted to a flow that answers neutrally — errors shown on the form, success a
 * redirect to a "request received" page — and, for the flows with a confirmation link, the
 * link's page (the GET only shows the button; the POST confirms) and the result page, reached
 * by a redirect with a short signed cookie so that a reload never posts the link again.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Acting } from "../../domain/actor.ts";
import { AppError } from "../../domain/errors.ts";
import { cookieName, cookieOptions, type CookieName } from "../../http/cookies.ts";
import { langOf } from "../../http/lang.ts";
import { anonymousOf } from "../../http/request.ts";
import type { Lang } from "../../i18n/index.ts";
import type { FieldErrors } from "../components.ts";
import { formFailure } from "../form-failure.ts";
import { csrfFor, formOf, sendHtml, type FormValues } from "../render.ts";
import type { ScreenDeps } from "./types.ts";

export interface FormView {
  lang: Lang;
  csrfToken: string;
  values: FormValues;
  errors: FieldErrors;
  notice?: { title: string; detail: string } | undefined;
}

export interface AnonymousRequestScreen {
  paths: { form: string; sent: string };
  formPage(v: FormView): string;
  sentPage(lang: Lang): string;
  /** Calls the flow with what was typed; its refusals are shown on the form. */
  submit(by: Acting, values: FormValues, lang: Lang): Promise<unknown>;
  link?: {
    paths: { confirm: string; done: string };
    cookie: CookieName;
    usable(token: unknown): Promise<boolean>;
    /** Confirms; the result page's data (kept in the signed cookie for ten minutes). */
    confirm(by: Acting, token: unknown): Promise<string>;
    confirmPage(lang: Lang, csrfToken: string, token: string): string;
    /** The result page, or null when the cookie's data is not what confirm() gave. */
    donePage(lang: Lang, data: string): string | null;
    invalidPage(lang: Lang): string;
  };
}

export function anonymousRequestScreens(
  { ctx, csrfCheck }: ScreenDeps,
  screen: AnonymousRequestScreen,
) {
  const start = { config: { journey: "start" as const } };
  const form = (
    req: FastifyRequest,
    reply: FastifyReply,
    v: Omit<FormView, "csrfToken">,
    status = 200,
  ) => sendHtml(reply, screen.formPage({ ...v, csrfToken: csrfFor(ctx, req, reply) }), status);

  return async function anonymousRequest(app: FastifyInstance): Promise<void> {
    const { paths } = screen;
    app.get(paths.form, start, async (req, reply) =>
      form(req, reply, { lang: langOf(req), values: {}, errors: new Map() }),
    );
    app.post(paths.form, { ...start, preHandler: csrfCheck }, async (req, reply) => {
      const values = formOf(req);
      const lang = langOf(req);
      try {
        await screen.submit(anonymousOf(req), values, lang);
      } catch (err) {
        const f = formFailure(err, lang, reply);
        return form(req, reply, { lang, values, errors: f.errors, notice: f.notice }, f.status);
      }
      return reply.redirect(paths.sent, 303);
    });
    app.get(paths.sent, start, async (req, reply) => sendHtml(reply, screen.sentPage(langOf(req))));

    const link = screen.link;
    if (link === undefined) return;
    // A link is followed from a mailbox, perhaps in a browser where someone is logged in.
    const anyState = { config: { journey: "public" as const } };
    const doneCookie = cookieName(ctx, link.cookie);
    const invalid = (req: FastifyRequest, reply: FastifyReply) =>
      sendHtml(reply, link.invalidPage(langOf(req)), 410);
    app.get(link.paths.confirm, anyState, async (req, reply) => {
      const token = (req.query as { token?: unknown }).token;
      if (typeof token !== "string" || !(await link.usable(token))) return invalid(req, reply);
      return sendHtml(reply, link.confirmPage(langOf(req), csrfFor(ctx, req, reply), token));
    });
    app.post(link.paths.confirm, { ...anyState, preHandler: csrfCheck }, async (req, reply) => {
      let data: string;
      try {
        data = await link.confirm(anonymousOf(req), formOf(req).token);
      } catch (err) {
        if (err instanceof AppError && err.code === "LINK_INVALID") return invalid(req, reply);
        throw err;
      }
      void reply.setCookie(doneCookie, data, { ...cookieOptions(ctx, 600), signed: true });
      return reply.redirect(link.paths.done, 303);
    });
    app.get(link.paths.done, anyState, async (req, reply) => {
      const raw = req.cookies[doneCookie];
      const unsigned = raw === undefined ? null : req.unsignCookie(raw);
      const done = unsigned?.valid === true ? link.donePage(langOf(req), unsigned.value) : null;
      if (done === null) return reply.redirect(paths.form, 303);
      return sendHtml(reply, done);
    });
  };
}

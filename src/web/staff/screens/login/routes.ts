/**
 * /operatori/accedi and /operatori/esci: staff login (username, password, TOTP or recovery
 * code) through the same flow as the API, and logout. A page that sent a signed-out member
 * here is where they come back to.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../../../domain/errors.ts";
import { staffLogin, staffLogout } from "../../../../flows/staff/auth.ts";
import { cookieName, cookieOptions, readCookie } from "../../../../http/cookies.ts";
import { langOf } from "../../../../http/lang.ts";
import { anonymousOf } from "../../../../http/request.ts";
import {
  clearStaffCookie,
  setStaffCookie,
  staffOf,
  staffSessionOf,
} from "../../../../http/staff-request.ts";
import { romeTime } from "../../../../i18n/format.ts";
import { t } from "../../../../i18n/index.ts";
import { formFailure } from "../../../form-failure.ts";
import { csrfFor, formOf, sendHtml } from "../../../render.ts";
import type { ScreenDeps } from "../../../screens/types.ts";
import { staffLoginPage, type StaffLoginView } from "./page.ts";

/** A local back-office path to come back to after login. */
export function staffNext(v: unknown): string | undefined {
  return typeof v === "string" &&
    /^\/operatori(\/[\w\-/]*)?(\?[\w\-=&%.]*)?$/u.test(v) &&
    !v.startsWith("//")
    ? v
    : undefined;
}

export function staffLoginScreens({ ctx, csrfCheck }: ScreenDeps) {
  const show = (
    req: FastifyRequest,
    reply: FastifyReply,
    v: Omit<StaffLoginView, "lang" | "csrfToken">,
    status = 200,
  ) =>
    sendHtml(
      reply,
      staffLoginPage({ ...v, lang: langOf(req), csrfToken: csrfFor(ctx, req, reply) }),
      status,
    );

  return async function staffLoginScreen(app: FastifyInstance): Promise<void> {
    app.get("/operatori/accedi", { config: { staff: "signed_out" } }, async (req, reply) => {
      const q = req.query as { next?: unknown; scaduta?: unknown; uscito?: unknown };
      const lang = langOf(req);
      if ((await staffSessionOf(ctx, req)).kind === "live")
        return reply.redirect(staffNext(q.next) ?? "/operatori", 303);
      const notice =
        q.scaduta === "1"
          ? {
              tone: "info" as const,
              title: t(lang, "errors.STAFF_SESSION_EXPIRED.title"),
              detail: t(lang, "staff.login.expired"),
            }
          : q.uscito === "1"
            ? { tone: "info" as const, title: t(lang, "staff.login.loggedOut") }
            : undefined;
      return show(req, reply, { username: "", next: staffNext(q.next), errors: new Map(), notice });
    });

    app.post(
      "/operatori/accedi",
      { config: { staff: "signed_out" }, preHandler: csrfCheck },
      async (req, reply) => {
        const lang = langOf(req);
        const form = formOf(req);
        const next = staffNext(form.next);
        try {
          const login = await staffLogin(ctx, {
            by: anonymousOf(req),
            username: form.username,
            password: form.password,
            totp: form.totp,
            previousToken: readCookie(ctx, req, "staff"),
          });
          setStaffCookie(ctx, reply, login.token);
          void reply.clearCookie(cookieName(ctx, "csrf"), cookieOptions(ctx));
          return await reply.redirect(next ?? "/operatori", 303);
        } catch (err) {
          const f = formFailure(err, lang, reply);
          const until = err instanceof AppError ? err.extra.lockedUntil : undefined;
          const notice =
            f.notice === undefined
              ? undefined
              : {
                  tone: "danger" as const,
                  title: f.notice.title,
                  detail:
                    typeof until === "string"
                      ? `${f.notice.detail} ${t(lang, "staff.login.lockedUntil", { time: romeTime(lang, new Date(until)) })}`
                      : f.notice.detail,
                };
          return show(
            req,
            reply,
            { username: form.username ?? "", next, errors: f.errors, notice },
            f.status,
          );
        }
      },
    );

    app.post(
      "/operatori/esci",
      { config: { staff: "signed_out" }, preHandler: csrfCheck },
      async (req, reply) => {
        const live = (await staffSessionOf(ctx, req)).kind === "live";
        const by = live ? (await staffOf(ctx, req)).by : anonymousOf(req);
        await staffLogout(ctx, { by, token: readCookie(ctx, req, "staff") });
        clearStaffCookie(ctx, reply);
        return reply.redirect("/operatori/accedi?uscito=1", 303);
      },
    );
  };
}

/**
 * Citizen web pages: server-rendered, working without JavaScript, CSRF-protected forms
 * (double-submit token bound to a cookie secret), Italian by default with an English switch.
 */
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import formbody from "@fastify/formbody";
import csrf from "@fastify/csrf-protection";
import fastifyStatic from "@fastify/static";
import { endSession } from "../auth/sessions.ts";
import { pinExpiresAt } from "../domain/credential.ts";
import { romeDate } from "../domain/eligibility.ts";
import { AppError } from "../domain/errors.ts";
import { normalizePinInput } from "../domain/pin.ts";
import { validateClaim } from "../flows/claim-input.ts";
import * as claimOnline from "../flows/claim-online.ts";
import { claimReference } from "../flows/claim-online.ts";
import { contributionStatement, pensionSlips } from "../flows/consult.ts";
import * as login from "../flows/login.ts";
import { isRepeatOfPinChange, replaceWithOperatingPin } from "../flows/operating-pin.ts";
import { renderPinCardPdf } from "../notifications/pdf.ts";
import type { AppContext } from "../http/context.ts";
import { claimFor } from "../http/dev.ts";
import { langOf } from "../http/lang.ts";
import {
  clearSessionCookie,
  currentSession,
  requireSession,
  sessionToken,
  setSessionCookie,
} from "../http/session.ts";
import type { SessionRecord } from "../store/repos/sessions.ts";
import { findPerson } from "../store/repos/archive.ts";
import { activeCredential } from "../store/repos/credentials.ts";
import { catalogues, isLang, tField, type Lang } from "../i18n/index.ts";
import type { PageUser } from "./layout.ts";
import { SHOW_PIN_JS } from "./scripts.ts";
import {
  claimBodyToForm,
  claimFormPage,
  claimOutcomePage,
  formToClaimBody,
  type FormValues,
} from "./pages/claim.ts";
import { homePage } from "./pages/home.ts";
import { loginPage } from "./pages/login.ts";
import { pinChangePage, pinShownPage, type PinChangeMode } from "./pages/new-pin.ts";
import { civilDate, contributionsPage, personalAreaPage, slipsPage } from "./pages/personal.ts";

const require = createRequire(import.meta.url);
const BOOTSTRAP_ITALIA_DIST = join(
  dirname(require.resolve("bootstrap-italia/package.json")),
  "dist",
);
const ASSETS_DIR = fileURLToPath(new URL("./assets/", import.meta.url));

const HOME_BY_STATE = {
  pin_change_required: "/nuovo-pin",
  renewal_required: "/rinnovo-pin",
  authenticated: "/area-personale",
} as const;

function formOf(req: FastifyRequest): FormValues {
  const body = req.body;
  if (typeof body !== "object" || body === null) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (typeof v === "string") out[k] = v.slice(0, 500);
    else if (Array.isArray(v) && typeof v[0] === "string") out[k] = v[0].slice(0, 500);
  }
  return out;
}

function userOf(s: SessionRecord): PageUser {
  const name = [s.givenNames, s.surname].filter((x) => x !== null).join(" ");
  return { name: name === "" ? s.fiscalCode.slice(0, 6) : name };
}

function html(reply: FastifyReply, body: string, status = 200): FastifyReply {
  return reply
    .code(status)
    .type("text/html; charset=utf-8")
    .header("cache-control", "no-store")
    .send(body);
}

export function webRoutes(ctx: AppContext) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    await app.register(formbody, { bodyLimit: 32 * 1024 });
    await app.register(csrf, {
      sessionPlugin: "@fastify/cookie",
      cookieKey: ctx.config.env === "production" ? "__Host-csrf" : "csrf",
      cookieOpts: {
        path: "/",
        sameSite: "strict",
        httpOnly: true,
        secure: ctx.config.env === "production",
      },
      getToken: (req) => {
        const b = req.body as Record<string, unknown> | undefined;
        return typeof b?._csrf === "string" ? b._csrf : undefined;
      },
    });
    await app.register(fastifyStatic, {
      root: BOOTSTRAP_ITALIA_DIST,
      prefix: "/assets/bi/",
      maxAge: "7d",
      allowedPath: (path) => /^\/(css|fonts|svg)\//u.test(path),
    });
    await app.register(fastifyStatic, {
      root: ASSETS_DIR,
      prefix: "/assets/",
      decorateReply: false,
      maxAge: "1h",
    });

    const csrfCheck = { preHandler: app.csrfProtection.bind(app) };

    app.get("/assets/js/show-pin.js", async (_req, reply) =>
      reply
        .type("text/javascript; charset=utf-8")
        .header("cache-control", "public, max-age=3600")
        .send(SHOW_PIN_JS),
    );

    app.get("/lingua/:lang", async (req, reply) => {
      const lang = (req.params as { lang: string }).lang;
      const next = (req.query as { next?: unknown }).next;
      const target = typeof next === "string" && /^\/(?!\/)[\w\-./?=&%]*$/u.test(next) ? next : "/";
      if (isLang(lang)) {
        void reply.setCookie("lang", lang, {
          path: "/",
          sameSite: "lax",
          maxAge: 365 * 24 * 3600,
          httpOnly: true,
          secure: ctx.config.env === "production",
        });
      }
      return reply.redirect(target, 303);
    });

    app.get("/", async (req, reply) => {
      const s = await currentSession(ctx, req);
      return html(
        reply,
        homePage(
          langOf(req),
          s === null ? null : userOf(s),
          s === null ? undefined : reply.generateCsrf(),
        ),
      );
    });

    // --- Claim ---------------------------------------------------------------------------
    app.get("/richiedi-pin", async (req, reply) => {
      // Development only: /richiedi-pin?demo=CF (the "claim as" links on /dev) pre-fills the
      // form with that demo person's archive data. A production build ignores the parameter.
      let values: FormValues = {};
      const demo = (req.query as { demo?: unknown }).demo;
      if (
        ctx.config.env === "development" &&
        typeof demo === "string" &&
        /^[0-9A-Z]{16}$/u.test(demo)
      ) {
        const person = await findPerson(ctx.db, demo);
        if (person !== null) values = claimBodyToForm(claimFor(person));
      }
      return html(
        reply,
        claimFormPage({
          lang: langOf(req),
          csrfToken: reply.generateCsrf(),
          values,
          errors: new Map(),
        }),
      );
    });

    app.post("/richiedi-pin", csrfCheck, async (req, reply) => {
      const lang = langOf(req);
      const values = formOf(req);
      let outcome: Awaited<ReturnType<typeof claimOnline.run>>;
      try {
        const input = validateClaim(formToClaimBody(values, lang), romeDate(ctx.clock.now()));
        outcome = await claimOnline.run(ctx, input);
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        const errors = new Map(err.fields.map((f) => [f.field, tField(lang, f.code)]));
        const msg = catalogues[lang].errors[err.code];
        const notice =
          err.code === "VALIDATION_FAILED"
            ? undefined
            : {
                title: msg.title,
                detail: msg.detail,
                links: err.code === "RESIDENT_IN_ITALY" || err.code === "ITALIAN_DOCUMENT_DECLARED",
              };
        return html(
          reply,
          claimFormPage({ lang, csrfToken: reply.generateCsrf(), values, errors, notice }),
          err.status,
        );
      }
      return reply.redirect(
        `/richiedi-pin/esito?stato=${outcome.status}&rif=${claimReference(outcome.claimId)}`,
        303,
      );
    });

    app.get("/richiedi-pin/esito", async (req, reply) => {
      const q = req.query as { stato?: unknown; rif?: unknown };
      const status = q.stato === "issued" ? "issued" : "under_verification";
      const ref = typeof q.rif === "string" && /^[0-9A-F]{8}$/u.test(q.rif) ? q.rif : "";
      return html(reply, claimOutcomePage(langOf(req), status, ref));
    });

    // --- Login / logout ----------------------------------------------------------------------
    app.get("/accedi", async (req, reply) => {
      const s = await currentSession(ctx, req);
      if (s !== null) return reply.redirect(HOME_BY_STATE[s.state], 303);
      return html(
        reply,
        loginPage({
          lang: langOf(req),
          csrfToken: reply.generateCsrf(),
          fiscalCode: "",
          errors: new Map(),
        }),
      );
    });

    app.post("/accedi", csrfCheck, async (req, reply) => {
      const lang = langOf(req);
      const values = formOf(req);
      let result: Awaited<ReturnType<typeof login.run>>;
      try {
        const creds = login.validateLogin(
          { fiscalCode: values.fiscalCode ?? "", pin: values.pin ?? "" },
          romeDate(ctx.clock.now()),
        );
        const previous = sessionToken(ctx, req);
        result = await login.run(ctx, { ...creds, userAgent: req.headers["user-agent"] ?? null });
        if (previous !== undefined) await endSession(ctx.db, ctx.sessions, previous);
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        const errors = new Map(err.fields.map((f) => [f.field, tField(lang, f.code)]));
        const msg = catalogues[lang].errors[err.code];
        if (err.code === "PIN_LOCKED") void reply.header("retry-after", "300");
        return html(
          reply,
          loginPage({
            lang,
            csrfToken: reply.generateCsrf(),
            fiscalCode: values.fiscalCode ?? "",
            errors,
            notice:
              err.code === "VALIDATION_FAILED"
                ? undefined
                : { title: msg.title, detail: msg.detail },
          }),
          err.status,
        );
      }
      setSessionCookie(ctx, reply, result.token);
      return reply.redirect(HOME_BY_STATE[result.state], 303);
    });

    app.post("/esci", csrfCheck, async (req, reply) => {
      const token = sessionToken(ctx, req);
      if (token !== undefined) await endSession(ctx.db, ctx.sessions, token);
      clearSessionCookie(ctx, reply);
      return reply.redirect("/", 303);
    });

    // --- Forced PIN change (first access, renewal) -------------------------------------------
    const pinChange = (mode: PinChangeMode) => {
      const state = mode === "activate" ? "pin_change_required" : "renewal_required";
      const path = mode === "activate" ? "/nuovo-pin" : "/rinnovo-pin";
      app.get(path, async (req, reply) => {
        const s = await currentSession(ctx, req);
        if (s === null) return reply.redirect("/accedi", 303);
        if (s.state !== state) return reply.redirect(HOME_BY_STATE[s.state], 303);
        return html(reply, pinChangePage(langOf(req), mode, reply.generateCsrf(), userOf(s)));
      });
      app.post(path, csrfCheck, async (req, reply) => {
        const s = await currentSession(ctx, req);
        if (s === null) return reply.redirect("/accedi", 303);
        // A resubmitted form right after the change is served a fresh PIN (see operating-pin.ts).
        if (s.state !== state && !isRepeatOfPinChange(s, ctx.clock.now())) {
          return reply.redirect(HOME_BY_STATE[s.state], 303);
        }
        const lang = langOf(req);
        const result = await replaceWithOperatingPin(ctx, s, mode);
        return html(
          reply,
          pinShownPage(lang, {
            pin: result.pin,
            expiresOn: civilDate(lang, romeDate(result.expiresAt)),
            csrfToken: reply.generateCsrf(),
            user: userOf(s),
          }),
        );
      });
    };
    pinChange("activate");
    pinChange("renew");

    // The printable PIN card: the citizen posts back the PIN just shown; it is checked against
    // the active hash, only within a short window after the change, and never stored.
    app.post("/pin/tessera.pdf", csrfCheck, async (req, reply) => {
      const s = await requireSession(ctx, req);
      const now = ctx.clock.now();
      if (s.pinCardUntil === null || s.pinCardUntil.getTime() < now.getTime())
        throw new AppError("NO_PIN_CHANGE_PENDING");
      const pin = normalizePinInput(formOf(req).pin ?? "");
      const cred = await activeCredential(ctx.db, s.fiscalCode);
      if (cred === null || !(await ctx.hasher.verify(cred.pinHash, pin))) {
        throw new AppError("VALIDATION_FAILED", { fields: [{ field: "pin", code: "invalid" }] });
      }
      const lang: Lang = langOf(req);
      const pdf = await renderPinCardPdf({
        lang,
        holderName: userOf(s).name,
        fiscalCode: s.fiscalCode,
        pin,
        level: cred.level,
        issuedOn: romeDate(cred.setAt),
        expiresOn: romeDate(pinExpiresAt(cred.setAt)),
      });
      return reply
        .type("application/pdf")
        .header("cache-control", "no-store")
        .header("content-disposition", 'attachment; filename="tessera-pin-inps.pdf"')
        .send(pdf);
    });

    // --- Personal area and consultation -------------------------------------------------------
    const authenticated = async (
      req: FastifyRequest,
      reply: FastifyReply,
    ): Promise<SessionRecord | null> => {
      const s = await currentSession(ctx, req);
      if (s === null) {
        await reply.redirect("/accedi", 303);
        return null;
      }
      if (s.state !== "authenticated") {
        await reply.redirect(HOME_BY_STATE[s.state], 303);
        return null;
      }
      return s;
    };

    app.get("/area-personale", async (req, reply) => {
      const s = await authenticated(req, reply);
      if (s === null) return reply;
      const lang = langOf(req);
      return html(
        reply,
        personalAreaPage(lang, {
          user: userOf(s),
          csrfToken: reply.generateCsrf(),
          level: s.level,
          expiresOn: civilDate(lang, romeDate(pinExpiresAt(s.credentialSetAt))),
        }),
      );
    });

    app.get("/estratto-conto", async (req, reply) => {
      const s = await authenticated(req, reply);
      if (s === null) return reply;
      const statement = await contributionStatement(ctx.db, s.fiscalCode);
      return html(
        reply,
        contributionsPage(langOf(req), {
          user: userOf(s),
          csrfToken: reply.generateCsrf(),
          statement,
        }),
      );
    });

    app.get("/cedolino", async (req, reply) => {
      const s = await authenticated(req, reply);
      if (s === null) return reply;
      const slips = await pensionSlips(ctx.db, s.fiscalCode);
      return html(
        reply,
        slipsPage(langOf(req), { user: userOf(s), csrfToken: reply.generateCsrf(), slips }),
      );
    });
  };
}

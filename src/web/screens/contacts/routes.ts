/**
 * /area-personale/contatti: the holder's contacts as pages (flows/contacts.ts). Without
 * JavaScript the re-authentication is a PIN field in the same form, shown while the PIN was not
 * typed within 5 minutes; the code is typed on its own page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Acting } from "../../../domain/actor.ts";
import { AppError } from "../../../domain/errors.ts";
import * as contacts from "../../../flows/contacts.ts";
import type { ContactKind, SessionRecord } from "../../../flows/ports.ts";
import { readCookie } from "../../../http/cookies.ts";
import { langOf } from "../../../http/lang.ts";
import { liveSessionOf, originOf } from "../../../http/request.ts";
import { t, type Lang } from "../../../i18n/index.ts";
import { dangerNotice, formFailure } from "../../form-failure.ts";
import { csrfFor, formOf, sendHtml, userOf, type FormValues } from "../../render.ts";
import type { ScreenDeps } from "../types.ts";
import { CODE_PATH, codePage, CONTACTS_PATH, contactsPage, REMOVE_PATH } from "./page.ts";

const kindOf = (v: unknown): ContactKind | null =>
  contacts.CONTACT_KINDS.find((k) => k === v) ?? null;

export function contactsScreens({ ctx, csrfCheck }: ScreenDeps) {
  const personal = { config: { journey: "personal" as const } };
  const post = { ...personal, preHandler: csrfCheck };
  const citizen = async (req: FastifyRequest) => {
    const { session } = await liveSessionOf(ctx, req);
    const by: Acting = {
      actor: { kind: "citizen", fiscalCode: session.fiscalCode },
      origin: originOf(req),
    };
    return { by, session };
  };
  const show = async (
    req: FastifyRequest,
    reply: FastifyReply,
    session: SessionRecord,
    v: {
      values?: FormValues;
      errors?: Map<string, string>;
      notice?: Parameters<typeof contactsPage>[0]["notice"];
    },
    status = 200,
  ) => {
    const lang = langOf(req);
    return sendHtml(
      reply,
      contactsPage({
        lang,
        user: userOf(session),
        csrfToken: csrfFor(ctx, req, reply),
        contacts: await contacts.contactsOf(ctx, session),
        needsPin: !contacts.pinIsFresh(session, ctx.clock.now()),
        values: v.values ?? {},
        errors: v.errors ?? new Map(),
        notice: v.notice,
      }),
      status,
    );
  };
  /** Types the PIN again first when the form carried it (and it was needed). */
  const withPin = async (
    req: FastifyRequest,
    c: Awaited<ReturnType<typeof citizen>>,
    values: FormValues,
  ): Promise<SessionRecord> => {
    if (contacts.pinIsFresh(c.session, ctx.clock.now())) return c.session;
    if ((values.pin ?? "") === "")
      throw new AppError("VALIDATION_FAILED", { fields: [{ field: "pin", code: "required" }] });
    const { pinAt } = await contacts.reauthenticate(ctx, {
      ...c,
      pin: values.pin,
      deviceCookie: readCookie(ctx, req, "device"),
    });
    return { ...c.session, pinAt };
  };
  const failed = (
    req: FastifyRequest,
    reply: FastifyReply,
    session: SessionRecord,
    lang: Lang,
    values: FormValues,
    err: unknown,
  ) => {
    const f = formFailure(err, lang, reply);
    const errors = f.errors;
    const notice = dangerNotice(f);
    return show(req, reply, session, { values, errors, notice }, f.status);
  };

  return async function contactPages(app: FastifyInstance): Promise<void> {
    app.get(CONTACTS_PATH, personal, async (req, reply) => {
      const { session } = await citizen(req);
      const changed = (req.query as { esito?: unknown }).esito;
      const lang = langOf(req);
      const notice =
        changed === "cambiato" || changed === "rimosso"
          ? {
              tone: "success" as const,
              title: t(lang, changed === "cambiato" ? "contacts.changed" : "contacts.removed"),
            }
          : undefined;
      return show(req, reply, session, { notice });
    });

    app.post(CONTACTS_PATH, post, async (req, reply) => {
      const c = await citizen(req);
      const values = formOf(req);
      const lang = langOf(req);
      try {
        const session = await withPin(req, c, values);
        await contacts.requestContactChange(ctx, {
          by: c.by,
          session,
          body: { kind: values.kind, value: values.value },
        });
      } catch (err) {
        return failed(req, reply, c.session, lang, { ...values, pin: "" }, err);
      }
      return reply.redirect(`${CODE_PATH}?tipo=${encodeURIComponent(values.kind ?? "")}`, 303);
    });

    app.get(CODE_PATH, personal, async (req, reply) => {
      const { session } = await citizen(req);
      const kind = kindOf((req.query as { tipo?: unknown }).tipo);
      if (kind === null) return reply.redirect(CONTACTS_PATH, 303);
      const lang = langOf(req);
      return sendHtml(
        reply,
        codePage({ lang, user: userOf(session), csrfToken: csrfFor(ctx, req, reply), kind }),
      );
    });

    app.post(CODE_PATH, post, async (req, reply) => {
      const c = await citizen(req);
      const values = formOf(req);
      const kind = kindOf(values.kind);
      const lang = langOf(req);
      if (kind === null) return reply.redirect(CONTACTS_PATH, 303);
      try {
        await contacts.confirmContactChange(ctx, {
          ...c,
          body: { kind, code: values.code },
        });
      } catch (err) {
        const f = formFailure(err, lang, reply);
        const error = f.errors.get("code") ?? f.notice?.detail;
        return sendHtml(
          reply,
          codePage({
            lang,
            user: userOf(c.session),
            csrfToken: csrfFor(ctx, req, reply),
            kind,
            error,
          }),
          f.status,
        );
      }
      return reply.redirect(`${CONTACTS_PATH}?esito=cambiato`, 303);
    });

    app.post(REMOVE_PATH, post, async (req, reply) => {
      const c = await citizen(req);
      const values = formOf(req);
      const lang = langOf(req);
      try {
        const session = await withPin(req, c, values);
        await contacts.removeContact(ctx, { by: c.by, session, kind: values.kind });
      } catch (err) {
        return failed(req, reply, c.session, lang, {}, err);
      }
      return reply.redirect(`${CONTACTS_PATH}?esito=rimosso`, 303);
    });
  };
}

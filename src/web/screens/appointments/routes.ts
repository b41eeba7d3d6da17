/**
 * /prenota-appuntamento: desk appointments for anyone (flows/appointments.ts) as pages, open in
 * every journey state (a holder logged in may book too; the booking stays anonymous). The
 * confirmation page is reached by a redirect with a short signed cookie, so a reload never
 * books twice; it is the only place besides the message where the booking code is shown.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../../domain/errors.ts";
import { findOffice } from "../../../domain/offices.ts";
import { BOOKING_HORIZON_DAYS, isAppointmentPurpose, isIsoDate } from "../../../domain/slots.ts";
import * as appointments from "../../../flows/appointments.ts";
import { cookieName, cookieOptions } from "../../../http/cookies.ts";
import { langOf } from "../../../http/lang.ts";
import { anonymousOf } from "../../../http/request.ts";
import { tField, type Lang } from "../../../i18n/index.ts";
import type { FieldErrors, Notice } from "../../components.ts";
import { dangerNotice, formFailure } from "../../form-failure.ts";
import { csrfFor, formOf, sendHtml, type FormValues } from "../../render.ts";
import type { ScreenDeps } from "../types.ts";
import { CANCEL_PATH, CANCELLED_PATH, cancelledPage, cancelPage } from "./cancel-page.ts";
import {
  BOOK_PATH,
  BOOKED_PATH,
  bookedPage,
  bookStartPage,
  DAYS_PATH,
  daysPage,
  SLOT_PATH,
  slotPage,
  type BookedView,
} from "./pages.ts";

const TEN_MINUTES = 600;

/** The query's single string values (a repeated or odd parameter is left out). */
function queryOf(req: FastifyRequest): FormValues {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.query as Record<string, unknown>))
    if (typeof v === "string") out[k] = v.slice(0, 100);
  return out;
}

export function appointmentScreens({ ctx, csrfCheck }: ScreenDeps) {
  const pub = { config: { journey: "public" as const } };
  const doneCookie = cookieName(ctx, "appointment");

  /** The step's office and purpose from the query, or null (the first step shows why). */
  const chosen = (values: FormValues) => {
    const office = findOffice(values.office ?? values.officeId);
    const purpose = values.purpose;
    return office === undefined || !isAppointmentPurpose(purpose) ? null : { office, purpose };
  };

  const slotForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    v: { values: FormValues; errors: FieldErrors; notice?: Notice | undefined },
    status = 200,
  ) => {
    const lang = langOf(req);
    const c = chosen(v.values);
    const day = v.values.day;
    if (c === null || !isIsoDate(day)) return reply.redirect(BOOK_PATH, 303);
    const free = await appointments.freeSlots(ctx, {
      officeId: c.office.id,
      purpose: c.purpose,
      from: day,
      to: day,
    });
    return sendHtml(
      reply,
      slotPage({
        lang,
        csrfToken: csrfFor(ctx, req, reply),
        ...c,
        day,
        slots: free.slots.map((s) => s.start),
        ...v,
      }),
      status,
    );
  };

  const setDone = (reply: FastifyReply, data: unknown) =>
    reply.setCookie(doneCookie, JSON.stringify(data), {
      ...cookieOptions(ctx, TEN_MINUTES),
      signed: true,
    });

  const readDone = (req: FastifyRequest): Record<string, unknown> | null => {
    const raw = req.cookies[doneCookie];
    const unsigned = raw === undefined ? null : req.unsignCookie(raw);
    if (unsigned?.valid !== true) return null;
    try {
      const v: unknown = JSON.parse(unsigned.value);
      return typeof v === "object" && v !== null ? (v as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  };

  return async function appointmentPages(app: FastifyInstance): Promise<void> {
    app.get(BOOK_PATH, pub, async (req, reply) =>
      sendHtml(
        reply,
        bookStartPage({ lang: langOf(req), values: queryOf(req), errors: new Map() }),
      ),
    );

    app.get(DAYS_PATH, pub, async (req, reply) => {
      const lang = langOf(req);
      const values = queryOf(req);
      const c = chosen(values);
      if (c === null) {
        const errors = new Map<string, string>();
        if (findOffice(values.office) === undefined)
          errors.set("office", tField(lang, "invalid_office"));
        if (!isAppointmentPurpose(values.purpose))
          errors.set("purpose", tField(lang, "invalid_option"));
        return sendHtml(reply, bookStartPage({ lang, values, errors }), 422);
      }
      const days = await appointments.freeDays(ctx, { officeId: c.office.id, purpose: c.purpose });
      return sendHtml(reply, daysPage({ lang, ...c, days, horizonDays: BOOKING_HORIZON_DAYS }));
    });

    app.get(SLOT_PATH, pub, async (req, reply) =>
      slotForm(req, reply, { values: queryOf(req), errors: new Map() }),
    );

    app.post(SLOT_PATH, { ...pub, preHandler: csrfCheck }, async (req, reply) => {
      const values = formOf(req);
      const lang = langOf(req);
      let booked: appointments.Booked;
      try {
        booked = await appointments.bookAppointment(ctx, {
          by: anonymousOf(req),
          body: { ...values, lang },
        });
      } catch (err) {
        const f = formFailure(err, lang, reply);
        return slotForm(
          req,
          reply,
          { values, errors: f.errors, notice: dangerNotice(f) },
          f.status,
        );
      }
      setDone(reply, booked satisfies BookedView);
      return reply.redirect(BOOKED_PATH, 303);
    });

    app.get(BOOKED_PATH, pub, async (req, reply) => {
      const v = readDone(req);
      const office = findOffice(v?.officeId);
      if (
        v === null ||
        office === undefined ||
        typeof v.bookingCode !== "string" ||
        typeof v.start !== "string" ||
        typeof v.sentTo !== "string" ||
        !isAppointmentPurpose(v.purpose)
      )
        return reply.redirect(BOOK_PATH, 303);
      const view: BookedView = {
        bookingCode: v.bookingCode,
        officeId: office.id,
        start: v.start,
        purpose: v.purpose,
        sentTo: v.sentTo,
      };
      return sendHtml(reply, bookedPage(langOf(req), office, view));
    });

    const cancelForm = (
      req: FastifyRequest,
      reply: FastifyReply,
      lang: Lang,
      v: { values: FormValues; errors: FieldErrors; notice?: Notice | undefined },
      status = 200,
    ) => sendHtml(reply, cancelPage({ lang, csrfToken: csrfFor(ctx, req, reply), ...v }), status);

    app.get(CANCEL_PATH, pub, async (req, reply) =>
      cancelForm(req, reply, langOf(req), { values: {}, errors: new Map() }),
    );

    app.post(CANCEL_PATH, { ...pub, preHandler: csrfCheck }, async (req, reply) => {
      const values = formOf(req);
      const lang = langOf(req);
      try {
        const done = await appointments.cancelAppointment(ctx, {
          by: anonymousOf(req),
          code: values.code,
        });
        setDone(reply, done);
        return await reply.redirect(CANCELLED_PATH, 303);
      } catch (err) {
        if (err instanceof AppError && err.code === "NOT_FOUND") {
          const errors = new Map([["code", tField(lang, "booking_code_unknown")]]);
          return cancelForm(req, reply, lang, { values, errors }, 404);
        }
        const f = formFailure(err, lang, reply);
        return cancelForm(
          req,
          reply,
          lang,
          { values, errors: f.errors, notice: dangerNotice(f) },
          f.status,
        );
      }
    });

    app.get(CANCELLED_PATH, pub, async (req, reply) => {
      const v = readDone(req);
      const office = findOffice(v?.officeId);
      const start = typeof v?.start === "string" ? new Date(v.start) : null;
      if (office === undefined || start === null || Number.isNaN(start.getTime()))
        return reply.redirect(CANCEL_PATH, 303);
      return sendHtml(reply, cancelledPage(langOf(req), office, start));
    });
  };
}

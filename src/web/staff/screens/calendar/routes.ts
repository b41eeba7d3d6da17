/**
 * /operatori/calendario: the clerks' calendar (flows/appointments-calendar.ts) as a page for
 * office clerks (their own office) and supervisors (any office, chosen in the form). Marking
 * attendance posts a form and comes back to the same day (303).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { romeDate } from "../../../../domain/eligibility.ts";
import { AppError } from "../../../../domain/errors.ts";
import { findOffice } from "../../../../domain/offices.ts";
import { isIsoDate } from "../../../../domain/slots.ts";
import {
  calendarOffice,
  markAttendance,
  officeCalendar,
} from "../../../../flows/appointments-calendar.ts";
import { CALENDAR_ROLES } from "../../../../http/api/staff/calendar.ts";
import { langOf } from "../../../../http/lang.ts";
import { staffOf } from "../../../../http/staff-request.ts";
import { t, tField } from "../../../../i18n/index.ts";
import type { Notice } from "../../../components.ts";
import { dangerNotice, formFailure } from "../../../form-failure.ts";
import { csrfFor, formOf, sendHtml } from "../../../render.ts";
import type { ScreenDeps } from "../../../screens/types.ts";
import { CALENDAR_PATH, calendarPage } from "./page.ts";

export function staffCalendarScreens({ ctx, csrfCheck }: ScreenDeps) {
  const roles = { config: { staff: CALENDAR_ROLES } };

  async function show(
    req: FastifyRequest,
    reply: FastifyReply,
    q: { officeId?: string | undefined; date?: string | undefined; notice?: Notice | undefined },
    status = 200,
  ) {
    const lang = langOf(req);
    const { by, member } = await staffOf(ctx, req);
    const today = romeDate(ctx.clock.now());
    const date = q.date === undefined || q.date === "" ? today : q.date;
    const base = { lang, member, csrfToken: csrfFor(ctx, req, reply), notice: q.notice };
    const noOffice = member.role === "supervisor" && (q.officeId ?? "") === "";
    if (!isIsoDate(date) || noOffice) {
      const office = noOffice ? null : calendarOffice(member, q.officeId);
      const dateError = isIsoDate(date) ? undefined : tField(lang, "invalid_date");
      const page = calendarPage({
        ...base,
        office,
        date: isIsoDate(date) ? date : today,
        items: null,
        dateError,
      });
      return sendHtml(reply, page, dateError === undefined ? status : 422);
    }
    const cal = await officeCalendar(ctx, { by, member, officeId: q.officeId, date });
    const office = findOffice(cal.officeId) ?? null;
    return sendHtml(
      reply,
      calendarPage({ ...base, office, date, items: cal.appointments }),
      status,
    );
  }

  return async function staffCalendar(app: FastifyInstance): Promise<void> {
    app.get(CALENDAR_PATH, roles, async (req, reply) => {
      const raw = req.query as Record<string, unknown>;
      const str = (v: unknown) => (typeof v === "string" ? v.slice(0, 100) : undefined);
      const q = { officeId: str(raw.officeId), date: str(raw.date), segnato: str(raw.segnato) };
      const lang = langOf(req);
      const notice: Notice | undefined =
        q.segnato === "1"
          ? { tone: "success", title: t(lang, "appointments.calendar.marked") }
          : undefined;
      return show(req, reply, { officeId: q.officeId, date: q.date, notice });
    });

    app.post(
      `${CALENDAR_PATH}/:appointmentId/presenza`,
      { ...roles, preHandler: csrfCheck },
      async (req, reply) => {
        const { by, member } = await staffOf(ctx, req);
        const form = formOf(req);
        const attended = form.attended === "true" ? true : form.attended === "false" ? false : null;
        try {
          await markAttendance(ctx, {
            by,
            member,
            appointmentId: (req.params as { appointmentId: string }).appointmentId,
            attended,
          });
        } catch (err) {
          if (err instanceof AppError && err.code === "NOT_FOUND") throw err;
          const f = formFailure(err, langOf(req), reply);
          const detail = [...f.errors.values()].join(" ");
          const notice = dangerNotice(f) ?? { tone: "danger" as const, title: detail };
          return show(req, reply, { officeId: form.officeId, date: form.date, notice }, f.status);
        }
        const back = new URLSearchParams({
          ...(form.officeId ? { officeId: form.officeId } : {}),
          ...(form.date ? { date: form.date } : {}),
          segnato: "1",
        });
        return reply.redirect(`${CALENDAR_PATH}?${back.toString()}`, 303);
      },
    );
  };
}

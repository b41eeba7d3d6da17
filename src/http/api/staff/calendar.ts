/**
 * GET /staff/calendar?officeId=&date= and POST /staff/calendar/{appointmentId}/attendance: an
 * office's appointments of a day for its clerks (their own office only) and supervisors.
 */
import type { FastifyInstance } from "fastify";
import type { StaffRole } from "../../../domain/staff.ts";
import { APPOINTMENT_PURPOSES } from "../../../domain/slots.ts";
import { markAttendance, officeCalendar } from "../../../flows/appointments-calendar.ts";
import type { AppContext } from "../../context.ts";
import { staffOf } from "../../staff-request.ts";
import { json, problem } from "../docs.ts";

/** Who may use the calendar (the pages declare the same). */
export const CALENDAR_ROLES: readonly StaffRole[] = ["office_clerk", "supervisor"];

const appointment = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    start: { type: "string", example: "2026-03-04T07:30:00Z" },
    desk: { type: "integer" },
    purpose: { type: "string", enum: [...APPOINTMENT_PURPOSES] },
    name: { type: "string" },
    fiscalCode: { type: ["string", "null"], description: "masked" },
    status: { type: "string", enum: ["booked", "attended", "no_show"] },
  },
};

const guarded = { 401: problem, 403: problem, 404: problem, 422: problem };

export function staffCalendarRoutes(ctx: AppContext) {
  return async function staffCalendar(app: FastifyInstance): Promise<void> {
    app.get(
      "/staff/calendar",
      {
        config: { staff: CALENDAR_ROLES },
        schema: {
          tags: ["staff"],
          summary: "An office's appointments of a day (the reading is audited)",
          description:
            "A clerk sees only their own office (`officeId` defaults to it; another office answers 404 like an unknown one); a supervisor names the office. `date` defaults to today (Rome).",
          querystring: {
            type: "object",
            properties: { officeId: { type: "string" }, date: { type: "string", format: "date" } },
          },
          response: {
            200: json(
              {
                type: "object",
                properties: {
                  officeId: { type: "string" },
                  date: { type: "string", format: "date" },
                  appointments: { type: "array", items: appointment },
                },
              },
              "The day's appointments in order of time and desk",
            ),
            ...guarded,
          },
        },
      },
      async (req) => {
        const { by, member } = await staffOf(ctx, req);
        const q = req.query as { officeId?: unknown; date?: unknown };
        return officeCalendar(ctx, { by, member, officeId: q.officeId, date: q.date });
      },
    );

    app.post(
      "/staff/calendar/:appointmentId/attendance",
      {
        config: { staff: CALENDAR_ROLES },
        schema: {
          tags: ["staff"],
          summary: "Mark an appointment attended or not (audited, the person as subject)",
          params: { type: "object", properties: { appointmentId: { type: "string" } } },
          body: {
            type: "object",
            required: ["attended"],
            properties: { attended: { type: "boolean" } },
          },
          response: { 200: json(appointment, "The appointment as marked"), ...guarded },
        },
      },
      async (req) => {
        const { by, member } = await staffOf(ctx, req);
        const body = (req.body ?? {}) as { attended?: unknown };
        return markAttendance(ctx, {
          by,
          member,
          appointmentId: (req.params as { appointmentId: string }).appointmentId,
          attended: body.attended,
        });
      },
    );
  };
}

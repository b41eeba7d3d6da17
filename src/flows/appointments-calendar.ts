/**
 * The clerks' calendar of an office (issue 7): the appointments of a day with purpose and name,
 * and their attendance (attended / did not attend). An office clerk sees only their own office:
 * another office answers NOT_FOUND, like an office that does not exist (STAFF_FORBIDDEN is the
 * role guard's); a supervisor may see any office. Reading is audited (once for the reading, and
 * once per person who gave a fiscal code, as its subject: they see it in their activity);
 * marking attendance is audited with the person as subject.
 */
import type { Acting } from "../domain/actor.ts";
import { romeDate } from "../domain/eligibility.ts";
import { AppError } from "../domain/errors.ts";
import { maskFiscalCode } from "../domain/mask.ts";
import { findOffice, type Office } from "../domain/offices.ts";
import { isIsoDate, slotId, type AppointmentPurpose } from "../domain/slots.ts";
import type { StaffMember } from "../domain/staff.ts";
import type { BaseDeps } from "./deps.ts";
import type { AppointmentStatus, CalendarEntry } from "./ports-appointments.ts";

/** The office a member may see: their own for a clerk, any for a supervisor. */
export function calendarOffice(member: StaffMember, officeId: unknown): Office {
  const wanted = officeId === undefined || officeId === "" ? member.officeId : officeId;
  if (wanted === null)
    throw new AppError("VALIDATION_FAILED", {
      fields: [{ field: "officeId", code: "invalid_office" }],
    });
  const office = findOffice(wanted);
  if (office === undefined) throw new AppError("NOT_FOUND");
  if (member.role !== "supervisor" && office.id !== member.officeId)
    throw new AppError("NOT_FOUND");
  return office;
}

export interface CalendarItem {
  id: string;
  start: string;
  desk: number;
  purpose: AppointmentPurpose;
  name: string;
  /** Masked: the clerk checks the person's own document at the desk. */
  fiscalCode: string | null;
  status: Exclude<AppointmentStatus, "cancelled">;
}

export interface Calendar {
  officeId: string;
  date: string;
  appointments: CalendarItem[];
}

const item = (e: CalendarEntry): CalendarItem => ({
  id: e.id,
  start: slotId(e.start),
  desk: e.desk,
  purpose: e.purpose,
  name: e.name,
  fiscalCode: e.fiscalCode === null ? null : maskFiscalCode(e.fiscalCode),
  status: e.status === "cancelled" ? "booked" : e.status,
});

export async function officeCalendar(
  deps: BaseDeps,
  req: { by: Acting; member: StaffMember; officeId: unknown; date: unknown },
): Promise<Calendar> {
  const office = calendarOffice(req.member, req.officeId);
  const date = req.date === undefined || req.date === "" ? romeDate(deps.clock.now()) : req.date;
  if (!isIsoDate(date))
    throw new AppError("VALIDATION_FAILED", { fields: [{ field: "date", code: "invalid_date" }] });
  return deps.uow.run(async (r) => {
    const entries = await r.appointments.ofDay(office.id, date);
    const details = { officeId: office.id, date, count: entries.length };
    const acting = { outcome: "success" as const, actor: req.by.actor, origin: req.by.origin };
    r.audit.record({ type: "appointment.calendar_read", ...acting, details });
    for (const fc of new Set(entries.map((e) => e.fiscalCode)))
      if (fc !== null)
        r.audit.record({ type: "appointment.calendar_read", ...acting, subject: fc, details });
    return { officeId: office.id, date, appointments: entries.map(item) };
  });
}

/** Records attendance; NOT_FOUND for an unknown or cancelled appointment or another office's. */
export async function markAttendance(
  deps: BaseDeps,
  req: { by: Acting; member: StaffMember; appointmentId: unknown; attended: unknown },
): Promise<CalendarItem> {
  if (typeof req.attended !== "boolean")
    throw new AppError("VALIDATION_FAILED", {
      fields: [{ field: "attended", code: "invalid_option" }],
    });
  const attended = req.attended;
  const id = typeof req.appointmentId === "string" ? req.appointmentId : "";
  const now = deps.clock.now();
  const staffId = req.by.actor.kind === "staff" ? req.by.actor.id : req.member.id;
  return deps.uow.run(async (r) => {
    const found = await r.appointments.find(id);
    if (found === null || found.status === "cancelled") throw new AppError("NOT_FOUND");
    calendarOffice(req.member, found.officeId);
    // Attendance is a fact of the day: not before the appointment's day.
    if (romeDate(found.start) > romeDate(now))
      throw new AppError("VALIDATION_FAILED", {
        fields: [{ field: "attended", code: "attendance_not_yet" }],
      });
    const marked = await r.appointments.markAttendance(id, attended, staffId, now);
    if (marked === null) throw new AppError("NOT_FOUND");
    r.audit.record({
      type: "appointment.attendance_marked",
      outcome: "success",
      actor: req.by.actor,
      origin: req.by.origin,
      subject: marked.fiscalCode ?? undefined,
      details: {
        appointmentId: id,
        officeId: marked.officeId,
        attendance: attended ? "attended" : "no_show",
      },
    });
    return item(marked);
  });
}

/**
 * The reminder the day before a desk appointment, enqueued by housekeeping (the worker): from
 * 08:00 Rome time, each booked appointment of the next Rome day not yet reminded is marked and
 * its reminder enqueued in one transaction — marked once, by one statement, so concurrent
 * housekeeping runs (several workers) never send it twice.
 */
import { randomUUID } from "node:crypto";
import { systemActor } from "../domain/actor.ts";
import { romeDate } from "../domain/eligibility.ts";
import { addDays, romeWallClock } from "../domain/slots.ts";
import { appointmentMessage } from "./appointment-notice.ts";
import type { BaseDeps } from "./deps.ts";

/** Reminders are not sent at night: from this Rome hour on. */
export const REMINDER_FROM_HOUR = 8;

export async function enqueueAppointmentReminders(
  deps: BaseDeps & { newId?: (() => string) | undefined },
  now: Date,
): Promise<number> {
  if (Number(romeWallClock(now).slice(11, 13)) < REMINDER_FROM_HOUR) return 0;
  const tomorrow = addDays(romeDate(now), 1);
  const newId = deps.newId ?? randomUUID;
  return deps.uow.run(async (r) => {
    const due = await r.appointments.takeReminders(tomorrow, now);
    for (const a of due) {
      await r.outbox.enqueue(appointmentMessage(newId(), "appointment_reminder", a), now);
      r.audit.record({
        type: "appointment.reminded",
        outcome: "success",
        ...systemActor("housekeeping"),
        subject: a.fiscalCode ?? undefined,
        details: { appointmentId: a.id, channel: a.channel },
      });
    }
    return due.length;
  });
}

/**
 * The message telling a person about their appointment after booking (the reminder the day
 * before, the cancellation): the same facts from the appointment's row, to the contact given
 * at booking. The booking confirmation differs: it carries the booking code, sealed.
 */
import type { OutgoingMessage } from "../notifications/registry.ts";
import type { AppointmentNotice } from "./ports-appointments.ts";

type NoticeKind = "appointment_reminder" | "appointment_cancelled";

export function appointmentMessage(
  id: string,
  kind: NoticeKind,
  a: AppointmentNotice,
): OutgoingMessage<NoticeKind> {
  return {
    id,
    kind,
    channel: a.channel,
    recipient: a.recipient,
    payload: {
      lang: a.lang,
      officeId: a.officeId,
      start: a.start.toISOString(),
      purpose: a.purpose,
    },
  };
}

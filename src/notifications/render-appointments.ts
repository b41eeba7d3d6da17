/** The texts of the desk-appointment messages (booked, reminder, cancelled), SMS or e-mail. */
import { romeDate } from "../domain/eligibility.ts";
import { findOffice } from "../domain/offices.ts";
import type { AppointmentPurpose } from "../domain/slots.ts";
import { catalogues, t, type Lang } from "../i18n/index.ts";
import { civilDate, romeTime } from "../i18n/format.ts";
import type { Channel } from "./channel-kind.ts";
import { emailHtml } from "./email-html.ts";

export interface AppointmentMessage {
  lang: Lang;
  officeId: string;
  start: string;
  purpose: AppointmentPurpose;
}

export function renderAppointment(
  kind: "appointment_booked" | "appointment_reminder" | "appointment_cancelled",
  channel: Channel,
  p: AppointmentMessage,
  secret: string | undefined,
): { subject?: string; text: string; html?: string } {
  const office = findOffice(p.officeId);
  if (office === undefined) throw new Error(`unknown office ${p.officeId}`);
  const at = new Date(p.start);
  const vars = {
    date: civilDate(p.lang, romeDate(at)),
    time: romeTime(p.lang, at),
    office: office.name[p.lang],
    address: office.address,
    purpose: t(p.lang, `appointments.purposes.${p.purpose}`),
  };
  const m = "appointments.messages";
  let subject: string;
  let paragraphs: string[];
  if (kind === "appointment_booked") {
    if (secret === undefined) throw new Error("message secret missing (already erased?)");
    if (channel === "sms") return { text: t(p.lang, `${m}.bookedSms`, { ...vars, code: secret }) };
    subject = t(p.lang, `${m}.bookedSubject`);
    paragraphs = [
      t(p.lang, `${m}.booked`, vars),
      `${t(p.lang, `${m}.bookedCode`)}\n\n    ${secret}`,
      t(p.lang, `appointments.purposeHints.${p.purpose}`),
      t(p.lang, `${m}.bookedCancel`),
      t(p.lang, `${m}.notYou`),
    ];
  } else if (kind === "appointment_reminder") {
    if (channel === "sms") return { text: t(p.lang, `${m}.reminderSms`, vars) };
    subject = t(p.lang, `${m}.reminderSubject`);
    paragraphs = [
      t(p.lang, `${m}.reminder`, vars),
      t(p.lang, `appointments.purposeHints.${p.purpose}`),
      t(p.lang, `${m}.reminderCancel`),
    ];
  } else {
    if (channel === "sms") return { text: t(p.lang, `${m}.cancelledSms`, vars) };
    subject = t(p.lang, `${m}.cancelledSubject`);
    paragraphs = [t(p.lang, `${m}.cancelled`, vars), t(p.lang, `${m}.cancelledNotYou`)];
  }
  const c = catalogues[p.lang].messages;
  const greeting = t(p.lang, "messages.greetingNeutral");
  return {
    subject,
    text: [greeting, "", ...paragraphs.flatMap((x) => [x, ""]), c.contactCentre].join("\n"),
    html: emailHtml(p.lang, subject, [greeting, ...paragraphs, c.contactCentre]),
  };
}

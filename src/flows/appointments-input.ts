/**
 * The shape of a booking, shared by the API and the form: an office, a purpose, a slot start
 * that is exactly a bookable slot of that office, a name, an optional fiscal code, and a
 * mobile or an e-mail for the confirmation. Reads no database.
 */
import { z } from "zod";
import type { FieldError } from "../domain/errors.ts";
import { romeDate } from "../domain/eligibility.ts";
import { findOffice, type Office } from "../domain/offices.ts";
import { normalizeMobile } from "../domain/phone.ts";
import {
  isAppointmentPurpose,
  isBookableSlot,
  parseSlotStart,
  type AppointmentPurpose,
} from "../domain/slots.ts";
import { isLang, type Lang } from "../i18n/index.ts";
import { bodyObject, fiscalCodeField, textOf, throwIfInvalid } from "./fields.ts";

export interface BookingInput {
  office: Office;
  start: Date;
  purpose: AppointmentPurpose;
  name: string;
  fiscalCode: string | null;
  /** The e-mail when given, else the mobile (E.164). */
  channel: "sms" | "email";
  recipient: string;
  lang: Lang;
}

const emailSchema = z.string().max(254).pipe(z.email());

export function validateBooking(raw: unknown, now: Date): BookingInput {
  const body = bodyObject(raw);
  const fields: FieldError[] = [];
  const office = findOffice(body.officeId);
  if (office === undefined) fields.push({ field: "officeId", code: "invalid_office" });
  const purpose = body.purpose;
  if (!isAppointmentPurpose(purpose)) fields.push({ field: "purpose", code: "invalid_option" });
  const start = parseSlotStart(body.start);
  if (office !== undefined && (start === null || !isBookableSlot(office, start, now)))
    fields.push({ field: "start", code: "slot_unavailable" });
  const name = textOf(body.name, 200);
  if (name === "") fields.push({ field: "name", code: "required" });
  else if (name.length > 100) fields.push({ field: "name", code: "too_long" });
  else if (/[\p{Cc}\p{Cs}<>]/u.test(name)) fields.push({ field: "name", code: "invalid_name" });
  const fcText = textOf(body.fiscalCode, 40);
  const fiscalCode = fcText === "" ? null : fiscalCodeField(fcText, romeDate(now), fields);
  let mobile: string | undefined;
  let email: string | undefined;
  const mobileText = textOf(body.mobile);
  if (mobileText !== "") {
    const phone = normalizeMobile(mobileText);
    if (phone.ok) mobile = phone.e164;
    else
      fields.push({
        field: "mobile",
        code: phone.error === "not_mobile" ? "not_mobile" : "invalid_phone",
      });
  }
  const emailText = textOf(body.email).toLowerCase();
  if (emailText !== "") {
    if (emailSchema.safeParse(emailText).success) email = emailText;
    else fields.push({ field: "email", code: "invalid_email" });
  }
  if (mobileText === "" && emailText === "")
    fields.push({ field: "contact", code: "contact_required" });
  throwIfInvalid(fields);
  if (office === undefined || start === null || !isAppointmentPurpose(purpose))
    throw new Error("validated booking without office, start or purpose");
  const to =
    email !== undefined
      ? { channel: "email" as const, recipient: email }
      : { channel: "sms" as const, recipient: mobile ?? "" };
  return {
    office,
    start,
    purpose,
    name,
    fiscalCode,
    ...to,
    lang: isLang(body.lang) ? body.lang : "it",
  };
}

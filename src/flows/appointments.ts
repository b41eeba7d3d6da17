/**
 * Desk appointments for the public (issue 7; SPEC.md "Appointments"): anyone, without
 * credentials, lists the offices and their free slots, books one and cancels it with its
 * booking code.
 *
 *   book ──over a limit (source address, then the contact given)──▶ 429
 *        ──a malformed body, or a start that is not exactly a bookable slot──▶ 422
 *        ──every desk of the slot taken (the database decides between concurrent bookings)──▶ 409
 *        └──a desk taken──▶ 201 {bookingCode}; the code by SMS or e-mail (sealed in the outbox);
 *              audited (anonymous actor; the fiscal code, when given, as the subject)
 *   cancel ──over the limit per source address──▶ 429
 *          ──a code that is malformed, unknown, already cancelled or of a past appointment──▶
 *          │    the same 404 (audited)
 *          └──the appointment cancelled, its desk free again; the contact told──▶ 204
 *
 * The booking code (80 bits, Crockford base32) is shown once on the confirmation and sent
 * once; only its keyed hash is stored, so nobody who reads the database can cancel for others.
 */
import type { Acting } from "../domain/actor.ts";
import { newBookingCode, normalizeBookingCode } from "../domain/booking-code.ts";
import { destinationKey } from "../domain/contact-key.ts";
import { romeDate } from "../domain/eligibility.ts";
import { AppError } from "../domain/errors.ts";
import { maskContact } from "../domain/mask.ts";
import { findOffice, OFFICES, type Office } from "../domain/offices.ts";
import {
  addDays,
  bookableSlots,
  daysBetween,
  isAppointmentPurpose,
  isIsoDate,
  lastBookableDate,
  MAX_RANGE_DAYS,
  slotId,
  type AppointmentPurpose,
} from "../domain/slots.ts";
import { hmacHex } from "../security/crypto.ts";
import { appointmentMessage } from "./appointment-notice.ts";
import { validateBooking } from "./appointments-input.ts";
import type { LimitsDeps } from "./deps.ts";
import { enforceLimit } from "./rate-limit.ts";

export type AppointmentDeps = LimitsDeps & {
  randomBytes: (n: number) => Uint8Array;
  newId: () => string;
};

/** The keyed hash a booking code is stored as (the links' key, its own domain). */
export const bookingCodeHash = (deps: LimitsDeps, canonical: string): string =>
  hmacHex(deps.keys.links, `appointment:${canonical}`);

export interface OfficeView {
  id: string;
  name: { it: string; en: string };
  address: string;
  city: string;
  desks: number;
  slotMinutes: number;
  hours: Office["hours"];
}

export function listOffices(): OfficeView[] {
  return OFFICES.map((o) => ({
    id: o.id,
    name: o.name,
    address: o.address,
    city: o.city,
    desks: o.desks,
    slotMinutes: o.slotMinutes,
    hours: o.hours,
  }));
}

export interface FreeSlot {
  /** The slot's start, an ISO instant in UTC: what a booking sends back. */
  start: string;
  /** Desks still free. */
  available: number;
}

export interface SlotsAnswer {
  officeId: string;
  purpose: AppointmentPurpose;
  from: string;
  to: string;
  slots: FreeSlot[];
}

/**
 * The free slots of an office between two dates (default: today and the next 13 days; at
 * most 31 days, never beyond the booking horizon). NOT_FOUND for an unknown office.
 */
export async function freeSlots(
  deps: Pick<AppointmentDeps, "uow" | "clock">,
  q: { officeId: unknown; purpose: unknown; from?: unknown; to?: unknown },
): Promise<SlotsAnswer> {
  const office = findOffice(q.officeId);
  if (office === undefined) throw new AppError("NOT_FOUND");
  const now = deps.clock.now();
  const today = romeDate(now);
  const fields: { field: string; code: string }[] = [];
  const purpose = q.purpose === undefined || q.purpose === "" ? "other" : q.purpose;
  if (!isAppointmentPurpose(purpose)) fields.push({ field: "purpose", code: "invalid_option" });
  const from = q.from === undefined || q.from === "" ? today : q.from;
  if (!isIsoDate(from)) fields.push({ field: "from", code: "invalid_date" });
  const defaultTo = isIsoDate(from) ? addDays(from, 13) : from;
  const to = q.to === undefined || q.to === "" ? defaultTo : q.to;
  if (!isIsoDate(to)) fields.push({ field: "to", code: "invalid_date" });
  else if (isIsoDate(from)) {
    const span = daysBetween(from, to);
    if (span < 0 || span >= MAX_RANGE_DAYS) fields.push({ field: "to", code: "date_range" });
  }
  if (fields.length > 0 || !isIsoDate(from) || !isIsoDate(to) || !isAppointmentPurpose(purpose))
    throw new AppError("VALIDATION_FAILED", { fields });
  const last = lastBookableDate(now);
  const starts = bookableSlots(office, from, to, now);
  const booked =
    starts.length === 0
      ? new Map<number, number>()
      : await deps.uow.direct.appointments.bookedCounts(
          office.id,
          from < today ? today : from,
          to > last ? last : to,
        );
  const slots = starts
    .map((s) => ({ start: slotId(s), available: office.desks - (booked.get(s.getTime()) ?? 0) }))
    .filter((s) => s.available > 0);
  return { officeId: office.id, purpose, from, to, slots };
}

export interface Booked {
  bookingCode: string;
  officeId: string;
  start: string;
  purpose: AppointmentPurpose;
  /** Where the confirmation went, masked. */
  sentTo: string;
}

export async function bookAppointment(
  deps: AppointmentDeps,
  req: { by: Acting; body: unknown },
): Promise<Booked> {
  await enforceLimit(deps, req.by, "appointment_source", req.by.origin.ip);
  const now = deps.clock.now();
  const input = validateBooking(req.body, now);
  await enforceLimit(deps, req.by, "appointment_destination", destinationKey(input.recipient));
  const code = newBookingCode(deps.randomBytes);
  const canonical = normalizeBookingCode(code);
  if (canonical === null) throw new Error("a new booking code that does not read back");
  const id = deps.newId();
  const start = slotId(input.start);
  const booked = await deps.uow.run(async (r) => {
    const taken = await r.appointments.book(
      {
        id,
        codeHash: bookingCodeHash(deps, canonical),
        officeId: input.office.id,
        start: input.start,
        day: romeDate(input.start),
        purpose: input.purpose,
        name: input.name,
        fiscalCode: input.fiscalCode,
        channel: input.channel,
        recipient: input.recipient,
        lang: input.lang,
        createdAt: now,
      },
      input.office.desks,
    );
    if (!taken) return false;
    const payload = {
      lang: input.lang,
      officeId: input.office.id,
      start: input.start.toISOString(),
      purpose: input.purpose,
    };
    await r.outbox.enqueue(
      {
        id: deps.newId(),
        kind: "appointment_booked",
        channel: input.channel,
        recipient: input.recipient,
        payload,
        secret: code,
      },
      now,
    );
    r.audit.record({
      type: "appointment.booked",
      outcome: "success",
      actor: req.by.actor,
      origin: req.by.origin,
      subject: input.fiscalCode ?? undefined,
      details: { appointmentId: id, officeId: input.office.id, start, purpose: input.purpose },
    });
    return true;
  });
  if (!booked) throw new AppError("APPOINTMENT_SLOT_FULL");
  return {
    bookingCode: code,
    officeId: input.office.id,
    start,
    purpose: input.purpose,
    sentTo: maskContact(input.recipient),
  };
}

export interface Cancelled {
  officeId: string;
  start: string;
}

/** Cancels with the booking code; a wrong code of any kind is the same NOT_FOUND. */
export async function cancelAppointment(
  deps: AppointmentDeps,
  req: { by: Acting; code: unknown },
): Promise<Cancelled> {
  await enforceLimit(deps, req.by, "appointment_cancel_source", req.by.origin.ip);
  const canonical = normalizeBookingCode(req.code);
  const now = deps.clock.now();
  const done = await deps.uow.run(async (r) => {
    const a =
      canonical === null
        ? null
        : await r.appointments.cancel(bookingCodeHash(deps, canonical), now);
    if (a === null) {
      r.audit.record({
        type: "appointment.cancel_refused",
        outcome: "refused",
        actor: req.by.actor,
        origin: req.by.origin,
        details: { reason: "unknown_code" },
      });
      return null;
    }
    await r.outbox.enqueue(appointmentMessage(deps.newId(), "appointment_cancelled", a), now);
    r.audit.record({
      type: "appointment.cancelled",
      outcome: "success",
      actor: req.by.actor,
      origin: req.by.origin,
      subject: a.fiscalCode ?? undefined,
      details: { appointmentId: a.id, officeId: a.officeId, start: slotId(a.start) },
    });
    return { officeId: a.officeId, start: slotId(a.start) };
  });
  if (done === null) throw new AppError("NOT_FOUND");
  return done;
}

/** The days with free slots up to the booking horizon, with how many slots are free. */
export async function freeDays(
  deps: Pick<AppointmentDeps, "uow" | "clock">,
  q: { officeId: unknown; purpose: unknown },
): Promise<{ day: string; free: number }[]> {
  const now = deps.clock.now();
  const last = lastBookableDate(now);
  const days = new Map<string, number>();
  for (let from = romeDate(now); from <= last; from = addDays(from, MAX_RANGE_DAYS)) {
    const end = addDays(from, MAX_RANGE_DAYS - 1);
    const answer = await freeSlots(deps, { ...q, from, to: end > last ? last : end });
    for (const s of answer.slots) {
      const day = romeDate(new Date(s.start));
      days.set(day, (days.get(day) ?? 0) + 1);
    }
  }
  return [...days].map(([day, free]) => ({ day, free }));
}

/**
 * Appointment slots at an office desk (issue 7), computed from the office's data (offices.ts):
 * its opening spans in Europe/Rome wall-clock time cut into `slotMinutes` pieces, nothing on
 * national or local holidays or closed weekdays, nothing already started, nothing beyond the
 * booking horizon. A slot is identified on the wire by its start instant (UTC, `Z`); each slot
 * holds at most `desks` appointments (the database enforces it). Pure: the caller gives `now`.
 */
import { romeDate } from "./eligibility.ts";
import { nextDate } from "./italian-holidays.ts";
import { openingSpans, type Office } from "./offices.ts";
import { romeInstantOrNull, romeWallClock as romeClock } from "./rome-time.ts";

export const APPOINTMENT_PURPOSES = ["mv35", "conversion", "delegation", "other"] as const;
export type AppointmentPurpose = (typeof APPOINTMENT_PURPOSES)[number];

export function isAppointmentPurpose(v: unknown): v is AppointmentPurpose {
  return typeof v === "string" && (APPOINTMENT_PURPOSES as readonly string[]).includes(v);
}

/** How far ahead a slot may be booked (days after today, Rome). */
export const BOOKING_HORIZON_DAYS = 60;
/** The longest range of days one slots request may ask for. */
export const MAX_RANGE_DAYS = 31;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;

/** Whether a string is a real calendar date "YYYY-MM-DD". */
export function isIsoDate(v: unknown): v is string {
  if (typeof v !== "string" || !ISO_DATE.test(v)) return false;
  const d = new Date(`${v}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** A date moved by `days` (may be negative). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T12:00:00Z`) - Date.parse(`${a}T12:00:00Z`)) / 86_400_000);
}

/** The Rome wall-clock "YYYY-MM-DD HH:MM" of an instant. */
export function romeWallClock(instant: Date): string {
  const { date, time } = romeClock(instant);
  return `${date} ${time}`;
}

/**
 * The instant of a Rome wall-clock time (minutes after midnight) on a date, or null when that
 * time does not exist (the hour skipped when summer time starts). An hour that happens twice
 * (autumn) gives the first.
 */
export function romeInstant(date: string, minutes: number): Date | null {
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  return romeInstantOrNull(date, `${hh}:${mm}`);
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/** Every slot start of the office on a date (Rome), whatever is booked or past. */
export function daySlots(office: Office, date: string): Date[] {
  const out: Date[] = [];
  for (const [from, to] of openingSpans(office, date)) {
    const end = minutesOf(to);
    for (let m = minutesOf(from); m + office.slotMinutes <= end; m += office.slotMinutes) {
      const at = romeInstant(date, m);
      if (at !== null) out.push(at);
    }
  }
  return out;
}

/** The last date that may be booked on `now`. */
export function lastBookableDate(now: Date): string {
  return addDays(romeDate(now), BOOKING_HORIZON_DAYS);
}

/** Slots of the office that may still be booked between two dates (inclusive), in order. */
export function bookableSlots(office: Office, from: string, to: string, now: Date): Date[] {
  const today = romeDate(now);
  const last = lastBookableDate(now);
  const out: Date[] = [];
  for (let d = from < today ? today : from; d <= to && d <= last; d = nextDate(d))
    for (const s of daySlots(office, d)) if (s.getTime() > now.getTime()) out.push(s);
  return out;
}

/** Whether `start` is exactly a slot of the office that may be booked on `now`. */
export function isBookableSlot(office: Office, start: Date, now: Date): boolean {
  if (start.getTime() <= now.getTime()) return false;
  const date = romeDate(start);
  if (date > lastBookableDate(now)) return false;
  return daySlots(office, date).some((s) => s.getTime() === start.getTime());
}

/** An ISO instant in UTC as the API takes it ("2026-03-04T08:30:00Z" or with .000); else null. */
export function parseSlotStart(v: unknown): Date | null {
  if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.000)?Z$/u.test(v))
    return null;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return null;
  return d.toISOString().slice(0, 19) === v.slice(0, 19) ? d : null;
}

/** A slot start as the API gives it: "2026-03-04T07:30:00Z". */
export const slotId = (d: Date): string => `${d.toISOString().slice(0, 19)}Z`;

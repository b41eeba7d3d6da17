/**
 * The contact centre's calendar (seeds: "dal lunedì al venerdì, dalle 8 alle 20, e il sabato
 * dalle 8 alle 14"), in Europe/Rome wall-clock time; closed on Sundays and on Italian national
 * public holidays. The outbound verification queue hands out calls only while the centre is
 * open, and a call that found nobody is tried again on a later working day.
 *
 * Pure: instants in, instants out (Rome wall-clock conversions in rome-time.ts).
 */
import { isItalianPublicHoliday, nextDate, weekdayOf } from "./italian-holidays.ts";
import { romeInstantOrNull, romeWallClock } from "./rome-time.ts";

/** Opening hours per weekday (0 Sunday … 6 Saturday), "HH:MM" Rome time; null: closed. */
export const CONTACT_CENTRE_HOURS: readonly (readonly [string, string] | null)[] = [
  null,
  ["08:00", "20:00"],
  ["08:00", "20:00"],
  ["08:00", "20:00"],
  ["08:00", "20:00"],
  ["08:00", "20:00"],
  ["08:00", "14:00"],
];

export { romeWallClock };

/** The instant a Rome wall-clock time happens on a date (the opening times exist every day). */
export function romeInstant(date: string, time: string): Date {
  const instant = romeInstantOrNull(date, time);
  if (instant === null) throw new RangeError(`no such Rome time: ${date} ${time}`);
  return instant;
}

/** A date the centre opens at all: not a Sunday, not a national public holiday. */
export function isContactCentreDay(date: string): boolean {
  return CONTACT_CENTRE_HOURS[weekdayOf(date)] != null && !isItalianPublicHoliday(date);
}

/** The opening hours of a date, or null when closed all day. */
export function contactCentreHours(date: string): readonly [string, string] | null {
  return isContactCentreDay(date) ? (CONTACT_CENTRE_HOURS[weekdayOf(date)] ?? null) : null;
}

/** Whether the centre is open at an instant (opening time included, closing time excluded). */
export function isContactCentreOpen(instant: Date): boolean {
  const { date, time } = romeWallClock(instant);
  const hours = contactCentreHours(date);
  return hours !== null && time >= hours[0] && time < hours[1];
}

/** The first working day strictly after a date. */
export function nextContactCentreDay(date: string): string {
  let d = nextDate(date);
  while (!isContactCentreDay(d)) d = nextDate(d);
  return d;
}

/** When the centre opens on the next working day after the instant's date (a call retried). */
export function nextWorkingDayOpening(instant: Date): Date {
  const day = nextContactCentreDay(romeWallClock(instant).date);
  const hours = contactCentreHours(day);
  if (hours === null) throw new Error("a working day without hours");
  return romeInstant(day, hours[0]);
}

/** The instant itself when open, otherwise the next opening. */
export function nextOpening(instant: Date): Date {
  if (isContactCentreOpen(instant)) return instant;
  const { date, time } = romeWallClock(instant);
  const today = contactCentreHours(date);
  if (today !== null && time < today[0]) return romeInstant(date, today[0]);
  return nextWorkingDayOpening(instant);
}

/**
 * INPS offices (sedi) that receive the public at a desk, as data (data/offices.json, checked
 * when loaded): each with its desks, opening hours per weekday (Europe/Rome wall-clock time),
 * the length of an appointment slot and its local holidays (patron saint, "MM-DD"); national
 * public holidays come from italian-holidays.ts. Office clerks belong to one office.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { isItalianPublicHoliday, weekdayOf } from "./italian-holidays.ts";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/u);
const span = z.tuple([hhmm, hhmm]).refine(([a, b]) => a < b, "opening span ends before it starts");
const texts = z.object({ it: z.string().min(1), en: z.string().min(1) });
export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const office = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/u),
  name: texts,
  address: z.string().min(1),
  city: z.string().min(1),
  desks: z.number().int().min(1).max(50),
  slotMinutes: z.number().int().min(5).max(120),
  hours: z.partialRecord(z.enum(WEEKDAYS), z.array(span)),
  holidays: z.array(z.string().regex(/^\d{2}-\d{2}$|^\d{4}-\d{2}-\d{2}$/u)),
});

export type Office = z.infer<typeof office>;

export const OFFICES: readonly Office[] = z
  .object({ offices: z.array(office).min(1) })
  .refine((o) => new Set(o.offices.map((x) => x.id)).size === o.offices.length, "duplicate id")
  .parse(JSON.parse(readFileSync(new URL("./data/offices.json", import.meta.url), "utf8"))).offices;

export function findOffice(id: unknown): Office | undefined {
  return OFFICES.find((o) => o.id === id);
}

export function isOfficeId(id: unknown): id is string {
  return findOffice(id) !== undefined;
}

/** Whether the office is closed all day on a date ("YYYY-MM-DD", Rome): holidays, no hours. */
export function officeClosedOn(o: Office, date: string): boolean {
  if (isItalianPublicHoliday(date)) return true;
  if (o.holidays.includes(date) || o.holidays.includes(date.slice(5))) return true;
  const spans = o.hours[WEEKDAYS[weekdayOf(date)] ?? "sun"];
  return spans === undefined || spans.length === 0;
}

/** The opening spans of the office on a date (empty when closed). */
export function openingSpans(o: Office, date: string): readonly (readonly [string, string])[] {
  if (officeClosedOn(o, date)) return [];
  return o.hours[WEEKDAYS[weekdayOf(date)] ?? "sun"] ?? [];
}

/**
 * The one place where dates, months, amounts and counts become text, for pages, messages and
 * PDFs alike. Formatters are costly to build and cheap to use: one per language, built once.
 * Grouping is always on: Italian leaves 4-digit numbers ungrouped by default ("1234,56 €"),
 * which pensioners misread; INPS documents write "1.234,56 €".
 */
import type { Lang } from "./index.ts";

export const LOCALES: Record<Lang, string> = { it: "it-IT", en: "en-GB" };

function perLang<F>(make: (locale: string) => F): Record<Lang, F> {
  return { it: make(LOCALES.it), en: make(LOCALES.en) };
}

const MONEY = perLang(
  (l) => new Intl.NumberFormat(l, { style: "currency", currency: "EUR", useGrouping: "always" }),
);
const INTEGER = perLang(
  (l) => new Intl.NumberFormat(l, { maximumFractionDigits: 0, useGrouping: "always" }),
);
const DAY = perLang(
  (l) =>
    new Intl.DateTimeFormat(l, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
);
const MONTH = perLang(
  (l) => new Intl.DateTimeFormat(l, { month: "long", year: "numeric", timeZone: "UTC" }),
);
const ROME_TIME = perLang(
  (l) =>
    new Intl.DateTimeFormat(l, {
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
      timeZone: "Europe/Rome",
    }),
);
const ROME_DATE_TIME = perLang(
  (l) =>
    new Intl.DateTimeFormat(l, {
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
      timeZone: "Europe/Rome",
    }),
);

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/u;

/** Euro cents → "1.234,56 €" / "€1,234.56". */
export function money(lang: Lang, cents: number): string {
  return MONEY[lang].format(cents / 100);
}

/** A count with thousands separators ("1.560" / "1,560"). */
export function integer(lang: Lang, n: number): string {
  return INTEGER[lang].format(n);
}

/**
 * A civil date ("2026-03-15", or the date part of an ISO instant) → "15 marzo 2026" /
 * "15 March 2026". Throws RangeError on anything else, so a bad date never prints as text.
 */
export function civilDate(lang: Lang, iso: string): string {
  const m = ISO_DAY.exec(iso);
  const d = m === null ? new Date(Number.NaN) : new Date(`${m[0]}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== m?.[0]) {
    throw new RangeError(`invalid date (expected YYYY-MM-DD): ${JSON.stringify(iso)}`);
  }
  return DAY[lang].format(d);
}

/** "2026-03" → "marzo 2026" / "March 2026". */
export function monthName(lang: Lang, yearMonth: string): string {
  return MONTH[lang].format(new Date(`${yearMonth.slice(0, 7)}-01T00:00:00Z`));
}

/** An instant as the time in Rome ("10:35"). */
export function romeTime(lang: Lang, instant: Date): string {
  return ROME_TIME[lang].format(instant);
}

/** An instant as date and time in Rome ("15 marzo 2026, 10:35"). */
export function romeDateTime(lang: Lang, instant: Date): string {
  return ROME_DATE_TIME[lang].format(instant);
}

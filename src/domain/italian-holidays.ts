/**
 * Italian national public holidays (Law 260/1949 and later): fixed dates plus Easter Monday.
 * Offices add their patron saint's day in their own data (src/domain/data/offices.json).
 */

const FIXED = [
  "01-01", // Capodanno
  "01-06", // Epifania
  "04-25", // Festa della Liberazione
  "05-01", // Festa del Lavoro
  "06-02", // Festa della Repubblica
  "08-15", // Ferragosto
  "10-04", // San Francesco d'Assisi (national holiday again from 2026, Law 151/2025)
  "11-01", // Ognissanti
  "12-08", // Immacolata Concezione
  "12-25", // Natale
  "12-26", // Santo Stefano
];

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm), as "YYYY-MM-DD". */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The day after a "YYYY-MM-DD" date. */
export function nextDate(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Whether a calendar date ("YYYY-MM-DD", Rome) is a national public holiday. */
export function isItalianPublicHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  if (date.slice(5) === "10-04" && year < 2026) return false;
  if (FIXED.includes(date.slice(5))) return true;
  return date === nextDate(easterSunday(year));
}

/** Day of the week of a "YYYY-MM-DD" date: 0 Sunday … 6 Saturday. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

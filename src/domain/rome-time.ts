/**
 * Europe/Rome wall-clock time ↔ instants, for the calendars kept in Rome time (the contact
 * centre's hours, the offices' appointment slots). The wall clock of an instant comes from Intl
 * (the runtime's tz data); the instant of a wall-clock time is found by trying Rome's two
 * offsets, so the changes to and from summer time need no table here.
 */

// Building an Intl formatter costs far more than using one: keep it.
const ROME_CLOCK = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Rome",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The Rome calendar date ("YYYY-MM-DD") and wall-clock time ("HH:MM") of an instant. */
export function romeWallClock(instant: Date): { date: string; time: string } {
  const parts = Object.fromEntries(
    ROME_CLOCK.formatToParts(instant).map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/**
 * The instant a Rome wall-clock time ("HH:MM") happens on a date, or null when that time does
 * not exist (the hour skipped when summer time starts). An hour that happens twice (autumn)
 * gives the first.
 */
export function romeInstantOrNull(date: string, time: string): Date | null {
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  // Rome is UTC+1 or UTC+2: the larger offset first gives the first of a repeated hour.
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    const wall = romeWallClock(candidate);
    if (wall.date === date && wall.time === time) return candidate;
  }
  return null;
}

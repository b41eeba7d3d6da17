/**
 * Who may hold and use a PIN, as dated policy data rather than code branches (SPEC.md
 * "Who may hold a PIN"). Each period says who may claim a new PIN and whose existing PIN
 * keeps working. Dates are Europe/Rome calendar days; callers pass the civil date.
 */

export type Holder = "everyone" | "cannot_obtain_spid" | "resident_abroad_without_italian_id";

export interface PolicyPeriod {
  /** First day (inclusive), YYYY-MM-DD. */
  from: string;
  /** Who may claim a new PIN. */
  newPins: Holder;
  /** Whose existing PIN keeps working (and may be renewed). */
  existingPins: Holder;
}

export const PIN_POLICY: readonly PolicyPeriod[] = [
  { from: "0000-01-01", newPins: "everyone", existingPins: "everyone" },
  // INPS circular 87/2020: transition, no new PINs except for those who cannot get SPID.
  { from: "2020-10-01", newPins: "cannot_obtain_spid", existingPins: "everyone" },
  // INPS circular 127/2021: only residents abroad without an Italian identity document.
  {
    from: "2021-10-01",
    newPins: "resident_abroad_without_italian_id",
    existingPins: "resident_abroad_without_italian_id",
  },
];

export interface HolderFacts {
  residentAbroad: boolean;
  italianIdOnFile: boolean;
}

export function policyOn(date: string, policy: readonly PolicyPeriod[] = PIN_POLICY): PolicyPeriod {
  let current = policy[0];
  for (const p of policy) if (p.from <= date) current = p;
  if (current === undefined) throw new Error("empty PIN policy");
  return current;
}

function qualifies(holder: Holder, f: HolderFacts): boolean {
  switch (holder) {
    case "everyone":
      return true;
    // SPID needs an Italian identity document: without one a person cannot obtain it.
    case "cannot_obtain_spid":
      return !f.italianIdOnFile;
    case "resident_abroad_without_italian_id":
      return f.residentAbroad && !f.italianIdOnFile;
  }
}

export function mayClaimNewPin(date: string, f: HolderFacts): boolean {
  return qualifies(policyOn(date).newPins, f);
}

export function mayUseExistingPin(date: string, f: HolderFacts): boolean {
  return qualifies(policyOn(date).existingPins, f);
}

/** The civil date in Europe/Rome for an instant: policy days start at Italian midnight. */
// Building an Intl formatter costs far more than using one: keep it.
const ROME_DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Rome",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

// Rome's midnight always falls on a whole UTC hour, so the civil date is constant within a
// UTC hour: remember the last hour asked (logins ask many times a second).
let lastHour = Number.NaN;
let lastDate = "";

export function romeDate(instant: Date): string {
  const hour = Math.floor(instant.getTime() / 3_600_000);
  if (hour !== lastHour) {
    lastDate = ROME_DAY.format(instant);
    lastHour = hour;
  }
  return lastDate;
}

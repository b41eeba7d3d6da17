/**
 * Working lives of demo people: contributions paid in Italy before emigrating (or during
 * a stay in Italy for those born abroad) and the pro-rata pensions they earned.
 */
import type { ContributionPeriod, PensionPayment } from "../../domain/archive.ts";
import { EMPLOYERS, WAGE_ANCHORS } from "../demo-data/employment.ts";
import { daysIn, pad } from "./rng.ts";
import type { Rng } from "./rng.ts";
import { DEMO_ARCHIVE_DATE } from "./settings.ts";
import type { Identity } from "./types.ts";

function yearlyWage(year: number): number {
  let prev = WAGE_ANCHORS[0] ?? [1950, 150];
  for (const anchor of WAGE_ANCHORS) {
    if (year <= anchor[0]) {
      const span = anchor[0] - prev[0];
      return span === 0 ? anchor[1] : prev[1] + ((anchor[1] - prev[1]) * (year - prev[0])) / span;
    }
    prev = anchor;
  }
  return prev[1];
}

function ageAt(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export function contributionHistory(
  r: Rng,
  id: Identity,
  emigrationYear: number | undefined,
): ContributionPeriod[] {
  const birthYear = Number(id.birthDate.slice(0, 4));
  const periods: ContributionPeriod[] = [];
  let start: number;
  let end: number;
  if (emigrationYear !== undefined) {
    start = birthYear + r.int(15, 20);
    end = Math.min(emigrationYear, 2025);
  } else {
    // Born abroad: some came to Italy for a few years of work.
    if (!r.chance(0.25)) return periods;
    start = birthYear + r.int(20, 30);
    end = Math.min(start + r.int(1, 8), 2025);
  }
  if (start > end) return periods;
  const payFactor = 0.7 + r.next() * 0.8;
  let employer: string = r.pick(EMPLOYERS);
  let kind = "employee";
  const militaryYear =
    id.sex === "M" && birthYear < 1986 && r.chance(0.7) ? birthYear + r.int(19, 21) : -1;
  for (let year = start; year <= end; year++) {
    if (r.chance(0.12)) {
      employer = r.pick(EMPLOYERS);
      kind = r.chance(0.15) ? "self_employed" : "employee";
    }
    if (year === militaryYear) {
      periods.push({
        from: `${year}-01-01`,
        to: `${year}-12-31`,
        employer: "Servizio militare di leva",
        kind: "figurative",
        weeks: 52,
        earningsCents: 0,
      });
      continue;
    }
    const partial = year === start || year === end;
    const fromMonth = partial && year === start ? r.int(1, 9) : 1;
    const toMonth = partial && year === end ? r.int(fromMonth, 12) : 12;
    const weeks = Math.min(52, Math.round(((toMonth - fromMonth + 1) * 52) / 12));
    const euros = (yearlyWage(year) * payFactor * weeks) / 52;
    periods.push({
      from: `${year}-${pad(fromMonth, 2)}-01`,
      to: `${year}-${pad(toMonth, 2)}-${pad(daysIn(year, toMonth), 2)}`,
      employer: kind === "self_employed" ? "Gestione artigiani" : employer,
      kind,
      weeks,
      earningsCents: Math.round(euros * 100),
    });
  }
  return periods;
}

export function pensionPayments(
  r: Rng,
  id: Identity,
  contributions: readonly ContributionPeriod[],
): PensionPayment[] {
  if (ageAt(id.birthDate, DEMO_ARCHIVE_DATE) < 67) return [];
  const weeks = contributions.reduce((s, c) => s + c.weeks, 0);
  if (weeks < 52) return [];
  const category = id.sex === "F" && r.chance(0.2) ? "SO" : r.chance(0.05) ? "IO" : "VO";
  // Pro-rata pensions of emigrants are small: a base plus a share per week of work.
  const monthly2024 = Math.min(2600, 95 + weeks * (0.75 + r.next() * 0.35));
  const taxRate = r.chance(0.45) ? 0 : monthly2024 > 1250 ? 0.27 : 0.23;
  const payments: PensionPayment[] = [];
  for (const year of [2024, 2025]) {
    // 2025 includes the statutory indexation (perequazione) of 0.8%.
    const monthly = year === 2024 ? monthly2024 : monthly2024 * 1.008;
    for (let month = 1; month <= 12; month++) {
      // December carries the thirteenth monthly payment (tredicesima).
      const grossCents = Math.round(monthly * (month === 12 ? 2 : 1) * 100);
      const taxCents = Math.round(grossCents * taxRate);
      payments.push({
        month: `${year}-${pad(month, 2)}`,
        grossCents,
        taxCents,
        netCents: grossCents - taxCents,
        category,
      });
    }
  }
  return payments;
}

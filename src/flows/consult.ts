/**
 * Consultation (SPEC.md "Consultation"): the contribution statement and pension slips from
 * the archive. Ordinary and dispositive PINs both may read them.
 */
import type { ContributionPeriod, PensionPayment } from "../domain/archive.ts";
import type { ArchiveReader } from "./ports.ts";

export interface ContributionStatement {
  periods: ContributionPeriod[];
  totals: { weeks: number; years: number; months: number; earningsCents: number };
}

export async function contributionStatement(
  archive: ArchiveReader,
  fiscalCode: string,
): Promise<ContributionStatement> {
  const periods = await archive.contributions(fiscalCode);
  const weeks = periods.reduce((n, p) => n + p.weeks, 0);
  return {
    periods,
    totals: {
      weeks,
      // INPS counts 52 weeks a year; months rounded down from the remaining weeks.
      years: Math.floor(weeks / 52),
      months: Math.floor(((weeks % 52) * 12) / 52),
      earningsCents: periods.reduce((n, p) => n + p.earningsCents, 0),
    },
  };
}

export async function pensionSlips(
  archive: ArchiveReader,
  fiscalCode: string,
): Promise<PensionPayment[]> {
  return archive.pensionPayments(fiscalCode);
}

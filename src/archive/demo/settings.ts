/**
 * Fixed parameters of the demo archive. Kept apart so that every generator module can
 * read the reference date without importing the generator itself.
 */

export const DEMO_ARCHIVE_SEED = 1946;
export const DEMO_ARCHIVE_SIZE = 1200;
/** The archive describes the state of affairs at this date (ages, pensions paid). */
export const DEMO_ARCHIVE_DATE = "2026-01-01";

/** Category codes used in pension payments. */
export const PENSION_CATEGORIES: Readonly<Record<string, string>> = {
  VO: "Pensione di vecchiaia",
  SO: "Pensione ai superstiti",
  IO: "Assegno ordinario di invalidità",
};

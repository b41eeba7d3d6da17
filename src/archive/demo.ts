/**
 * A deterministic, realistic demo archive of INPS insured persons living abroad, for
 * development installs, demos and tests. Everything comes from a seeded PRNG, so a seed
 * always yields the same people; no real person is described (names are combined at
 * random, e-mail addresses use the reserved example.* domains).
 *
 * Shape of the output (default seed and size):
 *  - index 0..4: easy-to-type eligible people resident in AR, BR, DE, US, AU;
 *  - then twins and namesakes whose fiscal codes collide, resolved by omocodia;
 *  - then 8 people resident in Italy and 8 with an Italian identity document on file
 *    (both ineligible for the PIN);
 *  - then random people, the first of them cycling through every country once.
 *
 * This module is the public entry point; the generator lives in ./demo/ and its data
 * (names, country profiles, employers, hand-made people) in ./demo-data/.
 */
export { isDemoEligible } from "./demo/eligibility.ts";
export type { DemoEligibility } from "./demo/eligibility.ts";
export { generateDemoArchive } from "./demo/generate.ts";
export { DEMO_COUNTRIES } from "./demo/residence.ts";
export {
  DEMO_ARCHIVE_DATE,
  DEMO_ARCHIVE_SEED,
  DEMO_ARCHIVE_SIZE,
  PENSION_CATEGORIES,
} from "./demo/settings.ts";

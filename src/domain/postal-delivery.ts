/**
 * How long the letter with the second half of the PIN usually takes to arrive, by country of
 * residence, in working days from the day it is printed (the print vendor posts letters daily
 * from Italy by priority international mail). Figures are what the outcome page promises and
 * when it says to ask for help: they are deliberately on the prudent side.
 */

/** Countries of the European Union, the EEA, Switzerland, the UK and the rest of Europe. */
const EUROPE = new Set(
  "AD AL AT BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GI GR HR HU IE IS LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SK SM UA VA XK".split(
    " ",
  ),
);

/** North, Central and South America and the Caribbean. */
const AMERICAS = new Set(
  "AG AI AR AW BB BL BM BO BQ BR BS BZ CA CL CO CR CU CW DM DO EC FK GD GF GP GT GY HN HT JM KN KY LC MF MQ MS MX NI PA PE PM PR PY SR SV SX TC TT US UY VC VE VG VI".split(
    " ",
  ),
);

export interface DeliveryWindow {
  /** Usual delivery time, working days. */
  min: number;
  max: number;
  /** After this many working days without the letter, the citizen should ask for help. */
  overdueAfter: number;
}

export function letterDelivery(country: string): DeliveryWindow {
  if (EUROPE.has(country)) return { min: 5, max: 10, overdueAfter: 15 };
  if (AMERICAS.has(country)) return { min: 10, max: 20, overdueAfter: 30 };
  return { min: 10, max: 25, overdueAfter: 30 };
}

/** The contact centre's outbound calls for claims under verification. */
export const VERIFICATION_CALL = {
  /** The number the contact centre calls from. */
  fromNumber: "+39 06 164164",
  /** Within how many working days of the claim. */
  withinWorkingDays: 5,
} as const;

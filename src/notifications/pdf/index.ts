/**
 * Printable documents of the PIN service, rendered with pdfkit to in-memory Buffers:
 * - the letter carrying the second half (last 8 characters) of the initial PIN,
 *   posted to the residence abroad in a DL right-window envelope;
 * - the PIN card the citizen may print after first access.
 * `pinLetterText` gives the same letter as plain text for the development outbox.
 */

export type { Lang } from "../../i18n/index.ts";
export { renderPinCardPdf } from "./card.ts";
export { fontCoverage } from "./fonts.ts";
export { pinLetterText, renderPinLetterPdf } from "./letter.ts";
export type { PinCard, PinLetter } from "./texts.ts";
export { transliterate } from "./transliterate.ts";

/**
 * Printable documents of the PIN service, rendered with pdfkit to in-memory Buffers, all
 * tagged (structure tree, language, displayed title; no PIN, fiscal code or name in the
 * metadata):
 * - the letter carrying the second half (last 8 characters) of the initial PIN, posted to
 *   the residence abroad in a DL right-window envelope (`pinLetterText`: the same letter
 *   as plain text for the development outbox);
 * - the PIN card the citizen may print after first access;
 * - the contribution statement and the pension slip of the consultation pages;
 * - the holder's data export (GDPR Art. 15).
 */

export type { Lang } from "../../i18n/index.ts";
export { renderPinCardPdf } from "./card.ts";
export { renderExportPdf } from "./export.ts";
export type { ExportDocument } from "./export.ts";
export { fontCoverage } from "./fonts.ts";
export { pinLetterText, renderPinLetterPdf } from "./letter.ts";
export { renderPensionSlipPdf } from "./slip.ts";
export type { PensionSlipDocument } from "./slip.ts";
export { renderContributionStatementPdf } from "./statement.ts";
export type { ContributionStatementDocument } from "./statement.ts";
export type { PinCard, PinLetter } from "./texts.ts";
export { transliterate } from "./transliterate.ts";

/**
 * The texts of the letter and the card, taken from the i18n catalogue (documents.*) and
 * filled in: dates through civilDate, the other language's summary line for the foot.
 */

import { catalogues, t, type Lang } from "../../i18n/index.ts";
import { civilDate } from "../../i18n/format.ts";

export interface PinLetter {
  lang: Lang;
  recipientName: string;
  /** Address block lines, from formatPostalAddress (recipient first, country last). */
  addressLines: string[];
  /** YYYY-MM-DD */
  date: string;
  claimReference: string;
  /** The last 8 characters of the 16-character initial PIN. */
  pinSecondHalf: string;
  fiscalCodeMasked: string;
}

export interface PinCard {
  lang: Lang;
  holderName: string;
  /** The full fiscal code: the card prints it masked (maskFiscalCode), as the letter does. */
  fiscalCode: string;
  /** The 8-character operating PIN. */
  pin: string;
  level: "ordinary" | "dispositive";
  /** YYYY-MM-DD */
  issuedOn: string;
  /** YYYY-MM-DD */
  expiresOn: string;
}

/** The language of the one-line summary at the foot of a document. */
export function otherLang(lang: Lang): Lang {
  return lang === "it" ? "en" : "it";
}

/** PIN characters: upper-case letters and digits (the issuing alphabet is a subset). */
export function checkPin(pin: string, what: string): void {
  if (!/^[A-Z0-9]{8}$/u.test(pin))
    throw new RangeError(`${what} must be 8 upper-case letters or digits`);
}

/** The sender block: INPS's name first, the country last. */
export function senderLines(lang: Lang) {
  const s = catalogues[lang].documents.sender;
  return [s.name, s.office, s.street, s.city, s.country] as const;
}

export function letterTexts(l: PinLetter) {
  const { lang } = l;
  const c = catalogues[lang].documents.letter;
  return {
    ...c,
    place: t(lang, "documents.letter.place", { date: civilDate(lang, l.date) }),
    reference: t(lang, "documents.letter.reference", { reference: l.claimReference }),
    fiscalCode: t(lang, "documents.letter.fiscalCode", { fiscalCode: l.fiscalCodeMasked }),
    greeting: t(lang, "documents.letter.greeting", { name: l.recipientName.trim() }),
    intro: [c.intro, c.halves],
    steps: [c.steps.join, c.steps.login, c.steps.newPin],
    summary: t(otherLang(lang), "documents.letter.summary"),
  };
}

export function cardTexts(card: PinCard) {
  const { lang } = card;
  const c = catalogues[lang].documents.card;
  const expires = civilDate(lang, card.expiresOn);
  return {
    ...c,
    levelValue: c.levels[card.level],
    issued: t(lang, "documents.card.issued", { date: civilDate(lang, card.issuedOn) }),
    expires: t(lang, "documents.card.expires", { date: expires }),
    paragraphs: [c.secret, t(lang, "documents.card.expiry", { date: expires }), c.help],
    summary: t(otherLang(lang), "documents.card.summary"),
  };
}

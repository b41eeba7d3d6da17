/** Letter and card texts (moved to the i18n catalogue in the next step). */

import type { Lang } from "../../i18n/index.ts";

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
  fiscalCode: string;
  /** The 8-character operating PIN. */
  pin: string;
  level: "ordinary" | "dispositive";
  /** YYYY-MM-DD */
  issuedOn: string;
  /** YYYY-MM-DD */
  expiresOn: string;
}

export const SENDER_LINES = [
  "INPS - Istituto Nazionale della Previdenza Sociale",
  "Direzione Centrale Tecnologia, Informatica e Innovazione",
  "Via Ciro il Grande 21",
  "00144 Roma",
  "ITALIA",
] as const;

export const RETURN_ADDRESS = "INPS - Via Ciro il Grande 21 - 00144 Roma - ITALIA";
export const CONTACT_PHONE = "+39 06 164164";

export const MONTHS: Record<Lang, readonly string[]> = {
  it: [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
  ],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
};

/** "2025-03-15" -> "15 marzo 2025" / "15 March 2025"; throws RangeError on a malformed date. */
export function longDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m?.[2] === undefined ? undefined : MONTHS[lang][Number(m[2]) - 1];
  const day = Number(m?.[3]);
  if (m?.[1] === undefined || month === undefined || day < 1 || day > 31) {
    throw new RangeError(`invalid date (expected YYYY-MM-DD): ${JSON.stringify(iso)}`);
  }
  return `${day} ${month} ${m[1]}`;
}
/** PIN characters: upper-case letters and digits (the issuing alphabet is a subset). */
export function checkPin(pin: string, what: string): void {
  if (!/^[A-Z0-9]{8}$/.test(pin))
    throw new RangeError(`${what} must be 8 upper-case letters or digits`);
}

export function groupPin(pin: string): string {
  return `${pin.slice(0, 4)} ${pin.slice(4)}`;
}

export interface LetterTexts {
  title: string;
  place: string;
  dateLabel: string;
  referenceLabel: string;
  fiscalCodeLabel: string;
  subject: string;
  greeting: string;
  intro: string[];
  pinLabel: string;
  stepsTitle: string;
  steps: string[];
  warning: string;
  contact: string;
  closing: string;
  otherLanguage: string;
}

export function letterTexts(l: PinLetter): LetterTexts {
  const name = l.recipientName.trim();
  if (l.lang === "it") {
    return {
      title: "INPS - PIN: seconda parte",
      place: `Roma, ${longDate(l.date, "it")}`,
      dateLabel: "Data",
      referenceLabel: "Riferimento richiesta",
      fiscalCodeLabel: "Codice fiscale",
      subject: "Il suo PIN INPS - seconda parte",
      greeting: `Gentile ${name},`,
      intro: [
        "con questa lettera le inviamo la seconda parte del suo PIN INPS.",
        "Il PIN completo ha 16 caratteri. I primi 8 caratteri (la prima parte) le sono già stati inviati con un SMS o con una e-mail. Qui sotto trova gli ultimi 8 caratteri (la seconda parte).",
      ],
      pinLabel: "Seconda parte del PIN (ultimi 8 caratteri)",
      stepsTitle: "Come usare il PIN",
      steps: [
        "Scriva prima gli 8 caratteri ricevuti con l'SMS o con l'e-mail e subito dopo gli 8 caratteri di questa lettera, senza spazi: in tutto 16 caratteri.",
        "Vada sul sito www.inps.it, scelga l'accesso con il PIN e inserisca il suo codice fiscale e il PIN di 16 caratteri.",
        "Al primo accesso il sistema le darà un nuovo PIN di 8 caratteri. Lo scriva su un foglio o stampi la PIN card: da quel momento userà solo il nuovo PIN.",
      ],
      warning:
        "Il PIN è personale e segreto: non lo dica a nessuno e lo conservi separato dal codice fiscale. L'INPS non le chiederà mai il PIN per telefono o per e-mail.",
      contact: `Per aiuto chiami il Contact Center INPS al numero ${CONTACT_PHONE} (a pagamento secondo la tariffa del suo operatore), dal lunedì al venerdì dalle 8 alle 20 e il sabato dalle 8 alle 14, ora italiana.`,
      closing: "Cordiali saluti",
      otherLanguage: `English: this letter contains the second part (the last 8 characters) of your INPS PIN. Help: ${CONTACT_PHONE}.`,
    };
  }
  return {
    title: "INPS PIN - second part",
    place: `Rome, ${longDate(l.date, "en")}`,
    dateLabel: "Date",
    referenceLabel: "Claim reference",
    fiscalCodeLabel: "Fiscal code",
    subject: "Your INPS PIN - second part",
    greeting: `Dear ${name},`,
    intro: [
      "with this letter we send you the second part of your INPS PIN.",
      "The full PIN has 16 characters. The first 8 characters (the first part) have already been sent to you by text message (SMS) or by e-mail. Below you will find the last 8 characters (the second part).",
    ],
    pinLabel: "Second part of the PIN (last 8 characters)",
    stepsTitle: "How to use the PIN",
    steps: [
      "First write the 8 characters you received by SMS or e-mail, and straight after them the 8 characters in this letter, without spaces: 16 characters in all.",
      "Go to the website www.inps.it, choose to log in with the PIN, and enter your Italian fiscal code (codice fiscale) and the 16-character PIN.",
      "The first time you log in, the system gives you a new 8-character PIN. Write it down or print the PIN card: from then on you will use only the new PIN.",
    ],
    warning:
      "Your PIN is personal and secret: do not tell it to anyone and keep it separate from your fiscal code. INPS will never ask you for your PIN by phone or e-mail.",
    contact: `If you need help, call the INPS Contact Centre on ${CONTACT_PHONE} (charged at your operator's rate), Monday to Friday 8:00-20:00 and Saturday 8:00-14:00, Italian time.`,
    closing: "Yours sincerely",
    otherLanguage: `Italiano: questa lettera contiene la seconda parte (gli ultimi 8 caratteri) del suo PIN INPS. Aiuto: ${CONTACT_PHONE}.`,
  };
}

export interface CardTexts {
  title: string;
  cardTitle: string;
  holder: string;
  fiscalCode: string;
  level: string;
  levelValue: string;
  issued: string;
  expires: string;
  cardWarning: string;
  cutHere: string;
  heading: string;
  paragraphs: string[];
  otherLanguage: string;
}

export function cardTexts(c: PinCard): CardTexts {
  const issued = longDate(c.issuedOn, c.lang);
  const expires = longDate(c.expiresOn, c.lang);
  if (c.lang === "it") {
    return {
      title: "INPS - PIN card",
      cardTitle: "INPS - PIN card",
      holder: "Titolare",
      fiscalCode: "Codice fiscale",
      level: "Livello",
      levelValue: c.level === "dispositive" ? "dispositivo" : "ordinario",
      issued: `Rilasciato il ${issued}`,
      expires: `Scade il ${expires}`,
      cardWarning:
        "PIN personale e segreto. Non comunicarlo a nessuno. Conservare separato dal codice fiscale.",
      cutHere: "Ritagliare lungo la linea tratteggiata",
      heading: "La sua PIN card",
      paragraphs: [
        "Stampi questa pagina e ritagli la tessera lungo la linea tratteggiata.",
        "Il PIN è personale e segreto: non lo dica a nessuno. Conservi la tessera in un luogo sicuro, separata dai documenti che riportano il codice fiscale (per esempio la tessera sanitaria). L'INPS non le chiederà mai il PIN per telefono o per e-mail.",
        `Il PIN scade il ${expires}. Dopo quella data, quando accede con il vecchio PIN il sistema la guida a creare un nuovo PIN.`,
        `Per aiuto: Contact Center INPS ${CONTACT_PHONE}, dal lunedì al venerdì dalle 8 alle 20 e il sabato dalle 8 alle 14, ora italiana.`,
      ],
      otherLanguage:
        "English: keep this card and your PIN secret, and separate from your fiscal code.",
    };
  }
  return {
    title: "INPS - PIN card",
    cardTitle: "INPS - PIN card",
    holder: "Holder",
    fiscalCode: "Fiscal code",
    level: "Level",
    levelValue: c.level === "dispositive" ? "dispositive" : "ordinary",
    issued: `Issued ${issued}`,
    expires: `Expires ${expires}`,
    cardWarning:
      "Personal and secret PIN. Never tell it to anyone. Keep it separate from your fiscal code.",
    cutHere: "Cut along the dashed line",
    heading: "Your PIN card",
    paragraphs: [
      "Print this page and cut out the card along the dashed line.",
      "Your PIN is personal and secret: do not tell it to anyone. Keep the card in a safe place, separate from the documents that show your fiscal code (for example the health card). INPS will never ask you for your PIN by phone or e-mail.",
      `The PIN expires on ${expires}. After that date, when you log in with the old PIN the system guides you to create a new one.`,
      `Help: INPS Contact Centre ${CONTACT_PHONE}, Monday to Friday 8:00-20:00 and Saturday 8:00-14:00, Italian time.`,
    ],
    otherLanguage:
      "Italiano: conservi la tessera e il PIN in segreto, separati dal codice fiscale.",
  };
}

/**
 * Printable documents of the PIN service, rendered with pdfkit to in-memory Buffers:
 * - the letter carrying the second half (last 8 characters) of the initial PIN,
 *   posted to the residence abroad in a DL right-window envelope;
 * - the PIN card the citizen may print after first access.
 * `pinLetterText` gives the same letter as plain text for the development outbox.
 *
 * Fonts. pdfkit's built-in Helvetica/Courier only cover WinAnsi (Latin-1), while names
 * and addresses abroad may be Polish, Romanian, Czech, Turkish, Cyrillic... So text is
 * drawn with TrueType fonts, chosen per text item from a chain:
 *   1. Titillium Web / Roboto Mono (Latin + Latin Extended), shipped by the
 *      bootstrap-italia npm package the web UI already depends on, so present on every
 *      install including fresh CI machines;
 *   2. DejaVu Sans / Sans Mono from the operating system when installed (Debian:
 *      fonts-dejavu-core), which adds Cyrillic and Greek;
 *   3. Helvetica / Courier as the last resort.
 * A text item goes to the first font that has a glyph for all its characters; when
 * none has, the first available font is used and the text is transliterated
 * (diacritics stripped, Cyrillic and Greek romanised, anything left becomes "?").
 * Font coverage is read from each font's own cmap table.
 */

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import PDFDocument from "pdfkit";

export type Lang = "it" | "en";

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

// ---------------------------------------------------------------------------
// Texts (one source for the PDF and the plain-text letter)

const SENDER_LINES = [
  "INPS - Istituto Nazionale della Previdenza Sociale",
  "Direzione Centrale Tecnologia, Informatica e Innovazione",
  "Via Ciro il Grande 21",
  "00144 Roma",
  "ITALIA",
] as const;

const RETURN_ADDRESS = "INPS - Via Ciro il Grande 21 - 00144 Roma - ITALIA";
const CONTACT_PHONE = "+39 06 164164";

const MONTHS: Record<Lang, readonly string[]> = {
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
function longDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m?.[2] === undefined ? undefined : MONTHS[lang][Number(m[2]) - 1];
  const day = Number(m?.[3]);
  if (m?.[1] === undefined || month === undefined || day < 1 || day > 31) {
    throw new RangeError(`invalid date (expected YYYY-MM-DD): ${JSON.stringify(iso)}`);
  }
  return `${day} ${month} ${m[1]}`;
}

function pdfDate(iso: string): Date {
  return new Date(`${iso}T12:00:00Z`);
}

/** PIN characters: upper-case letters and digits (the issuing alphabet is a subset). */
function checkPin(pin: string, what: string): void {
  if (!/^[A-Z0-9]{8}$/.test(pin))
    throw new RangeError(`${what} must be 8 upper-case letters or digits`);
}

function groupPin(pin: string): string {
  return `${pin.slice(0, 4)} ${pin.slice(4)}`;
}

interface LetterTexts {
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

function letterTexts(l: PinLetter): LetterTexts {
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

interface CardTexts {
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

function cardTexts(c: PinCard): CardTexts {
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

/** The PIN letter as plain text (development outbox). Throws RangeError on invalid input. */
export function pinLetterText(l: PinLetter): string {
  checkPin(l.pinSecondHalf, "pinSecondHalf");
  const t = letterTexts(l);
  const out: string[] = [
    ...SENDER_LINES,
    "",
    ...l.addressLines,
    "",
    t.place,
    `${t.referenceLabel}: ${l.claimReference}`,
    `${t.fiscalCodeLabel}: ${l.fiscalCodeMasked}`,
    "",
    t.subject,
    "",
    t.greeting,
    "",
  ];
  for (const p of t.intro) out.push(p, "");
  out.push(`${t.pinLabel}:`, "", `    ${groupPin(l.pinSecondHalf)}`, "", `${t.stepsTitle}:`);
  t.steps.forEach((s, i) => out.push(`${i + 1}. ${s}`));
  out.push(
    "",
    t.warning,
    "",
    t.contact,
    "",
    t.closing,
    SENDER_LINES[0],
    "",
    "--",
    t.otherLanguage,
    "",
  );
  return out.join("\n");
}

// ---------------------------------------------------------------------------
// Fonts

type Role = "regular" | "bold" | "mono";

interface Face {
  /** Name registered in the document (or the standard font name). */
  name: string;
  data?: Buffer;
  covers: (codePoint: number) => boolean;
}

type FontSet = Record<Role, readonly Face[]>;

/** Code points of the WinAnsi encoding used by pdfkit's standard 14 fonts. */
const WIN_ANSI = new Set<number>([
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i),
  ...Array.from({ length: 0x100 - 0xa0 }, (_, i) => 0xa0 + i),
  0x20ac,
  0x201a,
  0x0192,
  0x201e,
  0x2026,
  0x2020,
  0x2021,
  0x02c6,
  0x2030,
  0x0160,
  0x2039,
  0x0152,
  0x017d,
  0x2018,
  0x2019,
  0x201c,
  0x201d,
  0x2022,
  0x2013,
  0x2014,
  0x02dc,
  0x2122,
  0x0161,
  0x203a,
  0x0153,
  0x017e,
  0x0178,
]);

const STANDARD: Record<Role, Face> = {
  regular: { name: "Helvetica", covers: (cp) => WIN_ANSI.has(cp) },
  bold: { name: "Helvetica-Bold", covers: (cp) => WIN_ANSI.has(cp) },
  mono: { name: "Courier-Bold", covers: (cp) => WIN_ANSI.has(cp) },
};

/**
 * Unicode code points mapped to a non-zero glyph by a TrueType/OpenType font's cmap
 * (format 4 or 12 subtable). Undefined when the table cannot be read.
 */
export function fontCoverage(font: Buffer): Set<number> | undefined {
  try {
    const numTables = font.readUInt16BE(4);
    let cmap = -1;
    for (let i = 0; i < numTables; i++) {
      const rec = 12 + i * 16;
      if (font.toString("latin1", rec, rec + 4) === "cmap") cmap = font.readUInt32BE(rec + 8);
    }
    if (cmap < 0) return undefined;
    let best: { off: number; format: number } | undefined;
    const subtables = font.readUInt16BE(cmap + 2);
    for (let i = 0; i < subtables; i++) {
      const rec = cmap + 4 + i * 8;
      const platform = font.readUInt16BE(rec);
      const encoding = font.readUInt16BE(rec + 2);
      const off = cmap + font.readUInt32BE(rec + 4);
      const format = font.readUInt16BE(off);
      if (!(platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))) continue;
      if (format === 12 && best?.format !== 12) best = { off, format };
      else if (format === 4 && best === undefined) best = { off, format };
    }
    if (best === undefined) return undefined;
    const set = new Set<number>();
    const { off } = best;
    if (best.format === 4) {
      const segX2 = font.readUInt16BE(off + 6);
      const ends = off + 14;
      const starts = ends + segX2 + 2;
      const deltas = starts + segX2;
      const ranges = deltas + segX2;
      for (let i = 0; i < segX2 / 2; i++) {
        const end = font.readUInt16BE(ends + 2 * i);
        const start = font.readUInt16BE(starts + 2 * i);
        const delta = font.readUInt16BE(deltas + 2 * i);
        const rangeOffset = font.readUInt16BE(ranges + 2 * i);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          let gid: number;
          if (rangeOffset === 0) gid = (c + delta) & 0xffff;
          else {
            const g = font.readUInt16BE(ranges + 2 * i + rangeOffset + 2 * (c - start));
            gid = g === 0 ? 0 : (g + delta) & 0xffff;
          }
          if (gid !== 0) set.add(c);
        }
      }
    } else {
      const groups = font.readUInt32BE(off + 12);
      for (let i = 0; i < groups; i++) {
        const g = off + 16 + 12 * i;
        const start = font.readUInt32BE(g);
        const end = Math.min(font.readUInt32BE(g + 4), 0x10ffff);
        const startGid = font.readUInt32BE(g + 8);
        for (let c = start; c <= end; c++) if (startGid + (c - start) !== 0) set.add(c);
      }
    }
    return set;
  } catch {
    return undefined;
  }
}

function bootstrapItaliaFonts(): string | undefined {
  try {
    const pkg = createRequire(import.meta.url).resolve("bootstrap-italia/package.json");
    return path.join(path.dirname(pkg), "dist", "fonts");
  } catch {
    return undefined;
  }
}

const SYSTEM_FONTS = "/usr/share/fonts/truetype/dejavu";

function candidateFiles(): Record<Role, string[]> {
  const bi = bootstrapItaliaFonts();
  const npm = (dir: string, file: string): string[] =>
    bi === undefined ? [] : [path.join(bi, dir, file)];
  return {
    regular: [
      ...npm("Titillium_Web", "titillium-web-v10-latin-ext_latin-regular.ttf"),
      path.join(SYSTEM_FONTS, "DejaVuSans.ttf"),
    ],
    bold: [
      ...npm("Titillium_Web", "titillium-web-v10-latin-ext_latin-700.ttf"),
      path.join(SYSTEM_FONTS, "DejaVuSans-Bold.ttf"),
    ],
    mono: [
      ...npm("Roboto_Mono", "roboto-mono-v13-latin-ext_latin-700.ttf"),
      path.join(SYSTEM_FONTS, "DejaVuSansMono-Bold.ttf"),
    ],
  };
}

async function loadFace(file: string, name: string): Promise<Face | undefined> {
  try {
    const data = await readFile(file);
    const coverage = fontCoverage(data);
    if (coverage === undefined) return undefined;
    return { name, data, covers: (cp) => coverage.has(cp) };
  } catch {
    return undefined;
  }
}

let fontsPromise: Promise<FontSet> | undefined;

/** Loads the font chains once per process (small files; missing ones are skipped). */
function loadFonts(): Promise<FontSet> {
  fontsPromise ??= (async () => {
    const files = candidateFiles();
    const chain = async (role: Role): Promise<Face[]> => {
      const faces = await Promise.all(files[role].map((f, i) => loadFace(f, `${role}-${i}`)));
      return [...faces.filter((f): f is Face => f !== undefined), STANDARD[role]];
    };
    const [regular, bold, mono] = await Promise.all([
      chain("regular"),
      chain("bold"),
      chain("mono"),
    ]);
    return { regular, bold, mono };
  })();
  return fontsPromise;
}

// ---------------------------------------------------------------------------
// Transliteration for characters no available font covers

const CYRILLIC: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "i",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "ie",
  ы: "y",
  ь: "",
  э: "e",
  ю: "iu",
  я: "ia",
  є: "ie",
  і: "i",
  ї: "i",
  ґ: "g",
  ў: "u",
  ђ: "dj",
  ј: "j",
  љ: "lj",
  њ: "nj",
  ћ: "c",
  џ: "dz",
  ѓ: "gj",
  ќ: "kj",
  ѕ: "dz",
};

const GREEK: Record<string, string> = {
  α: "a",
  β: "v",
  γ: "g",
  δ: "d",
  ε: "e",
  ζ: "z",
  η: "i",
  θ: "th",
  ι: "i",
  κ: "k",
  λ: "l",
  μ: "m",
  ν: "n",
  ξ: "x",
  ο: "o",
  π: "p",
  ρ: "r",
  σ: "s",
  ς: "s",
  τ: "t",
  υ: "y",
  φ: "f",
  χ: "ch",
  ψ: "ps",
  ω: "o",
};

const LATIN_SPECIAL: Record<string, string> = {
  ł: "l",
  Ł: "L",
  đ: "d",
  Đ: "D",
  ħ: "h",
  Ħ: "H",
  ı: "i",
  ø: "o",
  Ø: "O",
  ß: "ss",
  ẞ: "SS",
  æ: "ae",
  Æ: "AE",
  œ: "oe",
  Œ: "OE",
  þ: "th",
  Þ: "TH",
  ð: "d",
  Ð: "D",
  ŋ: "ng",
  Ŋ: "NG",
  ŀ: "l",
  Ŀ: "L",
  "‘": "'",
  "’": "'",
  ʼ: "'",
  "‚": ",",
  "“": '"',
  "”": '"',
  "„": '"',
  "–": "-",
  "—": "-",
  "‑": "-",
  "…": "...",
  "•": "-",
  "€": "EUR",
};

function romanize(ch: string, next: string | undefined): string | undefined {
  const lower = ch.toLowerCase();
  const table = CYRILLIC[lower] ?? GREEK[lower] ?? LATIN_SPECIAL[ch];
  if (table === undefined) return undefined;
  if (LATIN_SPECIAL[ch] !== undefined || lower === ch || table === "") return table;
  // Upper case: "Ж" -> "Zh" before a lower-case letter, "ZH" in an all-caps word.
  const nextIsUpper = next !== undefined && next !== next.toLowerCase();
  return nextIsUpper ? table.toUpperCase() : table.charAt(0).toUpperCase() + table.slice(1);
}

function coversAll(face: Face, s: string): boolean {
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp !== 0x0a && !face.covers(cp)) return false;
  }
  return true;
}

/** Rewrites `s` with characters `face` has: diacritics stripped, romanised, else "?". */
export function transliterate(s: string, covers: (codePoint: number) => boolean): string {
  const chars = Array.from(s.normalize("NFC"));
  let out = "";
  chars.forEach((ch, i) => {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === "\n" || covers(cp)) {
      out += ch;
      return;
    }
    if (/\s/u.test(ch)) {
      out += " ";
      return;
    }
    if (/\p{C}/u.test(ch)) return;
    const ok = (t: string): boolean => Array.from(t).every((c) => covers(c.codePointAt(0) ?? 0));
    const stripped = ch.normalize("NFKD").replace(/\p{M}+/gu, "");
    if (stripped !== "" && ok(stripped)) {
      out += stripped;
      return;
    }
    const base = stripped === "" ? ch : stripped;
    const roman = Array.from(base)
      .map((c) => romanize(c, chars[i + 1]) ?? c)
      .join("");
    out += ok(roman) ? roman : "?";
  });
  return out;
}

// ---------------------------------------------------------------------------
// Drawing helpers

const MM = 72 / 25.4;
const A4 = { width: 595.28, height: 841.89 } as const;
const BLUE = "#0066cc";
const TEXT = "#1a1a1a";
const GREY = "#5c6f82";

interface Ctx {
  doc: PDFKit.PDFDocument;
  fonts: FontSet;
}

/** Selects the font of `role` able to draw `text` (transliterating if none is) and sets it. */
function useFont(ctx: Ctx, role: Role, size: number, text: string): string {
  const chain = ctx.fonts[role];
  const nfc = text.normalize("NFC");
  const face = chain.find((f) => coversAll(f, nfc));
  const primary = chain[0] ?? STANDARD[role];
  const chosen = face ?? primary;
  ctx.doc.font(chosen.name).fontSize(size);
  if (chosen.data !== undefined) rememberParsedFont(ctx.doc, chosen.name);
  return face === undefined ? transliterate(nfc, primary.covers) : nfc;
}

function put(
  ctx: Ctx,
  role: Role,
  size: number,
  text: string,
  x: number,
  y: number | undefined,
  options: PDFKit.Mixins.TextOptions = {},
): void {
  const t = useFont(ctx, role, size, text);
  if (y === undefined) ctx.doc.text(t, x, ctx.doc.y, options);
  else ctx.doc.text(t, x, y, options);
}

function height(
  ctx: Ctx,
  role: Role,
  size: number,
  text: string,
  options: PDFKit.Mixins.TextOptions,
): number {
  const t = useFont(ctx, role, size, text);
  return ctx.doc.heightOfString(t, options);
}

async function newDocument(info: { title: string; lang: Lang; date: string }): Promise<Ctx> {
  const fonts = await loadFonts();
  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    autoFirstPage: true,
    lang: info.lang === "it" ? "it-IT" : "en-GB",
    displayTitle: true,
    info: {
      // Never put the PIN, the fiscal code or the name in the metadata.
      Title: info.title,
      Author: "INPS",
      Creator: "INPS - servizio PIN",
      CreationDate: pdfDate(info.date),
    },
  });
  for (const role of ["regular", "bold", "mono"] as const) {
    for (const face of fonts[role]) {
      if (face.data === undefined) continue;
      // pdfkit accepts an already-parsed fontkit font wherever it accepts a font file
      // (CHANGELOG 0.17); @types/pdfkit does not know it yet, hence the cast.
      const parsed = parsedFonts.get(face.name);
      doc.registerFont(face.name, parsed === undefined ? face.data : (parsed as Buffer));
    }
  }
  return { doc, fonts };
}

/**
 * Fontkit fonts parsed by pdfkit, kept across documents: parsing the TrueType tables
 * costs more than laying out a whole letter. Taken from the document after pdfkit has
 * opened the font (an internal field, checked at run time: if pdfkit changes it, fonts
 * are simply parsed again for every document).
 */
const parsedFonts = new Map<string, object>();

function rememberParsedFont(doc: PDFKit.PDFDocument, name: string): void {
  if (parsedFonts.has(name)) return;
  const current: unknown = Reflect.get(doc, "_font");
  const font: unknown =
    typeof current === "object" && current !== null ? Reflect.get(current, "font") : undefined;
  if (
    typeof font === "object" &&
    font !== null &&
    typeof Reflect.get(font, "layout") === "function"
  )
    parsedFonts.set(name, font);
}

function finish(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => {
      resolve(Buffer.concat(chunks));
    });
    doc.on("error", reject);
    doc.end();
  });
}

/** A paragraph of the letter body; `number` makes it an item of a numbered list. */
interface Block {
  role: Role;
  text: string;
  gapAfter: number;
  number?: string;
  sizeDelta?: number;
}

const NUMBER_INDENT = 6 * MM;
const BODY_LINE_GAP = 1.5;

function blocksHeight(ctx: Ctx, blocks: readonly Block[], size: number, width: number): number {
  return blocks.reduce((sum, b) => {
    const w = b.number === undefined ? width : width - NUMBER_INDENT;
    return (
      sum +
      height(ctx, b.role, size + (b.sizeDelta ?? 0), b.text, { width: w, lineGap: BODY_LINE_GAP }) +
      b.gapAfter
    );
  }, 0);
}

function drawBlocks(
  ctx: Ctx,
  blocks: readonly Block[],
  size: number,
  left: number,
  width: number,
): void {
  for (const b of blocks) {
    const y0 = ctx.doc.y;
    const s = size + (b.sizeDelta ?? 0);
    if (b.number === undefined) {
      put(ctx, b.role, s, b.text, left, y0, { width, lineGap: BODY_LINE_GAP });
    } else {
      put(ctx, "bold", s, b.number, left, y0, { width: NUMBER_INDENT, lineBreak: false });
      put(ctx, b.role, s, b.text, left + NUMBER_INDENT, y0, {
        width: width - NUMBER_INDENT,
        lineGap: BODY_LINE_GAP,
      });
    }
    ctx.doc.y += b.gapAfter;
  }
}

/** Eight boxed characters, grouped 4 + 4, in a large monospace font. */
function drawPinCells(
  ctx: Ctx,
  pin: string,
  x: number,
  y: number,
  cell: number,
  size: number,
): number {
  const { doc } = ctx;
  const gap = cell * 0.6;
  Array.from(pin).forEach((ch, i) => {
    const cx = x + i * cell + (i >= 4 ? gap : 0);
    doc
      .lineWidth(1)
      .strokeColor(GREY)
      .roundedRect(cx + 2, y, cell - 4, cell * 1.25, 3)
      .stroke();
    const t = useFont(ctx, "mono", size, ch);
    const w = doc.widthOfString(t);
    doc
      .fillColor(TEXT)
      .text(t, cx + (cell - w) / 2, y + (cell * 1.25 - doc.currentLineHeight()) / 2, {
        lineBreak: false,
      });
  });
  return 8 * cell + gap;
}

// ---------------------------------------------------------------------------
// The PIN letter

/**
 * Renders the letter with the second half of the initial PIN (A4, for a DL envelope
 * with the window on the right). Rejects with RangeError on an invalid PIN or date.
 */
export async function renderPinLetterPdf(l: PinLetter): Promise<Buffer> {
  checkPin(l.pinSecondHalf, "pinSecondHalf");
  const t = letterTexts(l);
  const ctx = await newDocument({ title: t.title, lang: l.lang, date: l.date });
  const { doc } = ctx;
  const left = 20 * MM;
  const width = A4.width - 2 * left;

  // Fold marks for a DL envelope (A4 folded in three: 99 mm + 99 mm + 99 mm).
  doc.lineWidth(0.5).strokeColor(GREY);
  for (const y of [99 * MM, 198 * MM])
    doc
      .moveTo(4 * MM, y)
      .lineTo(9 * MM, y)
      .stroke();

  // Sender block, top left.
  doc.fillColor(BLUE);
  put(ctx, "bold", 10, SENDER_LINES[0], left, 15 * MM, { width: 95 * MM });
  doc.fillColor(TEXT);
  for (const line of SENDER_LINES.slice(1))
    put(ctx, "regular", 9, line, left, undefined, { width: 95 * MM });

  // Reference block, left of the window (hidden by the envelope).
  doc.fillColor(TEXT);
  put(ctx, "regular", 10, t.place, left, 55 * MM, { width: 80 * MM });
  put(ctx, "regular", 10, `${t.referenceLabel}: ${l.claimReference}`, left, undefined, {
    width: 80 * MM,
  });
  put(ctx, "regular", 10, `${t.fiscalCodeLabel}: ${l.fiscalCodeMasked}`, left, undefined, {
    width: 80 * MM,
  });

  // Address block in the window area of a DL right-window envelope
  // (window about 90 x 45 mm, 20 mm from the right edge, 45-90 mm from the top).
  const winX = 110 * MM;
  const winW = 80 * MM;
  const winTop = 48 * MM;
  const winH = 42 * MM;
  doc.fillColor(GREY);
  put(ctx, "regular", 6.5, RETURN_ADDRESS, winX, winTop, {
    width: winW,
    lineBreak: false,
    underline: true,
  });
  const block = l.addressLines.join("\n");
  let size = 10.5;
  while (
    size > 7 &&
    height(ctx, "regular", size, block, { width: winW, lineGap: 0.5 }) > winH - 6 * MM
  )
    size -= 0.5;
  doc.fillColor(TEXT);
  l.addressLines.forEach((line, i) => {
    put(
      ctx,
      i === 0 ? "bold" : "regular",
      size,
      line,
      winX,
      i === 0 ? winTop + 5 * MM : undefined,
      { width: winW, lineGap: 0.5 },
    );
  });

  // Subject and body, at the largest font size (11.5 pt down to 9.5 pt) that fits the page.
  doc.fillColor(TEXT);
  put(ctx, "bold", 14, t.subject, left, 101 * MM, { width });
  const bodyTop = doc.y + 3 * MM;
  const footerTop = A4.height - 19 * MM;
  const boxH = 34 * MM;
  const before: Block[] = [t.greeting, ...t.intro].map((text) => ({
    role: "regular",
    text,
    gapAfter: 5,
  }));
  const after: Block[] = [
    { role: "bold", text: t.stepsTitle, gapAfter: 3, sizeDelta: 0.5 },
    ...t.steps.map((text, i): Block => ({
      role: "regular",
      text,
      number: `${i + 1}.`,
      gapAfter: 4,
    })),
    { role: "bold", text: t.warning, gapAfter: 5 },
    { role: "regular", text: t.contact, gapAfter: 5 },
    { role: "regular", text: t.closing, gapAfter: 0 },
    { role: "regular", text: SENDER_LINES[0], gapAfter: 0 },
  ];
  const boxGaps = 4 + boxH + 4 * MM;
  let bodySize = 11.5;
  while (
    bodySize > 9.5 &&
    blocksHeight(ctx, [...before, ...after], bodySize, width) + boxGaps > footerTop - bodyTop
  )
    bodySize -= 0.5;

  doc.y = bodyTop;
  drawBlocks(ctx, before, bodySize, left, width);

  // The 8 characters, large and boxed.
  const boxTop = doc.y + 4;
  const cell = 13 * MM;
  doc.lineWidth(1.5).strokeColor(BLUE).roundedRect(left, boxTop, width, boxH, 6).stroke();
  doc.fillColor(BLUE);
  put(ctx, "bold", 11, t.pinLabel, left + 5 * MM, boxTop + 3 * MM, { width: width - 10 * MM });
  const cellsWidth = 8 * cell + cell * 0.6;
  drawPinCells(ctx, l.pinSecondHalf, left + (width - cellsWidth) / 2, boxTop + 10 * MM, cell, 30);
  doc.y = boxTop + boxH + 4 * MM;

  doc.fillColor(TEXT);
  drawBlocks(ctx, after, bodySize, left, width);

  // One line in the other language, at the foot of the page.
  doc
    .lineWidth(0.5)
    .strokeColor(GREY)
    .moveTo(left, A4.height - 17 * MM)
    .lineTo(A4.width - left, A4.height - 17 * MM)
    .stroke();
  doc.fillColor(GREY);
  put(ctx, "regular", 9, t.otherLanguage, left, A4.height - 15 * MM, { width });

  return finish(doc);
}

// ---------------------------------------------------------------------------
// The PIN card

/** ID-1 card size (85.60 x 53.98 mm). */
const CARD = { width: 85.6 * MM, height: 53.98 * MM } as const;

/**
 * Renders the printable PIN card: an ID-1 sized card with dashed cut lines on an A4
 * page, followed by short instructions. Rejects with RangeError on an invalid PIN or date.
 */
export async function renderPinCardPdf(c: PinCard): Promise<Buffer> {
  checkPin(c.pin, "pin");
  const t = cardTexts(c);
  const ctx = await newDocument({ title: t.title, lang: c.lang, date: c.issuedOn });
  const { doc } = ctx;
  const left = 20 * MM;
  const width = A4.width - 2 * left;
  const x = (A4.width - CARD.width) / 2;
  const y = 35 * MM;

  // Cut guides: dashed outline plus crop marks reaching towards the page edges.
  doc.fillColor(GREY);
  put(ctx, "regular", 8, t.cutHere, x, y - 8 * MM, { width: CARD.width, align: "center" });
  doc
    .lineWidth(0.6)
    .strokeColor(GREY)
    .dash(4, { space: 3 })
    .rect(x - 2 * MM, y - 2 * MM, CARD.width + 4 * MM, CARD.height + 4 * MM)
    .stroke()
    .undash();
  for (const [x1, y1, x2, y2] of [
    [x - 2 * MM, y - 12 * MM, x - 2 * MM, y - 4 * MM],
    [x + CARD.width + 2 * MM, y - 12 * MM, x + CARD.width + 2 * MM, y - 4 * MM],
    [x - 2 * MM, y + CARD.height + 4 * MM, x - 2 * MM, y + CARD.height + 12 * MM],
    [
      x + CARD.width + 2 * MM,
      y + CARD.height + 4 * MM,
      x + CARD.width + 2 * MM,
      y + CARD.height + 12 * MM,
    ],
    [x - 12 * MM, y - 2 * MM, x - 4 * MM, y - 2 * MM],
    [x - 12 * MM, y + CARD.height + 2 * MM, x - 4 * MM, y + CARD.height + 2 * MM],
    [x + CARD.width + 4 * MM, y - 2 * MM, x + CARD.width + 12 * MM, y - 2 * MM],
    [
      x + CARD.width + 4 * MM,
      y + CARD.height + 2 * MM,
      x + CARD.width + 12 * MM,
      y + CARD.height + 2 * MM,
    ],
  ] as const) {
    doc.moveTo(x1, y1).lineTo(x2, y2).stroke();
  }

  // The card.
  const pad = 4 * MM;
  const inner = CARD.width - 2 * pad;
  doc
    .lineWidth(0.8)
    .strokeColor(BLUE)
    .roundedRect(x, y, CARD.width, CARD.height, 3 * MM)
    .stroke();
  doc
    .save()
    .roundedRect(x, y, CARD.width, CARD.height, 3 * MM)
    .clip()
    .rect(x, y, CARD.width, 9 * MM)
    .fill(BLUE)
    .restore();
  doc.fillColor("#ffffff");
  put(ctx, "bold", 10, t.cardTitle, x + pad, y + 2.6 * MM, { width: inner / 2, lineBreak: false });
  put(ctx, "bold", 8, `${t.level}: ${t.levelValue}`, x + pad + inner / 2, y + 3.2 * MM, {
    width: inner / 2,
    align: "right",
    lineBreak: false,
  });

  const label = (text: string, ly: number): void => {
    doc.fillColor(GREY);
    put(ctx, "regular", 6, text, x + pad, ly, { width: inner, lineBreak: false });
  };
  label(t.holder, y + 11 * MM);
  doc.fillColor(TEXT);
  put(ctx, "bold", 9, c.holderName, x + pad, y + 13.2 * MM, {
    width: inner,
    height: 11,
    ellipsis: true,
    lineBreak: false,
  });
  label(t.fiscalCode, y + 18.5 * MM);
  doc.fillColor(TEXT);
  put(ctx, "mono", 9, c.fiscalCode, x + pad, y + 20.7 * MM, { width: inner, lineBreak: false });
  label("PIN", y + 26 * MM);
  doc.fillColor(TEXT);
  put(ctx, "mono", 20, groupPin(c.pin), x + pad, y + 28 * MM, {
    width: inner,
    lineBreak: false,
    characterSpacing: 2,
  });
  doc.fillColor(TEXT);
  put(ctx, "regular", 6.5, `${t.issued}  -  ${t.expires}`, x + pad, y + 38 * MM, {
    width: inner,
    lineBreak: false,
  });
  doc.fillColor(BLUE);
  put(ctx, "bold", 6, t.cardWarning, x + pad, y + 42.5 * MM, { width: inner, lineGap: 0.5 });

  // Instructions under the card.
  doc.fillColor(TEXT);
  put(ctx, "bold", 14, t.heading, left, y + CARD.height + 20 * MM, { width });
  doc.moveDown(0.5);
  for (const p of t.paragraphs)
    put(ctx, "regular", 11.5, p, left, undefined, { width, lineGap: 1.5, paragraphGap: 6 });
  doc.moveDown(0.5);
  doc.fillColor(GREY);
  put(ctx, "regular", 9, t.otherLanguage, left, undefined, { width });

  return finish(doc);
}

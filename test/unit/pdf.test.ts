import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { formatPostalAddress } from "../../src/domain/address.ts";
import {
  fontCoverage,
  pinLetterText,
  renderPinCardPdf,
  renderPinLetterPdf,
  transliterate,
} from "../../src/notifications/pdf.ts";
import type { PinCard, PinLetter } from "../../src/notifications/pdf.ts";

const letter = (over: Partial<PinLetter> = {}): PinLetter => {
  const recipientName = over.recipientName ?? "Mario Rossi";
  return {
    lang: "it",
    recipientName,
    addressLines: formatPostalAddress(recipientName, {
      line1: "Avenida Corrientes 1234",
      line2: "Piso 5, Dto B",
      city: "Buenos Aires",
      postalCode: "C1043AAZ",
      country: "AR",
    }),
    date: "2025-03-15",
    claimReference: "PIN-2025-000123",
    pinSecondHalf: "K7M9P2QX",
    fiscalCodeMasked: "RSSMRA**********",
    ...over,
  };
};

const card = (over: Partial<PinCard> = {}): PinCard => ({
  lang: "it",
  holderName: "Mario Rossi",
  fiscalCode: "RSSMRA40A01Z600X",
  pin: "AB3D9FGH",
  level: "ordinary",
  issuedOn: "2025-03-15",
  expiresOn: "2025-09-15",
  ...over,
});

/** Checks the bytes look like a complete, small, one-page PDF and returns them as latin1 text. */
function assertPdf(buf: Buffer): string {
  assert.equal(buf.subarray(0, 5).toString("latin1"), "%PDF-");
  assert.ok(buf.length < 200 * 1024, `size ${buf.length}`);
  const raw = buf.toString("latin1");
  assert.match(raw.trimEnd(), /%%EOF$/);
  assert.equal(raw.match(/\/Type \/Page\b/g)?.length, 1, "exactly one page");
  return raw;
}

/** The document information dictionary (metadata): pdfkit writes each value as an indirect string object. */
function infoDict(raw: string): Record<string, string> {
  const infoRef = /\/Info (\d+) 0 R/.exec(raw)?.[1];
  assert.ok(infoRef, "trailer /Info");
  const dict = new RegExp(`(?:^|\\n)${infoRef} 0 obj\\s*<<([\\s\\S]*?)>>`).exec(raw)?.[1];
  assert.ok(dict, "info dictionary");
  const out: Record<string, string> = {};
  for (const [, key, ref] of dict.matchAll(/\/(\w+) (\d+) 0 R/g)) {
    const value = new RegExp(`(?:^|\\n)${ref} 0 obj\\s*\\(([^)]*)\\)`).exec(raw)?.[1];
    assert.ok(key !== undefined && value !== undefined, `info value ${key}`);
    out[key] = value;
  }
  return out;
}

describe("pinLetterText", () => {
  it("has the sender, the address, the subject and the 8 characters grouped 4+4", () => {
    const t = pinLetterText(letter());
    assert.match(t, /^INPS - Istituto Nazionale della Previdenza Sociale\n/);
    assert.match(t, /Via Ciro il Grande 21\n00144 Roma\nITALIA/);
    assert.match(
      t,
      /Mario Rossi\nAvenida Corrientes 1234\nPiso 5, Dto B\nC1043AAZ Buenos Aires\nARGENTINA/,
    );
    assert.match(t, /Il suo PIN INPS - seconda parte/);
    assert.match(t, /K7M9 P2QX/);
    assert.match(t, /Roma, 15 marzo 2025/);
    assert.match(t, /PIN-2025-000123/);
    assert.match(t, /RSSMRA\*{10}/);
    assert.match(t, /ultimi 8 caratteri/);
    assert.match(t, /16 caratteri/);
    assert.match(t, /SMS o con una e-mail/);
    assert.match(t, /codice fiscale/);
    assert.match(t, /nuovo PIN di 8 caratteri/);
    assert.match(t, /non le chiederà mai il PIN per telefono o per e-mail/);
    assert.match(t, /\+39 06 164164/);
    assert.match(t, /dal lunedì al venerdì dalle 8 alle 20 e il sabato dalle 8 alle 14/);
    // One line in the other language.
    assert.match(t, /English: this letter contains the second part/);
  });

  it("is in English when asked, with an Italian line", () => {
    const t = pinLetterText(letter({ lang: "en" }));
    assert.match(t, /Your INPS PIN - second part/);
    assert.match(t, /last 8 characters/);
    assert.match(t, /Rome, 15 March 2025/);
    assert.match(t, /INPS will never ask you for your PIN by phone or e-mail/);
    assert.match(t, /Monday to Friday 8:00-20:00 and Saturday 8:00-14:00, Italian time/);
    assert.match(t, /Italiano: questa lettera contiene la seconda parte/);
    assert.match(t, /K7M9 P2QX/);
  });

  it("refuses a malformed PIN half or date", () => {
    assert.throws(() => pinLetterText(letter({ pinSecondHalf: "K7M9P2Q" })), RangeError);
    assert.throws(() => pinLetterText(letter({ pinSecondHalf: "k7m9p2qx" })), RangeError);
    assert.throws(() => pinLetterText(letter({ date: "15/03/2025" })), RangeError);
    assert.throws(() => pinLetterText(letter({ date: "2025-13-01" })), RangeError);
  });
});

describe("renderPinLetterPdf", () => {
  it("renders a small one-page PDF whose metadata carries no PIN", async () => {
    const l = letter();
    const raw = assertPdf(await renderPinLetterPdf(l));
    const info = infoDict(raw);
    assert.equal(info.Title, "INPS - PIN: seconda parte");
    assert.equal(info.Author, "INPS");
    assert.doesNotMatch(Object.values(info).join("\n"), /K7M9|P2QX|Rossi|RSSMRA|Corrientes/);
    assert.ok(!raw.includes(l.pinSecondHalf));
    assert.equal(
      infoDict(assertPdf(await renderPinLetterPdf({ ...l, lang: "en" }))).Title,
      "INPS PIN - second part",
    );
  });

  it("renders names beyond Latin-1 (Polish, Romanian, Turkish, Cyrillic, Greek, CJK)", async () => {
    const names = [
      "Łukasz Żółć",
      "Ștefan Țăranu",
      "Işıl Güneş",
      "Иван Петров",
      "Σωκράτης Παπαδόπουλος",
      "山田太郎",
      "Zoë O'Brien-Ñúñez",
    ];
    for (const [i, name] of names.entries()) {
      const l = letter({ recipientName: name, lang: i % 2 === 0 ? "it" : "en" });
      assertPdf(await renderPinLetterPdf(l));
    }
  });

  it("fits a long address block and long names on one page", async () => {
    const l = letter({
      recipientName: "Maria Concetta Giuseppina Addolorata Di Pietrantonio in Fernández de la Vega",
      addressLines: [
        "Maria Concetta Giuseppina Addolorata Di Pietrantonio in Fernández de la Vega",
        "Avenida del Libertador General San Martín 12345, Torre Norte",
        "Piso 25, Departamento B, Barrio Parque Los Aromos",
        "B1642 San Isidro",
        "Provincia de Buenos Aires",
        "ARGENTINA",
      ],
    });
    assertPdf(await renderPinLetterPdf(l));
    assertPdf(await renderPinLetterPdf({ ...l, lang: "en" }));
  });

  it("rejects a malformed PIN half", async () => {
    await assert.rejects(renderPinLetterPdf(letter({ pinSecondHalf: "1234" })), RangeError);
  });
});

describe("renderPinCardPdf", () => {
  it("renders a small one-page PDF whose metadata carries no PIN", async () => {
    for (const lang of ["it", "en"] as const) {
      for (const level of ["ordinary", "dispositive"] as const) {
        const c = card({ lang, level });
        const raw = assertPdf(await renderPinCardPdf(c));
        const info = infoDict(raw);
        assert.equal(info.Title, "INPS - PIN card");
        assert.equal(info.Author, "INPS");
        assert.doesNotMatch(Object.values(info).join("\n"), /AB3D|9FGH|RSSMRA|Rossi/);
        assert.ok(!raw.includes(c.pin));
      }
    }
  });

  it("renders holders beyond Latin-1", async () => {
    for (const holderName of ["Łukasz Żółć", "Ștefan Țăranu", "Иван Петров"])
      assertPdf(await renderPinCardPdf(card({ holderName })));
  });

  it("rejects a malformed PIN or date", async () => {
    await assert.rejects(renderPinCardPdf(card({ pin: "AB3D-9FGH" })), RangeError);
    await assert.rejects(renderPinCardPdf(card({ expiresOn: "" })), RangeError);
  });
});

describe("fonts", () => {
  it("reads the coverage of the Latin Extended font shipped by bootstrap-italia", () => {
    const dir = path.dirname(
      createRequire(import.meta.url).resolve("bootstrap-italia/package.json"),
    );
    const cov = fontCoverage(
      readFileSync(
        path.join(dir, "dist/fonts/Titillium_Web/titillium-web-v10-latin-ext_latin-regular.ttf"),
      ),
    );
    assert.ok(cov);
    for (const ch of "AZaz09àèìòùŁłŻżóćȘșȚțŞşğıİőűčřžěů")
      assert.ok(cov.has(ch.codePointAt(0)!), ch);
    assert.equal(cov.has("Ж".codePointAt(0)!), false);
    assert.equal(fontCoverage(Buffer.from("not a font")), undefined);
  });

  it("transliterates what a font cannot draw", () => {
    const ascii = (cp: number): boolean => cp >= 0x20 && cp < 0x7f;
    assert.equal(transliterate("Łukasz Żółć", ascii), "Lukasz Zolc");
    assert.equal(transliterate("Ștefan Işık", ascii), "Stefan Isik");
    assert.equal(transliterate("Жуков ЖУКОВ", ascii), "Zhukov ZHUKOV");
    assert.equal(transliterate("Σωκράτης", ascii), "Sokratis");
    assert.equal(transliterate("山田", ascii), "??");
    assert.equal(transliterate("Straße", ascii), "Strasse");
  });
});

import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { formatPostalAddress } from "../../src/domain/address.ts";
import {
  fontCoverage,
  pinLetterText,
  renderPinLetterPdf,
  transliterate,
} from "../../src/notifications/pdf.ts";
import type { PinLetter } from "../../src/notifications/pdf.ts";
import {
  assertPdf,
  assertTagged,
  fontSizesPerPage,
  infoDict,
  metadataText,
  needsPoppler,
  pdftotext,
} from "./pdf-support.test.ts";

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
    assert.doesNotMatch(metadataText(raw), /K7M9|P2QX|Rossi|RSSMRA|Corrientes/);
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

  it(
    "is tagged in both languages: language, title shown, headings, paragraphs, the steps as a list",
    needsPoppler,
    async () => {
      for (const lang of ["it", "en"] as const) {
        const pdf = await renderPinLetterPdf(letter({ lang }));
        const raw = assertPdf(pdf);
        assert.match(raw, lang === "it" ? /\/Lang \(it-IT\)/ : /\/Lang \(en-GB\)/);
        assert.match(raw, /\/DisplayDocTitle true/);
        const tree = assertTagged(pdf);
        assert.match(tree, /^Document$/m);
        assert.match(tree, /^ {2}H1\b/m);
        assert.match(tree, /^ {2}H2\b/m);
        assert.equal(tree.match(/^ {4}LI\b/gm)?.length, 3, "three steps in one list");
        assert.match(tree, /^ {6}Lbl\b[^\n]*\n\s*"1\."/m);
        assert.match(tree, /"K7M9P2QX"/);
        assert.match(
          tree,
          lang === "it" ? /"Il suo PIN INPS - seconda parte"/ : /"Your INPS PIN - second part"/,
        );
        // The fold marks, the boxes and the return address are artifacts, not content.
        assert.doesNotMatch(tree, /Via Ciro il Grande 21 - 00144/);
        assert.match(pdftotext(pdf), /Via Ciro il Grande 21 - 00144/);
      }
    },
  );

  it("keeps its body text at 9.5 pt or more (only the postal return address is smaller)", async () => {
    const [sizes] = fontSizesPerPage(await renderPinLetterPdf(letter()));
    assert.ok(sizes !== undefined && sizes.length > 10);
    assert.deepEqual([...new Set(sizes.filter((s) => s < 9))], [6.5]);
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

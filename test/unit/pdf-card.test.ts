import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { renderPinCardPdf } from "../../src/notifications/pdf.ts";
import type { PinCard } from "../../src/notifications/pdf.ts";
import {
  assertPdf,
  assertTagged,
  fontSizesPerPage,
  infoDict,
  metadataText,
  needsPoppler,
  pdftotext,
} from "./pdf-support.test.ts";

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

describe("renderPinCardPdf", () => {
  it("renders a small one-page PDF whose metadata carries no PIN", async () => {
    for (const lang of ["it", "en"] as const) {
      for (const level of ["ordinary", "dispositive"] as const) {
        const c = card({ lang, level });
        const raw = assertPdf(await renderPinCardPdf(c));
        const info = infoDict(raw);
        assert.equal(info.Title, "INPS - PIN card");
        assert.equal(info.Author, "INPS");
        assert.doesNotMatch(metadataText(raw), /AB3D|9FGH|RSSMRA|RSS\*|600X|Rossi/);
        assert.ok(!raw.includes(c.pin));
        assert.ok(!raw.includes(c.fiscalCode));
      }
    }
  });

  it("prints the fiscal code masked as the letter does, never in full", needsPoppler, async () => {
    for (const lang of ["it", "en"] as const) {
      const text = pdftotext(await renderPinCardPdf(card({ lang })));
      assert.ok(!text.includes("RSSMRA40A01Z600X"), "full fiscal code on the card");
      assert.ok(!text.includes("RSSMRA40"), "more than the masked part");
      assert.ok(text.includes("RSS*********600X"), "masked fiscal code");
      assert.match(text, /AB3D 9FGH/);
      assert.match(
        text,
        lang === "it" ? /Scade il 15 settembre 2025/ : /Expires 15 September 2025/,
      );
      assert.match(text, lang === "it" ? /Livello: ordinario/ : /Level: ordinary/);
      assert.match(text, /Mario Rossi/);
    }
  });

  it("draws no text under 9 pt anywhere on the page", async () => {
    const holders = [
      "Mario Rossi",
      "Maria Concetta Giuseppina Addolorata Di Pietrantonio Fernández",
    ];
    for (const lang of ["it", "en"] as const) {
      for (const holderName of holders) {
        for (const level of ["ordinary", "dispositive"] as const) {
          const pages = fontSizesPerPage(await renderPinCardPdf(card({ lang, holderName, level })));
          assert.equal(pages.length, 1);
          const sizes = pages[0] ?? [];
          assert.ok(sizes.length >= 10, `text drawn: ${sizes.length} font settings`);
          const small = sizes.filter((s) => s < 9);
          assert.deepEqual(small, [], `${lang}, ${holderName}: sizes ${sizes.join(", ")}`);
          // The PIN itself is large.
          assert.ok(Math.max(...sizes) >= 20);
        }
      }
    }
  });

  it(
    "is tagged in both languages: heading, the card as a section, paragraphs",
    needsPoppler,
    async () => {
      for (const lang of ["it", "en"] as const) {
        const pdf = await renderPinCardPdf(card({ lang }));
        const raw = assertPdf(pdf);
        assert.match(raw, lang === "it" ? /\/Lang \(it-IT\)/ : /\/Lang \(en-GB\)/);
        assert.match(raw, /\/DisplayDocTitle true/);
        const tree = assertTagged(pdf);
        assert.match(
          tree,
          lang === "it" ? /H1[^\n]*\n\s*"La sua PIN card"/ : /H1[^\n]*\n\s*"Your PIN card"/,
        );
        assert.match(tree, /^ {2}Sect\b/m);
        assert.match(tree, /H2[^\n]*\n\s*"INPS - PIN card"/);
        assert.match(tree, lang === "it" ? /"Titolare Mario Rossi"/ : /"Holder Mario Rossi"/);
        assert.match(tree, /"PIN AB3D 9FGH"/);
        assert.ok(!tree.includes("RSSMRA40A01Z600X"));
      }
    },
  );

  it("renders holders beyond Latin-1", async () => {
    for (const holderName of ["Łukasz Żółć", "Ștefan Țăranu", "Иван Петров"])
      assertPdf(await renderPinCardPdf(card({ holderName })));
  });

  it("rejects a malformed PIN or date", async () => {
    await assert.rejects(renderPinCardPdf(card({ pin: "AB3D-9FGH" })), RangeError);
    await assert.rejects(renderPinCardPdf(card({ expiresOn: "" })), RangeError);
  });
});

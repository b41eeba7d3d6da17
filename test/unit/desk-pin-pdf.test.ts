/** The sheet printed at the desk for form MV35 (notifications/pdf/desk-pin.ts). */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { renderDeskPinPdf, type DeskPinSheet } from "../../src/notifications/pdf/desk-pin.ts";
import {
  assertPdf,
  assertTagged,
  fontSizesPerPage,
  metadataText,
  needsPoppler,
  pdftotext,
} from "./pdf-support.test.ts";

const sheet = (over: Partial<DeskPinSheet> = {}): DeskPinSheet => ({
  lang: "it",
  pin: "AB3D9FGHJK2M4N5P",
  holderName: "Mario Rossi",
  fiscalCode: "RSSMRA40A01Z600X",
  officeName: "Roma EUR",
  issuedOn: "2026-03-02",
  ...over,
});

describe("renderDeskPinPdf", () => {
  it("keeps the PIN, the name and the fiscal code out of the metadata", async () => {
    const raw = assertPdf(await renderDeskPinPdf(sheet()));
    assert.doesNotMatch(metadataText(raw), /AB3D|RSSMRA|Rossi/u);
    assert.ok(!raw.includes("AB3D9FGHJK2M4N5P"));
  });

  it(
    "prints the whole PIN in groups, the level and the fiscal code masked",
    needsPoppler,
    async () => {
      for (const lang of ["it", "en"] as const) {
        const text = pdftotext(await renderDeskPinPdf(sheet({ lang })));
        assert.match(text, /AB3D 9FGH JK2M 4N5P/u);
        assert.ok(text.includes("RSS*********600X") && !text.includes("RSSMRA40A01Z600X"));
        assert.match(text, lang === "it" ? /dispositivo/u : /dispositive/u);
      }
    },
  );

  it("is tagged, with a heading and a table, and no text under 9 pt", needsPoppler, async () => {
    const pdf = await renderDeskPinPdf(sheet({ lang: "en" }));
    const tree = assertTagged(pdf);
    assert.match(tree, /H1[^\n]*\n\s*"Your INPS PIN"/u);
    assert.match(tree, /\bTable\b/u);
    const sizes = fontSizesPerPage(pdf)[0] ?? [];
    assert.deepEqual(
      sizes.filter((s) => s < 9),
      [],
    );
  });

  it("refuses anything but a 16-character PIN", async () => {
    await assert.rejects(renderDeskPinPdf(sheet({ pin: "AB3D9FGH" })), RangeError);
  });
});

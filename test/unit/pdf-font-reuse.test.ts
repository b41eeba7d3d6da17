/**
 * Fonts and word layouts shared across documents (src/notifications/pdf/font-reuse.ts): many
 * letters rendered one after another, with the same and with different words (Latin extended),
 * each reads back exactly its own text.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderMessage } from "../../src/notifications/render.ts";

function letter(name: string, city: string, half: string) {
  return renderMessage(
    "pin_second_half_letter",
    "letter",
    {
      lang: "it",
      recipientName: name,
      date: "2026-11-27",
      claimReference: "R-1",
      fiscalCodeMasked: "RSS*********58W",
      address: { name, line1: "Ulica 1", postalCode: "00-950", city, country: "PL" },
    },
    half,
  );
}

describe("PDF fonts and layouts shared across documents", () => {
  it("renders each letter's own words, whatever was rendered before", async () => {
    const dir = mkdtempSync(join(tmpdir(), "inps-font-reuse-"));
    try {
      const cases = [
        ["Mario Rossi", "Warszawa", "ABCDEFGH"],
        ["Zażółć Gęślą", "Łódź", "KMNPQRST"],
        ["Mario Rossi", "Warszawa", "23456789"],
        ["Dvořák Šťastný", "Kraków", "WXYZ2345"],
      ] as const;
      for (const [i, [name, city, half]] of cases.entries()) {
        const { pdf } = await letter(name, city, half);
        assert.ok(pdf !== undefined);
        const file = join(dir, `${i}.pdf`);
        writeFileSync(file, pdf);
        const text = execFileSync("pdftotext", ["-q", file, "-"], { encoding: "utf8" });
        assert.ok(text.includes(city), `${city} in letter ${i}`);
        assert.ok(text.includes(name.split(" ")[0] ?? ""), `${name} in letter ${i}`);
        assert.ok(text.replace(/\s+/gu, "").includes(half), `the half in letter ${i}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

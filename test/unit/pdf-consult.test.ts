import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { PensionPayment } from "../../src/domain/archive.ts";
import { includesThirteenth } from "../../src/domain/pension.ts";
import type { ContributionStatement } from "../../src/flows/consult.ts";
import {
  renderContributionStatementPdf,
  renderPensionSlipPdf,
} from "../../src/notifications/pdf.ts";
import {
  assertPdf,
  assertTagged,
  fontSizesPerPage,
  infoDict,
  metadataText,
  needsPoppler,
  pdftotext,
} from "./pdf-support.test.ts";

const head = {
  holderName: "Mario Rossi",
  fiscalCode: "RSSMRA40A01Z600X",
  generatedOn: "2026-03-02",
};

/** `n` yearly periods from 1970, cycling through the kinds (and one the catalogue does not know). */
function statement(n: number): ContributionStatement {
  const kinds = ["employee", "self_employed", "voluntary", "figurative", "apprentice"];
  const periods = Array.from({ length: n }, (_, i) => ({
    from: `${1970 + i}-01-01`,
    to: `${1970 + i}-12-31`,
    employer:
      i % 5 === 0 ? "Officine Meccaniche Riunite di Sesto San Giovanni S.p.A." : "Fiat Auto S.p.A.",
    kind: kinds[i % kinds.length] ?? "employee",
    weeks: 52,
    earningsCents: 123456 + i * 100,
  }));
  const weeks = periods.reduce((s, p) => s + p.weeks, 0);
  return {
    periods,
    totals: {
      weeks,
      years: Math.floor(weeks / 52),
      months: Math.floor(((weeks % 52) * 12) / 52),
      earningsCents: periods.reduce((s, p) => s + p.earningsCents, 0),
    },
  };
}

const payment = (over: Partial<PensionPayment> = {}): PensionPayment => ({
  month: "2025-11",
  grossCents: 135431,
  taxCents: 31149,
  netCents: 104282,
  category: "VO",
  ...over,
});
const december = payment({
  month: "2025-12",
  grossCents: 270862,
  taxCents: 62298,
  netCents: 208564,
});

function assertAllSizesAtLeast9(pdf: Buffer): void {
  for (const [i, sizes] of fontSizesPerPage(pdf).entries()) {
    assert.ok(sizes.length > 0, `text on page ${i + 1}`);
    assert.deepEqual(
      sizes.filter((s) => s < 9),
      [],
      `page ${i + 1}: ${sizes.join(", ")}`,
    );
  }
}

describe("includesThirteenth", () => {
  it("is true for December payments only (the tredicesima is paid with December's)", () => {
    assert.equal(includesThirteenth(december), true);
    assert.equal(includesThirteenth(payment({ month: "2024-12" })), true);
    for (const month of ["2025-01", "2025-06", "2025-11", "2012-10"])
      assert.equal(includesThirteenth(payment({ month })), false, month);
  });
});

describe("renderContributionStatementPdf", () => {
  it(
    "renders a tagged statement in Italian with grouped amounts, kinds in words, the masked fiscal code",
    needsPoppler,
    async () => {
      const pdf = await renderContributionStatementPdf({
        lang: "it",
        ...head,
        statement: statement(3),
      });
      const raw = assertPdf(pdf);
      assert.equal(infoDict(raw).Title, "INPS - Estratto conto contributivo");
      assert.doesNotMatch(metadataText(raw), /Rossi|RSS|600X/);
      assert.ok(!raw.includes(head.fiscalCode));
      const text = pdftotext(pdf);
      assert.match(text, /Estratto conto contributivo/);
      assert.match(text, /Titolare: Mario Rossi/);
      assert.match(text, /RSS\*{9}600X/);
      assert.ok(!text.includes(head.fiscalCode));
      assert.match(text, /Documento prodotto il 2 marzo 2026/);
      assert.match(text, /1\.234,56\s€/);
      assert.match(text, /Lavoro dipendente/);
      assert.match(text, /Lavoro autonomo/);
      assert.match(text, /dal 1 gennaio 1970 al 31/);
      assert.match(text, /Totale\s+156\s+3\.706,68\s€/);
      assert.match(text, /Totale: 156 settimane \(3 anni e 0 mesi\)/);
      assert.match(text, /Pagina 1 di 1/);
      const tree = assertTagged(pdf);
      assert.match(tree, /H1[^\n]*\n\s*"Estratto conto contributivo"/);
      assert.match(tree, /^ {2}Table\b/m);
      assert.equal(
        tree.match(/^ {8}TH\b/gm)?.length,
        6,
        "five column headers and the totals row header",
      );
      assert.match(tree, /\/Scope \/Column/);
      assert.equal(tree.match(/^ {6}TR\b/gm)?.length, 5, "header, three periods, totals");
      // Page numbers are pagination artifacts, not content.
      assert.doesNotMatch(tree, /Pagina 1 di 1/);
    },
  );

  it(
    "runs over several pages: header row on each, 'Page n of N', totals at the end (English)",
    needsPoppler,
    async () => {
      const st = statement(60);
      const pdf = await renderContributionStatementPdf({ lang: "en", ...head, statement: st });
      const pages = pdfPageCount(pdf);
      assert.ok(pages >= 3, `${pages} pages`);
      assertPdf(pdf, pages);
      for (let p = 1; p <= pages; p++) {
        const text = pdftotext(pdf, p);
        assert.match(text, /Period\s+Employer\s+Type\s+Weeks\s+Earnings/, `header on page ${p}`);
        assert.match(text, new RegExp(`Page ${p} of ${pages}`));
        assert.equal(
          /Total: 3,120 weeks/.test(text),
          p === pages,
          `totals on the last page only (${p})`,
        );
      }
      const all = pdftotext(pdf);
      assert.match(all, /€1,234\.56/);
      assert.match(all, /Total\s+3,120\s+€75,843\.60/);
      assert.match(all, /Self-employment/);
      assert.match(all, /apprentice/, "an unknown kind is shown as it is");
      const tree = assertTagged(pdf);
      // One table across the pages; the repeated header rows are not in it.
      assert.equal(tree.match(/^ {2}Table\b/gm)?.length, 1);
      assert.equal(tree.match(/^ {6}TR\b/gm)?.length, 62);
      assert.equal(
        tree.match(/"from 1 January \d{4} to 31 December \d{4}"/g)?.length,
        60,
        "every period once",
      );
      assertAllSizesAtLeast9(pdf);
    },
  );

  it("says when there are no contributions", async () => {
    const empty = { periods: [], totals: { weeks: 0, years: 0, months: 0, earningsCents: 0 } };
    const pdf = await renderContributionStatementPdf({ lang: "it", ...head, statement: empty });
    assertPdf(pdf);
    assertAllSizesAtLeast9(pdf);
  });

  it("uses no text under 9 pt in either language, and rejects a malformed date", async () => {
    for (const lang of ["it", "en"] as const)
      assertAllSizesAtLeast9(
        await renderContributionStatementPdf({ lang, ...head, statement: statement(25) }),
      );
    await assert.rejects(
      renderContributionStatementPdf({
        lang: "it",
        ...head,
        generatedOn: "2026-02-30",
        statement: statement(1),
      }),
      RangeError,
    );
  });
});

describe("renderPensionSlipPdf", () => {
  it(
    "renders a tagged slip: month and category in words, gross, deductions, net",
    needsPoppler,
    async () => {
      for (const lang of ["it", "en"] as const) {
        const pdf = await renderPensionSlipPdf({ lang, ...head, payment: payment() });
        const raw = assertPdf(pdf);
        assert.equal(
          infoDict(raw).Title,
          lang === "it"
            ? "INPS - Cedolino della pensione, novembre 2025"
            : "INPS - Pension slip, November 2025",
        );
        assert.doesNotMatch(metadataText(raw), /Rossi|RSS|600X/);
        const text = pdftotext(pdf);
        assert.match(text, /RSS\*{9}600X/);
        assert.ok(!text.includes(head.fiscalCode));
        if (lang === "it") {
          assert.match(text, /Mese\s+novembre 2025\n/);
          assert.match(text, /Pensione\s+Pensione di vecchiaia/);
          assert.match(text, /Lordo\s+1\.354,31\s€/);
          assert.match(text, /Trattenute\s+311,49\s€/);
          assert.match(text, /Netto\s+1\.042,82\s€/);
        } else {
          assert.match(text, /Month\s+November 2025\n/);
          assert.match(text, /Pension\s+Old-age pension/);
          assert.match(text, /Gross\s+€1,354\.31/);
          assert.match(text, /Deductions\s+€311\.49/);
          assert.match(text, /Net\s+€1,042\.82/);
        }
        assert.doesNotMatch(text, /tredicesima|thirteenth/i);
        const tree = assertTagged(pdf);
        assert.match(tree, /^ {2}Table\b/m);
        assert.match(tree, /\/Scope \/Row/);
        assertAllSizesAtLeast9(pdf);
      }
    },
  );

  it("labels a December payment as including the tredicesima", needsPoppler, async () => {
    const it_ = pdftotext(await renderPensionSlipPdf({ lang: "it", ...head, payment: december }));
    assert.match(it_, /Mese\s+dicembre 2025, con la tredicesima/);
    assert.match(it_, /comprende la tredicesima mensilità/);
    assert.match(it_, /Lordo\s+2\.708,62\s€/);
    const pdf = await renderPensionSlipPdf({ lang: "en", ...head, payment: december });
    const en = pdftotext(pdf);
    assert.match(en, /December 2025, including the thirteenth payment/);
    assert.match(en, /thirteenth monthly payment \(tredicesima\)/);
    assertTagged(pdf);
    assertAllSizesAtLeast9(pdf);
  });

  it("shows an unknown category as it is and rejects a malformed month", async () => {
    assertPdf(
      await renderPensionSlipPdf({ lang: "it", ...head, payment: payment({ category: "XX" }) }),
    );
    await assert.rejects(
      renderPensionSlipPdf({ lang: "it", ...head, payment: payment({ month: "2025-13" }) }),
      RangeError,
    );
  });
});

function pdfPageCount(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type \/Page\b/g)?.length ?? 0;
}

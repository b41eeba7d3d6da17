/**
 * The consultation pages as a pensioner reads them: amounts and weeks with thousands
 * separators, the December payment labelled as carrying the tredicesima, and a printable PDF
 * of the statement and of each slip.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { money } from "../../../i18n/format.ts";
import { t } from "../../../i18n/index.ts";
import { escapeHtml } from "../../html.ts";
import type { Jar } from "../../../../test/helpers/app.ts";
import { personWithPin, startService, type TestService } from "../../../../test/helpers/app.ts";
import { page } from "../../../../test/helpers/journeys.ts";

describe("consultation screens", () => {
  let s: TestService;
  let jar: Jar;
  let months: string[];
  before(async () => {
    s = await startService({ archiveSize: 80 });
    const pensioner = s.eligible.find(
      (p) =>
        p.mobile !== undefined &&
        p.email !== undefined &&
        p.pensionPayments.some((m) => m.month.endsWith("-12")) &&
        p.contributions.reduce((n, c) => n + c.earningsCents, 0) >= 100_000_00,
    );
    assert.ok(pensioner !== undefined, "a pensioner with a long career in the demo archive");
    months = pensioner.pensionPayments.map((m) => m.month);
    jar = (await personWithPin(s, pensioner)).jar;
  });
  after(async () => {
    await s.close();
  });

  it("groups thousands in amounts and weeks (1.234,56 €, not 1234,56 €)", async () => {
    const res = await page(s, "/estratto-conto", jar);
    assert.equal(res.statusCode, 200);
    const amounts = [...res.body.matchAll(/(\d[\d.]*,\d{2})\s€/gu)].map((m) => m[1] ?? "");
    assert.ok(
      amounts.some((a) => a.includes(".")),
      `grouped amounts: ${amounts.slice(0, 5).join(" ")}`,
    );
    assert.ok(!/\b\d{4,},\d{2}\s€/u.test(res.body), "no ungrouped amount");
    assert.equal(money("it", 123456), "1.234,56\u00a0€");
    assert.ok(res.body.includes('href="/estratto-conto.pdf"'));
  });

  it("labels the December payment as including the tredicesima, and links a PDF per slip", async () => {
    const res = await page(s, "/cedolino", jar);
    assert.equal(res.statusCode, 200);
    assert.ok(res.body.includes(escapeHtml(t("it", "slips.thirteenth"))));
    for (const m of months) assert.ok(res.body.includes(`href="/cedolino/${m}.pdf"`), m);
  });

  it("serves the statement and a slip as PDFs, and 404 for a month without a payment", async () => {
    for (const url of ["/estratto-conto.pdf", `/cedolino/${months[0] ?? ""}.pdf`]) {
      const pdf = await page(s, url, jar);
      assert.equal(pdf.statusCode, 200, url);
      assert.match(String(pdf.headers["content-type"]), /^application\/pdf/u);
      assert.equal(pdf.headers["cache-control"], "no-store");
      assert.equal(pdf.rawPayload.subarray(0, 5).toString("latin1"), "%PDF-");
    }
    assert.equal((await page(s, "/cedolino/1999-01.pdf", jar)).statusCode, 404);
    assert.equal((await page(s, "/cedolino/../../etc.pdf", jar)).statusCode, 404);
  });
});

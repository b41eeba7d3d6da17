/**
 * The dispositive PIN journey in Chromium, at phone size with axe on every page: a benefit
 * claim filed with an ordinary PIN waits; the signed form and a passport photo are uploaded
 * from the personal area; the reviewer approves with `inps-pin conversion approve` (the CLI
 * command's code, on this service's database and clock); after a new login the PIN is
 * dispositive and the waiting claim is in processing with its filing time.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { conversionCommand } from "../../src/cli/conversion.ts";
import { personWithPin } from "../helpers/app.ts";
import {
  assertPage,
  browserSkip,
  okHtml,
  PHONE,
  startBrowserService,
  type BrowserService,
} from "../helpers/browser.ts";
import { People, rows } from "../helpers/journeys.ts";
import * as files from "../helpers/uploads.ts";

describe("dispositive PIN journey in Chromium", { skip: browserSkip() }, () => {
  let b: BrowserService;
  let people: People;
  before(async () => {
    b = await startBrowserService({ archiveSize: 20 });
    people = new People(b.s);
  });
  after(async () => {
    await b.close();
  });

  const check = assertPage;
  const login = async (page: Page, fiscalCode: string, pin: string) => {
    okHtml(await page.goto("/accedi"), "login");
    await page.getByLabel("Codice fiscale").fill(fiscalCode);
    await page.getByLabel(/^PIN\b/u).fill(pin);
    await page.getByRole("button", { name: "Accedi" }).click();
    await page.waitForURL("**/area-personale");
  };

  it("claim waits → upload → CLI approval → new login → claim in processing", async () => {
    const p = people.next();
    const { pin } = await personWithPin(b.s, p);
    await b.s.deliver();
    const page = await b.newPage({ viewport: PHONE });
    await login(page, p.fiscalCode, pin);

    // A claim filed with the ordinary PIN: filed, waiting.
    await page.getByRole("link", { name: /Apri Domande di prestazione/u }).click();
    await page.waitForURL("**/area-personale/domande");
    await check(page, "benefit claims");
    await page.getByRole("link", { name: /Pagamento della pensione/u }).click();
    await check(page, "claim form");
    await page.getByRole("button", { name: "Presenta la domanda" }).click();
    await check(page, "claim form with errors");
    assert.match(await page.title(), /^Errore:/u);
    await page.getByLabel("Numero della pensione").fill("VO 7654321");
    await page.getByLabel("Paese della banca").selectOption("AR");
    await page.getByLabel(/IBAN/u).fill("DE89 3704 0044 0532 0130 00");
    await page.getByRole("button", { name: "Presenta la domanda" }).click();
    await page.waitForURL("**/area-personale/domande?protocollo=*");
    await check(page, "claim filed");
    const protocol = /INPS\.\d{4}\.\d{7}/u.exec(await page.locator("main").innerText())?.[0];
    assert.ok(protocol !== undefined);
    assert.match(
      await page.locator("li", { hasText: protocol }).innerText(),
      /In attesa del PIN dispositivo/u,
    );

    // The conversion: form to download, two files to upload.
    await page.goto("/area-personale/pin-dispositivo");
    await check(page, "dispositive PIN");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Scarica il modulo (PDF)" }).click();
    assert.match((await download).suggestedFilename(), /^richiesta-pin-dispositivo-CD-/u);
    await page.getByLabel("Modulo firmato").setInputFiles({
      name: "modulo-firmato.pdf",
      mimeType: "application/pdf",
      buffer: files.executable(),
    });
    await page.getByLabel("Documento di identità").setInputFiles({
      name: "passaporto.jpg",
      mimeType: "image/jpeg",
      buffer: await files.jpegWithGps(),
    });
    await page.getByRole("button", { name: "Invia la richiesta" }).click();
    await check(page, "upload refused");
    assert.match(await page.locator("#cv-signedForm-error").innerText(), /modulo-firmato\.pdf/u);
    await page.getByLabel("Modulo firmato").setInputFiles({
      name: "modulo-firmato.pdf",
      mimeType: "application/pdf",
      buffer: await files.pdf(),
    });
    await page.getByLabel("Documento di identità").setInputFiles({
      name: "passaporto.jpg",
      mimeType: "image/jpeg",
      buffer: await files.jpegWithGps(),
    });
    await page.getByRole("button", { name: "Invia la richiesta" }).click();
    await page.waitForURL("**/area-personale/pin-dispositivo?esito=inviata");
    await check(page, "request sent");

    // The reviewer approves from the command line.
    const [request] = await rows<{ id: string }>(
      b.s,
      "SELECT id FROM conversion_request WHERE fiscal_code = $1 AND status = 'submitted'",
      [p.fiscalCode],
    );
    assert.ok(request !== undefined);
    const code = await conversionCommand(
      b.s.rt.ctx.config,
      b.s.tdb.db,
      ["approve", request.id],
      b.s.clock,
    );
    assert.equal(code, 0);

    // The open session keeps its level and says so; a new login has the new one.
    await page.reload();
    assert.match(await page.locator("main").innerText(), /Esca e rientri/u);
    await page.getByRole("button", { name: /Esci/u }).first().click();
    await login(page, p.fiscalCode, pin);
    assert.match(await page.locator("main").innerText(), /Dispositivo/iu);
    await page.goto("/area-personale/domande");
    await check(page, "claims after approval");
    const row = page.locator("li", { hasText: protocol });
    assert.match(await row.innerText(), /In lavorazione/u);
  });
});

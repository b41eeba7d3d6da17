/**
 * The citizen's journey in Chromium, as a person does it: the demo page, the claim form, the
 * development outbox read from the screen, first access with the 16 characters, the new
 * 8-character PIN and its card, log out, log in again and the contribution statement. The
 * Italian journey runs at phone size (the pensioner on a cheap phone), the English start on
 * a desktop. axe-core checks every page on the way.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import type { ArchivePerson } from "../../src/domain/archive.ts";
import { integer } from "../../src/i18n/format.ts";
import {
  assertAccessible,
  assertFitsWidth,
  assertPdf,
  browserSkip,
  DESKTOP,
  mainText,
  okHtml,
  PHONE,
  startBrowserService,
  type BrowserService,
} from "../helpers/browser.ts";

function personByCf(b: BrowserService, fiscalCode: string): ArchivePerson {
  const p = b.s.people.find((x) => x.fiscalCode === fiscalCode);
  assert.ok(p !== undefined, `${fiscalCode} is in the archive`);
  return p;
}

/** Picks the first eligible person on /dev and follows their "claim as" link. */
async function claimAsFirstEligible(page: Page, linkName: RegExp): Promise<string> {
  const firstRow = page.locator("table").first().locator("tbody tr").first();
  const fiscalCode = (await firstRow.locator("code").innerText()).trim();
  assert.match(fiscalCode, /^[0-9A-Z]{16}$/u);
  await firstRow.getByRole("link", { name: linkName }).click();
  await page.waitForURL(`**/dev/richiedi-pin?cf=${fiscalCode}`);
  return fiscalCode;
}

describe("browser journey in Chromium", { skip: browserSkip() }, () => {
  let b: BrowserService;
  before(async () => {
    b = await startBrowserService();
  });
  after(async () => {
    await b.close();
  });

  it("Italian, on a phone: claim → outbox → first access → new PIN → login → contribution statement", async () => {
    const page = await b.newPage({ viewport: PHONE });
    const check = async (label: string) => {
      await assertAccessible(page, label);
      await assertFitsWidth(page, label);
    };

    okHtml(await page.goto("/"), "home");
    assert.equal(await page.locator("html").getAttribute("lang"), "it");
    await page
      .getByRole("heading", { level: 1, name: "PIN INPS per chi risiede all'estero" })
      .waitFor();
    await check("home (it)");

    okHtml(await page.goto("/richiedi-pin"), "claim form");
    assert.equal(
      await page.getByLabel("Codice fiscale").inputValue(),
      "",
      "no demo parameter, no pre-fill",
    );
    await check("claim form, empty (it)");

    // The development page: pick the first person who may claim, and claim as them.
    okHtml(await page.goto("/dev"), "/dev");
    await page.getByRole("heading", { level: 1, name: "Persone di prova" }).waitFor();
    await check("/dev (it)");
    const fiscalCode = await claimAsFirstEligible(page, /Richiedi il PIN come questa persona/u);
    const person = personByCf(b, fiscalCode);

    // The form arrives filled in with the archive data.
    assert.equal(await page.getByLabel("Codice fiscale").inputValue(), fiscalCode);
    assert.equal(await page.getByLabel("Cognome").inputValue(), person.surname);
    assert.equal(
      await page.getByLabel("Stato di residenza").inputValue(),
      person.residence.country,
    );
    assert.equal(await page.getByLabel("Codice postale").inputValue(), person.residence.postalCode);
    assert.equal(await page.getByLabel("Anno").inputValue(), person.birthDate.slice(0, 4));
    assert.ok(await page.getByRole("radio", { name: "SMS al cellulare" }).isChecked());
    // (The same page as the empty form, scanned above; axe on the long form is the slowest scan.)
    await assertFitsWidth(page, "claim form, pre-filled (it)");

    await page.getByRole("button", { name: "Invia la richiesta" }).click();
    await page.waitForURL("**/richiedi-pin/esito");
    await page.getByRole("heading", { level: 1, name: "Il PIN è stato emesso" }).waitFor();
    const reference = /Numero di riferimento della richiesta: ([0-9A-F]{8})/u.exec(
      await mainText(page),
    )?.[1];
    assert.ok(reference !== undefined, "the outcome page gives a reference number");
    await check("claim outcome (it)");

    // The outbox, read from the page as a person reads an SMS and a letter.
    await b.s.deliver();
    okHtml(await page.goto("/dev/outbox"), "/dev/outbox");
    await check("/dev/outbox (it)");
    const sms = page
      .getByRole("article")
      .filter({ hasText: person.mobile ?? "no mobile" })
      .filter({ hasText: "SMS" });
    const smsText = await sms.innerText();
    const firstHalf = /prima parte del PIN: ([2-9A-HJKMNP-Z]{4} [2-9A-HJKMNP-Z]{4})/u.exec(
      smsText,
    )?.[1];
    assert.ok(firstHalf !== undefined, `the SMS carries the first half:\n${smsText}`);
    const letter = page
      .getByRole("article")
      .filter({ hasText: "LETTER" })
      .filter({ hasText: reference });
    const letterText = await letter.innerText();
    assert.ok(
      letterText.includes(`${person.givenNames} ${person.surname}`),
      "the letter is addressed to the person",
    );
    assert.ok(letterText.includes(person.residence.city), "at their residence abroad");
    const secondHalf = /ultimi 8 caratteri\):\s+([2-9A-HJKMNP-Z]{4} [2-9A-HJKMNP-Z]{4})/u.exec(
      letterText,
    )?.[1];
    assert.ok(secondHalf !== undefined, `the letter carries the second half:\n${letterText}`);

    // The letter PDF behind its link: following it opens a PDF (Chromium shows it in its
    // viewer, so the bytes are checked by fetching the same address with the same cookies).
    const pdfLink = letter.getByRole("link", { name: "Apri la lettera (PDF)" });
    const href = await pdfLink.getAttribute("href");
    assert.ok(href !== null && href.endsWith(".pdf"));
    const [opened] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === href),
      pdfLink.click(),
    ]);
    assert.equal(opened.status(), 200);
    assert.equal(opened.headers()["content-type"], "application/pdf");
    const pdfRes = await page.request.get(href);
    assert.equal(pdfRes.status(), 200);
    assertPdf(await pdfRes.body(), "letter PDF");

    // First access: a wrong PIN first, then the 16 characters typed as printed (with spaces).
    okHtml(await page.goto("/accedi"), "login");
    await check("login (it)");
    await page.getByLabel("Codice fiscale").fill(fiscalCode.toLowerCase());
    await page.getByLabel(/^PIN\b/u).fill("2345 6789 ABCD EFGH");
    await page.getByRole("button", { name: "Accedi", exact: true }).click();
    await page.getByRole("heading", { name: "Codice fiscale o PIN non corretti" }).waitFor();
    assert.equal(
      await page.getByLabel(/^PIN\b/u).inputValue(),
      "",
      "a wrong PIN is not echoed back",
    );
    await check("login after a wrong PIN (it)");

    // "Show the PIN" (a small script; the page works without it) helps copying 16 characters.
    const pinField = page.getByLabel(/^PIN\b/u);
    assert.equal(await pinField.getAttribute("type"), "password");
    await page.locator("label[for=f-showPin]").click();
    assert.ok(await page.getByLabel("Mostra il PIN mentre lo scrivo").isChecked());
    assert.equal(await pinField.getAttribute("type"), "text", "the PIN is shown while typing");
    await pinField.fill(`${firstHalf} ${secondHalf}`);
    await page.getByRole("button", { name: "Accedi", exact: true }).click();
    await page.waitForURL("**/nuovo-pin");
    await page
      .getByRole("heading", { level: 1, name: "Primo accesso: il suo nuovo PIN" })
      .waitFor();
    await check("/nuovo-pin (it)");

    await page.getByRole("button", { name: "Genera il nuovo PIN" }).click();
    await page.getByRole("heading", { level: 1, name: "Ecco il suo nuovo PIN" }).waitFor();
    const shown = (await page.locator("#new-pin").innerText()).replace(/\s/gu, "");
    assert.match(
      shown,
      /^[2-9A-HJKMNP-Z]{8}$/u,
      "an 8-character PIN without look-alike characters",
    );
    const spelled = await page.locator(".pin-spelled").innerText();
    assert.equal(spelled.replace(/\s/gu, ""), shown, "spelled out character by character");
    await check("the new PIN shown (it)");

    // The printable PIN card.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Scarica la tessera PIN (PDF)" }).click(),
    ]);
    assert.equal(download.suggestedFilename(), "tessera-pin-inps.pdf");
    const cardPath = await download.path();
    assertPdf(await readFile(cardPath), "PIN card");

    // Leaving the page asks whether the PIN was noted (a page of its own: no script needed).
    await page.getByRole("link", { name: "Ho annotato il PIN: continua" }).click();
    await page.waitForURL("**/pin/annotato");
    await page.getByRole("heading", { level: 1, name: "Ha annotato il nuovo PIN?" }).waitFor();
    await check("/pin/annotato (it)");
    await page.getByRole("button", { name: "Sì, l'ho annotato: continua" }).click();
    await page.waitForURL("**/area-personale");
    await page.getByRole("heading", { level: 1, name: "Area personale" }).waitFor();
    await check("/area-personale after activation (it)");

    // Log out, and back in with the 8 characters.
    await page.getByRole("button", { name: "Esci" }).click();
    await page.waitForURL((u) => u.pathname === "/");
    assert.equal(await page.getByRole("button", { name: "Esci" }).count(), 0, "logged out");
    await page.getByRole("link", { name: "Accedi con il PIN" }).click();
    await page.waitForURL("**/accedi");
    await page.getByLabel("Codice fiscale").fill(fiscalCode);
    await page.getByLabel(/^PIN\b/u).fill(shown);
    await page.getByRole("button", { name: "Accedi", exact: true }).click();
    await page.waitForURL("**/area-personale");
    await page.getByRole("heading", { level: 1, name: "Area personale" }).waitFor();

    // The contribution statement matches the archive.
    await page.getByRole("link", { name: "Apri Estratto conto contributivo" }).click();
    await page.waitForURL("**/estratto-conto");
    await page.getByRole("heading", { level: 1, name: "Estratto conto contributivo" }).waitFor();
    const weeks = person.contributions.reduce((n, c) => n + c.weeks, 0);
    assert.ok(weeks > 0, "the demo person has contributions");
    const statement = await mainText(page);
    assert.ok(
      statement.includes(`Totale: ${integer("it", weeks)} settimane`),
      `total weeks ${weeks} shown:\n${statement.slice(0, 300)}`,
    );
    const firstEmployer = person.contributions[0]?.employer ?? "";
    assert.ok(statement.includes(firstEmployer), "the first employer is listed");
    const rows = page.locator("table tbody tr");
    assert.equal(
      await rows.count(),
      person.contributions.length,
      "one row per contribution period",
    );
    await check("/estratto-conto (it)");

    await page.getByRole("link", { name: "Area personale", exact: false }).first().click();
    await page.getByRole("link", { name: "Apri Cedolino della pensione" }).click();
    await page.waitForURL("**/cedolino");
    await page.getByRole("heading", { level: 1, name: "Cedolino della pensione" }).waitFor();
    assert.equal(
      await page.locator("table tbody tr").count(),
      person.pensionPayments.length,
      "one row per payment",
    );
    await check("/cedolino (it)");
  });

  it("English: the language switch in the header → claim form in English → submit → outcome in English", async () => {
    const page = await b.newPage({ viewport: DESKTOP });
    okHtml(await page.goto("/"), "home");
    await page.getByRole("banner").getByRole("link", { name: "English" }).click();
    await page.waitForURL((u) => u.pathname === "/");
    assert.equal(await page.locator("html").getAttribute("lang"), "en");
    await page
      .getByRole("heading", { level: 1, name: "INPS PIN for people living abroad" })
      .waitFor();
    await assertAccessible(page, "home (en)");

    await page.getByRole("link", { name: "Claim your PIN" }).click();
    await page.waitForURL("**/richiedi-pin");
    await page.getByRole("heading", { level: 1, name: "Claim your PIN" }).waitFor();
    assert.equal(await page.locator("html").getAttribute("lang"), "en");
    await assertAccessible(page, "claim form, empty (en)");

    // Same start as the Italian journey, in English: claim as a demo person.
    okHtml(await page.goto("/dev"), "/dev");
    const fiscalCode = await claimAsFirstEligible(page, /Claim a PIN as this person/u);
    assert.equal(await page.getByLabel("Fiscal code").inputValue(), fiscalCode);
    assert.equal(await page.getByLabel("Surname").inputValue(), personByCf(b, fiscalCode).surname);
    await page.getByRole("button", { name: "Send the claim" }).click();
    await page.waitForURL("**/richiedi-pin/esito");
    await page.getByRole("heading", { level: 1, name: "Your PIN has been issued" }).waitFor();
    assert.match(await mainText(page), /Claim reference number: [0-9A-F]{8}/u);
    assert.equal(await page.locator("html").getAttribute("lang"), "en");
    await assertAccessible(page, "claim outcome (en)");

    await page.getByRole("link", { name: "Go to log in" }).click();
    await page.waitForURL("**/accedi");
    await page.getByRole("heading", { level: 1, name: "Log in with your PIN" }).waitFor();
    await assertAccessible(page, "login (en)");

    // And back to Italian from the header, staying on the same page.
    await page.getByRole("banner").getByRole("link", { name: "Italiano" }).click();
    await page.waitForURL("**/accedi");
    await page.getByRole("heading", { level: 1, name: "Accedi con il PIN" }).waitFor();
  });
});

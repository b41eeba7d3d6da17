/**
 * The office desk in Chromium with axe on every page (issue 7): a clerk logs in at
 * /operatori/accedi (username, password, TOTP), issues a PIN with form MV35 and prints it;
 * the citizen logs in at /accedi with those 16 characters, gets the operating PIN at the first
 * access and lands in the personal area with a dispositive PIN.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import {
  assertPage,
  assertPdf,
  browserSkip,
  loginStaffInBrowser,
  okHtml,
  PHONE,
  startBrowserService,
  type BrowserService,
} from "../helpers/browser.ts";
import { People } from "../helpers/journeys.ts";
import { enrolStaff } from "../helpers/staff.ts";

describe("the office desk in Chromium", { skip: browserSkip() }, () => {
  let b: BrowserService;
  let people: People;
  before(async () => {
    b = await startBrowserService({ archiveSize: 20 });
    people = new People(b.s);
  });
  after(async () => {
    await b.close();
  });

  it("MV35 at the desk → the citizen's first login → a dispositive PIN", async () => {
    const clerk = await enrolStaff(b.s, { role: "office_clerk", officeId: "roma-eur" });
    const p = people.next();
    const desk = await b.newPage();

    await loginStaffInBrowser(desk, b.s, clerk);
    await assertPage(desk, "staff desk");

    await desk.getByRole("link", { name: "PIN dispositivo in sede (MV35)" }).click();
    await desk.waitForURL("**/operatori/sportello/mv35");
    await assertPage(desk, "MV35 form");
    // Sent empty first: every refusal is listed and tied to its field.
    await desk.getByRole("button", { name: "Rilascia il PIN dispositivo" }).click();
    await desk.getByRole("heading", { name: "Ci sono dei problemi da correggere" }).waitFor();
    await assertPage(desk, "MV35 form with errors");
    await desk.getByLabel("Codice fiscale").fill(p.fiscalCode);
    await desk.getByLabel("Tipo di documento").selectOption("passport");
    await desk.getByLabel("Numero del documento").fill("AR9988776");
    await desk.getByLabel("Stato di rilascio").selectOption("AR");
    await desk.getByLabel(/^Scadenza/u).fill("2031-12-31");
    await desk.getByLabel(/^Cellulare/u).fill("+5491155550000");
    await desk.getByLabel("E-mail").fill("sportello.browser@example.com");
    // Bootstrap Italia draws the checkbox with its label (the label takes the click).
    await desk.locator("label[for=f-applicantPresent]").click();
    assert.ok(await desk.getByLabel(/presente di persona/u).isChecked());
    await desk.getByLabel("Occasione").selectOption("appointment");
    await desk.getByLabel(/^Riferimento/u).fill("BOOK-2026-0301");
    await desk.getByRole("button", { name: "Rilascia il PIN dispositivo" }).click();
    await desk.getByRole("heading", { level: 1, name: "PIN dispositivo rilasciato" }).waitFor();
    await assertPage(desk, "MV35 PIN shown");
    const pin = (await desk.getByTestId("desk-pin").innerText()).replace(/\s/gu, "");
    assert.match(pin, /^[2-9A-HJKMNP-Z]{16}$/u);

    const [download] = await Promise.all([
      desk.waitForEvent("download"),
      desk.getByRole("link", { name: "Stampa il PIN (PDF)" }).click(),
    ]);
    assertPdf(await readFile(await download.path()), "MV35 PIN sheet");

    const citizen = await b.newPage({ viewport: PHONE });
    okHtml(await citizen.goto("/accedi"), "login");
    await citizen.getByLabel("Codice fiscale").fill(p.fiscalCode);
    await citizen.getByLabel(/^PIN\b/u).fill(pin);
    await citizen.getByRole("button", { name: "Accedi", exact: true }).click();
    await citizen.waitForURL("**/nuovo-pin");
    await assertPage(citizen, "first access");
    await citizen.getByRole("button", { name: "Genera il nuovo PIN" }).click();
    await citizen.getByRole("heading", { level: 1, name: "Ecco il suo nuovo PIN" }).waitFor();
    await citizen.getByRole("link", { name: "Ho annotato il PIN: continua" }).click();
    await citizen.getByRole("button", { name: "Sì, l'ho annotato: continua" }).click();
    await citizen.waitForURL("**/area-personale");
    await assertPage(citizen, "personal area");
    assert.match(await citizen.locator("main").innerText(), /Dispositivo \(tutti i servizi\)/u);
    const me = await citizen.request.get("/api/v1/me");
    assert.equal(((await me.json()) as { level: string }).level, "dispositive");

    okHtml(await citizen.goto("/area-personale/deleghe"), "delegations");
    await assertPage(citizen, "the holder's delegations");
  });
});

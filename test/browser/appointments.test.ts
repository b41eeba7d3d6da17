/**
 * Desk appointments in Chromium, axe on every page: a member of the public books a slot from
 * the home page on a phone and gets a booking code; a clerk of that office logs in, finds the
 * appointment in the office's calendar and marks it attended.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  assertPage,
  browserSkip,
  loginStaffInBrowser,
  mainText,
  okHtml,
  PHONE,
  startBrowserService,
  type BrowserService,
} from "../helpers/browser.ts";
import { enrolStaff } from "../helpers/staff.ts";

describe("desk appointments in Chromium", { skip: browserSkip() }, () => {
  let b: BrowserService;
  before(async () => {
    b = await startBrowserService({ archiveSize: 5 });
  });
  after(async () => {
    await b.close();
  });

  it("the public books a slot and gets a code; the office's clerk marks it attended", async () => {
    // Monday 2 March 2026, 10:00 in Rome: Roma EUR still has slots this morning.
    const page = await b.newPage({ viewport: PHONE });
    okHtml(await page.goto("/"), "home");
    await assertPage(page, "home, with the appointment card");
    await page.getByRole("link", { name: "Prenota un appuntamento" }).click();
    await page.waitForURL("**/prenota-appuntamento");
    await assertPage(page, "booking: office and purpose");
    await page.getByRole("button", { name: "Continua" }).click();
    await assertPage(page, "booking: office and purpose, with errors");
    await page.getByLabel("Sede").selectOption("roma-eur");
    // A person clicks the label (Bootstrap Italia draws the radio under it).
    await page.locator("label", { hasText: "Richiesta del PIN allo sportello" }).click();
    assert.ok(await page.getByLabel("Richiesta del PIN allo sportello (modulo MV35)").isChecked());
    await page.getByRole("button", { name: "Continua" }).click();
    await page.waitForURL("**/prenota-appuntamento/giorni?**");
    await assertPage(page, "booking: days");
    await page.getByRole("link", { name: "lunedì 2 marzo 2026" }).click();
    await page.waitForURL("**/prenota-appuntamento/orario?**");
    await assertPage(page, "booking: time and details");
    await page.getByRole("button", { name: "Prenota" }).click();
    await assertPage(page, "booking: time and details, with errors");
    assert.match(await page.title(), /^Errore:/u);
    await page.locator("label", { hasText: /^10:10$/u }).click();
    assert.ok(await page.getByLabel("10:10").isChecked());
    await page.getByLabel("Nome e cognome").fill("María José Fernández");
    await page.getByLabel("E-mail").fill("maria.jose@example.com");
    await page.getByRole("button", { name: "Prenota" }).click();
    await page.waitForURL("**/prenota-appuntamento/confermata");
    await assertPage(page, "booking: confirmation");
    const code = (await page.getByTestId("booking-code").innerText()).trim();
    assert.match(code, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/u);
    assert.match(await mainText(page), /lunedì 2 marzo 2026, 10:10/u);

    const staff = await enrolStaff(b.s, { role: "office_clerk", officeId: "roma-eur" });
    const desk = await b.newPage({ viewport: PHONE });
    await loginStaffInBrowser(desk, b.s, staff);
    await desk.getByRole("link", { name: "Calendario degli appuntamenti" }).click();
    await desk.waitForURL("**/operatori/calendario");
    await assertPage(desk, "clerk: calendar");
    const row = desk.locator("tr[data-appointment]", { hasText: "María José Fernández" });
    await assert.doesNotReject(row.waitFor());
    assert.match(await row.innerText(), /Prenotato/u);
    await row.getByRole("button", { name: /^Presentato/u }).click();
    await desk.waitForURL("**/operatori/calendario?**segnato=1");
    await assertPage(desk, "clerk: attendance recorded");
    assert.match(await mainText(desk), /Presenza registrata/u);
    assert.match(
      await desk.locator("tr[data-appointment]", { hasText: "María José Fernández" }).innerText(),
      /Presentato/u,
    );
  });
});

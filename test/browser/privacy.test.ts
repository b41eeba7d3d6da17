/**
 * The holder's own pages in Chromium, at phone size with axe on every page: activity,
 * sessions and devices (ending another session with its button), and the data export page,
 * reached from the personal area, in Italian and in English.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";

import { api, Jar, personWithPin } from "../helpers/app.ts";
import {
  assertPage,
  browserSkip,
  okHtml,
  PHONE,
  startBrowserService,
  type BrowserService,
} from "../helpers/browser.ts";
import { People } from "../helpers/journeys.ts";

describe("activity, sessions and data pages in Chromium", { skip: browserSkip() }, () => {
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

  it("walks activity, sessions (ending another one) and data from the personal area", async () => {
    const p = people.next();
    const { pin } = await personWithPin(b.s, p);
    await api(b.s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin }, new Jar());
    const page = await b.newPage({ viewport: PHONE });
    okHtml(await page.goto("/accedi"), "login");
    await page.getByLabel("Codice fiscale").fill(p.fiscalCode);
    await page.getByLabel(/^PIN\b/u).fill(pin);
    await page.getByRole("button", { name: "Accedi" }).click();
    await page.waitForURL("**/area-personale");

    await page.getByRole("link", { name: /Apri La mia attività/u }).click();
    await page.waitForURL("**/area-personale/attivita");
    await check(page, "activity");
    await page.getByRole("link", { name: /Area personale/u }).click();

    await page.getByRole("link", { name: /Apri Accessi e dispositivi/u }).click();
    await page.waitForURL("**/area-personale/accessi");
    await check(page, "sessions and devices");
    const end = page.getByRole("button", { name: /^Chiudi la sessione/u });
    assert.ok((await end.count()) >= 1);
    await end.first().click();
    await page.waitForURL("**/area-personale/accessi?esito=chiusa");
    await check(page, "session ended");

    okHtml(await page.goto("/area-personale/dati"), "data");
    await check(page, "data export");
    okHtml(await page.goto("/area-personale/attivita?lang=en"), "activity in English");
    await check(page, "activity (en)");
    assert.equal(await page.locator("h1").textContent(), "My activity");
  });
});

/**
 * The self-service journeys in Chromium, as a person does them, at phone size with axe on
 * every page: recovery from the login page to the new PIN; revocation from the login page to
 * "PIN revoked"; the letter-resend form.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";

import type { ArchivePerson } from "../../src/domain/archive.ts";
import { personWithPin } from "../helpers/app.ts";
import {
  assertPage,
  browserSkip,
  okHtml,
  PHONE,
  startBrowserService,
  type BrowserService,
} from "../helpers/browser.ts";
import { People } from "../helpers/journeys.ts";

describe("self-service journeys in Chromium", { skip: browserSkip() }, () => {
  let b: BrowserService;
  let people: People;
  before(async () => {
    b = await startBrowserService({ archiveSize: 30 });
    people = new People(b.s);
  });
  after(async () => {
    await b.close();
  });

  const check = assertPage;
  /** The path and query of the newest link of this kind in the outbox. */
  const linkIn = async (kind: string): Promise<string> => {
    const entries = (await b.s.deliver()).filter((e) => e.kind === kind);
    const m = /https?:\/\/[^/\s]+(\/\S+token=[A-Za-z0-9_-]{43})/u.exec(entries.at(-1)?.text ?? "");
    assert.ok(m?.[1] !== undefined, `a ${kind} in the outbox`);
    return m[1];
  };

  it("recovery: login page → form → e-mailed link → confirmation → new PIN → first access", async () => {
    const p: ArchivePerson = people.next();
    await personWithPin(b.s, p);
    await b.s.deliver();
    const page = await b.newPage({ viewport: PHONE });
    okHtml(await page.goto("/accedi"), "login");
    await page.getByRole("link", { name: "Lo ripristini online" }).click();
    await page.waitForURL("**/recupera-pin");
    await check(page, "recovery form");
    await page.getByRole("button", { name: "Chieda il ripristino" }).click();
    await check(page, "recovery form with errors");
    assert.match(await page.title(), /^Errore:/u);
    await page.getByLabel("Codice fiscale").fill(p.fiscalCode);
    await page.getByLabel("Cellulare").fill(p.mobile ?? "");
    await page.getByLabel("E-mail").fill(p.email ?? "");
    await page.getByRole("button", { name: "Chieda il ripristino" }).click();
    await page.waitForURL("**/recupera-pin/inviata");
    await check(page, "recovery sent");

    okHtml(await page.goto(await linkIn("recovery_link")), "recovery confirmation");
    await check(page, "recovery confirmation");
    await page.getByRole("button", { name: /Confermo/u }).click();
    await page.waitForURL("**/recupera-pin/completato");
    await check(page, "recovery done");
    assert.match(await page.locator("main").innerText(), /Prima parte/u);

    const halves = (await b.s.deliver()).filter(
      (e) => e.kind.startsWith("recovery_") && e.kind.endsWith("half"),
    );
    const pin = ["recovery_first_half", "recovery_second_half"]
      .map((k) =>
        /([2-9A-Z]{4}) ([2-9A-Z]{4})/u.exec(halves.filter((e) => e.kind === k).at(-1)?.text ?? ""),
      )
      .map((m) => `${m?.[1] ?? ""}${m?.[2] ?? ""}`)
      .join("");
    assert.equal(pin.length, 16);
    await page.getByRole("link", { name: "Vai all'accesso" }).first().click();
    await page.getByLabel("Codice fiscale").fill(p.fiscalCode);
    await page.getByLabel(/^PIN\b/u).fill(pin);
    await page.getByRole("button", { name: "Accedi" }).click();
    await page.waitForURL("**/nuovo-pin");
    await check(page, "first access after recovery");
  });

  it("revocation: login page → form → link → confirmation → PIN revoked", async () => {
    let p = people.next();
    while (p.healthCard === undefined) p = people.next();
    await personWithPin(b.s, p);
    await b.s.deliver();
    const page = await b.newPage({ viewport: PHONE });
    okHtml(await page.goto("/accedi"), "login");
    await page.getByRole("link", { name: "Revochi il PIN" }).click();
    await page.waitForURL("**/revoca-pin");
    await check(page, "revocation form");
    await page.getByLabel("Codice fiscale").fill(p.fiscalCode);
    await page.getByLabel("Numero della tessera sanitaria").fill(p.healthCard.number);
    await page.getByLabel("Scadenza della tessera sanitaria").fill(p.healthCard.expiry);
    await page.getByLabel("E-mail").fill("me@example.org");
    await page.getByRole("button", { name: "Chieda la revoca" }).click();
    await page.waitForURL("**/revoca-pin/inviata");
    await check(page, "revocation sent");
    okHtml(await page.goto(await linkIn("revocation_link")), "revocation confirmation");
    await check(page, "revocation confirmation");
    await page.getByRole("button", { name: /Confermo/u }).click();
    await page.waitForURL("**/revoca-pin/completato");
    await check(page, "revocation done");
    assert.match(await page.locator("h1").innerText(), /PIN revocato/u);
  });

  it("the letter-resend form, in both languages", async () => {
    const page = await b.newPage({ viewport: PHONE });
    for (const url of ["/lettera-non-arrivata", "/lettera-non-arrivata?lang=en"]) {
      okHtml(await page.goto(url), url);
      await check(page, url);
    }
  });

  it("contacts: the list and the code page, from the personal area", async () => {
    const p = people.next();
    const { pin } = await personWithPin(b.s, p);
    await b.s.deliver();
    const page = await b.newPage({ viewport: PHONE });
    okHtml(await page.goto("/accedi"), "login");
    await page.getByLabel("Codice fiscale").fill(p.fiscalCode);
    await page.getByLabel(/^PIN\b/u).fill(pin);
    await page.getByRole("button", { name: "Accedi" }).click();
    await page.waitForURL("**/area-personale");
    await page.getByRole("link", { name: /Apri I miei contatti/u }).click();
    await page.waitForURL("**/area-personale/contatti");
    await check(page, "contacts");
    await page.getByLabel("Contatto da cambiare").selectOption("pec");
    await page.getByLabel("Nuovo valore").fill("me@pec.example.it");
    await page.getByRole("button", { name: "Mandate il codice" }).click();
    await page.waitForURL("**/area-personale/contatti/codice?tipo=pec");
    await check(page, "contact code");
  });
});

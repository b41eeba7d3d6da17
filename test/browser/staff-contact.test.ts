/**
 * The contact centre in Chromium, as an agent works, at phone width with axe on every page: log
 * in at /operatori/accedi (password and authenticator code typed), check a caller's identity,
 * register their PIN claim and read out the first 8 characters, then take a claim from the
 * outbound queue and validate it.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { lookupBelfiore } from "../../src/domain/belfiore.ts";
import { api, initialPinFromOutbox } from "../helpers/app.ts";
import {
  assertPage,
  browserSkip,
  loginStaffInBrowser,
  okHtml,
  PHONE,
  startBrowserService,
  type BrowserService,
} from "../helpers/browser.ts";
import { queuedClaim } from "../helpers/contact.ts";
import { People } from "../helpers/journeys.ts";
import { enrolStaff } from "../helpers/staff.ts";

describe("contact centre in Chromium", { skip: browserSkip() }, () => {
  let b: BrowserService;
  let people: People;
  before(async () => {
    b = await startBrowserService({ archiveSize: 30 });
    people = new People(b.s);
  });
  after(async () => {
    await b.close();
  });

  it("an agent logs in, checks a caller, registers their claim and reads out the first half, then validates a claim from the queue", async () => {
    const s = b.s;
    const agent = await enrolStaff(s, { role: "contact_centre_agent" });
    const page = await b.newPage({ viewport: PHONE });

    await loginStaffInBrowser(page, s, agent);
    await assertPage(page, "desk");

    // An incoming call: the identity check.
    const caller = people.next();
    await page.getByRole("link", { name: "Chiamata in arrivo: verifica dell'identità" }).click();
    await page.waitForURL("**/operatori/contact-center/chiamata");
    await assertPage(page, "identity check form");
    await page.getByRole("button", { name: "Verifica" }).click();
    await assertPage(page, "identity check with errors");
    assert.match(await page.title(), /^Errore:/u);
    await page.getByLabel("Codice fiscale di chi chiama").fill(caller.fiscalCode);
    await page.getByLabel("Identificativo della chiamata").fill("call-0042");
    await page.getByLabel("Data di nascita").fill(caller.birthDate);
    await page
      .getByLabel("Luogo di nascita")
      .fill(lookupBelfiore(caller.birthPlaceCode)?.name ?? "");
    await page.getByLabel("Via e numero").fill(caller.residence.line1);
    await page.getByLabel("Città").fill(caller.residence.city);
    await page.getByLabel("Codice postale").fill(caller.residence.postalCode);
    await page.getByLabel("Stato di residenza").selectOption(caller.residence.country);
    if (caller.healthCard !== undefined)
      await page.getByLabel("Numero della tessera sanitaria").fill(caller.healthCard.number);
    await page.getByRole("button", { name: "Verifica" }).click();
    await page.waitForURL(/\/operatori\/contact-center\/chiamata\/[0-9a-f-]{36}$/u);
    await assertPage(page, "actions for the caller");

    // The inbound claim.
    await page.getByRole("link", { name: "Registrare una richiesta di PIN" }).click();
    await page.waitForURL("**/richiesta-pin");
    await assertPage(page, "inbound claim form");
    assert.equal(await page.locator("#f-fiscalCode").inputValue(), caller.fiscalCode);
    const place = lookupBelfiore(caller.birthPlaceCode);
    const [year, month, day] = caller.birthDate.split("-");
    await page.locator("#f-surname").fill(caller.surname);
    await page.locator("#f-givenNames").fill(caller.givenNames);
    await page.locator(`label[for="f-sex-${caller.sex === "F" ? 0 : 1}"]`).click();
    await page.locator("#f-birthDay").fill(String(Number(day)));
    await page.locator("#f-birthMonth").fill(String(Number(month)));
    await page.locator("#f-birthYear").fill(year ?? "");
    if (place?.kind === "municipality") {
      await page.locator("#f-birthCountry").selectOption("IT");
      await page.locator("#f-birthMunicipality").fill(place.name);
    } else await page.locator("#f-birthCountry").selectOption(place?.iso2 ?? "");
    await page.locator("#f-residence-country").selectOption(caller.residence.country);
    await page.locator("#f-residence-line1").fill(caller.residence.line1);
    if (caller.residence.line2 !== undefined)
      await page.locator("#f-residence-line2").fill(caller.residence.line2);
    await page.locator("#f-residence-city").fill(caller.residence.city);
    if (caller.residence.region !== undefined)
      await page.locator("#f-residence-region").fill(caller.residence.region);
    await page.locator("#f-residence-postalCode").fill(caller.residence.postalCode);
    await page.locator("#f-mobile").fill(caller.mobile ?? "");
    await page.locator("#f-email").fill(caller.email ?? "");
    await page.locator('label[for="f-delivery-0"]').click();
    await page.locator("#f-document-type").selectOption("passport");
    await page.locator("#f-document-number").fill("YA1234567");
    await page.locator("#f-document-issuingCountry").selectOption(caller.residence.country);
    await page.getByRole("button", { name: "Registra e convalida" }).click();
    await page.getByRole("heading", { name: "PIN rilasciato" }).waitFor();
    await assertPage(page, "first half to read out");
    const shown = (await page.getByTestId("first-half").innerText()).replace(/\s/gu, "");
    assert.match(shown, /^[2-9A-Z]{8}$/u);
    const pin = initialPinFromOutbox(
      await s.deliver(),
      { mobile: caller.mobile },
      caller.fiscalCode,
    );
    assert.equal(pin.slice(0, 8), shown, "the half read out is the one sent by SMS");

    // The outbound queue: a claim that failed the automatic checks, validated by phone.
    const claimant = people.next();
    const claimId = await queuedClaim(s, claimant);
    okHtml(await page.goto("/operatori"), "desk");
    await page.getByRole("link", { name: "Coda delle verifiche in uscita" }).click();
    await page.waitForURL("**/operatori/contact-center/verifiche");
    await assertPage(page, "queue");
    await page.getByRole("button", { name: "Prendi la prossima richiesta" }).click();
    await page.getByRole("heading", { name: "Richiesta da verificare" }).waitFor();
    await assertPage(page, "claim to call");
    assert.match(await page.getByTestId("reasons").innerText(), /Cognome diverso/u);
    await page.getByRole("button", { name: "Registra l'esito" }).click();
    await assertPage(page, "outcome form with errors");
    await page.getByText(/^Convalidata/u).click();
    assert.ok(await page.locator("#f-outcome-0").isChecked());
    await page.getByRole("button", { name: "Registra l'esito" }).click();
    await page.getByText("Richiesta convalidata").waitFor();
    await assertPage(page, "claim validated");
    const issued = initialPinFromOutbox(
      await s.deliver(),
      { mobile: claimant.mobile },
      claimant.fiscalCode,
    );
    const login = await api(s, "POST", "/api/v1/session", {
      fiscalCode: claimant.fiscalCode,
      pin: issued,
    });
    assert.equal(login.statusCode, 200, login.body);
    const [row] = await s.rt.db.query<{ status: string }>(
      "SELECT status FROM claim WHERE id = $1",
      [claimId],
    );
    assert.equal(row?.status, "issued");
  });
});

/**
 * The pages the journey does not pass through, and keyboard use: the skip link, the error
 * summary after a bad submit (focus, links to real fields, fields marked invalid), the 404
 * page, in Italian and English, each scanned by axe-core.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { startService } from "../helpers/app.ts";
import {
  assertAccessible,
  assertFitsWidth,
  browserSkip,
  DESKTOP,
  PHONE,
  startBrowserService,
  type BrowserService,
} from "../helpers/browser.ts";

/** Switches the page's language with the header link, as a person does. */
async function toEnglish(page: Page): Promise<void> {
  await page.goto("/");
  await page.getByRole("banner").getByRole("link", { name: "English" }).click();
  await page.waitForURL((u) => u.pathname === "/");
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
}

/**
 * After a submit with errors: the summary has the focus, every link in it points to one
 * existing control (or group) that says it is invalid and is described by its message.
 */
async function checkErrorSummary(page: Page, label: string): Promise<number> {
  const summary = page.locator(".error-summary");
  await summary.waitFor();
  assert.equal(
    await page.locator(".error-summary:focus").count(),
    1,
    `${label}: the summary has the focus`,
  );
  const links = summary.getByRole("link");
  const n = await links.count();
  assert.ok(n > 0, `${label}: the summary lists the problems`);
  for (let i = 0; i < n; i++) {
    const link = links.nth(i);
    const href = (await link.getAttribute("href")) ?? "";
    const text = await link.innerText();
    assert.match(href, /^#[A-Za-z][\w-]*$/u, `${label}: "${text}" links to a fragment`);
    const target = page.locator(href);
    assert.equal(await target.count(), 1, `${label}: "${text}" → ${href} exists once`);
    const tag = await target.evaluate((el: { tagName: string }) => el.tagName.toLowerCase());
    assert.ok(
      ["input", "select", "textarea", "fieldset"].includes(tag),
      `${label}: ${href} is a form control (${tag})`,
    );
    if (tag !== "fieldset") {
      assert.equal(
        await target.getAttribute("aria-invalid"),
        "true",
        `${label}: ${href} says it is invalid`,
      );
    }
    const describedBy = ((await target.getAttribute("aria-describedby")) ?? "")
      .split(/\s+/u)
      .filter((s) => s !== "");
    const descriptions: string[] = [];
    for (const id of describedBy) {
      const d = page.locator(`[id="${id}"]`);
      assert.equal(await d.count(), 1, `${label}: ${href} aria-describedby → #${id} exists`);
      descriptions.push(await d.innerText());
    }
    const message = text.includes(": ") ? text.slice(text.indexOf(": ") + 2) : text;
    assert.ok(
      descriptions.some((d) => d.trim() === message.trim()),
      `${label}: ${href} is described by its message "${message}" (got ${JSON.stringify(descriptions)})`,
    );
  }
  return n;
}

describe("browser pages in Chromium: keyboard, errors, 404", { skip: browserSkip() }, () => {
  let b: BrowserService;
  before(async () => {
    b = await startBrowserService();
  });
  after(async () => {
    await b.close();
  });

  it("the skip link is the first Tab stop, shows when focused and moves the focus to main", async () => {
    const page = await b.newPage({ viewport: PHONE });
    for (const path of ["/", "/richiedi-pin", "/accedi"]) {
      await page.goto(path);
      await page.keyboard.press("Tab");
      const focused = page.locator(":focus");
      assert.equal(
        await focused.innerText(),
        "Vai al contenuto principale",
        `${path}: first Tab stop`,
      );
      assert.equal(await focused.getAttribute("href"), "#main");
      const box = await focused.boundingBox();
      assert.ok(
        box !== null && box.width > 20 && box.height > 10 && box.y >= 0 && box.y < PHONE.height,
        `${path}: visible when focused`,
      );
      await page.keyboard.press("Enter");
      await page.waitForURL(`**${path === "/" ? "/" : path}#main`);
      assert.equal(
        await page.locator(":focus").getAttribute("id"),
        "main",
        `${path}: focus on <main>`,
      );
      await page.keyboard.press("Tab");
      assert.equal(
        await page.locator("main :focus").count(),
        1,
        `${path}: the next Tab stop is inside main`,
      );
    }
  });

  it("claim form: Enter in a field sends the form (the header's language button is not the default)", async () => {
    const page = await b.newPage({ viewport: PHONE });
    await page.goto("/richiedi-pin");
    await page.getByLabel("Cognome").fill("Rossi");
    const [res] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/richiedi-pin",
      ),
      page.getByLabel("Cognome").press("Enter"),
    ]);
    assert.equal(res.status(), 422, "sent and checked, not switched to English");
    assert.equal(await page.locator("html").getAttribute("lang"), "it");
    assert.equal(await page.getByLabel("Cognome").inputValue(), "Rossi");
  });

  it("claim form with errors (Italian, phone): focused summary naming each field, links to the fields", async () => {
    const page = await b.newPage({ viewport: PHONE });
    await page.goto("/richiedi-pin");
    await page.getByLabel("Codice fiscale").fill("RSSMRA50B17A558X");
    await page.getByRole("textbox", { name: "E-mail" }).fill("not-an-address");
    const [res] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/richiedi-pin",
      ),
      page.getByRole("button", { name: "Invia la richiesta" }).click(),
    ]);
    assert.equal(res.status(), 422);
    await page.getByRole("heading", { name: "Ci sono dei problemi da correggere" }).waitFor();
    const n = await checkErrorSummary(page, "claim errors (it)");
    assert.ok(n >= 10, `every missing field is listed (${n})`);
    const summaryText = await page.locator(".error-summary").innerText();
    assert.match(summaryText, /Cognome: Campo obbligatorio\./u, "the summary names the field");
    assert.match(summaryText, /Data di nascita: /u);
    // What the person typed is kept.
    assert.equal(await page.getByLabel("Codice fiscale").inputValue(), "RSSMRA50B17A558X");
    assert.equal(
      await page.getByRole("textbox", { name: "E-mail" }).inputValue(),
      "not-an-address",
    );

    // Following a summary link puts the focus in the field (or, for a group of radio buttons,
    // the next Tab reaches its first button).
    await page
      .locator(".error-summary")
      .getByRole("link", { name: /^Cognome:/u })
      .click();
    await page.waitForURL("**#f-surname");
    assert.equal(await page.locator(":focus").getAttribute("id"), "f-surname");
    assert.ok(await page.getByLabel("Cognome").isVisible());
    await page
      .locator(".error-summary")
      .getByRole("link", { name: /^Sesso:/u })
      .click();
    // A choice's entry takes the focus to its first option (a fieldset takes none).
    await page.waitForURL("**#f-sex-0");
    assert.equal(await page.locator(":focus").getAttribute("id"), "f-sex-0");
    await assertAccessible(page, "claim form with errors (it)");
    await assertFitsWidth(page, "claim form with errors (it)");
  });

  it("claim form, empty and with errors, and login in English", async () => {
    const page = await b.newPage({ viewport: DESKTOP });
    await toEnglish(page);
    await page.goto("/richiedi-pin");
    await page.getByRole("heading", { level: 1, name: "Claim your PIN" }).waitFor();
    assert.equal(
      await page.getByLabel("Country of residence").locator("option").first().innerText(),
      "Choose from the list",
    );
    await page.getByRole("button", { name: "Send the claim" }).click();
    await page.getByRole("heading", { name: "There are problems to fix" }).waitFor();
    await checkErrorSummary(page, "claim errors (en)");
    assert.match(
      await page.locator(".error-summary").innerText(),
      /Surname: This field is required\./u,
    );
    await assertAccessible(page, "claim form with errors (en)");

    await page.goto("/accedi");
    await page.getByLabel("Fiscal code").fill("RSSMRA50B17A558W");
    await page.getByRole("button", { name: "Log in", exact: true }).click();
    await page.getByRole("heading", { name: "There are problems to fix" }).waitFor();
    await checkErrorSummary(page, "login errors (en)");
    assert.match(
      await page.locator(".error-summary").innerText(),
      /PIN: /u,
      "the summary names the PIN field",
    );
  });

  it("a 404 page, in Italian and English", async () => {
    const page = await b.newPage({ viewport: PHONE });
    const res = await page.goto("/pagina-che-non-esiste");
    assert.equal(res?.status(), 404);
    await page.getByRole("heading", { level: 1, name: "Pagina non trovata" }).waitFor();
    assert.ok(await page.getByRole("link", { name: "Torna alla pagina iniziale" }).isVisible());
    await assertAccessible(page, "404 (it)");
    await assertFitsWidth(page, "404 (it)");

    await toEnglish(page);
    const resEn = await page.goto("/no-such-page");
    assert.equal(resEn?.status(), 404);
    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    await assertAccessible(page, "404 (en)");
  });
});

describe("the demo pre-fill of the claim form", () => {
  it("is ignored outside development", async () => {
    const s = await startService({ env: "production" });
    try {
      const p = s.eligible[0]!;
      const res = await s.app.inject({
        method: "GET",
        url: `/dev/richiedi-pin?cf=${p.fiscalCode}`,
        headers: { accept: "text/html" },
      });
      assert.equal(res.statusCode, 404, "no development route in production");
      assert.ok(!res.body.includes(p.fiscalCode), "no archive data on the production form");
      assert.ok(!res.body.includes(p.surname));
    } finally {
      await s.close();
    }
  });
});

/**
 * The review queue in Chromium with axe on every page (issue 7): a holder with an ordinary PIN
 * has a benefit claim waiting for the dispositive PIN and an uploaded conversion request; a
 * reviewer logs in at /operatori/accedi, opens the request from the queue (the documents
 * beside the archive's data), approves it, and the holder's claim is in processing. A fax is
 * registered from its page; its registrar is told another reviewer decides it. A supervisor
 * searches the audit trail, sees the staff and the queues. Desktop for the reviewer's journey,
 * phone width for the others. The audit chain verifies after.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import sharp from "sharp";
import { verifyAudit } from "../../src/store/audit.ts";
import { api } from "../helpers/app.ts";
import {
  assertPage,
  browserSkip,
  loginStaffInBrowser,
  DESKTOP,
  okHtml,
  PHONE,
  startBrowserService,
  type BrowserService,
} from "../helpers/browser.ts";
import { CLAIM_BODY, conversionKit, type ConversionKit } from "../helpers/conversion.ts";
import { enrolStaff } from "../helpers/staff.ts";
import { aFirstHalfMessage } from "../helpers/builders.ts";
import { enqueue } from "../../src/store/repos/outbox.ts";

describe("review queue journey in Chromium", { skip: browserSkip() }, () => {
  let b: BrowserService;
  let k: ConversionKit;
  before(async () => {
    b = await startBrowserService({ archiveSize: 20 });
    k = conversionKit(b.s);
  });
  after(async () => {
    await b.close();
  });

  it("a reviewer approves an uploaded request and the waiting benefit claim goes to processing", async () => {
    const holder = await k.holder();
    const filed = await api(b.s, "POST", "/api/v1/me/benefit-claims", CLAIM_BODY, holder.jar);
    assert.equal(filed.statusCode, 201, filed.body);
    assert.equal(filed.json<{ status: string }>().status, "waiting_for_dispositive");
    const sent = await k.upload(holder.jar, await k.goodParts());
    assert.equal(sent.statusCode, 202, sent.body);
    const { reference } = sent.json<{ reference: string }>();

    const reviewer = await enrolStaff(b.s, { role: "back_office_reviewer" });
    const page = await b.newPage({ viewport: DESKTOP });
    await loginStaffInBrowser(page, b.s, reviewer);
    await assertPage(page, "desk");
    await page.getByRole("link", { name: "Coda di revisione" }).click();
    await page.waitForURL("**/operatori/revisione");
    await assertPage(page, "review queue");
    await page.getByRole("button", { name: `Apri la richiesta ${reference}` }).click();
    await page.waitForURL("**/operatori/revisione/*");
    await assertPage(page, "review item");
    const main = await page.locator("main").innerText();
    assert.match(main, new RegExp(holder.p.surname, "u"));
    assert.match(main, /Assegnata a lei/u);
    // The identity document is shown inline, decrypted; the form is a download.
    const image = page.getByRole("img", { name: /Documento di identità/u });
    await image.waitFor();
    assert.ok(await image.evaluate((el) => Reflect.get(el, "naturalWidth") > 0));
    assert.equal(await page.getByRole("link", { name: /Modulo firmato/u }).count(), 1);

    // Rejecting without a reason is refused by name; then approve.
    await page.locator('label[for="d-decision-1"]').click();
    await page.getByRole("button", { name: "Registra la decisione" }).click();
    await assertPage(page, "decision with errors");
    assert.match(await page.title(), /^Errore:/u);
    assert.match(await page.locator("#d-reasonCode-error").innerText(), /motivo/u);
    await page.locator('label[for="d-decision-0"]').click();
    assert.ok(await page.getByRole("radio", { name: /^Approva/u }).isChecked());
    await page.getByRole("button", { name: "Registra la decisione" }).click();
    await page.waitForURL("**/operatori/revisione?esito=approvata");
    await assertPage(page, "queue after approval");
    assert.match(await page.locator("main").innerText(), /approvata/u);

    // The holder: the claim is in processing, the request approved.
    const claims = await api(b.s, "GET", "/api/v1/me/benefit-claims", undefined, holder.jar);
    assert.deepEqual(
      claims.json<{ claims: { status: string }[] }>().claims.map((c) => c.status),
      ["in_processing"],
    );
    const status = await api(b.s, "GET", "/api/v1/me/conversion", undefined, holder.jar);
    assert.equal(status.json<{ status: string }>().status, "approved");
  });

  it("registers a TIFF fax from its page; the registrar may not decide it", async () => {
    const holder = await k.holder();
    const reviewer = await enrolStaff(b.s, { role: "back_office_reviewer" });
    const page = await b.newPage({ viewport: PHONE });
    await loginStaffInBrowser(page, b.s, reviewer);
    okHtml(await page.goto("/operatori/fax"), "fax intake");
    await assertPage(page, "fax intake");
    await page.getByLabel(/Codice fiscale del richiedente/u).fill(holder.p.fiscalCode);
    await page.getByLabel(/Pagine ricevute/u).setInputFiles({
      name: "fax.txt",
      mimeType: "image/tiff",
      buffer: Buffer.from("not a fax at all"),
    });
    await page.getByRole("button", { name: "Registra il fax" }).click();
    await assertPage(page, "fax refused");
    assert.match(await page.locator("#fx-pages-error").innerText(), /fax\.txt/u);
    const tiff = await sharp({
      create: { width: 120, height: 160, channels: 3, background: "#fff" },
    })
      .greyscale()
      .toColourspace("b-w")
      .tiff({ compression: "ccittfax4", bitdepth: 1 })
      .toBuffer();
    await page.getByLabel(/Codice fiscale del richiedente/u).fill(holder.p.fiscalCode);
    await page.getByLabel(/Pagine ricevute/u).setInputFiles({
      name: "fax-0001.tif",
      mimeType: "image/tiff",
      buffer: tiff,
    });
    await page.getByRole("button", { name: "Registra il fax" }).click();
    await page.waitForURL("**/operatori/fax?riferimento=*");
    await assertPage(page, "fax registered");
    const reference = /CD-[0-9A-Z-]+/u.exec(await page.locator("main").innerText())?.[0];
    assert.ok(reference !== undefined);
    await page.goto("/operatori/revisione");
    const row = page.locator("tr", { hasText: reference });
    assert.match(await row.innerText(), /Fax registrato da lei/u);
    await row.getByRole("link", { name: `Apri la richiesta ${reference}` }).click();
    await page.waitForURL("**/operatori/revisione/*");
    await assertPage(page, "own fax");
    assert.match(await page.locator("main").innerText(), /decisione spetta a un altro revisore/u);
    assert.equal(await page.getByRole("button", { name: "Registra la decisione" }).count(), 0);
    assert.equal(await page.getByRole("img", { name: /Pagina 1 del fax/u }).count(), 1);
  });

  it("a supervisor searches the audit trail, sees the staff and the queues", async () => {
    const holder = await k.holder();
    const supervisor = await enrolStaff(b.s, { role: "supervisor" });
    const page = await b.newPage({ viewport: PHONE });
    await loginStaffInBrowser(page, b.s, supervisor);
    await page.getByRole("link", { name: "Ricerca nel registro di audit" }).click();
    await assertPage(page, "audit search");
    await page.getByLabel("Codice fiscale").fill(holder.p.fiscalCode);
    await page.getByRole("button", { name: "Cerca" }).click();
    await page.waitForURL("**/operatori/supervisione/audit?*");
    await assertPage(page, "audit results");
    assert.match(await page.locator("table.audit-results").innerText(), /login\.succeeded/u);
    await page.getByLabel("Dal (AAAA-MM-GG)").fill("2026-13-01");
    await page.getByRole("button", { name: "Cerca" }).click();
    await assertPage(page, "audit search with errors");
    assert.match(await page.title(), /^Errore:/u);

    await page.goto("/operatori/supervisione/personale");
    await assertPage(page, "staff accounts");
    await page.getByLabel("Nome utente").fill("nuovo.operatore");
    await page.getByLabel(/^Ruolo/u).selectOption("contact_centre_agent");
    await page.getByRole("button", { name: "Crea account" }).click();
    await assertPage(page, "account created");
    assert.match(
      await page.locator(".enrolment-link").innerText(),
      /\/operatori\/attivazione\?token=/u,
    );

    await page.goto("/operatori/supervisione/code");
    await assertPage(page, "queues");
    assert.match(await page.locator("main").innerText(), /Revisione delle richieste/u);
  });

  it("a supervisor resends an abandoned message, a reason required", async () => {
    const m = aFirstHalfMessage();
    await enqueue(b.s.rt.db, b.s.rt.config.outboxKey, m, b.s.clock.now());
    await b.s.rt.db.query(
      "UPDATE outbox SET status = 'abandoned', abandoned_at = $2, last_error = 'gateway 400' WHERE id = $1",
      [m.id, b.s.clock.now()],
    );
    const supervisor = await enrolStaff(b.s, { role: "supervisor" });
    const page = await b.newPage({ viewport: PHONE });
    await loginStaffInBrowser(page, b.s, supervisor);
    await page.getByRole("link", { name: "Messaggi non recapitati" }).click();
    await assertPage(page, "abandoned messages");
    assert.match(await page.locator("main").innerText(), /gateway 400/u);
    const resend = page.getByRole("button", {
      name: /Invia di nuovo il messaggio pin_first_half/u,
    });
    await resend.click();
    await assertPage(page, "resend without a reason");
    assert.match(await page.title(), /^Errore:/u);
    await page
      .getByLabel("Motivo")
      .first()
      .fill("Fornitore SMS di nuovo raggiungibile (ticket 42)");
    await page.getByRole("button", { name: /Invia di nuovo il messaggio pin_first_half/u }).click();
    await assertPage(page, "message resent");
    assert.match(await page.locator("main").innerText(), /di nuovo in coda/u);
    const [row] = await b.s.rt.db.query<{ status: string }>(
      "SELECT status FROM outbox WHERE id = $1",
      [m.id],
    );
    assert.equal(row?.status, "queued");
  });

  it("leaves an audit chain that verifies", async () => {
    const verdict = await verifyAudit(b.s.rt.db, b.s.rt.auditKeys.chain);
    assert.equal(verdict.ok, true, JSON.stringify(verdict));
  });
});

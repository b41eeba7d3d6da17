/**
 * The contact centre's pages without JavaScript (plain form posts with their CSRF token), in
 * Italian and English: the identity check and its verdict, the caller's actions (a revocation
 * needs the caller's confirmation ticked), a check that is not the agent's, the queue's take
 * and outcome forms with their field errors.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { ArchivePerson } from "../../src/domain/archive.ts";
import { lookupBelfiore } from "../../src/domain/belfiore.ts";
import { startService, type Jar, type TestService } from "../helpers/app.ts";
import { queuedClaim } from "../helpers/contact.ts";
import { auditTypesOf, csrfOf, formPost, page, People } from "../helpers/journeys.ts";
import { staffSession, type TestStaff } from "../helpers/staff.ts";

const CALL = "/operatori/contact-center/chiamata";
const QUEUE = "/operatori/contact-center/verifiche";

describe("contact centre pages", () => {
  let s: TestService;
  let people: People;
  let agent: { staff: TestStaff; jar: Jar };
  before(async () => {
    s = await startService({ archiveSize: 40 });
    people = new People(s);
    agent = await staffSession(s, { role: "contact_centre_agent" });
  });
  after(async () => {
    await s.close();
  });

  const checkForm = (p: ArchivePerson, overrides: Record<string, string> = {}) => ({
    fiscalCode: p.fiscalCode,
    callRef: "call-7",
    birthDate: p.birthDate,
    birthPlace: lookupBelfiore(p.birthPlaceCode)?.name ?? "",
    line1: p.residence.line1,
    city: p.residence.city,
    postalCode: p.residence.postalCode,
    country: p.residence.country,
    healthCard: p.healthCard?.number ?? "",
    ...overrides,
  });
  const postCheck = async (fields: Record<string, string>, jar = agent.jar) => {
    const form = await page(s, CALL, jar);
    assert.equal(form.statusCode, 200);
    return formPost(s, CALL, { _csrf: csrfOf(form.body), ...fields }, jar);
  };

  it("shows the check form in Italian and English, and names each missing answer", async () => {
    const it_ = await page(s, CALL, agent.jar);
    assert.match(
      it_.body,
      /Verifica dell&#39;identità di chi chiama|Verifica dell'identità di chi chiama/u,
    );
    const en = await page(s, `${CALL}?lang=en`, agent.jar);
    assert.match(en.body, /Check the caller(&#39;|')s identity/u);
    const empty = await postCheck({});
    assert.equal(empty.statusCode, 422);
    for (const id of [
      "f-fiscalCode",
      "f-birthDate",
      "f-birthPlace",
      "f-line1",
      "f-city",
      "f-country",
    ])
      assert.match(empty.body, new RegExp(`href="#${id}"`, "u"), id);
  });

  it("says a check failed without saying which answer, and leads a passed check to the caller's actions", async () => {
    const p = people.next();
    const failed = await postCheck(checkForm(p, { birthDate: "1901-02-03" }));
    assert.equal(failed.statusCode, 200);
    assert.match(failed.body, /Verifica non superata/u);
    const passed = await postCheck(checkForm(p));
    assert.equal(passed.statusCode, 303, passed.body);
    const actions = String(passed.headers.location);
    assert.match(actions, /^\/operatori\/contact-center\/chiamata\/[0-9a-f-]{36}$/u);
    const caller = await page(s, actions, agent.jar);
    assert.equal(caller.statusCode, 200);
    assert.match(caller.body, new RegExp(p.fiscalCode, "u"));
    // Another agent cannot use this agent's check.
    const other = await staffSession(s, { role: "contact_centre_agent" });
    const foreign = await page(s, actions, other.jar);
    assert.equal(foreign.statusCode, 403);
    assert.match(foreign.body, /non è valida o è scaduta/u);
  });

  it("asks to tick the caller's confirmation before revoking, and lifts a lock in one click", async () => {
    const p = people.next();
    const passed = await postCheck(checkForm(p));
    const actions = String(passed.headers.location);
    const caller = await page(s, actions, agent.jar);
    const token = csrfOf(caller.body);
    const unconfirmed = await formPost(s, `${actions}/revoca`, { _csrf: token }, agent.jar);
    assert.equal(unconfirmed.statusCode, 422);
    assert.match(unconfirmed.body, /id="f-confirm-error"/u);
    const noPin = await formPost(
      s,
      `${actions}/revoca`,
      { _csrf: token, confirm: "yes" },
      agent.jar,
    );
    assert.equal(noPin.statusCode, 409);
    assert.match(noPin.body, /Nessun PIN attivo/u);
    const lift = await formPost(s, `${actions}/sblocco`, { _csrf: token }, agent.jar);
    assert.equal(lift.statusCode, 200);
    assert.match(lift.body, /Blocco tolto/u);
    assert.ok((await auditTypesOf(s, p.fiscalCode)).includes("lock.lifted"));
  });

  it("takes a claim from the queue and keeps the outcome form with its error when a rejection has no reason", async () => {
    const empty = await page(s, QUEUE, agent.jar);
    assert.equal(empty.statusCode, 200);
    const none = await formPost(s, `${QUEUE}/prossima`, { _csrf: csrfOf(empty.body) }, agent.jar);
    assert.match(none.body, /Nessuna richiesta da chiamare ora/u);
    const claimId = await queuedClaim(s, people.next());
    const queue = await page(s, QUEUE, agent.jar);
    assert.match(queue.body, /data-testid="waiting">1</u);
    const taken = await formPost(s, `${QUEUE}/prossima`, { _csrf: csrfOf(queue.body) }, agent.jar);
    assert.equal(taken.statusCode, 200);
    assert.match(taken.body, /Cognome diverso dall&#39;archivio|Cognome diverso dall'archivio/u);
    assert.match(taken.body, /Nonesuch/u);
    const noReason = await formPost(
      s,
      `${QUEUE}/${claimId}/esito`,
      { _csrf: csrfOf(taken.body), outcome: "rejected" },
      agent.jar,
    );
    assert.equal(noReason.statusCode, 422);
    assert.match(noReason.body, /id="f-reason-error"/u);
    const done = await formPost(
      s,
      `${QUEUE}/${claimId}/esito`,
      { _csrf: csrfOf(noReason.body), outcome: "rejected", reason: "not the person" },
      agent.jar,
    );
    assert.equal(done.statusCode, 200);
    assert.match(done.body, /Richiesta respinta/u);
  });
});

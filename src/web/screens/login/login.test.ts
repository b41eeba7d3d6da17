/**
 * Login and the journey's continuation: a visitor sent to the login page from a page comes
 * back to it afterwards — also after first access, and after a session that timed out, which
 * the login page says in so many words. Only pages of the personal area are resumed.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { escapeHtml } from "../../html.ts";
import { t } from "../../../i18n/index.ts";
import {
  api,
  claimBody,
  initialPinFromOutbox,
  Jar,
  personWithPin,
  startService,
  type TestService,
} from "../../../../test/helpers/app.ts";
import { csrfOf, formPost, page, People } from "../../../../test/helpers/journeys.ts";

describe("login screen and continuation", () => {
  let s: TestService;
  let people: People;
  before(async () => {
    s = await startService({ archiveSize: 30 });
    people = new People(s);
  });
  after(async () => {
    await s.close();
  });

  async function loginFrom(location: string, fiscalCode: string, pin: string, jar: Jar) {
    const form = await page(s, location, jar);
    assert.equal(form.statusCode, 200, location);
    const next = /name="next" value="([^"]*)"/u.exec(form.body)?.[1];
    return formPost(
      s,
      "/accedi",
      { fiscalCode, pin, _csrf: csrfOf(form.body), ...(next === undefined ? {} : { next }) },
      jar,
    );
  }

  it("brings a visitor back to the page they asked for after login", async () => {
    const p = people.next();
    const { pin } = await personWithPin(s, p);
    const jar = new Jar();
    const deep = await page(s, "/cedolino", jar);
    assert.equal(deep.headers.location, "/accedi?next=%2Fcedolino");
    const res = await loginFrom(deep.headers.location, p.fiscalCode, pin, jar);
    assert.equal(res.headers.location, "/cedolino");
  });

  it("says a session timed out, and returns to the page the person was on", async () => {
    const p = people.next();
    const { pin } = await personWithPin(s, p);
    const jar = new Jar();
    await loginFrom("/accedi", p.fiscalCode, pin, jar);
    assert.equal((await page(s, "/estratto-conto", jar)).statusCode, 200);
    s.clock.advance(16 * 60);
    const gone = await page(s, "/estratto-conto", jar);
    assert.equal(gone.statusCode, 303);
    assert.equal(gone.headers.location, "/accedi?next=%2Festratto-conto&scaduta=1");
    assert.ok(!jar.cookies.has("inps_session"), "the dead cookie is cleared");
    const form = await page(s, gone.headers.location, jar);
    assert.ok(form.body.includes(escapeHtml(t("it", "login.expired"))), "it says so");
    const res = await loginFrom(gone.headers.location, p.fiscalCode, pin, jar);
    assert.equal(res.headers.location, "/estratto-conto");
  });

  it("resumes the deep link after the forced first access too", async () => {
    const p = people.next();
    await api(s, "POST", "/api/v1/claims", claimBody(p));
    const initial = initialPinFromOutbox(await s.deliver(), { mobile: p.mobile }, p.fiscalCode);
    const jar = new Jar();
    const res = await loginFrom("/accedi?next=%2Fcedolino", p.fiscalCode, initial, jar);
    assert.equal(res.headers.location, "/nuovo-pin", "the PIN change comes first");
    const change = await page(s, "/nuovo-pin", jar);
    const shown = await formPost(s, "/nuovo-pin", { _csrf: csrfOf(change.body) }, jar);
    assert.equal(shown.statusCode, 200);
    const question = await page(s, "/pin/annotato", jar);
    const done = await formPost(s, "/pin/annotato", { _csrf: csrfOf(question.body) }, jar);
    assert.equal(done.headers.location, "/cedolino", "then the page asked for");
  });

  it("tells the usual mix-ups after a wrong PIN: 8 characters at first access, 16 after it", async () => {
    const p = people.next();
    await personWithPin(s, p);
    const jar = new Jar();
    const form = await page(s, "/accedi", jar);
    const eight = await formPost(
      s,
      "/accedi",
      { fiscalCode: p.fiscalCode, pin: "ABCDEFGH", _csrf: csrfOf(form.body) },
      jar,
    );
    assert.ok(eight.body.includes(escapeHtml(t("it", "login.hintEight"))));
    const sixteen = await formPost(
      s,
      "/accedi",
      { fiscalCode: p.fiscalCode, pin: "ABCDEFGHJKMNPQRS", _csrf: csrfOf(eight.body) },
      jar,
    );
    assert.ok(sixteen.body.includes(escapeHtml(t("it", "login.hintSixteen"))));
  });

  it("never resumes at anything but a page of the personal area", async () => {
    const p = people.next();
    const { pin } = await personWithPin(s, p);
    for (const next of [
      "//evil.example/",
      "https://evil.example/",
      "/api/v1/me",
      "/nuovo-pin",
      "/accedi",
      "/\\evil",
    ]) {
      const jar = new Jar();
      const form = await page(s, `/accedi?next=${encodeURIComponent(next)}`, jar);
      assert.ok(!form.body.includes('name="next"'), `${next}: not carried`);
      const res = await formPost(
        s,
        "/accedi",
        { fiscalCode: p.fiscalCode, pin, _csrf: csrfOf(form.body), next },
        jar,
      );
      assert.equal(res.headers.location, "/area-personale", next);
    }
  });
});

/**
 * The new-PIN pages as a browser uses them, when things go wrong: a form sent twice or a
 * reload never shows a different PIN; a retry whose answer was lost (it still carries the
 * cookie from before the change) gets the same PIN and the new session; too late, it gets the
 * login page; a replacement is only ever given when asked for in so many words.
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
  startService,
  type TestService,
} from "../../../../test/helpers/app.ts";
import { csrfOf, formPost, page, People } from "../../../../test/helpers/journeys.ts";

const pinOn = (html: string) => /data-pin="([2-9A-HJKMNP-Z]{8})"/u.exec(html)?.[1];

describe("new-PIN screens", () => {
  let s: TestService;
  let people: People;
  before(async () => {
    s = await startService({ archiveSize: 30 });
    people = new People(s);
  });
  after(async () => {
    await s.close();
  });

  /** Logged in with the initial PIN, on /nuovo-pin: the jar and the form's token. */
  async function atFirstAccess(): Promise<{ jar: Jar; token: string; fiscalCode: string }> {
    const p = people.next();
    await api(s, "POST", "/api/v1/claims", claimBody(p));
    const initial = initialPinFromOutbox(await s.deliver(), { mobile: p.mobile }, p.fiscalCode);
    const jar = new Jar();
    const form = await page(s, "/accedi", jar);
    await formPost(
      s,
      "/accedi",
      { fiscalCode: p.fiscalCode, pin: initial, _csrf: csrfOf(form.body) },
      jar,
    );
    const change = await page(s, "/nuovo-pin", jar);
    return { jar, token: csrfOf(change.body), fiscalCode: p.fiscalCode };
  }

  it("answers a form sent again after the PIN was shown with the question page, never a new PIN", async () => {
    const { jar, token } = await atFirstAccess();
    const shown = await formPost(s, "/nuovo-pin", { _csrf: token }, jar);
    const pin = pinOn(shown.body);
    assert.ok(pin !== undefined);
    const again = await formPost(s, "/nuovo-pin", { _csrf: csrfOf(shown.body) }, jar);
    assert.equal(again.statusCode, 200);
    assert.ok(again.body.includes(escapeHtml(t("it", "newPin.alreadyShownTitle"))));
    assert.equal(pinOn(again.body), undefined, "no PIN on it");
    // A reload re-posts the form as it was (its token belongs to the session before the
    // change): the same question page, not "form expired".
    const reload = await formPost(s, "/nuovo-pin", { _csrf: token }, jar);
    assert.equal(reload.statusCode, 200);
    assert.ok(reload.body.includes(escapeHtml(t("it", "newPin.alreadyShownTitle"))));
    assert.equal(pinOn(reload.body), undefined);
    // Going back to the page (GET) says the same.
    const back = await page(s, "/nuovo-pin", jar);
    assert.ok(back.body.includes(escapeHtml(t("it", "newPin.alreadyShownTitle"))));
  });

  it("gives a retry that lost its answer the same PIN and the new session, for two minutes", async () => {
    const { jar, token } = await atFirstAccess();
    const asItWas = () => {
      const copy = new Jar();
      for (const [k, v] of jar.cookies) copy.cookies.set(k, v);
      return copy;
    };
    const lost = asItWas(); // the browser whose answer never arrived
    const later = asItWas();
    const first = await formPost(s, "/nuovo-pin", { _csrf: token }, jar);
    const pin = pinOn(first.body);
    const retry = await formPost(s, "/nuovo-pin", { _csrf: token }, lost);
    assert.equal(retry.statusCode, 200);
    assert.equal(pinOn(retry.body), pin, "the same PIN");
    assert.equal(
      lost.cookies.get("inps_session"),
      jar.cookies.get("inps_session"),
      "the same new session",
    );
    assert.equal((await page(s, "/pin/annotato", lost)).statusCode, 200, "and it works");
    // Past two minutes the old cookie is just a session that ended.
    s.clock.advance(121);
    const tooLate = await formPost(s, "/nuovo-pin", { _csrf: token }, later);
    assert.equal(tooLate.statusCode, 303);
    assert.match(tooLate.headers.location as string, /^\/accedi\?scaduta=1/u);
  });

  it("replaces the PIN shown only when the holder ticks that the old one stops working", async () => {
    const { jar, token } = await atFirstAccess();
    const shown = await formPost(s, "/nuovo-pin", { _csrf: token }, jar);
    const pin = pinOn(shown.body);
    const question = await page(s, "/pin/annotato", jar);
    const unticked = await formPost(
      s,
      "/nuovo-pin/sostituisci",
      { _csrf: csrfOf(question.body) },
      jar,
    );
    assert.equal(unticked.statusCode, 422);
    assert.equal(pinOn(unticked.body), undefined);
    const ticked = await formPost(
      s,
      "/nuovo-pin/sostituisci",
      { _csrf: csrfOf(unticked.body), confirm: "yes" },
      jar,
    );
    assert.equal(ticked.statusCode, 200);
    const replacement = pinOn(ticked.body);
    assert.ok(replacement !== undefined && replacement !== pin);
  });
});

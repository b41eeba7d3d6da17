/**
 * The server-rendered pages through inject, as a browser without JavaScript uses them:
 * CSRF-protected forms, errors tied to their fields, the claim → login → new PIN → PIN card
 * journey, the language switch, and the guards that keep a citizen with a pending PIN change
 * (or no session) out of the personal pages.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { LightMyRequestResponse } from "fastify";
import type { ArchivePerson } from "../../src/domain/archive.ts";
import { fiscalCodeCheckCharacter } from "../../src/domain/fiscal-code.ts";
import { groupPin } from "../../src/domain/pin.ts";
import { escapeHtml } from "../../src/web/html.ts";
import { catalogues, t, tField } from "../../src/i18n/index.ts";
import { claimBodyToForm } from "../../src/web/screens/claim/form-mapping.ts";
import {
  api,
  claimBody,
  initialPinFromOutbox,
  Jar,
  startService,
  type TestService,
} from "../helpers/app.ts";
import { count, csrfOf, formPost, page, People, problemOf, rows } from "../helpers/journeys.ts";
import { countryName } from "../../src/domain/address.ts";

const PERSONAL_PAGES = ["/area-personale", "/estratto-conto", "/cedolino"];

function formFor(p: ArchivePerson, overrides: Record<string, string> = {}): Record<string, string> {
  return { ...claimBodyToForm(claimBody(p)), ...overrides };
}

/** The opening tag of the element with this id. */
function tagOf(html: string, id: string): string {
  const m = new RegExp(`<[a-z]+\\s[^>]*\\bid="${id}"[^>]*>`, "su").exec(html);
  assert.ok(m !== null, `no element #${id}`);
  return m[0];
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`, "u").exec(tag)?.[1];
}

/** The text of the element with this id (up to its first closing tag). */
function textOf(html: string, id: string): string {
  const m = new RegExp(`\\bid="${id}"[^>]*>([^<]*)<`, "su").exec(html);
  assert.ok(m !== null, `no element #${id}`);
  return m[1]!.trim();
}

function assertRedirect(res: LightMyRequestResponse, location: string, what: string): void {
  assert.equal(res.statusCode, 303, `${what}: ${res.statusCode}`);
  assert.equal(res.headers.location, location, what);
}

describe("web forms", () => {
  let s: TestService;
  let people: People;
  before(async () => {
    s = await startService({ archiveSize: 60 });
    people = new People(s);
  });
  after(async () => {
    await s.close();
  });

  /** Opens the claim page in a fresh browser: the jar and the form's token. */
  async function claimPage(
    jar = new Jar(),
  ): Promise<{ jar: Jar; token: string; res: LightMyRequestResponse }> {
    const res = await page(s, "/richiedi-pin", jar);
    assert.equal(res.statusCode, 200);
    return { jar, token: csrfOf(res.body), res };
  }

  async function loginForm(
    fiscalCode: string,
    pin: string,
    jar = new Jar(),
  ): Promise<{ jar: Jar; res: LightMyRequestResponse }> {
    const get = await page(s, "/accedi", jar);
    assert.equal(get.statusCode, 200);
    const res = await formPost(s, "/accedi", { fiscalCode, pin, _csrf: csrfOf(get.body) }, jar);
    return { jar, res };
  }

  async function initialPinOf(p: ArchivePerson): Promise<string> {
    const claim = await api(s, "POST", "/api/v1/claims", claimBody(p));
    assert.equal(claim.json<{ status: string }>().status, "issued");
    return initialPinFromOutbox(await s.deliver(), { mobile: p.mobile }, p.fiscalCode);
  }

  describe("CSRF", () => {
    it("puts a CSRF token in the claim form and its secret in an HttpOnly cookie", async () => {
      const { jar, token, res } = await claimPage();
      assert.match(String(res.headers["content-type"]), /^text\/html/u);
      assert.ok(token.length >= 20);
      assert.ok(jar.cookies.has("csrf"));
      assert.equal(res.headers["cache-control"], "no-store");
    });

    it("refuses a form post without a valid token with a 403 page, and stores nothing", async () => {
      const p = people.next();
      const claims = await count(s, "SELECT 1 FROM claim");
      const { jar, token } = await claimPage();
      const other = await claimPage();
      const attempts: [string, Record<string, string>, Jar][] = [
        ["no token", formFor(p), jar],
        ["a wrong token", { ...formFor(p), _csrf: `${token.slice(0, -2)}xx` }, jar],
        ["another browser's token", { ...formFor(p), _csrf: other.token }, jar],
        ["a token without its cookie", { ...formFor(p), _csrf: token }, new Jar()],
      ];
      for (const [what, fields, j] of attempts) {
        const res = await formPost(s, "/richiedi-pin", fields, j);
        assert.equal(res.statusCode, 403, what);
        assert.match(String(res.headers["content-type"]), /^text\/html/u, what);
        assert.ok(res.body.includes(escapeHtml(catalogues.it.errors.CSRF_INVALID.title)), what);
      }
      assert.equal(await count(s, "SELECT 1 FROM claim"), claims);

      for (const url of ["/accedi", "/esci"]) {
        assert.equal(
          (await formPost(s, url, { fiscalCode: p.fiscalCode, pin: "ABCDEFGH" }, jar)).statusCode,
          403,
          url,
        );
      }
      // Steps that need a session send a visitor without one to the login page first.
      for (const url of ["/nuovo-pin", "/rinnovo-pin", "/pin/tessera.pdf"]) {
        const res = await formPost(s, url, { fiscalCode: p.fiscalCode, pin: "ABCDEFGH" }, jar);
        assertRedirect(res, "/accedi", url);
      }
    });
  });

  describe("the claim form", () => {
    it("re-renders with each error tied to its field (aria-invalid, aria-describedby) and keeps what was typed", async () => {
      const p = s.people.find((x) => x.residence.country === "DE" && x.mobile !== undefined)!;
      const { jar, token } = await claimPage();
      const good = p.fiscalCode.slice(0, 15);
      const badCode = good + (fiscalCodeCheckCharacter(good) === "A" ? "B" : "A");
      const typed = formFor(p, {
        _csrf: token,
        fiscalCode: badCode,
        surname: "",
        email: "someone-at-example",
        mobile: "+49 30 12345678",
        "residence.postalCode": "ABCDE",
        birthDay: "31",
        birthMonth: "2",
      });
      const res = await formPost(s, "/richiedi-pin", typed, jar);
      assert.equal(res.statusCode, 422);
      const body = res.body;

      const expected: [string, string, string][] = [
        ["fiscalCode", "f-fiscalCode", "fiscal_code_check_character"],
        ["surname", "f-surname", "required"],
        ["email", "f-email", "invalid_email"],
        ["mobile", "f-mobile", "not_mobile"],
        ["residence.postalCode", "f-residence-postalCode", "invalid_postal_code"],
      ];
      for (const [field, id, code] of expected) {
        const tag = tagOf(body, id);
        assert.equal(attr(tag, "aria-invalid"), "true", `${field} is marked invalid`);
        assert.ok(
          (attr(tag, "aria-describedby") ?? "").split(" ").includes(`${id}-error`),
          `${field} points to its message`,
        );
        assert.equal(
          textOf(body, `${id}-error`),
          escapeHtml(tField("it", code)),
          `${field}'s message`,
        );
        assert.ok(body.includes(`href="#${id}"`), `the summary links to ${field}`);
      }
      // The birth date is three boxes in a fieldset: the fieldset carries the message.
      assert.ok(/<fieldset[^>]*aria-describedby="[^"]*f-birthDay-error/u.test(body));
      assert.equal(textOf(body, "f-birthDay-error"), escapeHtml(tField("it", "invalid_date")));

      // Fields without an error are not marked.
      assert.equal(attr(tagOf(body, "f-givenNames"), "aria-invalid"), undefined);

      // What was typed is kept (escaped), the fresh token too.
      assert.equal(attr(tagOf(body, "f-email"), "value"), "someone-at-example");
      assert.equal(attr(tagOf(body, "f-fiscalCode"), "value"), badCode);
      assert.equal(attr(tagOf(body, "f-givenNames"), "value"), escapeHtml(p.givenNames));
      assert.equal(attr(tagOf(body, "f-residence-line1"), "value"), escapeHtml(p.residence.line1));
      assert.equal(attr(tagOf(body, "f-birthDay"), "value"), "31");
      assert.match(body, new RegExp(`<option value="${p.residence.country}" selected`, "u"));
      assert.ok(csrfOf(body).length > 0);
      assert.equal(await count(s, "SELECT 1 FROM claim WHERE fiscal_code = $1", [p.fiscalCode]), 0);
    });

    it("redirects a valid claim (303) to the outcome page, shown to this browser only", async () => {
      const p = people.next();
      const { jar, token } = await claimPage();
      const res = await formPost(s, "/richiedi-pin", formFor(p, { _csrf: token }), jar);
      assertRedirect(res, "/richiedi-pin/esito", "the outcome, nothing in the URL");
      const outcome = await page(s, "/richiedi-pin/esito", jar);
      assert.equal(outcome.statusCode, 200);
      const ref = (
        await rows<{ id: string }>(s, "SELECT id FROM claim WHERE fiscal_code = $1", [p.fiscalCode])
      )[0]!.id
        .slice(0, 8)
        .toUpperCase();
      assert.ok(outcome.body.includes(ref));
      assert.ok(outcome.body.includes(escapeHtml(t("it", "claimDone.issuedTitle"))));
      // Where the halves go, masked; the country of the letter and its usual delivery time.
      assert.ok(outcome.body.includes(`••• ••• ${p.mobile!.slice(-4)}`), "masked mobile");
      assert.ok(!outcome.body.includes(p.mobile!), "never the whole number");
      assert.ok(outcome.body.includes(escapeHtml(countryName(p.residence.country, "it"))));
      // Another browser, or a forged cookie, sees no outcome (today's ?stato=issued is gone).
      for (const cookie of [undefined, "inps_claim=forged", "inps_claim=s%3Aabc.def"]) {
        const other = await s.app.inject({
          method: "GET",
          url: "/richiedi-pin/esito?stato=issued&rif=ZZZ",
          headers: { accept: "text/html", ...(cookie === undefined ? {} : { cookie }) },
        });
        assertRedirect(other, "/richiedi-pin", `no outcome for ${cookie ?? "a new browser"}`);
      }
      assert.equal(
        await count(s, "SELECT 1 FROM claim WHERE fiscal_code = $1 AND status = 'issued'", [
          p.fiscalCode,
        ]),
        1,
      );
    });

    it("redirects a claim that fails the checks to the same neutral outcome page", async () => {
      const p = people.next();
      const { jar, token } = await claimPage();
      const res = await formPost(
        s,
        "/richiedi-pin",
        formFor(p, { _csrf: token, givenNames: "Qualcunaltro" }),
        jar,
      );
      assertRedirect(res, "/richiedi-pin/esito", "the same outcome page");
      const outcome = await page(s, "/richiedi-pin/esito", jar);
      assert.ok(outcome.body.includes(escapeHtml(t("it", "claimDone.pendingTitle"))));
      assert.ok(!outcome.body.includes("given_names"), "no reason shown");
      // Who will call, from which number, within how many working days.
      assert.ok(outcome.body.includes("+39 06 164164"));
      assert.ok(outcome.body.includes("5 giorni lavorativi"));
    });

    it("refuses a residence in Italy on the page too, with the links to SPID and CIE", async () => {
      const p = people.next();
      const { jar, token } = await claimPage();
      const res = await formPost(
        s,
        "/richiedi-pin",
        formFor(p, { _csrf: token, "residence.country": "IT" }),
        jar,
      );
      assert.equal(res.statusCode, 422);
      assert.ok(res.body.includes(escapeHtml(catalogues.it.errors.RESIDENT_IN_ITALY.title)));
      assert.ok(res.body.includes("https://www.spid.gov.it/"));
      assert.equal(attr(tagOf(res.body, "f-residence-country"), "aria-invalid"), "true");
    });

    it("answers a second claim with the conflict on the page (409)", async () => {
      const p = people.next();
      await initialPinOf(p);
      const { jar, token } = await claimPage();
      const res = await formPost(s, "/richiedi-pin", formFor(p, { _csrf: token }), jar);
      assert.equal(res.statusCode, 409);
      assert.ok(res.body.includes(escapeHtml(catalogues.it.errors.PIN_ALREADY_ACTIVE.title)));
    });
  });

  describe("login, first access and the PIN card", () => {
    it("logs in with the 16-character PIN (303 /nuovo-pin), shows the new PIN once, and prints the PIN card", async () => {
      const p = people.next();
      const initial = await initialPinOf(p);
      const { jar, res } = await loginForm(p.fiscalCode.toLowerCase(), groupPin(initial));
      assertRedirect(res, "/nuovo-pin", "login with the initial PIN");
      assert.ok(jar.cookies.has("inps_session"));

      const change = await page(s, "/nuovo-pin", jar);
      assert.equal(change.statusCode, 200);
      const shown = await formPost(s, "/nuovo-pin", { _csrf: csrfOf(change.body) }, jar);
      assert.equal(shown.statusCode, 200);
      assert.equal(shown.headers["cache-control"], "no-store");
      const pin = /data-pin="([2-9A-HJKMNP-Z]{8})"/u.exec(shown.body)?.[1];
      assert.ok(pin !== undefined, "the new PIN is on the page");
      assert.ok(shown.body.includes(groupPin(pin)));
      assert.ok(
        !shown.body.includes("/lingua/"),
        "no language switch: it would reload the page by GET and lose the only display of the PIN",
      );

      // The PIN card for the right PIN, from the page that shows it; a wrong PIN gets no card.
      const token = csrfOf(shown.body);
      const card = await formPost(s, "/pin/tessera.pdf", { _csrf: token, pin }, jar);
      assert.equal(card.statusCode, 200);
      assert.match(String(card.headers["content-type"]), /^application\/pdf/u);
      assert.equal(card.headers["cache-control"], "no-store");
      assert.equal(card.rawPayload.subarray(0, 5).toString("latin1"), "%PDF-");
      const wrongPin = (pin.startsWith("2") ? "3" : "2") + pin.slice(1);
      const wrong = await formPost(s, "/pin/tessera.pdf", { _csrf: token, pin: wrongPin }, jar);
      assert.equal(wrong.statusCode, 401, "a wrong PIN is a wrong PIN");
      assert.doesNotMatch(String(wrong.headers["content-type"]), /pdf/u);

      // Leaving asks whether the PIN was noted; saying yes goes on to the personal area.
      const question = await page(s, "/pin/annotato", jar);
      assert.equal(question.statusCode, 200);
      assert.ok(question.body.includes(escapeHtml(t("it", "newPin.notedTitle"))));
      assert.ok(!question.body.includes(pin), "the PIN is not shown again");
      assertRedirect(
        await formPost(s, "/pin/annotato", { _csrf: csrfOf(question.body) }, jar),
        "/area-personale",
        "noted",
      );
      const area = await page(s, "/area-personale", jar);
      assert.equal(area.statusCode, 200);
      assert.ok(!area.body.includes(pin) && !area.body.includes(groupPin(pin)));
      // After that, no card and no PIN page.
      assertRedirect(
        await formPost(s, "/pin/tessera.pdf", { _csrf: csrfOf(area.body), pin }, jar),
        "/area-personale",
        "card after noting",
      );
      assertRedirect(await page(s, "/nuovo-pin", jar), "/area-personale", "GET after the change");

      const again = await loginForm(p.fiscalCode, pin);
      assertRedirect(again.res, "/area-personale", "login with the 8-character PIN");
    });

    it("shows a wrong PIN as a notice, keeps the fiscal code and never echoes the PIN", async () => {
      const p = people.next();
      const initial = await initialPinOf(p);
      const wrong = (initial.startsWith("2") ? "3" : "2") + initial.slice(1);
      const { res } = await loginForm(p.fiscalCode, wrong);
      assert.equal(res.statusCode, 401);
      assert.ok(res.body.includes(escapeHtml(catalogues.it.errors.INVALID_CREDENTIALS.title)));
      assert.equal(attr(tagOf(res.body, "f-fiscalCode"), "value"), p.fiscalCode);
      assert.ok(!res.body.includes(wrong));
      assert.equal(attr(tagOf(res.body, "f-pin"), "value"), "");
    });

    it("ties a malformed PIN's message to the PIN field (422)", async () => {
      const p = people.next();
      const { res } = await loginForm(p.fiscalCode, "0O1IL");
      assert.equal(res.statusCode, 422);
      const tag = tagOf(res.body, "f-pin");
      assert.equal(attr(tag, "aria-invalid"), "true");
      assert.ok((attr(tag, "aria-describedby") ?? "").includes("f-pin-error"));
      assert.equal(textOf(res.body, "f-pin-error"), escapeHtml(tField("it", "pin_length")));
    });

    it("shows a lock with Retry-After on the page too (423)", async () => {
      const p = people.next();
      let last: LightMyRequestResponse | undefined;
      for (let i = 0; i < 11; i++) last = (await loginForm(p.fiscalCode, "ABCDEFGH")).res;
      assert.equal(last?.statusCode, 423);
      assert.equal(last.headers["retry-after"], "300");
      assert.ok(last.body.includes(escapeHtml(catalogues.it.errors.PIN_LOCKED.title)));
      // Until when, in Rome time (the service clock is 09:00 UTC = 10:00 in Rome; +5 minutes).
      assert.ok(last.body.includes("10:05"), "the lock's end in Rome time");
    });

    it("logs out through the form: 303 to the home page and the session is gone", async () => {
      const p = people.next();
      const initial = await initialPinOf(p);
      const { jar } = await loginForm(p.fiscalCode, initial);
      const cookie = jar.header();
      const change = await page(s, "/nuovo-pin", jar);
      assertRedirect(
        await formPost(s, "/esci", { _csrf: csrfOf(change.body) }, jar),
        "/",
        "logout",
      );
      const replay = await s.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie } });
      assert.equal(problemOf(replay, 401).code, "SESSION_EXPIRED");
    });
  });

  describe("guards", () => {
    it("sends a visitor without a session from every personal page to /accedi, to come back after (303)", async () => {
      for (const url of PERSONAL_PAGES) {
        assertRedirect(
          await page(s, url, new Jar()),
          `/accedi?next=${encodeURIComponent(url)}`,
          url,
        );
      }
      for (const url of ["/nuovo-pin", "/rinnovo-pin"]) {
        assertRedirect(await page(s, url, new Jar()), "/accedi", url);
      }
    });

    it("keeps a citizen with a pending PIN change on /nuovo-pin whatever URL is typed", async () => {
      const p = people.next();
      const initial = await initialPinOf(p);
      const { jar } = await loginForm(p.fiscalCode, initial);
      for (const url of [...PERSONAL_PAGES, "/accedi", "/rinnovo-pin"]) {
        assertRedirect(await page(s, url, jar), "/nuovo-pin", url);
      }
      const change = await page(s, "/nuovo-pin", jar);
      const card = await formPost(
        s,
        "/pin/tessera.pdf",
        { _csrf: csrfOf(change.body), pin: initial.slice(0, 8) },
        jar,
      );
      assertRedirect(card, "/nuovo-pin", "no PIN card before the change");
      assert.equal(
        problemOf(await api(s, "GET", "/api/v1/me/contributions", undefined, jar), 403).code,
        "PIN_CHANGE_REQUIRED",
      );
      const home = await page(s, "/", jar);
      assert.equal(home.statusCode, 200, "the public pages stay open");
    });
  });

  describe("language", () => {
    it("speaks Italian by default and English after /lingua/en, and back", async () => {
      const jar = new Jar();
      const it1 = await page(s, "/richiedi-pin", jar);
      assert.match(it1.body, /<html lang="it"/u);
      assert.ok(it1.body.includes(escapeHtml(t("it", "claim.title"))));

      assertRedirect(
        await page(s, "/lingua/en?next=%2Frichiedi-pin", jar),
        "/richiedi-pin",
        "switch to English",
      );
      assert.equal(jar.cookies.get("lang"), "en");
      const en = await page(s, "/richiedi-pin", jar);
      assert.match(en.body, /<html lang="en"/u);
      assert.ok(en.body.includes(escapeHtml(t("en", "claim.title"))));
      assert.ok(!en.body.includes(escapeHtml(t("it", "claim.title"))));

      // Errors speak the chosen language too.
      const bad = await formPost(s, "/richiedi-pin", { _csrf: csrfOf(en.body), email: "x" }, jar);
      assert.equal(bad.statusCode, 422);
      assert.ok(bad.body.includes(escapeHtml(tField("en", "invalid_email"))));

      assertRedirect(await page(s, "/lingua/it", jar), "/", "back to Italian");
      assert.match((await page(s, "/", jar)).body, /<html lang="it"/u);
    });

    it("never redirects outside the site after a language switch", async () => {
      for (const next of [
        "//evil.example/",
        "https://evil.example/",
        "/\\evil.example",
        "javascript:alert(1)",
      ]) {
        const res = await page(s, `/lingua/en?next=${encodeURIComponent(next)}`, new Jar());
        assertRedirect(res, "/", next);
      }
      assertRedirect(
        await page(s, "/lingua/xx?next=%2Faccedi", new Jar()),
        "/accedi",
        "unknown language: no cookie, still back",
      );
    });
  });
});

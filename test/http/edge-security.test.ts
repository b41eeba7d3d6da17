/**
 * State-changing requests at the edge: the API takes JSON bodies only (an empty JSON body is
 * {}), and nothing cross-site gets through, whatever the cookies; the forms' CSRF token is
 * bound to the session and a new one is needed after login.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  api,
  initialPinFromOutbox,
  Jar,
  claimBody,
  startService,
  type TestService,
} from "../helpers/app.ts";
import { count, csrfOf, formPost, page, People, problemOf } from "../helpers/journeys.ts";

describe("edge security", () => {
  let s: TestService;
  let people: People;
  before(async () => {
    s = await startService({ archiveSize: 30 });
    people = new People(s);
  });
  after(async () => {
    await s.close();
  });

  async function pendingChange(): Promise<Jar> {
    const p = people.next();
    await api(s, "POST", "/api/v1/claims", claimBody(p));
    const initial = initialPinFromOutbox(await s.deliver(), { mobile: p.mobile }, p.fiscalCode);
    const jar = new Jar();
    await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin: initial }, jar);
    return jar;
  }

  it("accepts a JSON request without a body where the body says nothing (activation), and refuses every non-JSON body", async () => {
    const jar = await pendingChange();
    for (const contentType of [
      "application/x-www-form-urlencoded",
      "text/plain",
      "multipart/form-data; boundary=x",
      "application/xml",
    ]) {
      const res = await s.app.inject({
        method: "POST",
        url: "/api/v1/pin/activate",
        headers: { cookie: jar.header(), "content-type": contentType },
        payload: "a=1",
      });
      assert.equal(problemOf(res, 415).code, "UNSUPPORTED_MEDIA_TYPE", contentType);
    }
    const empty = await s.app.inject({
      method: "POST",
      url: "/api/v1/pin/activate",
      headers: { cookie: jar.header(), "content-type": "application/json" },
      payload: "",
    });
    assert.equal(empty.statusCode, 201, `a JSON client posting no body: ${empty.body}`);
  });

  it("refuses a state-changing request that Sec-Fetch-Site or Origin says is cross-site, before any flow runs", async () => {
    const p = people.next();
    const claims = await count(s, "SELECT 1 FROM claim");
    const cases: Record<string, string>[] = [
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
      { origin: "https://evil.example" },
      { origin: "null" },
    ];
    for (const headers of cases) {
      const res = await s.app.inject({
        method: "POST",
        url: "/api/v1/claims",
        headers: { "content-type": "application/json", ...headers },
        payload: JSON.stringify(claimBody(p)),
      });
      assert.equal(problemOf(res, 403).code, "CROSS_SITE_REQUEST", JSON.stringify(headers));
      const form = await s.app.inject({
        method: "POST",
        url: "/accedi",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          accept: "text/html",
          ...headers,
        },
        payload: "fiscalCode=X&pin=Y",
      });
      assert.equal(form.statusCode, 403, `form: ${JSON.stringify(headers)}`);
    }
    assert.equal(await count(s, "SELECT 1 FROM claim"), claims, "nothing stored");
    // Same-origin and header-less clients go through.
    const ok = await s.app.inject({
      method: "POST",
      url: "/api/v1/claims",
      headers: {
        "content-type": "application/json",
        origin: "http://localhost:80",
        host: "localhost:80",
        "sec-fetch-site": "same-origin",
      },
      payload: JSON.stringify(claimBody(p)),
    });
    assert.equal(ok.statusCode, 202, ok.body);
  });

  it("binds the forms' CSRF token to the session: a new session in the same browser needs a new token", async () => {
    const p = people.next();
    await api(s, "POST", "/api/v1/claims", claimBody(p));
    const initial = initialPinFromOutbox(await s.deliver(), { mobile: p.mobile }, p.fiscalCode);
    const jar = new Jar();
    await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin: initial }, jar);
    const token = csrfOf((await page(s, "/nuovo-pin", jar)).body);
    // The same browser (same CSRF secret cookie) logs in again: a new session.
    await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin: initial }, jar);
    const stale = await formPost(s, "/nuovo-pin", { _csrf: token }, jar);
    assert.equal(stale.statusCode, 403, "the previous session's token is refused");
    const fresh = csrfOf((await page(s, "/nuovo-pin", jar)).body);
    assert.equal((await formPost(s, "/nuovo-pin", { _csrf: fresh }, jar)).statusCode, 200);
  });

  it("renews the CSRF secret at login", async () => {
    const p = people.next();
    await api(s, "POST", "/api/v1/claims", claimBody(p));
    const initial = initialPinFromOutbox(await s.deliver(), { mobile: p.mobile }, p.fiscalCode);
    const jar = new Jar();
    const get = await page(s, "/accedi", jar);
    const secretBefore = jar.cookies.get("csrf");
    const token = csrfOf(get.body);
    const res = await formPost(
      s,
      "/accedi",
      { fiscalCode: p.fiscalCode, pin: initial, _csrf: token },
      jar,
    );
    assert.equal(res.statusCode, 303);
    assert.ok(!jar.cookies.has("csrf"), "the old secret is cleared at login");
    const next = await page(s, "/nuovo-pin", jar);
    assert.ok(
      jar.cookies.has("csrf") && jar.cookies.get("csrf") !== secretBefore,
      "a new one comes with the next page",
    );
    assert.equal(
      (await formPost(s, "/nuovo-pin", { _csrf: token }, jar)).statusCode,
      403,
      "the pre-login token is dead",
    );
    assert.equal(
      (await formPost(s, "/nuovo-pin", { _csrf: csrfOf(next.body) }, jar)).statusCode,
      200,
    );
  });
});

describe("malformed requests and the API document", () => {
  it("answers a malformed URL with problem details and the safe headers, not the framework's own error", async () => {
    const s = await startService({ archiveSize: 3 });
    try {
      for (const url of ["/area-personale%E0", "/api/v1/me%ZZ"]) {
        const res = await s.app.inject({ method: "GET", url });
        assert.equal(problemOf(res, 400).code, "MALFORMED_REQUEST", url);
        assert.equal(res.headers["x-content-type-options"], "nosniff");
        assert.equal(res.headers["cache-control"], "no-store");
        assert.ok(!res.body.includes("FST_"), "no framework internals");
      }
      const doc = await s.app.inject({ method: "GET", url: "/api/docs/json" });
      const paths = Object.keys(doc.json<{ paths: Record<string, unknown> }>().paths);
      for (const p of [
        "/api/v1/claims",
        "/api/v1/session",
        "/api/v1/pin/activate",
        "/api/v1/pin/replace",
        "/api/v1/me",
      ])
        assert.ok(paths.includes(p), `OpenAPI documents ${p}: ${paths.join(", ")}`);
      assert.ok(!paths.some((p) => p.startsWith("/dev")), "nothing of the development aids");
    } finally {
      await s.close();
    }
  });
});

describe("client address behind a proxy", () => {
  it("believes only as many X-Forwarded-For hops as TRUST_PROXY says (a client cannot pick its address)", async () => {
    const s = await startService({ archiveSize: 5, envOverrides: { TRUST_PROXY: "1" } });
    try {
      const fiscalCode = s.people[0]!.fiscalCode;
      await s.app.inject({
        method: "POST",
        url: "/api/v1/session",
        headers: { "content-type": "application/json", "x-forwarded-for": "6.6.6.6, 203.0.113.9" },
        payload: JSON.stringify({ fiscalCode, pin: "ABCDEFGH" }),
      });
      const rows = await s.rt.db.query<{ source_ip: string }>(
        "SELECT source_ip FROM audit_event WHERE type = 'login.failed'",
      );
      assert.deepEqual(
        rows.map((r) => r.source_ip),
        ["203.0.113.9"],
        "the address the trusted proxy saw, not the one the client wrote",
      );
    } finally {
      await s.close();
    }
  });
});

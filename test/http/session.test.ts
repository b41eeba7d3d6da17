/**
 * Server-side sessions behind the cookie: its attributes in development and production, a new
 * id on every login and PIN change, logout that ends it on the server, the idle and absolute
 * timeouts on the service clock, and only the token's SHA-256 in the database.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { sha256Hex } from "../../src/security/crypto.ts";
import { activeCredential, endCredential } from "../../src/store/repos/credentials.ts";
import {
  api,
  claimBody,
  initialPinFromOutbox,
  Jar,
  personWithPin,
  startService,
  type TestService,
} from "../helpers/app.ts";
import { count, People, problemOf, rows, setCookieLines } from "../helpers/journeys.ts";

const IDLE = 15 * 60;
const ABSOLUTE = 8 * 3600;

function sessionCookie(lines: string[], name: string): string {
  const line = lines.find((l) => l.startsWith(`${name}=`));
  assert.ok(line !== undefined, `a ${name} cookie is set: ${lines.join(" | ")}`);
  return line;
}

function attributes(line: string): Map<string, string> {
  const [, ...attrs] = line.split(/;\s*/u);
  return new Map(
    attrs.map((a) => [a.split("=")[0]!.toLowerCase(), a.split("=").slice(1).join("=")]),
  );
}

/** Whether the session of a cookie header ("inps_session=token; …") still has its row. */
async function stored(s: TestService, cookie: string): Promise<boolean> {
  const token = /(?:^|;\s*)inps_session=([^;]*)/u.exec(cookie)?.[1] ?? "";
  return (await count(s, "SELECT 1 FROM session WHERE id_hash = $1", [sha256Hex(token)])) === 1;
}

function valueOf(line: string): string {
  return line.slice(line.indexOf("=") + 1, line.indexOf(";"));
}

describe("sessions (development)", () => {
  let s: TestService;
  let people: People;
  before(async () => {
    s = await startService({ archiveSize: 50 });
    people = new People(s);
  });
  after(async () => {
    await s.close();
  });

  const me = (jar: Jar) => api(s, "GET", "/api/v1/me", undefined, jar);
  const meWith = (cookie: string) =>
    s.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie } });

  it("sets an HttpOnly, SameSite=Strict, Path=/ cookie that lives 8 hours at most", async () => {
    const p = people.next();
    const { pin } = await personWithPin(s, p);
    const res = await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin });
    const line = sessionCookie(setCookieLines(res), "inps_session");
    const a = attributes(line);
    assert.ok(a.has("httponly"));
    assert.equal(a.get("samesite"), "Strict");
    assert.equal(a.get("path"), "/");
    assert.equal(a.get("max-age"), String(ABSOLUTE));
    assert.ok(!a.has("domain"));
    assert.ok(!a.has("secure"), "plain http in development");
    assert.match(valueOf(line), /^[A-Za-z0-9_-]{43}$/u, "256 random bits");
  });

  it("stores only the SHA-256 of the token: the cookie value appears nowhere in the session table", async () => {
    const p = people.next();
    const { pin } = await personWithPin(s, p);
    const jar = new Jar();
    await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin }, jar);
    const token = jar.cookies.get("inps_session")!;
    const all = await rows<Record<string, unknown>>(s, "SELECT * FROM session");
    assert.ok(!JSON.stringify(all).includes(token), "no raw token stored");
    const mine = await rows<{ id_hash: string }>(
      s,
      "SELECT id_hash FROM session WHERE fiscal_code = $1",
      [p.fiscalCode],
    );
    assert.ok(mine.some((r) => r.id_hash === sha256Hex(token)));
  });

  it("gives a new session id on login, and the previous cookie stops working", async () => {
    const p = people.next();
    const { pin } = await personWithPin(s, p);
    const jar = new Jar();
    await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin }, jar);
    const first = jar.header();
    await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin }, jar); // sends the first cookie
    const second = jar.header();
    assert.notEqual(second, first);
    assert.equal(problemOf(await meWith(first), 401).code, "SESSION_EXPIRED");
    assert.equal((await meWith(second)).statusCode, 200);
    assert.equal(await stored(s, first), false, "the old one is ended, not kept");
    assert.equal(await stored(s, second), true);
  });

  it("gives a new session id at the PIN change (the old one stops working), and ends other sessions of the initial PIN", async () => {
    const p = people.next();
    assert.equal((await api(s, "POST", "/api/v1/claims", claimBody(p))).statusCode, 202);
    const initial = initialPinFromOutbox(await s.deliver(), { mobile: p.mobile }, p.fiscalCode);
    const other = new Jar();
    await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin: initial }, other);
    const jar = new Jar();
    await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin: initial }, jar);
    const before = jar.header();
    const act = await api(s, "POST", "/api/v1/pin/activate", undefined, jar);
    assert.equal(act.statusCode, 201);
    assert.notEqual(jar.header(), before, "a new token");
    assert.equal(await stored(s, before), false, "the old one is gone");
    assert.equal(problemOf(await meWith(before), 401).code, "SESSION_EXPIRED");
    assert.equal((await me(jar)).statusCode, 200);
    assert.equal(
      problemOf(await me(other), 401).code,
      "SESSION_EXPIRED",
      "the other browser's session ended",
    );
  });

  it("ends the session on the server at logout: the old cookie is refused even when replayed", async () => {
    const p = people.next();
    const { pin } = await personWithPin(s, p);
    const jar = new Jar();
    await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin }, jar);
    const cookie = jar.header();
    assert.equal((await me(jar)).statusCode, 200);

    const out = await api(s, "DELETE", "/api/v1/session", undefined, jar);
    assert.equal(out.statusCode, 204);
    const cleared = attributes(sessionCookie(setCookieLines(out), "inps_session"));
    assert.ok(
      cleared.get("max-age") === "0" ||
        new Date(cleared.get("expires") ?? "").getTime() < Date.now(),
      "cookie cleared",
    );
    assert.ok(
      !jar.cookies.has("inps_session"),
      "the session cookie is gone (the device cookie stays)",
    );

    assert.equal(problemOf(await meWith(cookie), 401).code, "SESSION_EXPIRED");
    assert.equal(await stored(s, cookie), false, "the row is gone");
    assert.equal(
      (await s.app.inject({ method: "DELETE", url: "/api/v1/session", headers: { cookie } }))
        .statusCode,
      204,
    );
    assert.equal(
      (await s.app.inject({ method: "DELETE", url: "/api/v1/session" })).statusCode,
      204,
      "logout without a session is harmless",
    );
  });

  it("ends a session after 15 idle minutes, counting from the last request", async () => {
    const p = people.next();
    const { pin } = await personWithPin(s, p);
    const jar = new Jar();
    await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin }, jar);
    s.clock.advance(IDLE - 1);
    assert.equal((await me(jar)).statusCode, 200, "14:59 idle");
    s.clock.advance(IDLE - 1);
    assert.equal(
      (await me(jar)).statusCode,
      200,
      "still alive: the last request restarted the idle time",
    );
    const cookie = jar.header();
    assert.equal(await stored(s, cookie), true);
    s.clock.advance(IDLE);
    assert.equal(problemOf(await me(jar), 401).code, "SESSION_EXPIRED", "15:00 idle");
    assert.equal(await stored(s, cookie), false, "and removed");
  });

  it("ends a session 8 hours after login however busy it is", async () => {
    const p = people.next();
    const { pin } = await personWithPin(s, p);
    const jar = new Jar();
    await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin }, jar);
    let elapsed = 0;
    while (elapsed + 10 * 60 < ABSOLUTE) {
      s.clock.advance(10 * 60);
      elapsed += 10 * 60;
      assert.equal((await me(jar)).statusCode, 200, `after ${elapsed / 60} minutes`);
    }
    s.clock.advance(ABSOLUTE - elapsed - 1);
    assert.equal((await me(jar)).statusCode, 200, "7:59:59");
    s.clock.advance(1);
    assert.equal(problemOf(await me(jar), 401).code, "SESSION_EXPIRED", "8:00:00");
  });

  it("refuses forged, truncated and unknown cookies", async () => {
    for (const value of ["", "x", "a".repeat(43), "a".repeat(200), "%00%00", "../../etc/passwd"]) {
      const res = await meWith(`inps_session=${value}`);
      // A cookie that stands for no live session reads as a session that ended.
      assert.equal(
        problemOf(res, 401).code,
        value === "" ? "AUTHENTICATION_REQUIRED" : "SESSION_EXPIRED",
        value,
      );
    }
  });

  it("ends the sessions of a PIN that is revoked, and then says it was revoked", async () => {
    const p = people.next();
    const { pin } = await personWithPin(s, p);
    const jar = new Jar();
    await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin }, jar);
    assert.equal((await me(jar)).statusCode, 200);
    const cred = await activeCredential(s.rt.db, p.fiscalCode);
    assert.ok(cred !== null && (await endCredential(s.rt.db, cred.id, "revoked", s.clock.now())));
    assert.equal(problemOf(await me(jar), 401).code, "SESSION_EXPIRED");
    assert.equal(
      problemOf(await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin }), 403)
        .code,
      "PIN_REVOKED",
    );
  });
});

describe("sessions (production)", () => {
  let s: TestService;
  before(async () => {
    s = await startService({ env: "production", archiveSize: 12 });
  });
  after(async () => {
    await s.close();
  });

  it("names the cookie __Host-inps_session and marks it Secure, Path=/, without Domain", async () => {
    const [p, q] = s.eligible.filter((x) => x.mobile !== undefined && x.email !== undefined);
    const { jar } = await personWithPin(s, p!);
    assert.ok(jar.cookies.has("__Host-inps_session"));
    assert.ok(!jar.cookies.has("inps_session"));
    const { pin } = await personWithPin(s, q!);
    const res = await api(s, "POST", "/api/v1/session", { fiscalCode: q!.fiscalCode, pin });
    const a = attributes(sessionCookie(setCookieLines(res), "__Host-inps_session"));
    assert.ok(a.has("secure"));
    assert.ok(a.has("httponly"));
    assert.equal(a.get("samesite"), "Strict");
    assert.equal(a.get("path"), "/");
    assert.ok(!a.has("domain"), "__Host- cookies carry no Domain");
    assert.equal((await api(s, "GET", "/api/v1/me", undefined, jar)).statusCode, 200);
    const plain = await s.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: { cookie: `inps_session=${jar.cookies.get("__Host-inps_session")!}` },
    });
    assert.equal(plain.statusCode, 401, "the development cookie name means nothing in production");
  });

  it("sets the CSRF cookie of the forms as __Host-csrf, Secure", async () => {
    const res = await s.app.inject({ method: "GET", url: "/richiedi-pin" });
    assert.equal(res.statusCode, 200);
    const a = attributes(sessionCookie(setCookieLines(res), "__Host-csrf"));
    assert.ok(a.has("secure"));
    assert.ok(a.has("httponly"));
    assert.equal(a.get("path"), "/");
    assert.equal(a.get("samesite"), "Strict");
  });
});

/**
 * Staff enrolment, login and sessions (issue 7): the one-time link, password + mandatory TOTP,
 * recovery codes, the account lockout, the 15-minute idle and 10-hour absolute timeouts, and
 * disabling an account ending its sessions at once.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { systemActor } from "../../src/domain/actor.ts";
import { setStaffStatus } from "../../src/flows/staff/account-admin.ts";
import { totpAt } from "../../src/security/totp.ts";
import { advance, api, Jar, startService, type TestService } from "../helpers/app.ts";
import { csrfOf, formPost, observable, page, problemOf, rows } from "../helpers/journeys.ts";
import { enrolStaff, freshCode, loginStaff, staffLink, staffSession } from "../helpers/staff.ts";

describe("staff enrolment", () => {
  let s: TestService;
  before(async () => {
    s = await startService({ archiveSize: 10 });
  });
  after(async () => {
    await s.close();
  });

  it("answers the TOTP secret and 10 recovery codes once, then activates with a first code", async () => {
    const link = await staffLink(s, { role: "back_office_reviewer" });
    const password = "a long enough passphrase";
    const res = await api(s, "POST", "/api/v1/staff/enrolment", { token: link.token, password });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<{ totpSecret: string; otpauthUri: string; recoveryCodes: string[] }>();
    assert.match(body.totpSecret, /^[A-Z2-7]{32}$/u);
    assert.match(body.otpauthUri, /^otpauth:\/\/totp\//u);
    assert.ok(body.otpauthUri.includes(`secret=${body.totpSecret}`));
    assert.equal(new Set(body.recoveryCodes).size, 10);
    // A second call with the same link never hands out another secret.
    const again = await api(s, "POST", "/api/v1/staff/enrolment", { token: link.token, password });
    assert.equal(problemOf(again, 409).code, "ENROLMENT_STARTED");
    // Not usable before the first code is confirmed.
    const early = await api(s, "POST", "/api/v1/staff/session", {
      username: link.username,
      password,
      totp: await totpAt(body.totpSecret, s.clock.now()),
    });
    assert.equal(problemOf(early, 401).code, "STAFF_LOGIN_FAILED");
    const wrong = await api(s, "POST", "/api/v1/staff/enrolment/confirm", {
      token: link.token,
      code: "000000",
    });
    assert.equal(problemOf(wrong, 422).code, "CODE_INVALID");
    const ok = await api(s, "POST", "/api/v1/staff/enrolment/confirm", {
      token: link.token,
      code: await totpAt(body.totpSecret, s.clock.now()),
    });
    assert.equal(ok.statusCode, 204, ok.body);
    // The link is spent.
    const spent = await api(s, "POST", "/api/v1/staff/enrolment/confirm", {
      token: link.token,
      code: await totpAt(body.totpSecret, s.clock.now()),
    });
    assert.equal(problemOf(spent, 410).code, "ENROLMENT_INVALID");
    const stored = await rows<{ password_hash: string; totp_sealed: string }>(
      s,
      "SELECT password_hash, totp_sealed FROM staff_account WHERE id = $1",
      [link.staffId],
    );
    assert.match(stored[0]?.password_hash ?? "", /^\$argon2id\$/u);
    assert.ok(!(stored[0]?.totp_sealed ?? "").includes(body.totpSecret));
  });

  it("refuses a weak password by field, an unknown or expired link with 410", async () => {
    const link = await staffLink(s, { role: "supervisor" });
    const weak = await api(s, "POST", "/api/v1/staff/enrolment", {
      token: link.token,
      password: "short",
    });
    assert.deepEqual(
      problemOf(weak, 422).errors?.map((e) => [e.field, e.code]),
      [["password", "password_too_short"]],
    );
    const named = await api(s, "POST", "/api/v1/staff/enrolment", {
      token: link.token,
      password: `my name is ${link.username}`,
    });
    assert.equal(problemOf(named, 422).errors?.[0]?.code, "password_contains_username");
    const unknown = await api(s, "POST", "/api/v1/staff/enrolment", {
      token: "x".repeat(43),
      password: "a long enough passphrase",
    });
    assert.equal(problemOf(unknown, 410).code, "ENROLMENT_INVALID");
    advance(s, 73 * 3600);
    const expired = await api(s, "POST", "/api/v1/staff/enrolment", {
      token: link.token,
      password: "a long enough passphrase",
    });
    assert.equal(problemOf(expired, 410).code, "ENROLMENT_INVALID");
  });

  it("shows the same QR key on a reload of the link after the password step, never a new one", async () => {
    const link = await staffLink(s, { role: "contact_centre_agent" });
    const jar = new Jar();
    const url = `/operatori/attivazione?token=${link.token}`;
    const form = await page(s, url, jar);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /name="password"/u);
    const posted = await formPost(
      s,
      "/operatori/attivazione",
      {
        _csrf: csrfOf(form.body),
        token: link.token,
        password: "a long enough passphrase",
        confirmPassword: "a long enough passphrase",
      },
      jar,
    );
    assert.equal(posted.statusCode, 200, posted.body.slice(0, 300));
    const secret = /data-testid="totp-secret">([A-Z2-7 ]+)</u.exec(posted.body)?.[1];
    assert.ok(secret !== undefined);
    assert.match(posted.body, /data-testid="recovery-codes"/u);
    assert.match(posted.body, /<svg/u);
    const reload = await page(s, url, jar);
    assert.equal(/data-testid="totp-secret">([A-Z2-7 ]+)</u.exec(reload.body)?.[1], secret);
    assert.doesNotMatch(reload.body, /data-testid="recovery-codes"/u);
    // Someone else holding the link (another browser) never sees the key.
    const elsewhere = await page(s, url, new Jar());
    assert.equal(elsewhere.statusCode, 409);
    assert.doesNotMatch(elsewhere.body, /totp-secret/u);
    const done = await formPost(
      s,
      "/operatori/attivazione/conferma",
      {
        _csrf: csrfOf(reload.body),
        token: link.token,
        code: await totpAt(secret.replace(/ /gu, ""), s.clock.now()),
      },
      jar,
    );
    assert.equal(done.statusCode, 200);
    assert.match(done.body, /\/operatori\/accedi/u);
  });
});

describe("staff login and sessions", () => {
  let s: TestService;
  before(async () => {
    s = await startService({ archiveSize: 10 });
  });
  after(async () => {
    await s.close();
  });

  it("logs in with username, password and TOTP; the page goes to the desk of the role", async () => {
    const { staff, jar } = await staffSession(s, { role: "office_clerk", officeId: "milano-nord" });
    const me = await api(s, "GET", "/api/v1/staff/me", undefined, jar);
    assert.deepEqual(me.json(), {
      id: staff.id,
      username: staff.username,
      role: "office_clerk",
      officeId: "milano-nord",
    });
    const desk = await page(s, "/operatori", jar);
    assert.equal(desk.statusCode, 200);
    assert.match(desk.body, /Milano Nord/u);
  });

  it("answers an unknown username exactly like a wrong password", async () => {
    const staff = await enrolStaff(s, { role: "supervisor" });
    const wrong = await api(s, "POST", "/api/v1/staff/session", {
      username: staff.username,
      password: "not the password at all",
      totp: "123456",
    });
    const unknown = await api(s, "POST", "/api/v1/staff/session", {
      username: "nobody.here",
      password: "not the password at all",
      totp: "123456",
    });
    assert.equal(wrong.statusCode, 401);
    assert.deepEqual(observable(unknown), observable(wrong));
  });

  it("refuses a code used once already, and a wrong code with the right password", async () => {
    const staff = await enrolStaff(s, { role: "back_office_reviewer" });
    const code = await freshCode(s, staff);
    const first = await api(s, "POST", "/api/v1/staff/session", {
      username: staff.username,
      password: staff.password,
      totp: code,
    });
    assert.equal(first.statusCode, 200);
    const replay = await api(s, "POST", "/api/v1/staff/session", {
      username: staff.username,
      password: staff.password,
      totp: code,
    });
    assert.equal(problemOf(replay, 401).code, "STAFF_LOGIN_FAILED");
  });

  it("takes each recovery code once instead of the app's code", async () => {
    const staff = await enrolStaff(s, { role: "contact_centre_agent" });
    const code = staff.recoveryCodes[0] ?? "";
    const body = { username: staff.username, password: staff.password, totp: code.toLowerCase() };
    assert.equal((await api(s, "POST", "/api/v1/staff/session", body)).statusCode, 200);
    const again = await api(s, "POST", "/api/v1/staff/session", body);
    assert.equal(problemOf(again, 401).code, "STAFF_LOGIN_FAILED");
    const used = await rows<{ n: number }>(
      s,
      "SELECT count(*)::int AS n FROM staff_recovery_code WHERE staff_id = $1 AND used_at IS NOT NULL",
      [staff.id],
    );
    assert.equal(used[0]?.n, 1);
  });

  it("locks the account for 15 minutes after 5 wrong codes, even for the right credentials", async () => {
    const staff = await enrolStaff(s, { role: "supervisor" });
    const bad = { username: staff.username, password: staff.password, totp: "000000" };
    for (let i = 0; i < 4; i++)
      assert.equal((await api(s, "POST", "/api/v1/staff/session", bad)).statusCode, 401);
    const fifth = await api(s, "POST", "/api/v1/staff/session", bad);
    assert.equal(problemOf(fifth, 423).code, "STAFF_LOCKED");
    const right = await api(s, "POST", "/api/v1/staff/session", {
      username: staff.username,
      password: staff.password,
      totp: await freshCode(s, staff),
    });
    assert.equal(problemOf(right, 423).code, "STAFF_LOCKED");
    advance(s, 15 * 60 + 1);
    await loginStaff(s, staff);
  });

  it("never locks on wrong passwords: someone without the password cannot keep staff out", async () => {
    const staff = await enrolStaff(s, { role: "contact_centre_agent" });
    const guess = { username: staff.username, password: "a wrong guess here", totp: "000000" };
    for (let i = 0; i < 8; i++) {
      const res = await api(s, "POST", "/api/v1/staff/session", guess);
      assert.equal(problemOf(res, 401).code, "STAFF_LOGIN_FAILED");
    }
    await loginStaff(s, staff);
  });

  it("lets at most 5 parallel code guesses through to the check, the rest refused as locked", async () => {
    const staff = await enrolStaff(s, { role: "back_office_reviewer" });
    const codes = Array.from({ length: 12 }, (_, i) => String(100000 + i * 7919));
    const answers = await Promise.all(
      codes.map((totp) =>
        api(s, "POST", "/api/v1/staff/session", {
          username: staff.username,
          password: staff.password,
          totp,
        }),
      ),
    );
    assert.ok(answers.every((r) => r.statusCode === 401 || r.statusCode === 423));
    const checked = await rows<{ n: number }>(
      s,
      "SELECT count(*)::int AS n FROM audit_event WHERE type = 'staff.login_failed' AND actor_id = $1 AND details->>'reason' = 'wrong_code'",
      [staff.id],
    );
    assert.ok((checked[0]?.n ?? 99) <= 5, `codes checked: ${checked[0]?.n}`);
    assert.ok(answers.some((r) => r.statusCode === 423));
  });

  it("ends a session after 15 idle minutes and after 10 hours however active", async () => {
    const { staff, jar } = await staffSession(s, { role: "contact_centre_agent" });
    advance(s, 14 * 60);
    assert.equal((await api(s, "GET", "/api/v1/staff/me", undefined, jar)).statusCode, 200);
    advance(s, 15 * 60 + 1);
    const idle = await api(s, "GET", "/api/v1/staff/me", undefined, jar);
    assert.equal(problemOf(idle, 401).code, "STAFF_SESSION_EXPIRED");
    const jar2 = await loginStaff(s, staff);
    for (let i = 0; i < 50; i++) {
      advance(s, 12 * 60);
      if (i < 49)
        assert.equal(
          (await api(s, "GET", "/api/v1/staff/me", undefined, jar2)).statusCode,
          200,
          `after ${(i + 1) * 12} min`,
        );
    }
    const absolute = await api(s, "GET", "/api/v1/staff/me", undefined, jar2);
    assert.equal(problemOf(absolute, 401).code, "STAFF_SESSION_EXPIRED");
    // A page asks for the login again, and comes back afterwards.
    const desk = await page(s, "/operatori/codici-recupero", new Jar());
    assert.equal(desk.statusCode, 303);
    assert.equal(desk.headers.location, "/operatori/accedi?next=%2Foperatori%2Fcodici-recupero");
  });

  it("ends every session of an account the moment it is disabled", async () => {
    const { staff, jar } = await staffSession(s, { role: "office_clerk" });
    const jar2 = await loginStaff(s, staff);
    await setStaffStatus(s.rt.ctx, {
      by: systemActor("test"),
      staffId: staff.id,
      status: "disabled",
    });
    for (const j of [jar, jar2])
      assert.equal((await api(s, "GET", "/api/v1/staff/me", undefined, j)).statusCode, 401);
    const login = await api(s, "POST", "/api/v1/staff/session", {
      username: staff.username,
      password: staff.password,
      totp: await freshCode(s, staff),
    });
    assert.equal(problemOf(login, 401).code, "STAFF_LOGIN_FAILED");
    await setStaffStatus(s.rt.ctx, {
      by: systemActor("test"),
      staffId: staff.id,
      status: "active",
    });
    advance(s, 60);
    await loginStaff(s, staff);
  });

  it("logs in and out through the pages, the form's CSRF bound to the staff session", async () => {
    const staff = await enrolStaff(s, { role: "supervisor" });
    const jar = new Jar();
    const form = await page(s, "/operatori/accedi?next=%2Foperatori%2Fcodici-recupero", jar);
    const res = await formPost(
      s,
      "/operatori/accedi",
      {
        _csrf: csrfOf(form.body),
        username: staff.username,
        password: staff.password,
        totp: await freshCode(s, staff),
        next: "/operatori/codici-recupero",
      },
      jar,
    );
    assert.equal(res.statusCode, 303, res.body.slice(0, 400));
    assert.equal(res.headers.location, "/operatori/codici-recupero");
    const codes = await page(s, "/operatori/codici-recupero", jar);
    const fields = { _csrf: csrfOf(codes.body), totp: await freshCode(s, staff) };
    const renewed = await formPost(s, "/operatori/codici-recupero", fields, jar);
    assert.equal(renewed.statusCode, 200);
    assert.equal((renewed.body.match(/<li><code>/gu) ?? []).length, 10);
    // A reload sends the same form again: refused, the codes just shown stay.
    const resent = await formPost(s, "/operatori/codici-recupero", fields, jar);
    assert.equal(resent.statusCode, 422);
    assert.match(resent.body, /aria-invalid="true"/u);
    const out = await formPost(s, "/operatori/esci", { _csrf: csrfOf(renewed.body) }, jar);
    assert.equal(out.headers.location, "/operatori/accedi?uscito=1");
    assert.equal((await api(s, "GET", "/api/v1/staff/me", undefined, jar)).statusCode, 401);
  });

  it("audits every login, failure and logout with the staff actor", async () => {
    const types = await rows<{ type: string; actor_kind: string }>(
      s,
      "SELECT DISTINCT type, actor_kind FROM audit_event WHERE type LIKE 'staff.%' ORDER BY type, actor_kind",
    );
    const seen = types.map((t) => `${t.type}/${t.actor_kind}`);
    for (const e of [
      "staff.created/system",
      "staff.enrolled/staff",
      "staff.login_succeeded/staff",
      "staff.login_failed/staff",
      "staff.login_failed/anonymous",
      "staff.login_refused/staff",
      "staff.session_ended/staff",
      "staff.disabled/system",
      "staff.recovery_codes_replaced/staff",
    ])
      assert.ok(seen.includes(e), `${e} in ${seen.join(", ")}`);
  });
});

describe("staff login rate limits", () => {
  let s: TestService;
  before(async () => {
    s = await startService({
      archiveSize: 5,
      envOverrides: {
        RATE_LIMIT_STAFF_LOGIN_ACCOUNT: "3/1h",
        RATE_LIMIT_STAFF_LOGIN_SOURCE: "5/1h",
      },
    });
  });
  after(async () => {
    await s.close();
  });

  it("limits attempts per username, then per source address, with Retry-After", async () => {
    const bad = (username: string) => ({ username, password: "wrong wrong wrong", totp: "123456" });
    for (let i = 0; i < 3; i++)
      assert.equal((await api(s, "POST", "/api/v1/staff/session", bad("someone"))).statusCode, 401);
    const limited = await api(s, "POST", "/api/v1/staff/session", bad("someone"));
    assert.equal(problemOf(limited, 429).code, "RATE_LIMITED");
    assert.ok(Number(limited.headers["retry-after"]) > 0);
    assert.equal((await api(s, "POST", "/api/v1/staff/session", bad("other.one"))).statusCode, 401);
    const source = await api(s, "POST", "/api/v1/staff/session", bad("third.one"));
    assert.equal(problemOf(source, 429).code, "RATE_LIMITED");
  });
});

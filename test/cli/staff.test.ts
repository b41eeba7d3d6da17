/**
 * `inps-pin staff add|list|disable|enable|reset`: the link printed by `add` enrols the account
 * through the API; bad arguments are refused by name; disabling ends the sessions.
 */
import { after, before, describe, it, type TestContext } from "node:test";
import assert from "node:assert/strict";
import { staffCommand } from "../../src/cli/staff.ts";
import { api, startService, type TestService } from "../helpers/app.ts";
import { problemOf } from "../helpers/journeys.ts";

async function run(t: TestContext, s: TestService, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const log = t.mock.method(console, "log", (m: unknown) => out.push(String(m)));
  const error = t.mock.method(console, "error", (m: unknown) => err.push(String(m)));
  const code = await staffCommand(s.rt.ctx.config, s.tdb.db, args, s.clock);
  log.mock.restore();
  error.mock.restore();
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("inps-pin staff", () => {
  let s: TestService;
  before(async () => {
    s = await startService({ archiveSize: 5 });
  });
  after(async () => {
    await s.close();
  });

  it("adds an account and prints its one-time enrolment link", async (t) => {
    const r = await run(
      t,
      s,
      "add",
      "--username",
      "Mario.Rossi",
      "--role",
      "office_clerk",
      "--office",
      "napoli-centro",
    );
    assert.equal(r.code, 0, r.err);
    const token = /\/operatori\/attivazione\?token=([\w-]+)/u.exec(r.out)?.[1];
    assert.ok(token !== undefined, r.out);
    const res = await api(s, "POST", "/api/v1/staff/enrolment", {
      token,
      password: "a long enough passphrase",
    });
    assert.equal(res.statusCode, 200);
    const list = await run(t, s, "list");
    assert.match(list.out, /mario\.rossi\toffice_clerk\tnapoli-centro\tenrolling/u);
  });

  it("refuses an unknown role, a clerk without an office, a taken username", async (t) => {
    assert.equal((await run(t, s, "add", "--username", "anna.b", "--role", "admin")).code, 2);
    const clerk = await run(t, s, "add", "--username", "anna.b", "--role", "office_clerk");
    assert.equal(clerk.code, 2);
    assert.match(clerk.err, /officeId/u);
    assert.equal((await run(t, s, "add", "--username", "anna.b", "--role", "supervisor")).code, 0);
    const taken = await run(t, s, "add", "--username", "ANNA.B", "--role", "supervisor");
    assert.equal(taken.code, 2);
    assert.match(taken.err, /USERNAME_TAKEN/u);
    assert.equal(await staffCommand(s.rt.ctx.config, s.tdb.db, ["add"], s.clock), null);
  });

  it("resets an account to a new link (the old one dies) and disables one by name", async (t) => {
    const first = await run(t, s, "add", "--username", "luca.v", "--role", "back_office_reviewer");
    const oldToken = /token=([\w-]+)/u.exec(first.out)?.[1] ?? "";
    const reset = await run(t, s, "reset", "luca.v");
    assert.equal(reset.code, 0);
    const newToken = /token=([\w-]+)/u.exec(reset.out)?.[1] ?? "";
    assert.notEqual(newToken, oldToken);
    const old = await api(s, "POST", "/api/v1/staff/enrolment", {
      token: oldToken,
      password: "a long enough passphrase",
    });
    assert.equal(problemOf(old, 410).code, "ENROLMENT_INVALID");
    assert.equal((await run(t, s, "disable", "luca.v")).code, 0);
    assert.equal((await run(t, s, "disable", "nobody")).code, 1);
  });

  it("enables a disabled account as it was: a half-done enrolment stays unusable, its link dead", async (t) => {
    const added = await run(t, s, "add", "--username", "half.done", "--role", "supervisor");
    const token = /token=([\w-]+)/u.exec(added.out)?.[1] ?? "";
    const body = { token, password: "a long enough passphrase" };
    assert.equal((await api(s, "POST", "/api/v1/staff/enrolment", body)).statusCode, 200);
    assert.equal((await run(t, s, "disable", "half.done")).code, 0);
    assert.equal((await run(t, s, "enable", "half.done")).code, 0);
    assert.match((await run(t, s, "list")).out, /half\.done\tsupervisor\t-\tenrolling/u);
    const confirm = await api(s, "POST", "/api/v1/staff/enrolment/confirm", {
      token,
      code: "123456",
    });
    assert.equal(problemOf(confirm, 410).code, "ENROLMENT_INVALID");
  });
});

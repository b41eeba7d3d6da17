/** Demo staff in development: enrolled at start-up, their current codes on /dev/staff, usable. */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { DEMO_STAFF, DEMO_STAFF_PASSWORD, ensureDemoStaff } from "../../src/dev/staff.ts";
import { api, Jar, startService, type TestService } from "../helpers/app.ts";

describe("demo staff (development)", () => {
  let s: TestService;
  before(async () => {
    s = await startService({ archiveSize: 5 });
  });
  after(async () => {
    await s.close();
  });

  it("enrols one account per role once, and /dev/staff gives each a code that logs in", async () => {
    assert.equal(await ensureDemoStaff(s.rt.ctx), DEMO_STAFF.length);
    assert.equal(await ensureDemoStaff(s.rt.ctx), 0, "a second start creates nothing");
    const res = await api(s, "GET", "/dev/staff");
    assert.equal(res.statusCode, 200);
    const code = new RegExp(`demo\\.supervisore</code>.*?<code>(\\d{6})</code>`, "su").exec(
      res.body,
    )?.[1];
    assert.ok(code !== undefined, res.body.slice(0, 500));
    const jar = new Jar();
    const login = await api(
      s,
      "POST",
      "/api/v1/staff/session",
      { username: "demo.supervisore", password: DEMO_STAFF_PASSWORD, totp: code },
      jar,
    );
    assert.equal(login.statusCode, 200, login.body);
    assert.equal(login.json<{ role: string }>().role, "supervisor");
  });
});

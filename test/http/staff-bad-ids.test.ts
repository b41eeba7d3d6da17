/** Ids in staff URLs that look like UUIDs but are not (36 dashes): 404, never a database error. */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { api, startService, type TestService } from "../helpers/app.ts";
import { staffSession } from "../helpers/staff.ts";

const FAKE = "-".repeat(36);

describe("staff routes with a malformed id", () => {
  let s: TestService;
  before(async () => {
    s = await startService({ archiveSize: 5 });
  });
  after(async () => {
    await s.close();
  });

  it("answers 404 for the desk printout, a delegation's end and a staff account", async () => {
    const clerk = await staffSession(s, { role: "office_clerk", officeId: "roma-eur" });
    const pdf = await api(
      s,
      "GET",
      `/api/v1/staff/desk/mv35/${FAKE}/pin.pdf`,
      undefined,
      clerk.jar,
    );
    assert.equal(pdf.statusCode, 404, pdf.body);
    const end = await api(
      s,
      "POST",
      `/api/v1/staff/desk/delegations/${FAKE}/end`,
      { reason: { kind: "desk_visit", ref: "x" } },
      clerk.jar,
    );
    assert.equal(end.statusCode, 404, end.body);
    const sup = await staffSession(s, { role: "supervisor" });
    const disable = await api(s, "POST", `/api/v1/staff/accounts/${FAKE}/disable`, {}, sup.jar);
    assert.equal(disable.statusCode, 404, disable.body);
  });
});

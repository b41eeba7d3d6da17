/**
 * The limits on anonymous booking and cancelling (issue 7): per contact given, per source
 * address for cancellations (guessed codes); over a limit 429 with Retry-After.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { api, startService, type TestService } from "../helpers/app.ts";
import { aBooking, book } from "../helpers/appointments.ts";

describe("booking limits", () => {
  let s: TestService;
  before(async () => {
    s = await startService({
      archiveSize: 5,
      envOverrides: {
        RATE_LIMIT_APPOINTMENT_DESTINATION: "1/1d",
        RATE_LIMIT_APPOINTMENT_CANCEL_SOURCE: "2/1h",
      },
    });
  });
  after(async () => {
    await s.close();
  });

  it("refuses a second booking for the same contact with 429 and Retry-After", async () => {
    const email = "Same.Person+again@Example.com";
    await book(s, "roma-eur", "2026-03-04T07:50:00Z", { email: "same.person@example.com" });
    const res = await api(
      s,
      "POST",
      "/api/v1/appointments",
      aBooking("roma-eur", "2026-03-04T08:10:00Z", { email }),
    );
    assert.equal(res.statusCode, 429);
    assert.ok(Number(res.headers["retry-after"]) > 0);
    assert.equal(res.json<{ code: string }>().code, "RATE_LIMITED");
  });

  it("limits cancellations (guesses) per source address", async () => {
    const codes = ["AAAA-AAAA-AAAA-AAAA", "BBBB-BBBB-BBBB-BBBB", "CCCC-CCCC-CCCC-CCCC"];
    const statuses = [];
    for (const c of codes)
      statuses.push((await api(s, "DELETE", `/api/v1/appointments/${c}`)).statusCode);
    assert.deepEqual(statuses, [404, 404, 429]);
  });
});

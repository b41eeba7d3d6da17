/**
 * The reminder the day before a desk appointment waits for the morning (from 08:00 Rome time):
 * nobody gets an SMS at night because housekeeping ran after midnight.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { startService, type TestService } from "../helpers/app.ts";
import { book } from "../helpers/appointments.ts";

describe("appointment reminders", () => {
  let s: TestService;
  before(async () => {
    // Monday 2 March 2026, 06:00 in Rome.
    s = await startService({ archiveSize: 5, start: "2026-03-02T05:00:00Z" });
  });
  after(async () => {
    await s.close();
  });

  it("are enqueued from 08:00 Rome time on the day before, once", async () => {
    await book(s, "milano-nord", "2026-03-03T07:30:00Z");
    assert.equal((await s.rt.worker.runHousekeeping())?.appointmentReminders, 0, "06:00");
    s.clock.advance(3600 + 59 * 60);
    assert.equal((await s.rt.worker.runHousekeeping())?.appointmentReminders, 0, "07:59");
    s.clock.advance(60);
    assert.equal((await s.rt.worker.runHousekeeping())?.appointmentReminders, 1, "08:00");
    assert.equal((await s.rt.worker.runHousekeeping())?.appointmentReminders, 0, "once");
    const sent = (await s.deliver()).filter((m) => m.kind === "appointment_reminder");
    assert.equal(sent.length, 1);
    assert.match(sent[0]?.text ?? "", /domani/u);
  });
});

import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  isContactCentreDay,
  isContactCentreOpen,
  nextContactCentreDay,
  nextOpening,
  nextWorkingDayOpening,
  romeInstant,
  romeWallClock,
} from "../../src/domain/contact-hours.ts";

const open = (iso: string) => isContactCentreOpen(new Date(iso));

describe("contact centre hours: Monday–Friday 08:00–20:00, Saturday 08:00–14:00, Europe/Rome", () => {
  it("opens at 08:00 and closes at 20:00 Rome time on a weekday (winter, UTC+1)", () => {
    // Monday 2 March 2026.
    assert.equal(open("2026-03-02T06:59:59Z"), false);
    assert.equal(open("2026-03-02T07:00:00Z"), true);
    assert.equal(open("2026-03-02T18:59:59Z"), true);
    assert.equal(open("2026-03-02T19:00:00Z"), false);
  });

  it("follows summer time (UTC+2): 08:00 Rome is 06:00 UTC", () => {
    // Monday 4 May 2026.
    assert.equal(open("2026-05-04T05:59:00Z"), false);
    assert.equal(open("2026-05-04T06:00:00Z"), true);
    assert.equal(open("2026-05-04T17:59:00Z"), true);
    assert.equal(open("2026-05-04T18:00:00Z"), false);
  });

  it("is open on Saturday morning only, until 14:00", () => {
    // Saturday 7 March 2026.
    assert.equal(open("2026-03-07T07:00:00Z"), true);
    assert.equal(open("2026-03-07T12:59:00Z"), true);
    assert.equal(open("2026-03-07T13:00:00Z"), false);
    assert.equal(open("2026-03-07T16:30:00Z"), false);
  });

  it("is closed on Sundays and on Italian public holidays", () => {
    assert.equal(open("2026-03-08T10:00:00Z"), false); // Sunday
    assert.equal(open("2026-04-06T10:00:00Z"), false); // Easter Monday 2026
    assert.equal(open("2026-12-25T10:00:00Z"), false); // Christmas, a Friday
    assert.equal(open("2026-04-25T08:00:00Z"), false); // Liberation Day, a Saturday
    assert.equal(open("2026-10-05T10:00:00Z"), true); // the Monday after San Francesco
    assert.equal(isContactCentreDay("2026-10-04"), false);
  });

  it("finds the next working day across weekends and holidays", () => {
    assert.equal(nextContactCentreDay("2026-03-06"), "2026-03-07"); // Friday → Saturday
    assert.equal(nextContactCentreDay("2026-03-07"), "2026-03-09"); // Saturday → Monday
    assert.equal(nextContactCentreDay("2026-04-04"), "2026-04-07"); // Easter Sunday and Monday
    assert.equal(nextContactCentreDay("2026-12-24"), "2026-12-28"); // 25, 26 and Sunday 27
  });

  it("retries a call at 08:00 Rome on the next working day, across the change of time", () => {
    // Saturday 28 March 2026 (winter) → Monday 30 March (summer): 08:00 is 06:00 UTC.
    assert.equal(
      nextWorkingDayOpening(new Date("2026-03-28T09:00:00Z")).toISOString(),
      "2026-03-30T06:00:00.000Z",
    );
    // Saturday 24 October 2026 (summer) → Monday 26 October (winter): 08:00 is 07:00 UTC.
    assert.equal(
      nextWorkingDayOpening(new Date("2026-10-24T08:00:00Z")).toISOString(),
      "2026-10-26T07:00:00.000Z",
    );
    // Late on Friday evening (after 23:00 UTC it is already Saturday in Rome).
    assert.equal(
      nextWorkingDayOpening(new Date("2026-03-06T23:30:00Z")).toISOString(),
      "2026-03-09T07:00:00.000Z",
    );
  });

  it("says when it opens next: now when open, later today before 08:00, else the next day", () => {
    const now = new Date("2026-03-02T10:00:00Z");
    assert.equal(nextOpening(now), now);
    assert.equal(
      nextOpening(new Date("2026-03-02T05:00:00Z")).toISOString(),
      "2026-03-02T07:00:00.000Z",
    );
    assert.equal(
      nextOpening(new Date("2026-03-07T15:00:00Z")).toISOString(),
      "2026-03-09T07:00:00.000Z",
    );
  });

  it("converts Rome wall-clock times both ways", () => {
    assert.deepEqual(romeWallClock(new Date("2026-03-29T00:59:00Z")), {
      date: "2026-03-29",
      time: "01:59",
    });
    assert.deepEqual(romeWallClock(new Date("2026-03-29T01:00:00Z")), {
      date: "2026-03-29",
      time: "03:00",
    });
    assert.equal(romeInstant("2026-07-01", "08:00").toISOString(), "2026-07-01T06:00:00.000Z");
    assert.equal(romeInstant("2026-01-15", "14:00").toISOString(), "2026-01-15T13:00:00.000Z");
  });

  it("always finds an opening that is open, not before the instant and within a week", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2035-12-31T00:00:00Z") }),
        (d) => {
          if (Number.isNaN(d.getTime())) return;
          const o = nextOpening(d);
          assert.ok(o.getTime() >= d.getTime());
          assert.ok(isContactCentreOpen(o));
          assert.ok(o.getTime() - d.getTime() < 8 * 86_400_000);
          const retry = nextWorkingDayOpening(d);
          assert.ok(isContactCentreOpen(retry));
          assert.ok(romeWallClock(retry).date > romeWallClock(d).date);
        },
      ),
      { numRuns: 300 },
    );
  });
});

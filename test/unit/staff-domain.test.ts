/** Pure rules of the back office: holidays, offices' opening days, staff usernames and passwords. */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { easterSunday, isItalianPublicHoliday } from "../../src/domain/italian-holidays.ts";
import { findOffice, OFFICES, officeClosedOn, openingSpans } from "../../src/domain/offices.ts";
import { isValidUsername, passwordProblem } from "../../src/domain/staff.ts";

describe("Italian public holidays", () => {
  it("finds Easter Sunday (and so Easter Monday) for known years", () => {
    assert.equal(easterSunday(2024), "2024-03-31");
    assert.equal(easterSunday(2025), "2025-04-20");
    assert.equal(easterSunday(2026), "2026-04-05");
    assert.equal(easterSunday(2027), "2027-03-28");
    assert.ok(isItalianPublicHoliday("2026-04-06"));
    assert.ok(!isItalianPublicHoliday("2026-04-07"), "Easter Tuesday is a working day");
  });

  it("knows the fixed national holidays, and St Francis (4 October) from 2026 only", () => {
    for (const d of ["2026-01-01", "2026-01-06", "2026-04-25", "2026-05-01", "2026-06-02"])
      assert.ok(isItalianPublicHoliday(d), d);
    for (const d of ["2026-08-15", "2026-11-01", "2026-12-08", "2026-12-25", "2026-12-26"])
      assert.ok(isItalianPublicHoliday(d), d);
    assert.ok(isItalianPublicHoliday("2026-10-04"));
    assert.ok(!isItalianPublicHoliday("2025-10-04"));
    assert.ok(!isItalianPublicHoliday("2026-11-27"));
  });
});

describe("offices as data", () => {
  it("loads every office with desks, hours and a unique id", () => {
    assert.ok(OFFICES.length >= 3);
    assert.equal(new Set(OFFICES.map((o) => o.id)).size, OFFICES.length);
  });

  it("closes on weekends, national holidays and the office's patron saint's day", () => {
    const rome = findOffice("roma-eur");
    assert.ok(rome !== undefined);
    assert.ok(officeClosedOn(rome, "2026-11-28"), "Saturday");
    assert.ok(officeClosedOn(rome, "2026-12-08"), "national holiday");
    assert.ok(officeClosedOn(rome, "2027-06-29"), "Saints Peter and Paul in Rome");
    assert.deepEqual(openingSpans(rome, "2026-11-30"), [
      ["08:30", "12:30"],
      ["14:00", "16:00"],
    ]);
    const milan = findOffice("milano-nord");
    assert.ok(milan !== undefined && !officeClosedOn(milan, "2027-06-29"));
  });
});

describe("staff accounts", () => {
  it("accepts plain lower-case usernames only", () => {
    assert.ok(isValidUsername("mario.rossi"));
    assert.ok(!isValidUsername("ma"));
    assert.ok(!isValidUsername("Mario Rossi"));
  });

  it("wants long passwords that are not the username", () => {
    assert.equal(passwordProblem("short", "mario"), "password_too_short");
    assert.equal(passwordProblem("hello mario hello", "mario"), "password_contains_username");
    assert.equal(passwordProblem("aaaaaaaaaaaaaaaa", "mario"), "password_too_simple");
    assert.equal(passwordProblem("àèìòù àèìòù àè", "mario"), null);
    assert.equal(passwordProblem("correct horse battery", "mario"), null);
  });
});

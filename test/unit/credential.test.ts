import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  addMonths,
  isPinExpired,
  PIN_VALIDITY_MONTHS,
  pinExpiresAt,
} from "../../src/domain/credential.ts";

const iso = (d: Date): string => d.toISOString();
const at = (s: string): Date => new Date(s);

describe("addMonths", () => {
  it("keeps the day and time of day when the target month has it", () => {
    assert.equal(iso(addMonths(at("2025-11-15T10:20:30.456Z"), 6)), "2026-05-15T10:20:30.456Z");
    assert.equal(iso(addMonths(at("2026-01-31T23:59:59.999Z"), 6)), "2026-07-31T23:59:59.999Z");
  });

  it("clamps 31 August + 6 months to 28 February in a common year", () => {
    assert.equal(iso(addMonths(at("2022-08-31T08:00:00Z"), 6)), "2023-02-28T08:00:00.000Z");
  });

  it("clamps 31 August + 6 months to 29 February in a leap year", () => {
    assert.equal(iso(addMonths(at("2023-08-31T08:00:00Z"), 6)), "2024-02-29T08:00:00.000Z");
    assert.equal(iso(addMonths(at("2023-08-29T08:00:00Z"), 6)), "2024-02-29T08:00:00.000Z");
    assert.equal(iso(addMonths(at("2023-08-30T08:00:00Z"), 6)), "2024-02-29T08:00:00.000Z");
  });

  it("follows the Gregorian century rule (1900 common, 2000 leap)", () => {
    assert.equal(iso(addMonths(at("1899-08-31T00:00:00Z"), 6)), "1900-02-28T00:00:00.000Z");
    assert.equal(iso(addMonths(at("1999-08-31T00:00:00Z"), 6)), "2000-02-29T00:00:00.000Z");
  });

  it("clamps to 30-day months and crosses years both ways", () => {
    assert.equal(iso(addMonths(at("2025-10-31T12:00:00Z"), 6)), "2026-04-30T12:00:00.000Z");
    assert.equal(iso(addMonths(at("2024-03-31T12:00:00Z"), -1)), "2024-02-29T12:00:00.000Z");
    assert.equal(iso(addMonths(at("2024-01-15T12:00:00Z"), -13)), "2022-12-15T12:00:00.000Z");
    assert.equal(iso(addMonths(at("2024-02-29T12:00:00Z"), 12)), "2025-02-28T12:00:00.000Z");
  });

  it("always lands in the right month on the same or an earlier day, time unchanged (property)", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: at("1900-01-01T00:00:00Z"),
          max: at("2200-12-31T23:59:59Z"),
          noInvalidDate: true,
        }),
        fc.integer({ min: -48, max: 48 }),
        (d, months) => {
          const r = addMonths(d, months);
          const monthIndex = (x: Date) => x.getUTCFullYear() * 12 + x.getUTCMonth();
          assert.equal(monthIndex(r), monthIndex(d) + months);
          assert.ok(r.getUTCDate() <= d.getUTCDate());
          const lastDay = new Date(
            Date.UTC(r.getUTCFullYear(), r.getUTCMonth() + 1, 0),
          ).getUTCDate();
          assert.equal(r.getUTCDate(), Math.min(d.getUTCDate(), lastDay));
          assert.equal(r.toISOString().slice(10), d.toISOString().slice(10));
        },
      ),
    );
  });

  it("does not change its argument", () => {
    const d = at("2023-08-31T08:00:00Z");
    addMonths(d, 6);
    assert.equal(iso(d), "2023-08-31T08:00:00.000Z");
  });
});

describe("PIN expiry", () => {
  const setAt = at("2026-01-15T10:00:00Z");

  it("runs 6 months", () => {
    assert.equal(PIN_VALIDITY_MONTHS, 6);
    assert.equal(iso(pinExpiresAt(setAt)), "2026-07-15T10:00:00.000Z");
  });

  it("expires an operating PIN exactly 6 months after it was set, not a millisecond earlier", () => {
    assert.equal(isPinExpired("operating", setAt, at("2026-07-15T09:59:59.999Z")), false);
    assert.equal(isPinExpired("operating", setAt, at("2026-07-15T10:00:00.000Z")), true);
    assert.equal(isPinExpired("operating", setAt, at("2027-01-01T00:00:00Z")), true);
    assert.equal(isPinExpired("operating", setAt, setAt), false);
  });

  it("expires a PIN set on 31 August at the end of February", () => {
    const aug31 = at("2023-08-31T09:00:00Z");
    assert.equal(isPinExpired("operating", aug31, at("2024-02-29T08:59:59Z")), false);
    assert.equal(isPinExpired("operating", aug31, at("2024-02-29T09:00:00Z")), true);
  });

  it("never expires an initial PIN that has not been used yet", () => {
    assert.equal(isPinExpired("initial", setAt, at("2026-07-15T10:00:00Z")), false);
    assert.equal(isPinExpired("initial", setAt, at("2036-01-15T10:00:00Z")), false);
  });
});

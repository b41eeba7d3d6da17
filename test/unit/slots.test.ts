/** Appointment slots (src/domain/slots.ts) and booking codes (src/domain/booking-code.ts). */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import {
  formatBookingCode,
  newBookingCode,
  normalizeBookingCode,
} from "../../src/domain/booking-code.ts";
import { findOffice, type Office } from "../../src/domain/offices.ts";
import {
  bookableSlots,
  daySlots,
  isBookableSlot,
  isIsoDate,
  parseSlotStart,
  romeInstant,
  slotId,
} from "../../src/domain/slots.ts";

const torino = findOffice("torino-centro") as Office;
const night: Office = {
  ...torino,
  id: "night-desk",
  slotMinutes: 30,
  hours: { sun: [["01:00", "04:00"]] },
  holidays: ["2026-11-22"],
};
const ids = (d: Date[]) => d.map(slotId);
const now = new Date("2026-03-02T09:00:00Z"); // Monday, 10:00 in Rome

describe("slots", () => {
  it("cuts the opening spans into slots in Rome wall-clock time", () => {
    const slots = ids(daySlots(torino, "2026-03-04"));
    assert.equal(slots.length, 12);
    assert.equal(slots[0], "2026-03-04T07:30:00Z");
    assert.equal(slots.at(-1), "2026-03-04T11:10:00Z", "12:10–12:30 is the last");
    assert.equal(ids(daySlots(torino, "2026-07-01"))[0], "2026-07-01T06:30:00Z", "summer time");
  });

  it("skips the hour that does not exist when summer time starts", () => {
    assert.deepEqual(ids(daySlots(night, "2026-03-29")), [
      "2026-03-29T00:00:00Z", // 01:00 CET
      "2026-03-29T00:30:00Z",
      "2026-03-29T01:00:00Z", // 03:00 CEST: 02:00 and 02:30 never happen
      "2026-03-29T01:30:00Z",
    ]);
    assert.equal(romeInstant("2026-03-29", 150), null);
  });

  it("gives a repeated hour once (its first occurrence) when summer time ends", () => {
    const slots = ids(daySlots(night, "2026-10-25"));
    assert.equal(slots.length, 6);
    assert.equal(new Set(slots).size, 6);
    assert.ok(slots.includes("2026-10-25T00:00:00Z"), "02:00 CEST");
  });

  it("has no slot on national holidays, local holidays or closed weekdays", () => {
    assert.deepEqual(daySlots(torino, "2026-04-06"), [], "Easter Monday");
    assert.deepEqual(daySlots(torino, "2026-06-24"), [], "San Giovanni, Torino's patron");
    assert.ok(daySlots(findOffice("roma-eur") as Office, "2026-06-24").length > 0, "not in Rome");
    assert.deepEqual(daySlots(torino, "2026-03-03"), [], "Tuesday: closed");
    assert.deepEqual(daySlots(torino, "2026-12-25"), [], "Christmas");
    assert.deepEqual(daySlots(night, "2026-11-22"), [], "a dated closure");
    assert.deepEqual(daySlots(torino, "2026-10-04"), [], "San Francesco (again from 2026)");
  });

  it("offers only slots that have not begun, up to 60 days ahead", () => {
    const today = ids(bookableSlots(torino, "2026-03-02", "2026-03-02", now));
    assert.equal(today[0], "2026-03-02T09:10:00Z", "10:10 Rome");
    assert.ok(!today.includes("2026-03-02T09:00:00Z"), "the slot starting now has begun");
    const all = bookableSlots(torino, "2026-02-01", "2026-12-31", now);
    // Today + 60 days is Friday 1 May, a holiday; Thursday is closed: Wednesday is the last.
    assert.equal(slotId(all.at(-1) as Date).slice(0, 10), "2026-04-29");
    const later = new Date("2026-03-06T09:00:00Z");
    const two = bookableSlots(torino, "2026-02-01", "2026-12-31", later);
    assert.equal(
      slotId(two.at(-1) as Date).slice(0, 10),
      "2026-05-04",
      "four days on: Monday 4 May",
    );
    assert.ok(all.every((s) => s.getTime() > now.getTime()));
  });

  it("accepts as a booking only an exact, future, bookable slot start", () => {
    const ok = parseSlotStart("2026-03-04T07:30:00Z");
    assert.ok(ok !== null && isBookableSlot(torino, ok, now));
    assert.ok(parseSlotStart("2026-03-04T07:30:00.000Z") !== null);
    for (const bad of ["2026-03-04T08:30:00+01:00", "2026-03-04 07:30", "2026-02-30T07:30:00Z", 7])
      assert.equal(parseSlotStart(bad), null, String(bad));
    for (const start of ["2026-03-04T07:40:00Z", "2026-03-02T07:30:00Z", "2026-05-04T06:30:00Z"])
      assert.ok(!isBookableSlot(torino, new Date(start), now), start);
  });

  it("checks calendar dates", () => {
    assert.ok(isIsoDate("2028-02-29"));
    for (const bad of ["2026-02-29", "2026-3-1", "tomorrow", null]) assert.ok(!isIsoDate(bad));
  });
});

describe("booking codes", () => {
  it("are 16 Crockford base32 characters in four groups, 80 random bits", () => {
    const codes = new Set(Array.from({ length: 2000 }, () => newBookingCode(randomBytes)));
    assert.equal(codes.size, 2000);
    for (const c of codes) assert.match(c, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/u);
    const fixed = newBookingCode((n) => new Uint8Array(n).fill(0xff));
    assert.equal(fixed, "ZZZZ-ZZZZ-ZZZZ-ZZZZ");
  });

  it("read back forgivingly, as Crockford intends, and refuse anything else", () => {
    assert.equal(normalizeBookingCode("7k3m q9xa-2bdf ht0r"), "7K3MQ9XA2BDFHT0R");
    assert.equal(normalizeBookingCode("7K3M-Q9XA-2BDF-HTOR"), "7K3MQ9XA2BDFHT0R", "O is 0");
    assert.equal(normalizeBookingCode("IL00-0000-0000-0000"), "1100000000000000", "I, L are 1");
    for (const bad of ["7K3M-Q9XA-2BDF-HTU0", "7K3M-Q9XA-2BDF", "", 42, "x".repeat(100)])
      assert.equal(normalizeBookingCode(bad), null, String(bad));
    assert.equal(formatBookingCode("7K3MQ9XA2BDFHT0R"), "7K3M-Q9XA-2BDF-HT0R");
  });
});

/**
 * Desk appointments for the public (issue 7): offices, free slots, booking and cancelling with
 * the booking code, the reminder the day before, export and retention — on PGlite, and on PostgreSQL
 * with TEST_DATABASE_URL. The service's clock starts on Monday 2026-03-02 at 10:00 Rome time.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { api, personWithPin, startService, type TestService } from "../helpers/app.ts";
import { aBooking, book, countRows, slotsOf } from "../helpers/appointments.ts";

describe("desk appointments for the public", () => {
  let s: TestService;
  before(async () => {
    s = await startService({ archiveSize: 10 });
  });
  after(async () => {
    await s.close();
  });

  it("lists the offices with their desks and opening hours", async () => {
    const res = await api(s, "GET", "/api/v1/offices");
    assert.equal(res.statusCode, 200);
    const { offices } = res.json<{ offices: { id: string; desks: number }[] }>();
    assert.deepEqual(
      offices.map((o) => [o.id, o.desks]),
      [
        ["roma-eur", 3],
        ["milano-nord", 2],
        ["napoli-centro", 2],
        ["torino-centro", 1],
      ],
    );
  });

  it("documents its API in OpenAPI", async () => {
    const doc = await s.app.inject({ method: "GET", url: "/api/docs/json" });
    assert.equal(doc.statusCode, 200);
    const paths = Object.keys(doc.json<{ paths: Record<string, unknown> }>().paths);
    for (const p of [
      "/api/v1/offices",
      "/api/v1/offices/{id}/slots",
      "/api/v1/appointments",
      "/api/v1/appointments/{bookingCode}",
      "/api/v1/staff/calendar",
      "/api/v1/staff/calendar/{appointmentId}/attendance",
    ])
      assert.ok(paths.includes(p), p);
  });

  it("offers no slot on closed weekdays or national holidays (Easter Monday 2026-04-06)", async () => {
    const { slots } = await slotsOf(s, "torino-centro", "?from=2026-04-01&to=2026-04-10");
    const days = [...new Set(slots.map((x) => x.start.slice(0, 10)))];
    // Torino opens Monday, Wednesday and Friday; 04-06 is Easter Monday.
    assert.deepEqual(days, ["2026-04-01", "2026-04-03", "2026-04-08", "2026-04-10"]);
    assert.equal(slots.filter((x) => x.start.startsWith("2026-04-01")).length, 12);
  });

  it("follows Rome's clock across the change to summer time", async () => {
    const { slots } = await slotsOf(s, "torino-centro", "?from=2026-03-27&to=2026-03-30");
    assert.equal(slots[0]?.start, "2026-03-27T07:30:00Z", "08:30 CET");
    assert.ok(
      slots.some((x) => x.start === "2026-03-30T06:30:00Z"),
      "08:30 CEST",
    );
  });

  it("leaves out today's slots that have begun, and bounds the range asked", async () => {
    const { slots, from } = await slotsOf(s, "roma-eur", "?purpose=mv35");
    assert.equal(from, "2026-03-02");
    // Slots at 08:30, 08:50, …; 10:00 Rome is now: the 09:50 slot has begun, 10:10 is next.
    assert.equal(slots[0]?.start, "2026-03-02T09:10:00Z");
    for (const [query, field] of [
      ["?from=2026-03-01&to=2026-04-30", "to"],
      ["?from=2026-03-10&to=2026-03-09", "to"],
      ["?from=tomorrow", "from"],
      ["?purpose=pension", "purpose"],
    ] as const) {
      const res = await api(s, "GET", `/api/v1/offices/roma-eur/slots${query}`);
      assert.equal(res.statusCode, 422, query);
      assert.equal(res.json<{ errors: { field: string }[] }>().errors[0]?.field, field, query);
    }
    const unknown = await api(s, "GET", "/api/v1/offices/atlantide/slots");
    assert.equal(unknown.statusCode, 404);
  });

  it("books only a start that is exactly a bookable slot (422 otherwise)", async () => {
    for (const start of [
      "2026-03-04T07:35:00Z", // not on the slot grid
      "2026-03-04T08:30:00+01:00", // not UTC
      "2026-03-03T07:30:00Z", // Torino is closed on Tuesdays
      "2026-03-02T07:30:00Z", // this morning, past
      "2026-05-04T06:30:00Z", // beyond the 60-day horizon
      "soon",
    ]) {
      const res = await api(s, "POST", "/api/v1/appointments", aBooking("torino-centro", start));
      assert.equal(res.statusCode, 422, start);
      assert.equal(res.json<{ errors: { field: string }[] }>().errors[0]?.field, "start", start);
    }
    const bad = await api(s, "POST", "/api/v1/appointments", {
      officeId: "torino-centro",
      start: "2026-03-04T08:30:00Z",
      purpose: "holiday",
      name: "",
      fiscalCode: "RSSMRA80A01H501X",
      email: "not-an-address",
    });
    assert.equal(bad.statusCode, 422);
    const fields = bad.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
    assert.deepEqual(fields.sort(), ["email", "fiscalCode", "name", "purpose"]);
    const noContact = aBooking("torino-centro", "2026-03-04T08:30:00Z", { email: "" });
    const res = await api(s, "POST", "/api/v1/appointments", noContact);
    assert.equal(res.json<{ errors: { field: string }[] }>().errors[0]?.field, "contact");
  });

  it("of 100 parallel bookings of the last free slot exactly one gets 201, the others 409", async () => {
    const start = "2026-03-04T07:30:00Z"; // Torino, one desk
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        api(s, "POST", "/api/v1/appointments", aBooking("torino-centro", start)),
      ),
    );
    const statuses = answers.map((a) => a.statusCode);
    assert.equal(statuses.filter((c) => c === 201).length, 1, statuses.join(","));
    assert.equal(statuses.filter((c) => c === 409).length, 99);
    const refused = answers.find((a) => a.statusCode === 409);
    assert.equal(refused?.json<{ code: string }>().code, "APPOINTMENT_SLOT_FULL");
    assert.equal(
      await countRows(
        s,
        "SELECT 1 FROM appointment WHERE office_id = 'torino-centro' AND start_at = $1",
        [start],
      ),
      1,
    );
    const { slots } = await slotsOf(s, "torino-centro", "?from=2026-03-04&to=2026-03-04");
    assert.ok(!slots.some((x) => x.start === start), "the slot is no longer offered");
  });

  it("fills every desk of a slot; a cancellation frees one again", async () => {
    const start = "2026-03-04T07:50:00Z"; // Roma EUR, three desks
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push(await book(s, "roma-eur", start));
    const full = await api(s, "POST", "/api/v1/appointments", aBooking("roma-eur", start));
    assert.equal(full.statusCode, 409);
    const day = "?from=2026-03-04&to=2026-03-04";
    assert.ok(!(await slotsOf(s, "roma-eur", day)).slots.some((x) => x.start === start));

    const cancel = await api(s, "DELETE", `/api/v1/appointments/${codes[1] ?? ""}`);
    assert.equal(cancel.statusCode, 204);
    const freed = (await slotsOf(s, "roma-eur", day)).slots.find((x) => x.start === start);
    assert.equal(freed?.available, 1);
    await book(s, "roma-eur", start);
    const cancelled = await s.deliver();
    assert.ok(cancelled.some((m) => m.kind === "appointment_cancelled"));
  });

  it("sends the booking code to the contact and audits the booking with the person as subject", async () => {
    const person = s.eligible[0];
    assert.ok(person);
    const body = aBooking("napoli-centro", "2026-03-05T08:00:00Z", {
      fiscalCode: person.fiscalCode.toLowerCase(),
      purpose: "conversion",
    });
    const res = await api(s, "POST", "/api/v1/appointments", body);
    assert.equal(res.statusCode, 201, res.body);
    const { bookingCode } = res.json<{ bookingCode: string }>();
    assert.match(bookingCode, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/u);
    const sent = (await s.deliver()).find(
      (m) => m.kind === "appointment_booked" && m.to === body.email,
    );
    assert.ok(sent !== undefined, "a confirmation went to the e-mail given");
    assert.ok(sent.text.includes(bookingCode), "the code is in the e-mail");
    assert.ok(sent.text.includes("09:00"), "Rome time");
    const rows = await s.tdb.db.query<{ code_hash: string; fiscal_code: string }>(
      "SELECT code_hash, fiscal_code FROM appointment WHERE recipient = $1",
      [String(body.email)],
    );
    const [row] = rows;
    assert.ok(row !== undefined);
    assert.equal(row.fiscal_code, person.fiscalCode);
    assert.match(row.code_hash, /^[0-9a-f]{64}$/u, "only a keyed hash of the code");
    assert.equal(
      await countRows(
        s,
        "SELECT 1 FROM audit_event WHERE type = 'appointment.booked' AND subject_key IS NOT NULL",
      ),
      1,
    );
  });

  it("answers a wrong booking code exactly like an unknown one", async () => {
    const code = await book(s, "roma-eur", "2026-03-06T07:50:00Z");
    const changed = `${code.slice(0, -1)}${code.endsWith("Z") ? "Y" : "Z"}`;
    const answers = [];
    for (const wrong of ["not-a-code", "0000-0000-0000-0000", changed])
      answers.push(await api(s, "DELETE", `/api/v1/appointments/${encodeURIComponent(wrong)}`));
    for (const a of answers) {
      assert.equal(a.statusCode, 404);
      const { code: c, title, detail } = a.json<Record<string, string>>();
      assert.deepEqual(
        { c, title, detail },
        {
          c: "NOT_FOUND",
          title: answers[0]?.json<Record<string, string>>().title,
          detail: answers[0]?.json<Record<string, string>>().detail,
        },
      );
    }
    // Read out and typed loosely (lower case, no dashes, O for 0) it still works, once.
    const typed = code.toLowerCase().replace(/-/gu, " ").replace(/0/gu, "o");
    const ok = await api(s, "DELETE", `/api/v1/appointments/${encodeURIComponent(typed)}`);
    assert.equal(ok.statusCode, 204);
    const again = await api(s, "DELETE", `/api/v1/appointments/${code}`);
    assert.equal(again.statusCode, 404);
    assert.ok(
      (await countRows(s, "SELECT 1 FROM audit_event WHERE type = 'appointment.cancel_refused'")) >=
        4,
    );
  });

  it("enqueues the reminder once, the day before", async () => {
    const tomorrow = aBooking("milano-nord", "2026-03-03T07:30:00Z");
    const later = aBooking("milano-nord", "2026-03-04T07:30:00Z");
    for (const b of [tomorrow, later])
      assert.equal((await api(s, "POST", "/api/v1/appointments", b)).statusCode, 201);
    const first = await s.rt.worker.runHousekeeping();
    assert.equal(first?.appointmentReminders, 1);
    const second = await s.rt.worker.runHousekeeping();
    assert.equal(second?.appointmentReminders, 0, "never twice");
    const reminders = (await s.deliver()).filter((m) => m.kind === "appointment_reminder");
    assert.deepEqual(
      reminders.map((m) => m.to),
      [tomorrow.email],
    );
  });

  it("shows the person their appointments in their activity and their data export", async () => {
    const person = s.eligible[1];
    assert.ok(person);
    const { jar } = await personWithPin(s, person);
    await book(s, "napoli-centro", "2026-03-06T09:00:00Z", { fiscalCode: person.fiscalCode });
    const activity = await api(s, "GET", "/api/v1/me/activity", undefined, jar);
    const events = activity.json<{ events: { type: string }[] }>().events.map((e) => e.type);
    assert.ok(events.includes("appointment.booked"), events.join(","));
    const exported = await api(s, "GET", "/api/v1/me/export", undefined, jar);
    const { sections } = exported.json<{ sections: Record<string, unknown> }>();
    assert.deepEqual(sections.appointments, [
      {
        officeId: "napoli-centro",
        start: "2026-03-06T09:00:00.000Z",
        purpose: "mv35",
        status: "booked",
      },
    ]);
    const pdf = await api(s, "GET", "/api/v1/me/export.pdf", undefined, jar);
    assert.equal(pdf.statusCode, 200);
  });

  it("deletes appointments 90 days after they took place", async () => {
    assert.ok((await countRows(s, "SELECT 1 FROM appointment")) > 0);
    s.clock.advance(100 * 86400);
    const report = await s.rt.worker.runHousekeeping();
    assert.ok((report?.appointments ?? 0) > 0);
    assert.equal(await countRows(s, "SELECT 1 FROM appointment"), 0);
  });
});

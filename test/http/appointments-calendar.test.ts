/**
 * The clerks' calendar (issue 7): an office clerk sees only their own office's appointments
 * (another office answers NOT_FOUND, never STAFF_FORBIDDEN), a supervisor any office; reading
 * and marking attendance are audited, the person (when a fiscal code was given) as subject.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { api, startService, type Jar, type TestService } from "../helpers/app.ts";
import { book, countRows } from "../helpers/appointments.ts";
import { staffSession } from "../helpers/staff.ts";

interface CalendarItem {
  id: string;
  start: string;
  name: string;
  purpose: string;
  fiscalCode: string | null;
  status: string;
}

const calendar = async (s: TestService, jar: Jar, query: string) =>
  api(s, "GET", `/api/v1/staff/calendar${query}`, undefined, jar);

describe("the clerks' calendar", () => {
  let s: TestService;
  let torinoClerk: Jar;
  let romaClerk: Jar;
  let supervisor: Jar;
  let agent: Jar;
  before(async () => {
    s = await startService({ archiveSize: 10 });
    torinoClerk = (await staffSession(s, { role: "office_clerk", officeId: "torino-centro" })).jar;
    romaClerk = (await staffSession(s, { role: "office_clerk", officeId: "roma-eur" })).jar;
    supervisor = (await staffSession(s, { role: "supervisor" })).jar;
    agent = (await staffSession(s, { role: "contact_centre_agent" })).jar;
    const person = s.eligible[0];
    assert.ok(person);
    // Today (Monday 2 March, 10:00 in Rome) at 11:30 in Torino, and one in Rome.
    await book(s, "torino-centro", "2026-03-02T10:30:00Z", {
      name: "Juan Carlos Rossi",
      fiscalCode: person.fiscalCode,
    });
    await book(s, "torino-centro", "2026-03-02T09:50:00Z", { name: "Lucía Bianchi" });
    await book(s, "roma-eur", "2026-03-02T10:30:00Z", { name: "Marta Verdi", purpose: "other" });
  });
  after(async () => {
    await s.close();
  });

  it("shows a clerk their own office's day, in order, with purpose and name", async () => {
    const res = await calendar(s, torinoClerk, "?date=2026-03-02");
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<{ officeId: string; appointments: CalendarItem[] }>();
    assert.equal(body.officeId, "torino-centro");
    assert.deepEqual(
      body.appointments.map((a) => [a.start, a.name, a.purpose, a.status]),
      [
        ["2026-03-02T09:50:00Z", "Lucía Bianchi", "mv35", "booked"],
        ["2026-03-02T10:30:00Z", "Juan Carlos Rossi", "mv35", "booked"],
      ],
    );
    assert.match(body.appointments[1]?.fiscalCode ?? "", /\*/u, "masked");
    const byDefault = await calendar(s, torinoClerk, "");
    assert.equal(byDefault.json<{ appointments: unknown[] }>().appointments.length, 2, "today");
  });

  it("answers another office's calendar with NOT_FOUND, like an unknown office", async () => {
    for (const query of ["?officeId=roma-eur", "?officeId=atlantide"]) {
      const res = await calendar(s, torinoClerk, query);
      assert.equal(res.statusCode, 404, query);
      assert.equal(res.json<{ code: string }>().code, "NOT_FOUND");
    }
    const romeDay = await calendar(s, supervisor, "?officeId=roma-eur&date=2026-03-02");
    const [theirs] = romeDay.json<{ appointments: CalendarItem[] }>().appointments;
    assert.ok(theirs);
    const mark = await api(
      s,
      "POST",
      `/api/v1/staff/calendar/${theirs.id}/attendance`,
      { attended: true },
      torinoClerk,
    );
    assert.equal(mark.statusCode, 404, "nor can they mark another office's appointment");
    assert.equal(
      (await calendar(s, romaClerk, "")).json<{ appointments: unknown[] }>().appointments.length,
      1,
    );
  });

  it("lets a supervisor see any office, and keeps other roles out with the role guard", async () => {
    const res = await calendar(s, supervisor, "?officeId=torino-centro&date=2026-03-02");
    assert.equal(res.json<{ appointments: unknown[] }>().appointments.length, 2);
    const noOffice = await calendar(s, supervisor, "");
    assert.equal(noOffice.statusCode, 422, "a supervisor names the office");
    const denied = await calendar(s, agent, "?officeId=torino-centro");
    assert.equal(denied.statusCode, 403);
    assert.equal(denied.json<{ code: string }>().code, "STAFF_FORBIDDEN");
    const bad = await calendar(s, torinoClerk, "?date=2026-02-30");
    assert.equal(bad.statusCode, 422);
  });

  it("marks attendance, audited with the person as subject; the reading is audited too", async () => {
    const items = (await calendar(s, torinoClerk, "")).json<{ appointments: CalendarItem[] }>()
      .appointments;
    const withCode = items.find((a) => a.fiscalCode !== null);
    const without = items.find((a) => a.fiscalCode === null);
    assert.ok(withCode && without);
    const url = (id: string) => `/api/v1/staff/calendar/${id}/attendance`;
    const yes = await api(s, "POST", url(withCode.id), { attended: true }, torinoClerk);
    assert.equal(yes.statusCode, 200, yes.body);
    assert.equal(yes.json<CalendarItem>().status, "attended");
    const no = await api(s, "POST", url(without.id), { attended: false }, torinoClerk);
    assert.equal(no.json<CalendarItem>().status, "no_show");
    const bad = await api(s, "POST", url(without.id), { attended: "yes" }, torinoClerk);
    assert.equal(bad.statusCode, 422);
    const unknown = await api(s, "POST", url("not-an-id"), { attended: true }, torinoClerk);
    assert.equal(unknown.statusCode, 404);

    assert.equal(
      await countRows(
        s,
        "SELECT 1 FROM audit_event WHERE type = 'appointment.attendance_marked' AND subject_key IS NOT NULL AND actor_kind = 'staff'",
      ),
      1,
    );
    assert.equal(
      await countRows(
        s,
        "SELECT 1 FROM audit_event WHERE type = 'appointment.attendance_marked' AND subject_key IS NULL",
      ),
      1,
    );
    assert.ok(
      (await countRows(
        s,
        "SELECT 1 FROM audit_event WHERE type = 'appointment.calendar_read' AND subject_key IS NOT NULL",
      )) >= 1,
      "the person sees the reading in their activity",
    );
  });

  it("records attendance only from the appointment's day on", async () => {
    await book(s, "torino-centro", "2026-03-04T07:30:00Z", { name: "Futuro Lontano" });
    const day = await calendar(s, torinoClerk, "?date=2026-03-04");
    const [later] = day.json<{ appointments: CalendarItem[] }>().appointments;
    assert.ok(later);
    const res = await api(
      s,
      "POST",
      `/api/v1/staff/calendar/${later.id}/attendance`,
      { attended: false },
      torinoClerk,
    );
    assert.equal(res.statusCode, 422);
  });
});

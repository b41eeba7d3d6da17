/**
 * The appointment pages without JavaScript (plain links, GET forms and CSRF-protected posts):
 * booking from the home page to the booking code, cancelling with it, in Italian and English;
 * the clerks' calendar page with its attendance buttons.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { LightMyRequestResponse } from "fastify";
import { Jar, startService, type TestService } from "../helpers/app.ts";
import { csrfOf, formPost, page } from "../helpers/journeys.ts";
import { staffSession } from "../helpers/staff.ts";

const SLOT_URL = "/prenota-appuntamento/orario?office=torino-centro&purpose=mv35&day=2026-03-04";

function redirectTo(res: LightMyRequestResponse, location: string): void {
  assert.equal(res.statusCode, 303, res.body);
  assert.equal(res.headers.location, location);
}

const codeOn = (html: string): string => {
  const m = /data-testid="booking-code"><code>([0-9A-Z-]{19})<\/code>/u.exec(html);
  assert.ok(m?.[1] !== undefined, "a booking code on the page");
  return m[1];
};

describe("appointment pages", () => {
  let s: TestService;
  before(async () => {
    s = await startService({ archiveSize: 5 });
  });
  after(async () => {
    await s.close();
  });

  it("books from the home page through office, day and time to the booking code", async () => {
    const jar = new Jar();
    const home = await page(s, "/", jar);
    assert.match(home.body, /href="\/prenota-appuntamento"/u);
    const start = await page(s, "/prenota-appuntamento", jar);
    assert.equal(start.statusCode, 200);
    assert.match(start.body, /<form method="get" action="\/prenota-appuntamento\/giorni"/u);

    const none = await page(s, "/prenota-appuntamento/giorni?office=&purpose=", jar);
    assert.equal(none.statusCode, 422);
    assert.match(none.body, /error-summary/u);

    const days = await page(
      s,
      "/prenota-appuntamento/giorni?office=torino-centro&purpose=mv35",
      jar,
    );
    assert.equal(days.statusCode, 200);
    assert.ok(days.body.includes(SLOT_URL.replace(/&/gu, "&amp;")), "a link to Wednesday 4 March");
    assert.match(days.body, /mercoledì 4 marzo 2026/u);
    assert.doesNotMatch(days.body, /day=2026-03-03/u, "Torino is closed on Tuesdays");

    const form = await page(s, SLOT_URL, jar);
    assert.equal(form.statusCode, 200);
    const token = csrfOf(form.body);
    const hidden = { _csrf: token, officeId: "torino-centro", purpose: "mv35", day: "2026-03-04" };
    const empty = await formPost(s, "/prenota-appuntamento/orario", hidden, jar);
    assert.equal(empty.statusCode, 422);
    for (const id of ["f-start", "f-name", "f-contact"])
      assert.ok(empty.body.includes(`href="#${id}"`), `the summary links to ${id}`);

    const booked = await formPost(
      s,
      "/prenota-appuntamento/orario",
      {
        ...hidden,
        start: "2026-03-04T08:10:00Z",
        name: "Rosa Pérez",
        mobile: "+54 9 11 2345 6789",
      },
      jar,
    );
    redirectTo(booked, "/prenota-appuntamento/confermata");
    const done = await page(s, "/prenota-appuntamento/confermata", jar);
    assert.equal(done.statusCode, 200);
    const code = codeOn(done.body);
    assert.match(done.body, /09:10/u, "the time in Rome");
    const sms = (await s.deliver()).find((m) => m.kind === "appointment_booked");
    assert.ok(sms?.text.includes(code), "the same code by SMS");

    const again = await page(s, SLOT_URL, jar);
    assert.doesNotMatch(again.body, /value="2026-03-04T08:10:00Z"/u, "no longer offered");

    const cancel = await page(s, "/prenota-appuntamento/annulla", jar);
    const wrong = await formPost(
      s,
      "/prenota-appuntamento/annulla",
      { _csrf: csrfOf(cancel.body), code: "ZZZZ-ZZZZ-ZZZZ-ZZZZ" },
      jar,
    );
    assert.equal(wrong.statusCode, 404);
    assert.match(wrong.body, /Nessun appuntamento da annullare con questo codice/u);
    const ok = await formPost(
      s,
      "/prenota-appuntamento/annulla",
      { _csrf: csrfOf(wrong.body), code: code.toLowerCase() },
      jar,
    );
    redirectTo(ok, "/prenota-appuntamento/annullata");
    const cancelled = await page(s, "/prenota-appuntamento/annullata", jar);
    assert.match(cancelled.body, /4 marzo 2026 alle 09:10/u);
  });

  it("speaks English when asked, and a reload of the confirmation never books again", async () => {
    const jar = new Jar();
    jar.cookies.set("lang", "en");
    const form = await page(s, SLOT_URL, jar);
    assert.match(form.body, /Choose the time and give your details/u);
    const res = await formPost(
      s,
      "/prenota-appuntamento/orario",
      {
        _csrf: csrfOf(form.body),
        officeId: "torino-centro",
        purpose: "mv35",
        day: "2026-03-04",
        start: "2026-03-04T08:30:00Z",
        name: "John Smith",
        email: "john.smith@example.org",
      },
      jar,
    );
    redirectTo(res, "/prenota-appuntamento/confermata");
    const first = await page(s, "/prenota-appuntamento/confermata", jar);
    const second = await page(s, "/prenota-appuntamento/confermata", jar);
    assert.match(first.body, /Appointment booked/u);
    assert.equal(codeOn(first.body), codeOn(second.body));
    const rows = await s.tdb.db.query("SELECT 1 FROM appointment WHERE name = 'John Smith'");
    assert.equal(rows.length, 1);
    const stranger = await page(s, "/prenota-appuntamento/confermata", new Jar());
    redirectTo(stranger, "/prenota-appuntamento");
  });

  it("shows a clerk their office's day and records attendance from the buttons", async () => {
    const { jar } = await staffSession(s, { role: "office_clerk", officeId: "torino-centro" });
    const desk = await page(s, "/operatori", jar);
    assert.match(desk.body, /href="\/operatori\/calendario"/u);
    const day = await page(s, "/operatori/calendario?date=2026-03-04", jar);
    assert.equal(day.statusCode, 200);
    assert.match(day.body, /<caption>Appuntamenti del mercoledì 4 marzo 2026/u);
    assert.match(day.body, /John Smith/u);
    const id = /data-appointment="([0-9a-f-]{36})"/u.exec(day.body)?.[1];
    assert.ok(id !== undefined);
    const early = await formPost(
      s,
      `/operatori/calendario/${id}/presenza`,
      { _csrf: csrfOf(day.body), attended: "true", officeId: "torino-centro", date: "2026-03-04" },
      jar,
    );
    assert.equal(early.statusCode, 422, "not before the day");
    s.clock.advance(2 * 86400);
    const { jar: later } = await staffSession(s, {
      role: "office_clerk",
      officeId: "torino-centro",
    });
    const today = await page(s, "/operatori/calendario", later);
    const marked = await formPost(
      s,
      `/operatori/calendario/${id}/presenza`,
      {
        _csrf: csrfOf(today.body),
        attended: "true",
        officeId: "torino-centro",
        date: "2026-03-04",
      },
      later,
    );
    redirectTo(marked, "/operatori/calendario?officeId=torino-centro&date=2026-03-04&segnato=1");
    const after = await page(s, marked.headers.location ?? "", later);
    assert.match(after.body, /Presenza registrata/u);
    assert.match(after.body, /class="status">Presentato<\/td>/u);
    const other = await page(s, "/operatori/calendario?officeId=roma-eur", later);
    assert.equal(other.statusCode, 404);
  });
});

/**
 * The holder's own view over HTTP (issue 6 §7): activity from the audit trail (failed logins, a
 * lock, a login with its country and device, a contact change, a staff access), open sessions
 * and known devices (end one, forget one; another person's id answers like a missing one), and
 * the export (JSON with every section and no secret; a tagged PDF). Every change is audited.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { LightMyRequestResponse } from "fastify";
import { api, Jar, personWithPin, startService, type TestService } from "../helpers/app.ts";
import { auditTypesOf, People, problemOf } from "../helpers/journeys.ts";
import { assertTagged, needsPoppler } from "../unit/pdf-support.test.ts";

const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
const SAFARI =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

interface SessionsBody {
  sessions: { id: string; current: boolean; device: { browser: string | null } }[];
  devices: { id: string; thisBrowser: boolean; device: { browser: string | null } }[];
}
interface ActivityBody {
  events: {
    seq: number;
    type: string;
    by: string;
    staffRole: string | null;
    country: string | null;
    device: { browser: string | null; os: string | null } | null;
    details: Record<string, unknown>;
    text: { what: string; by: string | null; where: string; device: string };
  }[];
  nextBefore: number | null;
}

describe("activity, sessions and devices, export", () => {
  let s: TestService;
  let people: People;
  before(async () => {
    s = await startService({ archiveSize: 30 });
    people = new People(s);
  });
  after(async () => {
    await s.close();
  });

  /** A request from a given browser and address, through the jar. */
  const from = async (
    jar: Jar,
    method: "GET" | "POST" | "DELETE",
    url: string,
    o: { ua?: string; ip?: string; body?: unknown } = {},
  ): Promise<LightMyRequestResponse> => {
    const res = await s.app.inject({
      method,
      url,
      remoteAddress: o.ip ?? "127.0.0.1",
      headers: {
        ...(o.ua === undefined ? {} : { "user-agent": o.ua }),
        ...(o.body === undefined ? {} : { "content-type": "application/json" }),
        ...(jar.cookies.size > 0 ? { cookie: jar.header() } : {}),
      },
      ...(o.body === undefined ? {} : { payload: JSON.stringify(o.body) }),
    });
    jar.update(res);
    return res;
  };
  const login = (jar: Jar, fiscalCode: string, pin: string, o: { ua?: string; ip?: string } = {}) =>
    from(jar, "POST", "/api/v1/session", { ...o, body: { fiscalCode, pin } });
  const holder = async () => {
    const p = people.next();
    const { pin, jar } = await personWithPin(s, p);
    return { p, pin, jar };
  };

  it("does not list a session past its idle time, even before housekeeping removes it", async () => {
    const { p, pin } = await holder();
    const idle = new Jar();
    const here = new Jar();
    assert.equal((await login(idle, p.fiscalCode, pin, { ua: FIREFOX })).statusCode, 200);
    s.clock.advance(10 * 60);
    assert.equal((await login(here, p.fiscalCode, pin)).statusCode, 200);
    s.clock.advance(10 * 60); // the first: idle 20 minutes; this one: 10
    const listed = (await from(here, "GET", "/api/v1/me/sessions")).json<SessionsBody>();
    assert.deepEqual(
      listed.sessions.map((x) => x.current),
      [true],
    );
  });

  it("lists both browsers' sessions, ends one (logged out there only), and ends the current one as a logout", async () => {
    const { p, pin } = await holder();
    const a = new Jar();
    const b = new Jar();
    assert.equal((await login(a, p.fiscalCode, pin, { ua: FIREFOX })).statusCode, 200);
    assert.equal((await login(b, p.fiscalCode, pin, { ua: SAFARI })).statusCode, 200);

    const listed = (await from(a, "GET", "/api/v1/me/sessions")).json<SessionsBody>();
    const mine = listed.sessions.filter((x) => x.device.browser !== null);
    assert.equal(mine.length, 2, JSON.stringify(listed));
    const current = listed.sessions.find((x) => x.current);
    assert.equal(current?.device.browser, "Firefox 128");
    assert.equal(listed.sessions.filter((x) => x.current).length, 1);
    const other = listed.sessions.find((x) => x.device.browser === "Safari 17");
    assert.ok(other !== undefined);
    assert.ok(listed.devices.some((d) => d.thisBrowser && d.device.browser === "Firefox 128"));
    assert.doesNotMatch(JSON.stringify(listed), /idHash|deviceId/u, "no internal id leaves");

    const ended = await from(a, "DELETE", `/api/v1/me/sessions/${other.id}`);
    assert.equal(ended.statusCode, 204, ended.body);
    assert.equal((await from(b, "GET", "/api/v1/me")).statusCode, 401, "B is logged out");
    assert.equal((await from(a, "GET", "/api/v1/me")).statusCode, 200, "A still works");
    problemOf(await from(a, "DELETE", `/api/v1/me/sessions/${other.id}`), 404);

    const self = await from(a, "DELETE", `/api/v1/me/sessions/${current.id}`);
    assert.equal(self.statusCode, 204);
    assert.ok(!a.cookies.has("inps_session"), "the session cookie is cleared");
    assert.equal((await from(a, "GET", "/api/v1/me")).statusCode, 401);

    const events = await auditTypesOf(s, p.fiscalCode);
    assert.equal(events.filter((t) => t === "session.ended").length, 2);
  });

  it("answers 404 alike for another person's session or device, a missing id and a malformed one", async () => {
    const x = await holder();
    const y = await holder();
    const ys = (await from(y.jar, "GET", "/api/v1/me/sessions")).json<SessionsBody>();
    const ySession = ys.sessions[0]?.id ?? "";
    const yDevice = ys.devices[0]?.id ?? "";
    assert.ok(ySession !== "" && yDevice !== "", "Y has a session and a device to aim at");
    const answers = [
      await from(x.jar, "DELETE", `/api/v1/me/sessions/${ySession}`),
      await from(x.jar, "DELETE", "/api/v1/me/sessions/00000000-0000-4000-8000-000000000000"),
      await from(x.jar, "DELETE", "/api/v1/me/sessions/not-a-uuid"),
      await from(x.jar, "DELETE", `/api/v1/me/devices/${yDevice}`),
      await from(x.jar, "DELETE", "/api/v1/me/devices/%27%3B--"),
    ];
    for (const r of answers) assert.equal(problemOf(r, 404).code, "NOT_FOUND");
    assert.equal((await from(y.jar, "GET", "/api/v1/me")).statusCode, 200, "Y still logged in");
    assert.equal(
      (await from(y.jar, "GET", "/api/v1/me/sessions")).json<SessionsBody>().devices.length,
      ys.devices.length,
    );
    const trail = await auditTypesOf(s, x.p.fiscalCode);
    assert.ok(trail.includes("session.end_refused") && trail.includes("device.forget_refused"));
  });

  it("forgets a device: its cookie then counts as an unknown browser's", async () => {
    const { p, pin, jar } = await holder();
    const listed = (await from(jar, "GET", "/api/v1/me/sessions")).json<SessionsBody>();
    const here = listed.devices.find((d) => d.thisBrowser);
    assert.ok(here !== undefined, JSON.stringify(listed));
    const forgot = await from(jar, "DELETE", `/api/v1/me/devices/${here.id}`);
    assert.equal(forgot.statusCode, 204, forgot.body);
    const after = (await from(jar, "GET", "/api/v1/me/sessions")).json<SessionsBody>();
    assert.ok(!after.devices.some((d) => d.id === here.id));
    problemOf(await from(jar, "DELETE", `/api/v1/me/devices/${here.id}`), 404);

    await login(jar, p.fiscalCode, "ABCDEFGH");
    const failed = await s.rt.db.query<{ known: boolean }>(
      `SELECT (details->>'knownDevice')::boolean AS known FROM audit_event
        WHERE type = 'login.failed' ORDER BY seq DESC LIMIT 1`,
    );
    assert.equal(failed[0]?.known, false, "the forgotten browser is unknown");
    assert.equal((await login(jar, p.fiscalCode, pin)).statusCode, 200);
    assert.ok((await auditTypesOf(s, p.fiscalCode)).includes("device.forgotten"));
  });

  it("shows failed logins, a lock, a login with country and device, a contact change and a staff access", async () => {
    const { p, pin, jar } = await holder();
    const stranger = new Jar();
    for (let i = 0; i < 10; i++)
      await login(stranger, p.fiscalCode, "ABCDEFGH", { ip: "8.8.8.8", ua: SAFARI });
    assert.equal(
      (await login(jar, p.fiscalCode, pin, { ip: "151.1.1.1", ua: FIREFOX })).statusCode,
      200,
    );
    assert.equal((await from(jar, "DELETE", "/api/v1/me/contacts/email")).statusCode, 200);
    await s.rt.uow.run(async (r) => {
      r.audit.record({
        type: "lock.lifted",
        outcome: "success",
        actor: { kind: "staff", id: "agent-7", role: "contact_centre_agent" },
        origin: { ip: "10.1.2.3", userAgent: FIREFOX, requestId: null },
        subject: p.fiscalCode,
        details: { reason: "identity checked on the phone" },
      });
    });

    const res = await from(jar, "GET", "/api/v1/me/activity?limit=100", { ip: "151.1.1.1" });
    assert.equal(res.statusCode, 200, res.body);
    assert.ok(!res.body.includes(p.fiscalCode), "never the full fiscal code");
    assert.ok(!res.body.includes("8.8.8.8") && !res.body.includes("151.1.1.1"), "no address");
    const { events } = res.json<ActivityBody>();
    const seqs = events.map((e) => e.seq);
    assert.deepEqual(
      seqs,
      [...seqs].sort((x, y) => y - x),
      "newest first",
    );
    const staff = events[0];
    assert.equal(staff?.type, "lock.lifted");
    assert.equal(staff.by, "staff");
    assert.equal(staff.staffRole, "contact_centre_agent");
    assert.equal(staff.text.by, "Personale INPS (Contact Center)");
    assert.deepEqual(staff.details, {}, "an operator's free text is not shown");
    const removed = events.find((e) => e.type === "contact.removed");
    assert.equal(removed?.text.what, "Contatto tolto: E-mail");
    const loggedIn = events.find((e) => e.type === "login.succeeded");
    assert.equal(loggedIn?.country, "IT");
    assert.equal(loggedIn.text.where, "Italia");
    assert.equal(loggedIn.text.device, "Firefox 128, Windows");
    const failed = events.filter((e) => e.type === "login.failed");
    assert.ok(failed.length >= 9);
    assert.equal(failed[0]?.country, "US");
    assert.equal(failed[0].text.device, "Safari 17, iOS");
    assert.ok(events.some((e) => e.type === "lock.started"));
    const first = events.at(-1);
    assert.equal(first?.country, "local", "the claim came from 127.0.0.1");

    const en = await s.app.inject({
      method: "GET",
      url: "/api/v1/me/activity?limit=2",
      headers: { cookie: jar.header(), "accept-language": "en" },
    });
    const page1 = en.json<ActivityBody>();
    assert.equal(page1.events.length, 2);
    assert.equal(page1.events[0]?.text.what, "Lock lifted");
    assert.equal(page1.nextBefore, page1.events[1]?.seq);
    const page2 = (
      await from(jar, "GET", `/api/v1/me/activity?limit=2&before=${String(page1.nextBefore)}`)
    ).json<ActivityBody>();
    assert.ok(page2.events.length > 0, "a second page");
    assert.ok((page2.events[0]?.seq ?? Infinity) < page1.nextBefore);
    const seen = new Set(page1.events.map((e) => e.seq));
    assert.ok(
      page2.events.every((e) => !seen.has(e.seq)),
      "pages do not overlap",
    );

    for (const q of ["before=abc", "limit=0", "limit=1000", "before=-1", "limit=1e3"]) {
      const bad = await from(jar, "GET", `/api/v1/me/activity?${q}`);
      assert.equal(problemOf(bad, 422).code, "VALIDATION_FAILED", q);
    }
  });

  it("exports every section as JSON without a secret, and as a tagged PDF; both audited", async () => {
    const { p, pin, jar } = await holder();
    const res = await from(jar, "GET", "/api/v1/me/export");
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers["content-disposition"]), /attachment/u);
    const body = res.json<{ generatedAt: string; sections: Record<string, unknown> }>();
    for (const key of [
      "identity",
      "residence",
      "contacts",
      "credentials",
      "claims",
      "sessions",
      "devices",
      "activity",
      "messages",
      "conversions",
      "benefitClaims",
    ])
      assert.ok(key in body.sections, key);
    assert.equal(res.headers["cache-control"], "no-store");
    assert.equal((body.sections.contacts as { mobile: string }).mobile, p.mobile);
    assert.ok((body.sections.credentials as unknown[]).length >= 2, "initial and operating PIN");
    assert.ok(
      (body.sections.messages as unknown[]).some((m) =>
        JSON.stringify(m).includes("pin_second_half_letter"),
      ),
      "the letter addressed to the holder",
    );
    assert.ok(
      !(body.sections.messages as unknown[]).some((m) =>
        JSON.stringify(m).includes("pin_first_half"),
      ),
      "messages to a contact (maybe shared) are not listed",
    );
    const text = res.body;
    const session = jar.cookies.get("inps_session") ?? "";
    const deviceCookie = decodeURIComponent(jar.cookies.get("inps_device") ?? "");
    const hashes = await s.rt.db.query<{ pin_hash: string; id_hash: string }>(
      `SELECT c.pin_hash, s.id_hash FROM credential c JOIN session s ON s.credential_id = c.id
        WHERE c.fiscal_code = $1`,
      [p.fiscalCode],
    );
    for (const secret of [
      pin,
      p.fiscalCode,
      session,
      deviceCookie.split(".")[0] ?? "x",
      ...hashes.flatMap((h) => [h.pin_hash, h.id_hash]),
    ]) {
      assert.ok(secret.length >= 8);
      assert.ok(!text.includes(secret), "a secret in the export");
    }
    assert.doesNotMatch(text, /argon2|pinHash|idHash|secret|token/iu);

    const pdf = await from(jar, "GET", "/api/v1/me/export.pdf");
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers["content-type"], "application/pdf");
    assert.equal(pdf.rawPayload.subarray(0, 5).toString("latin1"), "%PDF-");
    const types = await auditTypesOf(s, p.fiscalCode);
    assert.equal(types.filter((t) => t === "data.exported").length, 2);
  });

  it("produces a PDF that pdfinfo reports as tagged", needsPoppler, async () => {
    const { jar } = await holder();
    const pdf = await from(jar, "GET", "/api/v1/me/export.pdf");
    const tree = assertTagged(pdf.rawPayload);
    assert.match(tree, /Anagrafica/u);
  });

  it("asks a visitor without a session to log in", async () => {
    for (const url of ["/api/v1/me/activity", "/api/v1/me/sessions", "/api/v1/me/export"])
      assert.equal((await api(s, "GET", url)).statusCode, 401, url);
  });
});

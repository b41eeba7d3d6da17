/**
 * Contacts over HTTP (issue 6 §4): read them; change one only with the PIN typed within 5
 * minutes, a 6-digit code to the new contact (10 minutes, 5 tries), the old one told; 100
 * parallel confirmations change it once; remove one while another remains. Audited.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { DevOutboxEntry } from "../../src/notifications/dev-outbox.ts";
import { api, Jar, personWithPin, startService, type TestService } from "../helpers/app.ts";
import { auditTypesOf, newMessages, People, problemOf } from "../helpers/journeys.ts";

describe("contacts", () => {
  let s: TestService;
  let people: People;
  let delivered: () => Promise<DevOutboxEntry[]>;
  before(async () => {
    s = await startService({ archiveSize: 30 });
    people = new People(s);
    delivered = newMessages(s);
  });
  after(async () => {
    await s.close();
  });

  const codeIn = (entries: DevOutboxEntry[], to: string): string => {
    const e = entries.find((x) => x.kind === "contact_code" && x.to === to);
    const m = /\b(\d{6})\b/u.exec(e?.text ?? "");
    if (m?.[1] === undefined) throw new Error(`no code to ${to}`);
    return m[1];
  };
  const eventsOf = (fiscalCode: string) => auditTypesOf(s, fiscalCode);
  /** A holder logged in (PIN typed now) and their jar. */
  const holder = async () => {
    const p = people.next();
    const { pin } = await personWithPin(s, p);
    const jar = new Jar();
    await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin }, jar);
    await delivered();
    return { p, pin, jar };
  };

  it("changes the e-mail after re-authentication and a code, and tells the old address", async () => {
    const { p, pin, jar } = await holder();
    const listed = await api(s, "GET", "/api/v1/me/contacts", undefined, jar);
    assert.deepEqual(listed.json(), { mobile: p.mobile, email: p.email?.toLowerCase(), pec: null });

    s.clock.advance(301);
    const stale = await api(
      s,
      "POST",
      "/api/v1/me/contacts",
      { kind: "email", value: "new@example.org" },
      jar,
    );
    assert.equal(problemOf(stale, 403).code, "REAUTHENTICATION_REQUIRED");
    assert.equal(
      problemOf(await api(s, "POST", "/api/v1/me/reauthenticate", { pin: "ABCDEFGH" }, jar), 401)
        .code,
      "INVALID_CREDENTIALS",
    );
    const re = await api(s, "POST", "/api/v1/me/reauthenticate", { pin }, jar);
    assert.equal(re.statusCode, 200, re.body);

    const asked = await api(
      s,
      "POST",
      "/api/v1/me/contacts",
      { kind: "email", value: "New@Example.org" },
      jar,
    );
    assert.equal(asked.statusCode, 202, asked.body);
    const code = codeIn(await delivered(), "new@example.org");
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    const bad = await api(
      s,
      "POST",
      "/api/v1/me/contacts/confirm",
      { kind: "email", code: wrong },
      jar,
    );
    assert.equal(problemOf(bad, 422).code, "CODE_INVALID");
    assert.equal(bad.json<{ remainingTries: number }>().remainingTries, 4);

    const ok = await api(s, "POST", "/api/v1/me/contacts/confirm", { kind: "email", code }, jar);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json<{ email: string }>().email, "new@example.org");
    const told = (await delivered()).find((e) => e.kind === "contact_notice");
    assert.equal(told?.to, p.email?.toLowerCase(), "the old address is told");
    const events = await eventsOf(p.fiscalCode);
    for (const t of [
      "reauth.refused",
      "reauth.succeeded",
      "contact.change_requested",
      "contact.change_refused",
      "contact.changed",
    ])
      assert.ok(events.includes(t), t);
  });

  it("ends a change after 5 wrong codes, and after 10 minutes", async () => {
    const { jar } = await holder();
    await api(s, "POST", "/api/v1/me/contacts", { kind: "pec", value: "me@pec.example.it" }, jar);
    const code = codeIn(await delivered(), "me@pec.example.it");
    const wrong = String((Number(code) + 7) % 1_000_000).padStart(6, "0");
    for (let i = 0; i < 5; i++)
      await api(s, "POST", "/api/v1/me/contacts/confirm", { kind: "pec", code: wrong }, jar);
    const late = await api(s, "POST", "/api/v1/me/contacts/confirm", { kind: "pec", code }, jar);
    assert.equal(problemOf(late, 422).code, "CODE_INVALID", "tries spent: even the right code");

    await api(s, "POST", "/api/v1/me/contacts", { kind: "pec", value: "me2@pec.example.it" }, jar);
    const second = codeIn(await delivered(), "me2@pec.example.it");
    s.clock.advance(601);
    // The PIN typed at login is stale by now, but confirming needs only the code.
    const expired = await api(
      s,
      "POST",
      "/api/v1/me/contacts/confirm",
      { kind: "pec", code: second },
      jar,
    );
    assert.equal(problemOf(expired, 422).code, "CODE_INVALID", "expired");
  });

  it("changes once for 100 parallel confirmations of one code", async () => {
    const { p, jar } = await holder();
    await api(s, "POST", "/api/v1/me/contacts", { kind: "mobile", value: "+393471234567" }, jar);
    const code = codeIn(await delivered(), "+393471234567");
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        api(s, "POST", "/api/v1/me/contacts/confirm", { kind: "mobile", code }, jar),
      ),
    );
    assert.equal(answers.filter((a) => a.statusCode === 200).length, 1);
    assert.equal(answers.filter((a) => a.statusCode === 422).length, 99);
    assert.equal((await eventsOf(p.fiscalCode)).filter((t) => t === "contact.changed").length, 1);
  });

  it("removes a contact while another remains, never the last", async () => {
    const { jar } = await holder();
    const removed = await api(s, "DELETE", "/api/v1/me/contacts/email", undefined, jar);
    assert.equal(removed.statusCode, 200, removed.body);
    assert.equal(removed.json<{ email: string | null }>().email, null);
    assert.equal((await delivered()).filter((e) => e.kind === "contact_notice").length, 1);
    const last = await api(s, "DELETE", "/api/v1/me/contacts/mobile", undefined, jar);
    assert.equal(problemOf(last, 409).code, "LAST_CONTACT");
    assert.equal(
      problemOf(await api(s, "DELETE", "/api/v1/me/contacts/fax", undefined, jar), 404).code,
      "NOT_FOUND",
    );
  });

  it("asks a visitor without a session to log in", async () => {
    assert.equal((await api(s, "GET", "/api/v1/me/contacts")).statusCode, 401);
  });
});

/**
 * Development aids (issue "Development aids"): the demo people with ready claims, the outbox
 * of every message sent, and the movable clock, in development; and their absence in
 * production, where every /dev path answers 404.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { isDemoEligible } from "../../src/archive/demo.ts";
import { randomUUID } from "node:crypto";
import { encodeFiscalCode } from "../../src/domain/fiscal-code.ts";
import { groupPin } from "../../src/domain/pin.ts";
import { escapeHtml } from "../../src/web/html.ts";
import type { DevPerson } from "../../src/dev/people.ts";
import type { DevOutboxEntry } from "../../src/notifications/dev-outbox.ts";
import {
  api,
  claimBody,
  initialPinFromOutbox,
  Jar,
  startService,
  type TestService,
} from "../helpers/app.ts";
import { page, problemOf } from "../helpers/journeys.ts";

const ENTRY_KEYS = new Set([
  "id",
  "kind",
  "channel",
  "to",
  "subject",
  "text",
  "pdfUrl",
  "createdAt",
]);

describe("development aids (development)", () => {
  let s: TestService;
  let lastPosted: DevPerson | undefined;
  before(async () => {
    s = await startService({ archiveSize: 40 });
  });
  after(async () => {
    await s.close();
  });

  const people = async () => {
    const res = await api(s, "GET", "/dev/people.json");
    assert.equal(res.statusCode, 200);
    return res.json<DevPerson[]>();
  };
  const outbox = async () => {
    const res = await api(s, "GET", "/dev/outbox.json");
    assert.equal(res.statusCode, 200);
    return res.json<DevOutboxEntry[]>();
  };

  it("lists every demo person, the eligible ones first, the others with the reason", async () => {
    const list = await people();
    assert.equal(list.length, s.people.length);
    const firstIneligible = list.findIndex((p) => !p.eligible);
    assert.ok(firstIneligible > 0);
    assert.ok(
      list.slice(firstIneligible).every((p) => !p.eligible),
      "eligible people first",
    );
    assert.equal(firstIneligible, s.eligible.length);
    for (const p of list) {
      assert.equal(typeof p.name, "string");
      assert.equal(typeof p.claim, "object");
      assert.equal(p.claim.fiscalCode, p.fiscalCode);
      if (p.eligible) assert.equal(p.reason, undefined);
      else {
        const archived = s.people.find((x) => x.fiscalCode === p.fiscalCode)!;
        assert.equal(
          p.reason,
          archived.residence.country === "IT" ? "resident_in_italy" : "italian_id_on_file",
        );
      }
    }
  });

  it("gives every eligible person a claim that is a valid POST /api/v1/claims body (issued), even without a mobile or e-mail on file", async () => {
    const eligible = (await people()).filter((p) => p.eligible);
    const withoutContacts = eligible.filter((p) => {
      const archived = s.people.find((x) => x.fiscalCode === p.fiscalCode)!;
      return archived.mobile === undefined || archived.email === undefined;
    });
    assert.ok(withoutContacts.length > 0, "the demo archive has people with a contact missing");
    for (const p of eligible) {
      s.clock.advance(1); // distinct createdAt, so "newest first" means something below
      const res = await api(s, "POST", "/api/v1/claims", p.claim);
      assert.equal(res.statusCode, 202, `${p.fiscalCode}: ${res.body}`);
      assert.equal(res.json<{ status: string }>().status, "issued", p.fiscalCode);
      lastPosted = p;
    }
    const after = await people();
    for (const p of eligible) {
      const now = after.find((x) => x.fiscalCode === p.fiscalCode)!;
      assert.deepEqual([now.eligible, now.reason], [false, "pin_already_active"]);
    }
  });

  it("tells what the ineligible people's claims lead to: a refusal for residents of Italy, verification for an Italian ID", async () => {
    const ineligible = (await people()).filter(
      (p) => p.reason === "resident_in_italy" || p.reason === "italian_id_on_file",
    );
    const italy = ineligible.find((p) => p.reason === "resident_in_italy")!;
    const italianId = ineligible.find((p) => p.reason === "italian_id_on_file")!;
    assert.equal(
      problemOf(await api(s, "POST", "/api/v1/claims", italy.claim), 422).code,
      "RESIDENT_IN_ITALY",
    );
    const pending = await api(s, "POST", "/api/v1/claims", italianId.claim);
    assert.equal(pending.json<{ status: string }>().status, "under_verification");
  });

  it("shows every message sent in /dev/outbox.json, newest first, letters with their text and PDF", async () => {
    assert.equal((await outbox()).length, 0, "nothing before the worker delivers");
    await s.deliver();
    const entries = await outbox();
    assert.ok(entries.length >= 2 * s.eligible.length);
    for (const e of entries) {
      for (const k of Object.keys(e)) assert.ok(ENTRY_KEYS.has(k), `unexpected member ${k}`);
      assert.ok(["sms", "email", "pec", "letter"].includes(e.channel));
      assert.equal(typeof e.to, "string");
      assert.equal(typeof e.text, "string");
      assert.equal(new Date(e.createdAt).toISOString(), e.createdAt);
      if (e.channel === "letter") assert.ok(e.pdfUrl !== undefined, "a letter has its PDF");
      else assert.equal(e.pdfUrl, undefined);
      if (e.channel === "email") assert.ok(e.subject !== undefined && e.subject.length > 0);
    }
    for (let i = 1; i < entries.length; i++) {
      assert.ok(entries[i - 1]!.createdAt >= entries[i]!.createdAt, "newest first");
    }
    // The Italian-ID claim's acknowledgement shares the last second with the last issued claim.
    const newest = entries.slice(0, 3);
    assert.ok(
      newest.some((e) => e.to === lastPosted?.claim.mobile),
      "the last claim's SMS comes first",
    );
    assert.ok(
      newest.some(
        (e) => e.channel === "letter" && e.text.includes(lastPosted!.fiscalCode.slice(12)),
      ),
      "and its letter",
    );

    const p = s.eligible[0]!;
    const pin = initialPinFromOutbox(entries, { mobile: p.mobile }, p.fiscalCode);
    const letter = entries.find(
      (e) => e.channel === "letter" && e.text.includes(groupPin(pin.slice(8))),
    )!;
    assert.ok(letter.text.includes(p.residence.city), "the letter's text, address included");
    const pdf = await s.app.inject({ method: "GET", url: letter.pdfUrl! });
    assert.equal(pdf.statusCode, 200);
    assert.match(String(pdf.headers["content-type"]), /^application\/pdf/u);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString("latin1"), "%PDF-");
    for (const url of [
      `/dev/outbox/${randomUUID()}.pdf`,
      "/dev/outbox/..%2F..%2Fetc%2Fpasswd.pdf",
      "/dev/outbox/x.json",
    ]) {
      assert.equal((await s.app.inject({ method: "GET", url })).statusCode, 404, url);
    }
  });

  it("moves the service clock with POST /dev/clock, so a lockout can be seen ending", async () => {
    const p = s.eligible[1]!;
    const entries = await outbox();
    const pin = initialPinFromOutbox(entries, { mobile: p.mobile }, p.fiscalCode);
    const wrong = (pin.startsWith("2") ? "3" : "2") + pin.slice(1);
    for (let i = 0; i < 10; i++)
      await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin: wrong });
    assert.equal(
      (await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin })).statusCode,
      423,
    );

    const before = (await api(s, "GET", "/dev/clock")).json<{
      now: string;
      offsetSeconds: number;
    }>();
    const moved = await api(s, "POST", "/dev/clock", { advanceSeconds: 301 });
    assert.equal(moved.statusCode, 200);
    const body = moved.json<{ now: string; offsetSeconds: number }>();
    assert.equal(body.offsetSeconds, before.offsetSeconds + 301);
    assert.equal(new Date(body.now).getTime() - new Date(before.now).getTime(), 301_000);

    const login = await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin });
    assert.equal(login.statusCode, 200, "the lock has ended");
    assert.equal(login.json<{ status: string }>().status, "pin_change_required");
  });

  it("refuses a /dev/clock body that is not a whole, non-negative number of seconds", async () => {
    for (const body of [
      { advanceSeconds: -1 },
      { advanceSeconds: 1.5 },
      { advanceSeconds: "60" },
      {},
      [60],
    ]) {
      const res = await api(s, "POST", "/dev/clock", body);
      assert.equal(problemOf(res, 422).code, "VALIDATION_FAILED", JSON.stringify(body));
    }
    for (const body of ["60", "null"]) {
      const res = await s.app.inject({
        method: "POST",
        url: "/dev/clock",
        headers: { "content-type": "application/json" },
        payload: body,
      });
      assert.equal(problemOf(res, 400).code, "MALFORMED_REQUEST", body);
    }
    const { offsetSeconds } = (await api(s, "GET", "/dev/clock")).json<{ offsetSeconds: number }>();
    assert.equal(offsetSeconds, 301, "none of them moved the clock");
  });

  it("answers only under a loopback name (no DNS rebinding of a developer's browser)", async () => {
    for (const host of ["evil.example", "evil.example:3000", "10.0.0.1"]) {
      const res = await s.app.inject({ method: "GET", url: "/dev/outbox.json", headers: { host } });
      assert.equal(res.statusCode, 404, host);
    }
    const ok = await s.app.inject({
      method: "GET",
      url: "/dev/outbox.json",
      headers: { host: "localhost:3000" },
    });
    assert.equal(ok.statusCode, 200);
  });

  it("renders the /dev and /dev/outbox pages", async () => {
    const jar = new Jar();
    const dev = await page(s, "/dev", jar);
    assert.equal(dev.statusCode, 200);
    assert.match(String(dev.headers["content-type"]), /^text\/html/u);
    const ineligible = s.people.find((p) => !isDemoEligible(p).eligible)!;
    assert.ok(dev.body.includes(ineligible.fiscalCode), "ineligible people are listed");
    assert.ok(dev.body.includes('href="/dev/outbox"'));
    const box = await page(s, "/dev/outbox", jar);
    assert.equal(box.statusCode, 200);
    const first = (await outbox())[0]!;
    assert.ok(box.body.includes(first.createdAt));
    assert.ok(
      box.body.includes("/dev/outbox/") && box.body.includes(".pdf"),
      "links to the letters",
    );
  });

  it("pre-fills the claim form for a demo person from the /dev page's link (/dev/richiedi-pin?cf=CF)", async () => {
    const p = s.eligible.at(-1)!;
    const res = await page(s, `/dev/richiedi-pin?cf=${p.fiscalCode}`, new Jar());
    assert.equal(res.statusCode, 200);
    assert.match(res.body, new RegExp(`id="f-fiscalCode"[^>]*value="${p.fiscalCode}"`, "su"));
    assert.ok(res.body.includes(`value="${escapeHtml(p.residence.city)}"`), "the city on file");
    assert.match(res.body, /<form method="post" action="\/richiedi-pin"/u, "posts the real form");
    assert.equal(
      (await page(s, "/dev/richiedi-pin?cf=NOTAFISCALCODE00", new Jar())).statusCode,
      404,
    );
    // The production route knows nothing of demo people.
    const plain = await page(s, `/richiedi-pin?demo=${p.fiscalCode}`, new Jar());
    assert.match(plain.body, /id="f-fiscalCode"[^>]*value=""/su);
  });

  it("queues nothing and shows no message for a claim that never reached the worker", async () => {
    const code = encodeFiscalCode({
      surname: "Inesistente",
      givenNames: "Pia",
      sex: "F",
      birthDate: "1966-06-06",
      birthPlaceCode: "Z600",
    });
    const before = (await s.deliver()).length;
    const res = await api(
      s,
      "POST",
      "/api/v1/claims",
      claimBody(s.eligible[0]!, { fiscalCode: code }),
    );
    assert.equal(res.json<{ status: string }>().status, "under_verification");
    assert.equal((await outbox()).length, before, "delivered by the worker only");
    await s.deliver();
    const after = await outbox();
    assert.equal(after.length, before + 1);
    assert.equal(after[0]!.kind, "claim_received");
  });
});

describe("development aids (production)", () => {
  let s: TestService;
  before(async () => {
    s = await startService({ env: "production", archiveSize: 8 });
  });
  after(async () => {
    await s.close();
  });

  it("answers 404 to every /dev path, even for a letter that exists in the outbox folder", async () => {
    const p = s.eligible[0]!;
    assert.equal((await api(s, "POST", "/api/v1/claims", claimBody(p))).statusCode, 202);
    const delivered = await s.deliver();
    const letter = delivered.find((e) => e.channel === "letter")!;
    const gets = [
      "/dev",
      "/dev/",
      "/dev/people.json",
      "/dev/outbox",
      "/dev/outbox.json",
      "/dev/clock",
      letter.pdfUrl!,
    ];
    for (const url of gets) {
      for (const accept of ["application/json", "text/html"]) {
        const res = await s.app.inject({ method: "GET", url, headers: { accept } });
        assert.equal(res.statusCode, 404, `${url} (${accept})`);
      }
    }
    const prefill = await s.app.inject({
      method: "GET",
      url: `/dev/richiedi-pin?cf=${p.fiscalCode}`,
      headers: { accept: "text/html" },
    });
    assert.equal(prefill.statusCode, 404, "no demo pre-fill in production");
    const clock = await api(s, "POST", "/dev/clock", { advanceSeconds: 3600 });
    assert.equal(clock.statusCode, 404);
    const wrong = await api(s, "POST", "/api/v1/session", {
      fiscalCode: p.fiscalCode,
      pin: "ABCDEFGH",
    });
    assert.equal(wrong.statusCode, 401);
    assert.equal(s.clock.now().toISOString(), "2026-03-02T09:00:00.000Z", "the clock did not move");
  });
});

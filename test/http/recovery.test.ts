/**
 * PIN recovery over HTTP (issue 6 §1): the request answers alike whatever happened; a link
 * goes to the registered e-mail only when two contacts match; confirming issues a new initial
 * PIN with the same level, split over two registered contacts, and only then the old PIN and
 * its sessions end and any lock ends; the link is single use (100 parallel confirmations → one
 * PIN), expires after 24 hours and dies when a newer one is issued. Each step's audit events.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { encodeFiscalCode } from "../../src/domain/fiscal-code.ts";
import type { DevOutboxEntry } from "../../src/notifications/dev-outbox.ts";
import type { ArchivePerson } from "../../src/domain/archive.ts";
import { api, Jar, personWithPin, startService, type TestService } from "../helpers/app.ts";
import {
  auditTypesOf,
  count,
  csrfOf,
  formPost,
  page,
  People,
  problemOf,
  newMessages,
  observable,
} from "../helpers/journeys.ts";
import { alternatedTimings, auc, AUC_BOUNDS } from "../helpers/timing.ts";

describe("PIN recovery", () => {
  let s: TestService;
  let people: People;
  before(async () => {
    s = await startService({ archiveSize: 40 });
    people = new People(s);
    delivered = newMessages(s);
  });
  after(async () => {
    await s.close();
  });

  let delivered: () => Promise<DevOutboxEntry[]>;

  const login = (fiscalCode: string, pin: string, jar?: Jar) =>
    api(s, "POST", "/api/v1/session", { fiscalCode, pin }, jar);
  const request = (body: Record<string, unknown>) => api(s, "POST", "/api/v1/recovery", body);
  const confirm = (token: string) => api(s, "POST", "/api/v1/recovery/confirm", { token });

  const eventsOf = (fiscalCode: string) => auditTypesOf(s, fiscalCode);

  const tokenIn = (e: DevOutboxEntry | undefined): string => {
    const m = /conferma\?token=([A-Za-z0-9_-]{43})/u.exec(e?.text ?? "");
    if (m?.[1] === undefined) throw new Error(`no recovery link in ${e?.text ?? "(none)"}`);
    return m[1];
  };

  /** The new 16-character PIN from the two recovery halves. */
  const recoveredPin = (entries: DevOutboxEntry[], p: ArchivePerson): string => {
    const half = (kind: string, to: string | undefined) => {
      const e = entries.find((x) => x.kind === kind && x.to === to);
      const m = /([2-9A-Z]{4}) ([2-9A-Z]{4})/u.exec(e?.text ?? "");
      if (m === null) throw new Error(`no ${kind} to ${to ?? "?"}`);
      return `${m[1]}${m[2]}`;
    };
    return (
      half("recovery_first_half", p.mobile) + half("recovery_second_half", p.email?.toLowerCase())
    );
  };

  it("sends a link when two contacts match, keeps the old PIN working until it is confirmed, then issues a new PIN of the same level split over two contacts", async () => {
    const p = people.next();
    const { pin, jar } = await personWithPin(s, p);
    await delivered();

    const asked = await request({ fiscalCode: p.fiscalCode, mobile: p.mobile, email: p.email });
    assert.equal(asked.statusCode, 202, asked.body);
    assert.deepEqual(asked.json(), { status: "received" });
    const sent = await delivered();
    const link = sent.find((e) => e.kind === "recovery_link");
    assert.ok(
      sent.some((e) => e.kind === "recovery_instructions" && e.to === p.email?.toLowerCase()),
      "the address given gets the same neutral message whether or not a link went out",
    );
    assert.equal(link?.to, p.email?.toLowerCase(), "to the registered e-mail");
    const token = tokenIn(link);
    assert.equal(
      (await login(p.fiscalCode, pin)).statusCode,
      200,
      "a request alone changes nothing",
    );

    const done = await confirm(token);
    assert.equal(done.statusCode, 200, done.body);
    const answer = done.json<{ status: string; firstHalfTo: string; secondHalfTo: string }>();
    assert.equal(answer.status, "issued");
    assert.ok(!answer.firstHalfTo.includes(p.mobile ?? "?"), "destinations are masked");

    const halves = await delivered();
    const fresh = recoveredPin(halves, p);
    assert.equal(fresh.length, 16);
    assert.equal(problemOf(await login(p.fiscalCode, pin), 401).code, "INVALID_CREDENTIALS");
    assert.equal(
      (await api(s, "GET", "/api/v1/me", undefined, jar)).statusCode,
      401,
      "sessions ended",
    );
    const next = await login(p.fiscalCode, fresh);
    assert.equal(next.statusCode, 200, next.body);
    assert.deepEqual(
      [next.json<{ status: string }>().status, next.json<{ level: string }>().level],
      ["pin_change_required", "ordinary"],
      "an initial PIN, the level kept",
    );
    assert.equal(problemOf(await confirm(token), 410).code, "LINK_INVALID", "single use");
    const events = await eventsOf(p.fiscalCode);
    assert.deepEqual(
      events.filter((t) => t.startsWith("recovery.") || t === "pin.recovered"),
      ["recovery.requested", "pin.recovered"],
    );
  });

  it("answers an unknown fiscal code, wrong contacts and a match alike, and sends instructions to the address given", async () => {
    const known = people.next();
    await personWithPin(s, known);
    const other = people.next();
    await personWithPin(s, other);
    await delivered();
    const unknown = encodeFiscalCode({
      surname: "Nessuno",
      givenNames: "Mario",
      sex: "M",
      birthDate: "1950-01-01",
      birthPlaceCode: "Z600",
    });
    const given = { mobile: "+393331234567", email: "somebody@example.org" };
    const answers = [
      await request({ fiscalCode: unknown, ...given }),
      await request({ fiscalCode: known.fiscalCode, ...given }),
      await request({ fiscalCode: other.fiscalCode, mobile: other.mobile, email: other.email }),
    ].map(observable);
    assert.deepEqual(answers[0], answers[1]);
    assert.deepEqual(answers[1], answers[2]);

    const sent = await delivered();
    assert.equal(
      sent.filter((e) => e.kind === "recovery_instructions" && e.to === given.email).length,
      2,
      "instructions to the address typed, for the unknown code and the mismatch",
    );
    assert.equal(sent.filter((e) => e.kind === "recovery_link").length, 1);
    assert.ok(
      (await eventsOf(known.fiscalCode)).includes("recovery.requested"),
      "the refused request is audited too",
    );
  });

  it("asks for two contacts and a valid fiscal code, naming the fields", async () => {
    const r = await request({ fiscalCode: "RSSMRA80A01H501X", email: "a@example.org" });
    const problem = problemOf(r, 422);
    const fields = (problem as unknown as { errors: { field: string; code: string }[] }).errors;
    assert.deepEqual(fields.map((f) => `${f.field}:${f.code}`).sort(), [
      "fiscalCode:fiscal_code_check_character",
      "mobile:two_contacts_required",
      "pec:two_contacts_required",
    ]);
  });

  it("ends a lock: a locked holder recovers and logs in with the new PIN", async () => {
    const p = people.next();
    const { pin } = await personWithPin(s, p);
    for (let i = 0; i < 10; i++) await login(p.fiscalCode, "ABCDEFGH");
    assert.equal(problemOf(await login(p.fiscalCode, pin), 423).code, "PIN_LOCKED");
    await delivered();
    await request({ fiscalCode: p.fiscalCode, mobile: p.mobile, email: p.email });
    assert.equal(
      (await confirm(tokenIn((await delivered()).find((e) => e.kind === "recovery_link"))))
        .statusCode,
      200,
    );
    const fresh = recoveredPin(await delivered(), p);
    assert.equal((await login(p.fiscalCode, fresh)).statusCode, 200, "the lock ended");
  });

  it("gives exactly one new PIN to 100 parallel confirmations of one link", async () => {
    const p = people.next();
    await personWithPin(s, p);
    await delivered();
    await request({ fiscalCode: p.fiscalCode, mobile: p.mobile, email: p.email });
    const token = tokenIn((await delivered()).find((e) => e.kind === "recovery_link"));
    const answers = await Promise.all(Array.from({ length: 100 }, () => confirm(token)));
    const statuses = answers.map((a) => a.statusCode).sort();
    assert.equal(statuses.filter((c) => c === 200).length, 1, statuses.join(","));
    assert.equal(statuses.filter((c) => c === 410).length, 99);
    assert.equal(
      await count(s, "SELECT 1 FROM credential WHERE fiscal_code = $1 AND status = 'active'", [
        p.fiscalCode,
      ]),
      1,
    );
    assert.equal((await eventsOf(p.fiscalCode)).filter((t) => t === "pin.recovered").length, 1);
    const halves = (await delivered()).filter(
      (e) => e.kind.startsWith("recovery_") && e.kind.endsWith("_half"),
    );
    assert.equal(halves.length, 2);
  });

  it("kills a link when a newer one is issued, and after 24 hours", async () => {
    const p = people.next();
    await personWithPin(s, p);
    await delivered();
    const ask = async () => {
      await request({ fiscalCode: p.fiscalCode, mobile: p.mobile, email: p.email });
      return tokenIn((await delivered()).find((e) => e.kind === "recovery_link"));
    };
    const first = await ask();
    const second = await ask();
    assert.equal(problemOf(await confirm(first), 410).code, "LINK_INVALID", "replaced");
    s.clock.advance(24 * 3600 + 1);
    assert.equal(problemOf(await confirm(second), 410).code, "LINK_INVALID", "expired");
    assert.equal(problemOf(await confirm("x".repeat(43)), 410).code, "LINK_INVALID");
  });

  it("never recovers a revoked PIN: the request gets instructions, not a link", async () => {
    const p = people.next();
    await personWithPin(s, p);
    await delivered();
    await s.rt.db.query(
      "UPDATE credential SET status = 'revoked', ended_at = now() WHERE fiscal_code = $1 AND status = 'active'",
      [p.fiscalCode],
    );
    assert.equal(
      (await request({ fiscalCode: p.fiscalCode, mobile: p.mobile, email: p.email })).statusCode,
      202,
    );
    const sent = await delivered();
    assert.equal(sent.filter((e) => e.kind === "recovery_link").length, 0);
    assert.equal(sent.filter((e) => e.kind === "recovery_instructions").length, 1);
  });

  it("works as pages: the form, the neutral answer, a confirmation page that a GET does not use, and the result", async () => {
    const p = people.next();
    await personWithPin(s, p);
    await delivered();
    const jar = new Jar();
    const loginPage = await page(s, "/accedi", jar);
    assert.match(loginPage.body, /href="\/recupera-pin"/u, "linked from the login page");
    const form = await page(s, "/recupera-pin", jar);
    assert.equal(form.statusCode, 200);
    const empty = await formPost(
      s,
      "/recupera-pin",
      { _csrf: csrfOf(form.body), fiscalCode: "" },
      jar,
    );
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /<title>Errore:/u);
    const sentAnswer = await formPost(
      s,
      "/recupera-pin",
      {
        _csrf: csrfOf(empty.body),
        fiscalCode: p.fiscalCode,
        mobile: p.mobile ?? "",
        email: p.email ?? "",
        pec: "",
      },
      jar,
    );
    assert.equal(sentAnswer.statusCode, 303);
    assert.equal(sentAnswer.headers.location, "/recupera-pin/inviata");
    const token = tokenIn((await delivered()).find((e) => e.kind === "recovery_link"));

    const browser = new Jar();
    const confirmUrl = `/recupera-pin/conferma?token=${token}`;
    const shown = await page(s, confirmUrl, browser);
    assert.equal(shown.statusCode, 200);
    assert.equal((await page(s, confirmUrl, browser)).statusCode, 200, "a GET uses nothing");
    const posted = await formPost(
      s,
      "/recupera-pin/conferma",
      { _csrf: csrfOf(shown.body), token },
      browser,
    );
    assert.equal(posted.statusCode, 303, posted.body);
    const done = await page(s, "/recupera-pin/completato", browser);
    assert.equal(done.statusCode, 200);
    assert.match(done.body, /Nuovo PIN inviato/u);
    assert.equal((await page(s, confirmUrl, browser)).statusCode, 410, "the used link says so");
  });
});

describe("PIN recovery: limits and timing", () => {
  let s: TestService;
  let people: People;
  before(async () => {
    s = await startService({
      archiveSize: 60,
      envOverrides: {
        RATE_LIMIT_RECOVERY_SUBJECT: "2/1d",
        RATE_LIMIT_RECOVERY_DESTINATION: "1/1d",
      },
    });
    people = new People(s);
  });
  after(async () => {
    await s.close();
  });
  const request = (body: Record<string, unknown>) => api(s, "POST", "/api/v1/recovery", body);

  it("limits requests per fiscal code (429 with Retry-After) and instructions per destination", async () => {
    const p = people.next();
    const given = { mobile: "+393331234567", email: "flood@example.org" };
    assert.equal((await request({ fiscalCode: p.fiscalCode, ...given })).statusCode, 202);
    assert.equal((await request({ fiscalCode: p.fiscalCode, ...given })).statusCode, 202);
    const third = await request({ fiscalCode: p.fiscalCode, ...given });
    assert.equal(problemOf(third, 429).code, "RATE_LIMITED");
    assert.ok(Number(third.headers["retry-after"]) > 0);
    await s.deliver();
    assert.equal(
      await count(s, "SELECT 1 FROM outbox WHERE kind = 'recovery_instructions'"),
      1,
      "one message to the flooded address, whatever the number of requests",
    );
  });

  it("takes as long for an unknown fiscal code as for a known one with matching contacts (distributions compared)", async (t) => {
    // The answers' floor (production: 250 ms; the other tests run without it).
    const floor = s.rt.ctx.config.answerFloorMs;
    s.rt.ctx.config.answerFloorMs = 150;
    t.after(() => {
      s.rt.ctx.config.answerFloorMs = floor;
    });
    // No limits here: each request is for a different person and address.
    const known = Array.from({ length: 10 }, () => people.next());
    for (const p of known) await personWithPin(s, p);
    const unknown = Array.from({ length: 20 }, (_, i) =>
      encodeFiscalCode({
        surname: "Ignoto",
        givenNames: "Mario",
        sex: "M",
        birthDate: `1951-0${1 + (i % 9)}-${10 + (i % 15)}`,
        birthPlaceCode: "Z600",
      }),
    );
    const ask = async (body: Record<string, unknown>) => {
      const r = await api(s, "POST", "/api/v1/recovery", body);
      if (r.statusCode !== 202) throw new Error(r.body);
    };
    // Each known person asks twice (the limit per fiscal code is 2).
    const { a, b } = await alternatedTimings(
      20,
      (i) => {
        const p = known[i % known.length]!;
        return ask({ fiscalCode: p.fiscalCode, mobile: p.mobile, email: p.email });
      },
      (i) =>
        ask({
          fiscalCode: unknown[i],
          mobile: `+393331234${String(500 + i)}`,
          email: `u${i}@example.org`,
        }),
    );
    const v = auc(a, b);
    assert.ok(
      v > AUC_BOUNDS[0] && v < AUC_BOUNDS[1],
      `AUC ${v.toFixed(2)}: the answers' timing tells the cases apart`,
    );
  });
});

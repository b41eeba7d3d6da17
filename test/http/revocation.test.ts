/**
 * PIN revocation over HTTP (issue 6 §3): the request answers alike whatever happened; a link
 * goes to the address given only when the health card matches; confirming revokes the PIN for
 * good, ends its sessions, cancels pending recoveries and tells the registered contacts; the
 * right revoked PIN at login says PIN_REVOKED (a wrong one the usual 401); a new claim is
 * accepted; 100 parallel confirmations revoke once.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { ArchivePerson } from "../../src/domain/archive.ts";
import type { DevOutboxEntry } from "../../src/notifications/dev-outbox.ts";
import {
  api,
  claimBody,
  Jar,
  personWithPin,
  startService,
  type TestService,
} from "../helpers/app.ts";
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

describe("PIN revocation", () => {
  let s: TestService;
  let people: People;
  before(async () => {
    s = await startService({ archiveSize: 50 });
    people = new People(s);
    delivered = newMessages(s);
  });
  after(async () => {
    await s.close();
  });

  let delivered: () => Promise<DevOutboxEntry[]>;
  const withCard = (): ArchivePerson => {
    for (;;) {
      const p = people.next();
      if (p.healthCard !== undefined) return p;
    }
  };
  const card = (p: ArchivePerson) => ({
    healthCardNumber: p.healthCard?.number ?? "",
    healthCardExpiry: p.healthCard?.expiry ?? "",
  });
  const request = (body: Record<string, unknown>) => api(s, "POST", "/api/v1/revocation", body);
  const confirm = (token: string) => api(s, "POST", "/api/v1/revocation/confirm", { token });
  const login = (fiscalCode: string, pin: string, jar?: Jar) =>
    api(s, "POST", "/api/v1/session", { fiscalCode, pin }, jar);
  const tokenIn = (entries: DevOutboxEntry[]): string => {
    const e = entries.find((x) => x.kind === "revocation_link");
    const m = /revoca-pin\/conferma\?token=([A-Za-z0-9_-]{43})/u.exec(e?.text ?? "");
    if (m?.[1] === undefined) throw new Error("no revocation link");
    return m[1];
  };
  const eventsOf = (fiscalCode: string) => auditTypesOf(s, fiscalCode);

  it("revokes for good after confirmation: sessions end, pending recoveries die, contacts are told, the right PIN says PIN_REVOKED, a new claim is accepted", async () => {
    const p = withCard();
    const { pin, jar } = await personWithPin(s, p);
    await delivered();
    // A recovery pending when the revocation is confirmed must die with it.
    await api(s, "POST", "/api/v1/recovery", {
      fiscalCode: p.fiscalCode,
      mobile: p.mobile,
      email: p.email,
    });
    const recoveryLink = /token=([A-Za-z0-9_-]{43})/u.exec(
      (await delivered()).find((e) => e.kind === "recovery_link")?.text ?? "",
    )?.[1];
    assert.ok(recoveryLink !== undefined);

    const asked = await request({ fiscalCode: p.fiscalCode, ...card(p), email: "me@example.org" });
    assert.deepEqual([asked.statusCode, asked.json()], [202, { status: "received" }]);
    const sent = await delivered();
    assert.equal(sent.find((e) => e.kind === "revocation_link")?.to, "me@example.org");
    const token = tokenIn(sent);
    assert.equal(
      (await login(p.fiscalCode, pin)).statusCode,
      200,
      "a request alone changes nothing",
    );

    const done = await confirm(token);
    assert.deepEqual([done.statusCode, done.json()], [200, { status: "revoked" }]);
    assert.equal((await api(s, "GET", "/api/v1/me", undefined, jar)).statusCode, 401);
    for (let i = 0; i < 12; i++)
      assert.equal(
        problemOf(await login(p.fiscalCode, pin), 403).code,
        "PIN_REVOKED",
        "the right revoked PIN never counts as a failure (no lock after 10)",
      );
    assert.equal(problemOf(await login(p.fiscalCode, "ABCDEFGH"), 401).code, "INVALID_CREDENTIALS");
    assert.equal(
      problemOf(await api(s, "POST", "/api/v1/recovery/confirm", { token: recoveryLink }), 410)
        .code,
      "LINK_INVALID",
      "the pending recovery was cancelled",
    );
    const notices = (await delivered()).filter((e) => e.kind === "revocation_notice");
    assert.deepEqual(
      notices.map((e) => e.to).sort(),
      [p.email?.toLowerCase(), p.mobile].sort(),
      "every registered contact is told",
    );
    assert.equal(problemOf(await confirm(token), 410).code, "LINK_INVALID");
    const events = await eventsOf(p.fiscalCode);
    assert.ok(events.includes("revocation.requested") && events.includes("pin.revoked"));
    assert.ok(events.includes("login.refused"), "the revoked PIN's login is audited");

    const again = await api(s, "POST", "/api/v1/claims", claimBody(p));
    assert.equal(again.statusCode, 202, again.body);
    assert.equal(again.json<{ status: string }>().status, "issued", "a new claim is accepted");
  });

  it("answers an unknown fiscal code, a wrong health card and the right one alike", async () => {
    const p = withCard();
    await personWithPin(s, p);
    const q = withCard();
    await personWithPin(s, q);
    await delivered();
    const wrong = { healthCardNumber: "80380000000000000000", healthCardExpiry: "2030-01-01" };
    const answers = [
      await request({ fiscalCode: "RSSMRA80A01H501U", ...wrong, email: "x1@example.org" }),
      await request({ fiscalCode: p.fiscalCode, ...wrong, email: "x2@example.org" }),
      await request({ fiscalCode: q.fiscalCode, ...card(q), email: "x3@example.org" }),
    ].map(observable);
    assert.deepEqual(answers[0], answers[1]);
    assert.deepEqual(answers[1], answers[2]);
    const sent = await delivered();
    assert.deepEqual(sent.map((e) => `${e.kind}:${e.to}`).sort(), [
      "revocation_instructions:x1@example.org",
      "revocation_instructions:x2@example.org",
      "revocation_link:x3@example.org",
    ]);
  });

  it("names the bad fields", async () => {
    const r = await request({ fiscalCode: "", healthCardNumber: "123", healthCardExpiry: "x" });
    const fields = (
      problemOf(r, 422) as unknown as { errors: { field: string; code: string }[] }
    ).errors.map((f) => `${f.field}:${f.code}`);
    assert.deepEqual(fields.sort(), [
      "email:email_or_pec_required",
      "fiscalCode:required",
      "healthCardExpiry:invalid_date",
      "healthCardNumber:health_card_number",
    ]);
  });

  it("revokes once for 100 parallel confirmations of one link", async () => {
    const p = withCard();
    await personWithPin(s, p);
    await delivered();
    await request({ fiscalCode: p.fiscalCode, ...card(p), pec: "me@pec.example.it" });
    const token = tokenIn(await delivered());
    const answers = await Promise.all(Array.from({ length: 100 }, () => confirm(token)));
    const codes = answers.map((a) => a.statusCode);
    assert.equal(codes.filter((c) => c === 200).length, 1, codes.join(","));
    assert.equal(codes.filter((c) => c === 410).length, 99);
    assert.equal((await eventsOf(p.fiscalCode)).filter((t) => t === "pin.revoked").length, 1);
    assert.equal(
      await count(s, "SELECT 1 FROM credential WHERE fiscal_code = $1 AND status = 'revoked'", [
        p.fiscalCode,
      ]),
      1,
    );
  });

  it("works as pages linked from the login page; a GET of the link revokes nothing", async () => {
    const p = withCard();
    const { pin } = await personWithPin(s, p);
    await delivered();
    const jar = new Jar();
    assert.match((await page(s, "/accedi", jar)).body, /href="\/revoca-pin"/u);
    const form = await page(s, "/revoca-pin", jar);
    const sent = await formPost(
      s,
      "/revoca-pin",
      {
        _csrf: csrfOf(form.body),
        fiscalCode: p.fiscalCode,
        ...card(p),
        email: "me@example.org",
        pec: "",
      },
      jar,
    );
    assert.equal(sent.statusCode, 303, sent.body);
    const token = tokenIn(await delivered());
    const url = `/revoca-pin/conferma?token=${token}`;
    const shown = await page(s, url, jar);
    assert.equal(shown.statusCode, 200);
    assert.equal((await login(p.fiscalCode, pin)).statusCode, 200, "the GET revoked nothing");
    const posted = await formPost(
      s,
      "/revoca-pin/conferma",
      { _csrf: csrfOf(shown.body), token },
      jar,
    );
    assert.equal(posted.statusCode, 303);
    const done = await page(s, "/revoca-pin/completato", jar);
    assert.match(done.body, /PIN revocato/u);
    assert.equal((await page(s, url, jar)).statusCode, 410);
  });

  it("takes as long for an unknown fiscal code as for the right health card (distributions compared)", async (t) => {
    // The answers' floor (production: 250 ms; the other tests run without it).
    const floor = s.rt.ctx.config.answerFloorMs;
    s.rt.ctx.config.answerFloorMs = 150;
    t.after(() => {
      s.rt.ctx.config.answerFloorMs = floor;
    });
    const known = [withCard(), withCard(), withCard()];
    for (const p of known) await personWithPin(s, p);
    const ask = async (body: Record<string, unknown>) => {
      const r = await request(body);
      if (r.statusCode !== 202) throw new Error(r.body);
    };
    const wrong = { healthCardNumber: "80380000000000000000", healthCardExpiry: "2030-01-01" };
    const { a, b } = await alternatedTimings(
      20,
      (i) => {
        const p = known[i % known.length]!;
        return ask({ fiscalCode: p.fiscalCode, ...card(p), email: `k${i}@example.org` });
      },
      (i) => ask({ fiscalCode: "RSSMRA80A01H501U", ...wrong, email: `u${i}@example.org` }),
    );
    const v = auc(a, b);
    assert.ok(v > AUC_BOUNDS[0] && v < AUC_BOUNDS[1], `AUC ${v.toFixed(2)}`);
  });
});

/**
 * "The letter never arrived" over HTTP (issue 6 §2): the holder of the first half gets both
 * halves afresh once the letter is overdue, the old initial PIN stops working, at most 3 times
 * in 90 days; every request answers the same 202 (status, body, headers), and 100 parallel
 * requests issue one new PIN. Audited with the reason of each refusal.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { ArchivePerson } from "../../src/domain/archive.ts";
import { encodeFiscalCode } from "../../src/domain/fiscal-code.ts";
import type { DevOutboxEntry } from "../../src/notifications/dev-outbox.ts";
import { hmacHex } from "../../src/security/crypto.ts";
import {
  api,
  claimBody,
  initialPinFromOutbox,
  Jar,
  startService,
  type TestService,
} from "../helpers/app.ts";
import {
  count,
  csrfOf,
  formPost,
  page,
  People,
  newMessages,
  observable,
} from "../helpers/journeys.ts";
import { alternatedTimings, auc, AUC_BOUNDS } from "../helpers/timing.ts";

const DAY = 86_400;

describe("letter resend", () => {
  let s: TestService;
  let people: People;
  before(async () => {
    s = await startService({ archiveSize: 70 });
    people = new People(s);
    delivered = newMessages(s);
  });
  after(async () => {
    await s.close();
  });

  let delivered: () => Promise<DevOutboxEntry[]>;
  const resend = (fiscalCode: string, firstHalf: string) =>
    api(s, "POST", "/api/v1/claims/letter-resend", { fiscalCode, firstHalf });
  const login = (fiscalCode: string, pin: string) =>
    api(s, "POST", "/api/v1/session", { fiscalCode, pin });
  const refusals = async (fiscalCode: string): Promise<string[]> =>
    (
      await s.rt.db.query<{ reason: string }>(
        "SELECT details->>'reason' AS reason FROM audit_event WHERE type = 'letter_resend.refused' AND subject_key = $1 ORDER BY seq",
        [hmacHex(s.rt.auditKeys.subject, fiscalCode)],
      )
    ).map((r) => r.reason);

  /** Claims a PIN for p and returns its 16 characters (not activated: the letter "is lost"). */
  const claimed = async (p: ArchivePerson): Promise<string> => {
    const r = await api(s, "POST", "/api/v1/claims", claimBody(p));
    assert.equal(r.json<{ status: string }>().status, "issued");
    return initialPinFromOutbox(await delivered(), { mobile: p.mobile }, p.fiscalCode);
  };

  it("issues both halves afresh to the holder of the first half once the letter is overdue, and the old PIN stops working", async () => {
    const p = people.next();
    const old = await claimed(p);
    const firstHalf = old.slice(0, 8);

    assert.equal((await resend(p.fiscalCode, firstHalf)).statusCode, 202);
    s.clock.advance(20 * DAY);
    assert.equal((await resend(p.fiscalCode, "ABCDEFGH")).statusCode, 202);
    assert.equal(await count(s, "SELECT 1 FROM letter_resend"), 0, "nothing issued yet");
    assert.deepEqual(await refusals(p.fiscalCode), ["not_overdue", "wrong_first_half"]);

    const ok = await resend(p.fiscalCode, `${firstHalf.slice(0, 4)} ${firstHalf.slice(4)}`);
    assert.deepEqual([ok.statusCode, ok.json()], [202, { status: "received" }]);
    const sent = await delivered();
    assert.deepEqual(sent.map((e) => e.kind).sort(), ["pin_first_half", "pin_second_half_letter"]);
    assert.equal(
      sent.find((e) => e.kind === "pin_first_half")?.to,
      p.mobile,
      "the claim's channel",
    );
    const fresh = initialPinFromOutbox(sent, { mobile: p.mobile }, p.fiscalCode);
    assert.notEqual(fresh, old);
    assert.equal((await login(p.fiscalCode, old)).statusCode, 401, "the old initial PIN is gone");
    const next = await login(p.fiscalCode, fresh);
    assert.equal(next.statusCode, 200, next.body);
    assert.equal(next.json<{ status: string }>().status, "pin_change_required");
  });

  it("allows 3 resends in 90 days, then refuses with the same answer", async () => {
    const p = people.next();
    let pin = await claimed(p);
    for (let i = 0; i < 3; i++) {
      s.clock.advance(21 * DAY);
      assert.equal((await resend(p.fiscalCode, pin.slice(0, 8))).statusCode, 202);
      pin = initialPinFromOutbox(await delivered(), { mobile: p.mobile }, p.fiscalCode);
    }
    s.clock.advance(21 * DAY);
    const fourth = await resend(p.fiscalCode, pin.slice(0, 8));
    assert.equal(fourth.statusCode, 202);
    assert.deepEqual(await delivered(), [], "no fourth letter");
    assert.deepEqual(await refusals(p.fiscalCode), ["too_many"]);
  });

  it("answers an unknown fiscal code, a wrong half and the right one alike", async () => {
    const known = people.next();
    const other = people.next();
    const pin = await claimed(known);
    const otherPin = await claimed(other);
    s.clock.advance(21 * DAY);
    const unknown = encodeFiscalCode({
      surname: "Nessuno",
      givenNames: "Carla",
      sex: "F",
      birthDate: "1952-03-04",
      birthPlaceCode: "Z600",
    });
    const answers = [
      await resend(unknown, "ABCDEFGH"),
      await resend(known.fiscalCode, otherPin.slice(0, 8)),
      await resend(known.fiscalCode, pin.slice(0, 8)),
    ].map(observable);
    assert.deepEqual(answers[0], answers[1]);
    assert.deepEqual(answers[1], answers[2]);
    assert.equal((await delivered()).length, 2, "only the right half got a new PIN");
  });

  it("issues one new PIN to 100 parallel requests", async () => {
    const p = people.next();
    const pin = await claimed(p);
    s.clock.advance(21 * DAY);
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => resend(p.fiscalCode, pin.slice(0, 8))),
    );
    assert.ok(answers.every((a) => a.statusCode === 202));
    const sent = await delivered();
    assert.equal(sent.filter((e) => e.kind === "pin_second_half_letter").length, 1);
    assert.equal(
      await count(s, "SELECT 1 FROM credential WHERE fiscal_code = $1 AND status = 'active'", [
        p.fiscalCode,
      ]),
      1,
    );
  });

  it("works as a page, linked from the login page, with errors tied to the fields", async () => {
    const jar = new Jar();
    assert.match((await page(s, "/accedi", jar)).body, /href="\/lettera-non-arrivata"/u);
    const form = await page(s, "/lettera-non-arrivata", jar);
    const bad = await formPost(
      s,
      "/lettera-non-arrivata",
      { _csrf: csrfOf(form.body), fiscalCode: "", firstHalf: "12" },
      jar,
    );
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /id="f-firstHalf-error"/u);
    const p = people.next();
    const ok = await formPost(
      s,
      "/lettera-non-arrivata",
      { _csrf: csrfOf(bad.body), fiscalCode: p.fiscalCode, firstHalf: "ABCDEFGH" },
      jar,
    );
    assert.equal(ok.statusCode, 303);
    assert.equal((await page(s, ok.headers.location as string, jar)).statusCode, 200);
  });

  it("takes as long for an unknown fiscal code as for the right first half (distributions compared)", async (t) => {
    // The answers' floor (production: 250 ms; the other tests run without it).
    const floor = s.rt.ctx.config.answerFloorMs;
    s.rt.ctx.config.answerFloorMs = 150;
    t.after(() => {
      s.rt.ctx.config.answerFloorMs = floor;
    });
    const holders = Array.from({ length: 12 }, () => people.next());
    const pins: string[] = [];
    for (const p of holders) pins.push(await claimed(p));
    s.clock.advance(21 * DAY);
    const unknown = (i: number) =>
      encodeFiscalCode({
        surname: "Ignota",
        givenNames: "Carla",
        sex: "F",
        birthDate: `1953-0${1 + (i % 9)}-1${i % 10}`,
        birthPlaceCode: "Z600",
      });
    const { a, b } = await alternatedTimings(
      12,
      (i) => resend(holders[i]!.fiscalCode, pins[i]!.slice(0, 8)),
      (i) => resend(unknown(i), "ABCDEFGH"),
    );
    assert.equal(await count(s, "SELECT 1 FROM letter_resend WHERE at = $1", [s.clock.now()]), 12);
    const v = auc(a, b);
    assert.ok(v > AUC_BOUNDS[0] && v < AUC_BOUNDS[1], `AUC ${v.toFixed(2)}`);
  });
});

/**
 * The login flow's rules on in-memory fakes (milliseconds, no database): sessions in the state
 * the journey gives, the previous session ended, the lockout on the right counter, the notice
 * of a lock once a day, the suspension after 100 failures, and an audit event for each step.
 */
import { beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { AppError } from "../../src/domain/errors.ts";
import * as login from "../../src/flows/login.ts";
import { liftLockout } from "../../src/flows/lift-lockout.ts";
import { systemActor } from "../../src/domain/actor.ts";
import { sessionIdHash } from "../../src/flows/session.ts";
import { aPerson } from "../helpers/builders.ts";
import { citizenAt, flowWorld, type FlowWorld } from "../fakes/deps.ts";

async function givenHolder(w: FlowWorld, kind: "initial" | "operating", pin: string) {
  const person = aPerson();
  w.state.people.set(person.fiscalCode, person);
  w.state.accounts.set(person.fiscalCode, {
    mobile: person.mobile ?? null,
    email: person.email ?? null,
    pec: null,
    lang: "en",
  });
  w.state.credentials.set(`c-${person.fiscalCode}`, {
    id: `c-${person.fiscalCode}`,
    fiscalCode: person.fiscalCode,
    kind,
    level: "ordinary",
    pinHash: `plain:${pin}`,
    claimId: null,
    firstHalfHash: null,
    status: "active",
    setAt: w.clock.now(),
  });
  return person;
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

describe("login flow (in memory)", () => {
  let w: FlowWorld;
  beforeEach(() => {
    w = flowWorld();
  });
  const attempt = (fiscalCode: string, pin: string, extra: Partial<login.LoginInput> = {}) =>
    login.run(w, {
      by: citizenAt(),
      fiscalCode,
      pin,
      deviceCookie: undefined,
      previousToken: undefined,
      returnTo: null,
      ...extra,
    });

  it("opens a session in the state the PIN calls for, and audits the login", async () => {
    const first = await givenHolder(w, "initial", "ABCDEFGHJKMNPQRS");
    const r = await attempt(first.fiscalCode, "ABCDEFGHJKMNPQRS");
    assert.equal(r.state, "pin_change_required");
    const regular = await givenHolder(w, "operating", "K7M2P9QR");
    assert.equal((await attempt(regular.fiscalCode, "K7M2P9QR")).state, "authenticated");
    w.clock.advance(200 * 86400);
    assert.equal((await attempt(regular.fiscalCode, "K7M2P9QR")).state, "renewal_required");
    assert.deepEqual(
      w.state.audit.map((e) => [e.type, e.outcome]),
      [
        ["login.succeeded", "success"],
        ["login.succeeded", "success"],
        ["login.succeeded", "success"],
      ],
    );
  });

  it("ends the browser's previous session: a session is never upgraded", async () => {
    const p = await givenHolder(w, "operating", "K7M2P9QR");
    const one = await attempt(p.fiscalCode, "K7M2P9QR");
    const two = await attempt(p.fiscalCode, "K7M2P9QR", { previousToken: one.token });
    assert.equal(w.state.sessions.has(sessionIdHash(one.token)), false);
    assert.equal(w.state.sessions.has(sessionIdHash(two.token)), true);
    assert.ok(w.state.audit.some((e) => e.type === "session.ended"));
  });

  it("locks after 10 wrong PINs, restarts the lock on any attempt, and tells the holder once a day", async () => {
    const p = await givenHolder(w, "operating", "K7M2P9QR");
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) codes.push(await codeOf(attempt(p.fiscalCode, "ZZZZZZZZ")));
    assert.deepEqual(codes, [
      ...Array<string>(10).fill("INVALID_CREDENTIALS"),
      "PIN_LOCKED",
      "PIN_LOCKED",
    ]);
    w.clock.advance(301);
    for (let i = 0; i < 10; i++) await codeOf(attempt(p.fiscalCode, "ZZZZZZZZ"));
    const notices = w.state.outbox.filter((m) => m.kind === "pin_locked");
    assert.equal(notices.length, 1, "two locks in a day, one notice");
    assert.equal(notices[0]?.recipient, p.email);
    assert.equal(w.state.audit.filter((e) => e.type === "lock.started").length, 2);
    assert.equal(w.state.audit.filter((e) => e.type === "lock.restarted").length, 2);
    w.clock.advance(86400);
    for (let i = 0; i < 10; i++) await codeOf(attempt(p.fiscalCode, "ZZZZZZZZ"));
    assert.equal(
      w.state.outbox.filter((m) => m.kind === "pin_locked").length,
      2,
      "a day later, again",
    );
  });

  it("keeps the holder's known device out of a lock caused elsewhere", async () => {
    const p = await givenHolder(w, "operating", "K7M2P9QR");
    const first = await attempt(p.fiscalCode, "K7M2P9QR");
    for (let i = 0; i < 15; i++) await codeOf(attempt(p.fiscalCode, "ZZZZZZZZ"));
    assert.equal(await codeOf(attempt(p.fiscalCode, "K7M2P9QR")), "PIN_LOCKED");
    const mine = await attempt(p.fiscalCode, "K7M2P9QR", { deviceCookie: first.deviceEntry });
    assert.equal(mine.state, "authenticated");
    // A device entry is worth nothing for another fiscal code.
    const q = await givenHolder(w, "operating", "K7M2P9QR");
    for (let i = 0; i < 10; i++) await codeOf(attempt(q.fiscalCode, "ZZZZZZZZ"));
    assert.equal(
      await codeOf(attempt(q.fiscalCode, "K7M2P9QR", { deviceCookie: first.deviceEntry })),
      "PIN_LOCKED",
    );
  });

  it("refuses unknown browsers after 100 consecutive failures, whatever the PIN", async () => {
    const p = await givenHolder(w, "operating", "K7M2P9QR");
    const device = (await attempt(p.fiscalCode, "K7M2P9QR")).deviceEntry;
    let failures = 0;
    while (failures < 100) {
      if ((await codeOf(attempt(p.fiscalCode, "ZZZZZZZZ"))) === "INVALID_CREDENTIALS") failures++;
      else w.clock.advance(301);
    }
    w.clock.advance(301);
    assert.equal(await codeOf(attempt(p.fiscalCode, "K7M2P9QR")), "LOGIN_SUSPENDED");
    assert.equal(
      (await attempt(p.fiscalCode, "K7M2P9QR", { deviceCookie: device })).state,
      "authenticated",
    );
    assert.equal(
      await codeOf(attempt(p.fiscalCode, "K7M2P9QR")),
      "ok",
      "the holder's success lifts it",
    );
  });

  it("lets an operator lift a suspension after an identity check, audited", async () => {
    const p = await givenHolder(w, "operating", "K7M2P9QR");
    let failures = 0;
    while (failures < 100) {
      if ((await codeOf(attempt(p.fiscalCode, "ZZZZZZZZ"))) === "INVALID_CREDENTIALS") failures++;
      else w.clock.advance(301);
    }
    w.clock.advance(301);
    assert.equal(await codeOf(attempt(p.fiscalCode, "K7M2P9QR")), "LOGIN_SUSPENDED");
    await liftLockout(w, { by: systemActor("cli"), fiscalCode: p.fiscalCode, reason: "call 123" });
    assert.equal(await codeOf(attempt(p.fiscalCode, "K7M2P9QR")), "ok");
    assert.ok(w.state.audit.some((e) => e.type === "lock.lifted" && e.subject === p.fiscalCode));
  });

  it("answers a fiscal code nobody holds exactly as a wrong PIN, attempts left included", async () => {
    const p = await givenHolder(w, "operating", "K7M2P9QR");
    const known = await attempt(p.fiscalCode, "ZZZZZZZZ").catch((e: unknown) => e as AppError);
    const unknown = await attempt(aPerson().fiscalCode, "ZZZZZZZZ").catch(
      (e: unknown) => e as AppError,
    );
    assert.ok(known instanceof AppError && unknown instanceof AppError);
    assert.deepEqual([known.code, known.extra], [unknown.code, unknown.extra]);
  });

  it("refuses a right PIN the policy no longer allows (an Italian document on file)", async () => {
    const p = await givenHolder(w, "operating", "K7M2P9QR");
    w.state.people.set(p.fiscalCode, { ...p, italianIdOnFile: true });
    assert.equal(await codeOf(attempt(p.fiscalCode, "K7M2P9QR")), "PIN_NOT_ELIGIBLE");
    assert.equal(w.state.sessions.size, 0);
  });

  it("limits logins per source address", async () => {
    w = flowWorld({ limits: { login_source: { max: 3, windowSeconds: 60 } } });
    const p = await givenHolder(w, "operating", "K7M2P9QR");
    for (let i = 0; i < 3; i++) await attempt(p.fiscalCode, "K7M2P9QR");
    const refused = await attempt(p.fiscalCode, "K7M2P9QR").catch((e: unknown) => e as AppError);
    assert.ok(refused instanceof AppError && refused.code === "RATE_LIMITED");
    assert.equal(refused.extra.retryAfterSeconds, 60);
    assert.equal(
      (
        await login.run(w, {
          by: citizenAt("198.51.100.1"),
          fiscalCode: p.fiscalCode,
          pin: "K7M2P9QR",
          deviceCookie: undefined,
          previousToken: undefined,
          returnTo: null,
        })
      ).state,
      "authenticated",
      "another address is not limited",
    );
  });
});

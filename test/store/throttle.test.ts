/**
 * Lockout counters contract (src/store/repos/throttle.ts) on PGlite and PostgreSQL. The
 * reservation statement must be reserveAttempt() of src/domain/lockout.ts in SQL: it picks
 * the counter (a device's own when the device is registered for this subject, else the
 * subject's shared one), gives the same verdict and writes the same next state on every state,
 * holds under concurrency (exactly 10 attempts), and reads the active PIN with the holder's
 * eligibility facts in the same round trip. Then the writes after the verdict: failure, success,
 * release, the lock notice, and housekeeping.
 */
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import {
  failureLocks,
  LOCKOUT_SECONDS,
  NO_ATTEMPTS,
  reserveAttempt as domainReserve,
  type ThrottleState,
} from "../../src/domain/lockout.ts";
import type { LimitHit, Reservation } from "../../src/flows/ports.ts";
import { postgresDb, type Db } from "../../src/store/db.ts";
import { upsertPeople } from "../../src/store/repos/archive.ts";
import { endCredential } from "../../src/store/repos/credentials.ts";
import { registerDevice } from "../../src/store/repos/devices.ts";
import {
  deviceCounterKey,
  recordFailure,
  recordSuccess,
  reserveAttempt,
  throttleState,
  tryReserveAttempt,
} from "../../src/store/repos/throttle.ts";
import { aDevice, aFiscalCode, aPerson, at, givenCredential, T0 } from "../helpers/builders.ts";
import { createTestDb, ENGINE, type TestDb } from "../helpers/db.ts";

let tdb: TestDb;
let db: Db;
before(async () => {
  tdb = await createTestDb({ poolSize: 12 });
  db = tdb.db;
});
after(() => tdb.drop());

/** A subject with its fiscal code, and a device registered for it. */
async function aSubject(): Promise<{ subjectKey: string; fiscalCode: string; deviceId: string }> {
  const subjectKey = `subject-${randomUUID()}`;
  const device = aDevice({ subjectKey });
  await registerDevice(db, device);
  return { subjectKey, fiscalCode: aFiscalCode(), deviceId: device.id };
}

type Subject = Awaited<ReturnType<typeof aSubject>>;

/** A rate-limit hit that never refuses, on its own key. */
const ampleLimit = (): LimitHit => ({
  name: "login_source",
  key: `source-${randomUUID()}`,
  limit: { max: 1_000_000, windowSeconds: 3600 },
});

const reserve = (s: Subject, now: Date, viaDevice = false): Promise<Reservation> =>
  reserveAttempt(db, { ...s, deviceId: viaDevice ? s.deviceId : null, now });

const stateOf = async (key: string): Promise<ThrottleState> =>
  (await throttleState(db, key)) ?? NO_ATTEMPTS;

/** A wrong PIN as the login flow handles it: reserve, then record the failure if counted. */
async function wrongPin(s: Subject, now: Date, viaDevice = false): Promise<Reservation> {
  const r = await reserve(s, now, viaDevice);
  if (r.verdict.kind === "attempt")
    await recordFailure(db, r.counterKey, r.verdict.failuresBefore, now);
  return r;
}

describe(`lockout counters on ${ENGINE}: the reservation`, () => {
  it("counts an attempt on the shared counter before the PIN is checked, a new one from zero", async () => {
    const s = await aSubject();
    assert.equal(await throttleState(db, s.subjectKey), null);
    const r = await reserve(s, T0);
    assert.deepEqual(
      [r.counterKey, r.knownDevice, r.verdict],
      [s.subjectKey, false, { kind: "attempt", failuresBefore: 0 }],
    );
    assert.deepEqual(await throttleState(db, s.subjectKey), {
      failures: 1,
      lockedUntil: null,
      streak: 1,
    });
  });

  it("counts on the device's own counter when the device is registered for this subject", async () => {
    const s = await aSubject();
    const r = await reserve(s, T0, true);
    assert.deepEqual([r.counterKey, r.knownDevice], [deviceCounterKey(s.deviceId), true]);
    assert.equal((await stateOf(deviceCounterKey(s.deviceId))).failures, 1);
    assert.equal(await throttleState(db, s.subjectKey), null, "the shared counter is untouched");
  });

  it("falls back to the shared counter for another subject's device or an unknown id", async () => {
    const s = await aSubject();
    const other = await aSubject();
    for (const deviceId of [other.deviceId, randomUUID()]) {
      const r = await reserveAttempt(db, { ...s, deviceId, now: T0 });
      assert.deepEqual([r.counterKey, r.knownDevice], [s.subjectKey, false]);
    }
    assert.equal((await stateOf(s.subjectKey)).failures, 2);
  });

  it("locks for 5 minutes when the 10th wrong PIN is recorded", async () => {
    const s = await aSubject();
    for (let i = 0; i < 9; i++) {
      const r = await reserve(s, at(i));
      assert.deepEqual(r.verdict, { kind: "attempt", failuresBefore: i });
      assert.equal(await recordFailure(db, r.counterKey, i, at(i)), false);
    }
    const tenth = await reserve(s, at(9));
    assert.equal(await recordFailure(db, tenth.counterKey, 9, at(9)), true);
    assert.equal(
      (await reserve(await aSubject(), at(10))).verdict.kind,
      "attempt",
      "another subject",
    );
    assert.deepEqual(await stateOf(s.subjectKey), {
      failures: 10,
      lockedUntil: at(309),
      streak: 10,
    });
  });

  it("restarts the 5-minute lock on an attempt during the lock, refusing even a right PIN", async () => {
    const s = await aSubject();
    for (let i = 0; i < 10; i++) await wrongPin(s, T0);
    const r = await reserve(s, at(200));
    assert.deepEqual(r.verdict, { kind: "locked", lockedUntil: at(200 + LOCKOUT_SECONDS) });
    assert.deepEqual((await stateOf(s.subjectKey)).lockedUntil, at(500));
    assert.equal((await reserve(s, at(499.999))).verdict.kind, "locked");
  });

  it("starts counting from zero once the lock has ended, the streak going on", async () => {
    const s = await aSubject();
    for (let i = 0; i < 10; i++) await wrongPin(s, T0);
    assert.deepEqual((await reserve(s, at(LOCKOUT_SECONDS))).verdict, {
      kind: "attempt",
      failuresBefore: 0,
    });
    assert.deepEqual(await stateOf(s.subjectKey), { failures: 1, lockedUntil: null, streak: 11 });
  });

  it("does not lock a known device because of failures elsewhere, nor the reverse", async () => {
    const s = await aSubject();
    for (let i = 0; i < 10; i++) await wrongPin(s, T0);
    assert.equal((await reserve(s, at(1))).verdict.kind, "locked");
    assert.equal((await reserve(s, at(1), true)).verdict.kind, "attempt");
    const t = await aSubject();
    for (let i = 0; i < 10; i++) await wrongPin(t, T0, true);
    assert.equal((await reserve(t, at(1), true)).verdict.kind, "locked");
    assert.equal((await reserve(t, at(1))).verdict.kind, "attempt");
  });

  it("suspends unknown browsers after 100 consecutive failures across locks, not a known device", async () => {
    const s = await aSubject();
    for (let lock = 0; lock < 10; lock++)
      for (let i = 0; i < 10; i++) await wrongPin(s, at(lock * LOCKOUT_SECONDS));
    const later = at(10 * LOCKOUT_SECONDS);
    assert.equal((await stateOf(s.subjectKey)).streak, 100);
    assert.deepEqual((await reserve(s, later)).verdict, { kind: "suspended" });
    assert.deepEqual((await reserve(s, at(86_400))).verdict, { kind: "suspended" }, "a day later");
    assert.equal((await reserve(s, later, true)).verdict.kind, "attempt");
  });

  it("decides and writes exactly as reserveAttempt() of the domain, on every state of both counters (tryReserve: only attempts)", async () => {
    const now = at(10_000);
    const ms = (d: number): Date => new Date(now.getTime() + d);
    const locks = [null, ms(-300_000), ms(-1), now, ms(1), ms(299_000)];
    for (const shared of [true, false])
      for (const failures of [0, 1, 8, 9, 10, 11, 15])
        for (const streak of [0, 9, 10, 99, 100, 101])
          for (const lockedUntil of locks) {
            const s = await aSubject();
            const key = shared ? s.subjectKey : deviceCounterKey(s.deviceId);
            await db.query(
              "INSERT INTO login_throttle (key, failures, locked_until, streak, updated_at) VALUES ($1, $2, $3, $4, $5)",
              [key, failures, lockedUntil, streak, T0],
            );
            const state: ThrottleState = { failures, lockedUntil, streak };
            const label = JSON.stringify({ shared, ...state });
            const expected = domainReserve(state, now, shared);
            // tryReserve first: an attempt goes ahead as reserve() would; a refusal is null
            // and changes nothing, then reserve() refuses and writes.
            const target = { ...s, deviceId: shared ? null : s.deviceId, now };
            const tried = (await tryReserveAttempt(db, target, ampleLimit())).reservation;
            if (expected.verdict.kind === "attempt") {
              assert.deepEqual(tried?.verdict, expected.verdict, label);
              assert.deepEqual(await stateOf(key), expected.next, label);
              continue;
            }
            assert.equal(tried, null, label);
            assert.deepEqual(await stateOf(key), state, `${label}: untouched`);
            const r = await reserve(s, now, !shared);
            assert.equal(r.counterKey, key, label);
            assert.deepEqual(r.verdict, expected.verdict, label);
            assert.deepEqual(await stateOf(key), expected.next, label);
          }
  });

  it("follows the domain's rules over random sequences of wrong and right PINs (property)", async () => {
    type Step = { pin: "wrong" | "right"; device: boolean } | { wait: number };
    const attempt = (pin: "wrong" | "right") =>
      fc.record({ pin: fc.constant(pin), device: fc.boolean() });
    const step: fc.Arbitrary<Step> = fc.oneof(
      { weight: 6, arbitrary: attempt("wrong") },
      { weight: 1, arbitrary: attempt("right") },
      { weight: 2, arbitrary: fc.record({ wait: fc.constantFrom(1, 60, 299, 300, 301) }) },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40 }), async (steps) => {
        const s = await aSubject();
        const keys = { shared: s.subjectKey, device: deviceCounterKey(s.deviceId) };
        const model = { shared: NO_ATTEMPTS, device: NO_ATTEMPTS };
        let now = T0.getTime();
        for (const e of steps) {
          if ("wait" in e) {
            now += e.wait * 1000;
            continue;
          }
          const counter = e.device ? "device" : "shared";
          const expected = domainReserve(model[counter], new Date(now), !e.device);
          model[counter] = expected.next;
          const r = await reserve(s, new Date(now), e.device);
          assert.deepEqual(r.verdict, expected.verdict);
          if (r.verdict.kind === "attempt" && e.pin === "right") {
            await recordSuccess(db, [r.counterKey, s.subjectKey], new Date(now));
            model.shared = NO_ATTEMPTS;
            model[counter] = NO_ATTEMPTS;
          } else if (r.verdict.kind === "attempt") {
            const before = r.verdict.failuresBefore;
            assert.equal(
              await recordFailure(db, r.counterKey, before, new Date(now)),
              failureLocks(before),
            );
            const lockedUntil = new Date(now + LOCKOUT_SECONDS * 1000);
            if (failureLocks(before)) model[counter] = { ...model[counter], lockedUntil };
          }
          assert.deepEqual(await stateOf(keys.shared), model.shared);
          assert.deepEqual(await stateOf(keys.device), model.device);
        }
      }),
      { numRuns: 15 },
    );
  });

  it("counts a rate-limit hit first and, over the limit, no attempt (tryReserve)", async () => {
    const s = await aSubject();
    const hit: LimitHit = {
      name: "login_source",
      key: `source-${randomUUID()}`,
      limit: { max: 2, windowSeconds: 3600 },
    };
    const target = { ...s, deviceId: null, now: T0 };
    for (const failuresBefore of [0, 1]) {
      const r = await tryReserveAttempt(db, target, hit);
      assert.deepEqual(r.limit, { allowed: true });
      assert.deepEqual(r.reservation?.verdict, { kind: "attempt", failuresBefore });
    }
    const over = await tryReserveAttempt(db, { ...target, now: at(600) }, hit);
    assert.deepEqual(over, {
      limit: { allowed: false, retryAfterSeconds: 3000, first: true },
      reservation: null,
    });
    assert.equal((await stateOf(s.subjectKey)).failures, 2, "the third attempt was not counted");
    const again = await tryReserveAttempt(db, { ...target, now: at(3600) }, hit);
    assert.deepEqual(again.limit, { allowed: true }, "a new window");
    assert.equal(again.reservation?.verdict.kind, "attempt");
  });

  it("gives exactly 10 attempts to 30 concurrent reservations on one key", async () => {
    const s = await aSubject();
    const rs = await Promise.all(Array.from({ length: 30 }, () => reserve(s, T0)));
    const attempts = rs.flatMap((r) =>
      r.verdict.kind === "attempt" ? [r.verdict.failuresBefore] : [],
    );
    assert.deepEqual(
      attempts.sort((a, b) => a - b),
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
    assert.equal(rs.filter((r) => r.verdict.kind === "lock_started").length, 1);
    assert.equal(rs.filter((r) => r.verdict.kind === "locked").length, 19);
    assert.deepEqual((await stateOf(s.subjectKey)).lockedUntil, at(LOCKOUT_SECONDS));
  });

  it(
    "gives exactly 10 attempts across two processes (two connection pools)",
    { skip: ENGINE === "pglite" ? "PGlite is one in-process database" : false },
    async () => {
      const other = postgresDb(tdb.url ?? "", 10);
      try {
        const s = await aSubject();
        const rs = await Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            reserveAttempt(i % 2 === 0 ? db : other, { ...s, deviceId: null, now: T0 }),
          ),
        );
        assert.equal(rs.filter((r) => r.verdict.kind === "attempt").length, 10);
      } finally {
        await other.close();
      }
    },
  );

  it("reads the active PIN with the holder's residence and Italian ID flag, or null", async () => {
    const s = await aSubject();
    const pinOf = async (fiscalCode: string) =>
      (await reserveAttempt(db, { ...s, fiscalCode, deviceId: null, now: T0 })).credential;
    assert.equal(await pinOf(aFiscalCode()), null, "no PIN for this fiscal code");
    const p = aPerson({ italianIdOnFile: true });
    await upsertPeople(db, [p]);
    const c = await givenCredential(db, {
      fiscalCode: p.fiscalCode,
      kind: "operating",
      setAt: at(-60),
    });
    assert.deepEqual(await pinOf(p.fiscalCode), {
      id: c.id,
      kind: "operating",
      level: "ordinary",
      pinHash: c.pinHash,
      setAt: at(-60),
      residenceCountry: "AR",
      italianIdOnFile: true,
    });
    const outsider = await givenCredential(db); // a holder who is not in the archive
    const o = await pinOf(outsider.fiscalCode);
    assert.deepEqual([o?.id, o?.residenceCountry, o?.italianIdOnFile], [outsider.id, null, false]);
    await endCredential(db, c.id, "revoked", at(1));
    assert.equal(await pinOf(p.fiscalCode), null, "an ended PIN");
  });
});

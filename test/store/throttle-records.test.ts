/**
 * Lockout counters contract after the verdict (src/store/repos/throttle.ts) on PGlite and
 * PostgreSQL: a right PIN resets the counters it names, an attempt that got no verdict is
 * given back, a late failure never shortens a running lock, the holder is told of a lock at
 * most once per interval, and housekeeping forgets clean counters after a day but keeps a
 * streak towards suspension for 90 days. (The reservation itself: throttle.test.ts.)
 */
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { NO_ATTEMPTS } from "../../src/domain/lockout.ts";
import type { Db } from "../../src/store/db.ts";
import {
  claimLockNotice,
  deleteStaleCounters,
  recordFailure,
  recordSuccess,
  releaseAttempt,
  reserveAttempt,
  throttleState,
} from "../../src/store/repos/throttle.ts";
import { aFiscalCode, at, T0 } from "../helpers/builders.ts";
import { createTestDb, ENGINE, type TestDb } from "../helpers/db.ts";

let tdb: TestDb;
let db: Db;
before(async () => {
  tdb = await createTestDb({ poolSize: 12 });
  db = tdb.db;
});
after(() => tdb.drop());

const DAY = 86_400_000;
const aKey = (): string => `subject-${randomUUID()}`;

/** Puts a counter in a given state directly (the reservation is throttle.test.ts's subject). */
async function givenCounter(
  key: string,
  c: { failures?: number; streak?: number; lockedUntil?: Date | null; updatedAt?: Date } = {},
): Promise<string> {
  await db.query(
    "INSERT INTO login_throttle (key, failures, locked_until, streak, updated_at) VALUES ($1, $2, $3, $4, $5)",
    [key, c.failures ?? 0, c.lockedUntil ?? null, c.streak ?? c.failures ?? 0, c.updatedAt ?? T0],
  );
  return key;
}

const reserve = (key: string, now: Date) =>
  reserveAttempt(db, { subjectKey: key, deviceId: null, fiscalCode: aFiscalCode(), now });

describe(`lockout counters on ${ENGINE}: after the verdict`, () => {
  it("resets failures, streak and lock of the counters given on a right PIN, and only those", async () => {
    const shared = await givenCounter(aKey(), { failures: 10, streak: 57, lockedUntil: at(300) });
    const device = await givenCounter(`device:${randomUUID()}`, { failures: 3 });
    const other = await givenCounter(aKey(), { failures: 2 });
    await recordSuccess(db, [device, shared], at(5));
    for (const key of [shared, device]) assert.deepEqual(await throttleState(db, key), NO_ATTEMPTS);
    const rows = await db.query(
      "SELECT last_verdict, updated_at FROM login_throttle WHERE key = $1",
      [shared],
    );
    assert.deepEqual(rows, [{ last_verdict: "attempt", updated_at: at(5) }]);
    assert.deepEqual(await throttleState(db, other), { failures: 2, lockedUntil: null, streak: 2 });
  });

  it("gives back an attempt that got no verdict: failures and streak, never below zero", async () => {
    const key = aKey();
    for (let i = 0; i < 3; i++) await reserve(key, T0);
    await releaseAttempt(db, key);
    assert.deepEqual(await throttleState(db, key), { failures: 2, lockedUntil: null, streak: 2 });
    const empty = await givenCounter(aKey());
    await releaseAttempt(db, empty);
    assert.deepEqual(await throttleState(db, empty), NO_ATTEMPTS);
  });

  it("gives nothing back while the counter is locked", async () => {
    const key = await givenCounter(aKey(), { failures: 10, streak: 12, lockedUntil: at(300) });
    await releaseAttempt(db, key);
    assert.deepEqual(await throttleState(db, key), {
      failures: 10,
      lockedUntil: at(300),
      streak: 12,
    });
  });

  it("writes nothing for a wrong PIN below the threshold (it was counted in advance)", async () => {
    const key = await givenCounter(aKey(), { failures: 5 });
    assert.equal(await recordFailure(db, key, 4, at(1)), false);
    assert.deepEqual(await throttleState(db, key), { failures: 5, lockedUntil: null, streak: 5 });
  });

  it("starts the lock once: a second failure at the threshold answers false", async () => {
    const key = aKey();
    for (let i = 0; i < 10; i++) await reserve(key, T0);
    assert.equal(await recordFailure(db, key, 9, T0), true);
    assert.equal(await recordFailure(db, key, 9, at(1)), false, "a concurrent attempt's failure");
    assert.deepEqual((await throttleState(db, key))?.lockedUntil, at(300));
  });

  it("never shortens a lock restarted meanwhile with a late failure", async () => {
    const key = aKey();
    for (let i = 0; i < 10; i++) await reserve(key, T0);
    assert.equal(await recordFailure(db, key, 9, T0), true);
    assert.equal((await reserve(key, at(200))).verdict.kind, "locked");
    assert.equal(await recordFailure(db, key, 9, at(100)), false, "a failure reported late");
    assert.deepEqual((await throttleState(db, key))?.lockedUntil, at(500));
  });

  it("tells the holder of a lock once per interval, creating the shared counter if missing", async () => {
    const key = aKey();
    assert.equal(await claimLockNotice(db, key, T0, 86_400), true);
    assert.deepEqual(await throttleState(db, key), NO_ATTEMPTS);
    assert.equal(await claimLockNotice(db, key, at(1), 86_400), false);
    assert.equal(await claimLockNotice(db, key, at(86_399.999), 86_400), false);
    assert.equal(await claimLockNotice(db, key, at(86_400), 86_400), true);
    assert.equal(await claimLockNotice(db, key, at(86_401), 86_400), false);
  });

  it("claims the notice on an existing counter without touching its counts", async () => {
    const key = await givenCounter(aKey(), { failures: 10, streak: 30, lockedUntil: at(300) });
    assert.equal(await claimLockNotice(db, key, T0, 86_400), true);
    assert.deepEqual(await throttleState(db, key), {
      failures: 10,
      lockedUntil: at(300),
      streak: 30,
    });
  });

  it("tells the holder once when several instances claim the notice at the same time", async () => {
    const key = aKey();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => claimLockNotice(db, key, T0, 86_400)),
    );
    assert.equal(results.filter(Boolean).length, 1);
  });

  it("deletes clean counters after a day and any counter after 90 days, keeping streaks", async () => {
    const now = new Date("2031-06-01T12:00:00.000Z");
    const ago = (ms: number): Date => new Date(now.getTime() - ms);
    const gone = [
      await givenCounter(aKey(), { updatedAt: ago(DAY + 1) }),
      await givenCounter(aKey(), { streak: 50, updatedAt: ago(90 * DAY + 1) }),
      await givenCounter(aKey(), {
        failures: 10,
        lockedUntil: ago(89 * DAY),
        updatedAt: ago(91 * DAY),
      }),
    ];
    const kept = [
      await givenCounter(aKey(), { updatedAt: ago(DAY) }),
      await givenCounter(aKey(), { streak: 5, updatedAt: ago(89 * DAY) }),
      await givenCounter(aKey(), { streak: 50, updatedAt: ago(90 * DAY) }),
      await givenCounter(aKey(), { failures: 3, updatedAt: ago(2 * DAY) }),
      await givenCounter(aKey(), { failures: 10, lockedUntil: ago(DAY), updatedAt: ago(30 * DAY) }),
    ];
    const total = async (): Promise<number> =>
      (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM login_throttle"))[0]?.n ?? 0;
    const before = await total();
    const n = await deleteStaleCounters(db, now);
    assert.equal(n, before - (await total()), "answers how many it deleted");
    for (const key of gone) assert.equal(await throttleState(db, key), null, key);
    for (const key of kept) assert.notEqual(await throttleState(db, key), null, key);
  });
});

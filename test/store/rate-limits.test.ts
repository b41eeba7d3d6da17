/**
 * Rate-limits repository contract (src/store/repos/rate-limits.ts, the fixed windows of
 * src/domain/rate-limits.ts) on PGlite and PostgreSQL: hits are counted per (limiter, key);
 * over the limit a hit is refused with the seconds left in the window, `first` only on the
 * first refusal; a new window starts when one ends; concurrent hits are counted exactly (the
 * limit holds across instances); ended windows are cleaned up.
 */
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { Limit, LimiterName } from "../../src/domain/rate-limits.ts";
import type { Db } from "../../src/store/db.ts";
import { deleteExpiredRateLimits, hitRateLimit } from "../../src/store/repos/rate-limits.ts";
import { at } from "../helpers/builders.ts";
import { createTestDb, ENGINE, type TestDb } from "../helpers/db.ts";

const THREE_A_MINUTE: Limit = { max: 3, windowSeconds: 60 };

let tdb: TestDb;
let db: Db;
before(async () => {
  tdb = await createTestDb({ poolSize: 12 });
  db = tdb.db;
});
after(() => tdb.drop());

const aKey = (): string => `key-${randomUUID()}`;

/** One hit at `seconds` after T0 on a three-a-minute limiter. */
const hit = (key: string, seconds: number, name: LimiterName = "claim_destination") =>
  hitRateLimit(db, name, key, THREE_A_MINUTE, at(seconds));

describe(`rate limits on ${ENGINE}`, () => {
  it("allows up to the limit in a window, counting each limiter and key apart", async () => {
    const key = aKey();
    for (const s of [0, 1, 2])
      assert.deepEqual(await hit(key, s), { allowed: true }, `hit at ${s}s`);
    assert.equal((await hit(key, 3)).allowed, false);
    assert.deepEqual(await hit(aKey(), 3), { allowed: true }, "another key");
    assert.deepEqual(await hit(key, 3, "claim_source"), { allowed: true }, "another limiter");
  });

  it("refuses a hit over the limit until the window ends, `first` only for the first refusal", async () => {
    const key = aKey();
    for (const s of [0, 1, 2]) await hit(key, s);
    assert.deepEqual(await hit(key, 10), { allowed: false, retryAfterSeconds: 50, first: true });
    assert.deepEqual(await hit(key, 20.5), { allowed: false, retryAfterSeconds: 40, first: false });
    assert.deepEqual(await hit(key, 59.9), { allowed: false, retryAfterSeconds: 1, first: false });
  });

  it("starts a new window, counted from its first hit, once the previous one has ended", async () => {
    const key = aKey();
    for (const s of [0, 1, 2, 3]) await hit(key, s);
    for (const s of [60, 61, 62]) assert.deepEqual(await hit(key, s), { allowed: true }, `${s}s`);
    assert.deepEqual(await hit(key, 63), { allowed: false, retryAfterSeconds: 57, first: true });
    const rows = await db.query<{ window_start: Date; hits: number }>(
      "SELECT window_start, hits FROM rate_limit WHERE key = $1",
      [key],
    );
    assert.deepEqual(rows, [{ window_start: at(60), hits: 4 }]);
  });

  it("counts 50 concurrent hits on one key exactly: as many allowed as the limit", async () => {
    const key = aKey();
    const limit: Limit = { max: 10, windowSeconds: 3600 };
    const verdicts = await Promise.all(
      Array.from({ length: 50 }, () => hitRateLimit(db, "login_source", key, limit, at(0))),
    );
    assert.equal(verdicts.filter((v) => v.allowed).length, 10);
    const refused = verdicts.filter((v) => !v.allowed);
    assert.equal(refused.length, 40);
    assert.equal(refused.filter((v) => v.first).length, 1, "one first refusal");
    const rows = await db.query("SELECT hits FROM rate_limit WHERE key = $1", [key]);
    assert.deepEqual(rows, [{ hits: 50 }]);
  });

  it("deletes windows that started longer ago than the longest window, and only those", async () => {
    const [old, recent] = [aKey(), aKey()];
    await hit(old, 0);
    await hit(recent, 100);
    const count = async (key: string): Promise<number> =>
      (await db.query("SELECT 1 FROM rate_limit WHERE key = $1", [key])).length;

    await deleteExpiredRateLimits(db, at(3600), 3600);
    assert.equal(await count(old), 1, "started exactly the longest window ago: kept");
    assert.ok((await deleteExpiredRateLimits(db, at(3600.001), 3600)) >= 1);
    assert.equal(await count(old), 0);
    assert.equal(await count(recent), 1);
    assert.deepEqual(await hit(old, 3601), { allowed: true }, "a deleted key starts anew");
  });
});

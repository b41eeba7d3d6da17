/**
 * Outbox repository contract (src/store/repos/outbox.ts) on PGlite and PostgreSQL: typed
 * messages are queued with their secret sealed (never in clear), leased when due — oldest
 * first, never to two workers at once (FOR UPDATE SKIP LOCKED), again once a lease expires —
 * marked sent or failed (retry or abandon; the secret erased once sent, kept when abandoned for a
 * supervisor's resend until the retention scrub), counted
 * by status, and scrubbed of personal data after the retention period.
 */
import { CHANNELS } from "../../src/notifications/channel-kind.ts";
import { describe, it, before, after, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { seal } from "../../src/security/crypto.ts";
import type { Db } from "../../src/store/db.ts";
import {
  enqueue,
  leaseDue,
  markFailed,
  markSent,
  outboxCounts,
  scrubDelivered,
  type LeasedMessage,
} from "../../src/store/repos/outbox.ts";
import { aClaimReceivedMessage, aFirstHalfMessage, at, T0 } from "../helpers/builders.ts";
import { createTestDb, ENGINE, type TestDb } from "../helpers/db.ts";

const KEY = Buffer.alloc(32, 9);

let tdb: TestDb;
let db: Db;
before(async () => {
  tdb = await createTestDb({ poolSize: 12 });
  db = tdb.db;
});
after(() => tdb.drop());

async function rowOf(id: string): Promise<Record<string, unknown>> {
  const rows = await db.query<Record<string, unknown>>("SELECT * FROM outbox WHERE id = $1", [id]);
  assert.ok(rows[0] !== undefined, `outbox row ${id}`);
  return rows[0];
}

/** Queues the first half of a PIN (secret ABCDEFGH unless given) at `now`; returns its id. */
async function queued(over: { secret?: string; now?: Date } = {}): Promise<string> {
  const m = aFirstHalfMessage(over.secret === undefined ? {} : { secret: over.secret });
  await enqueue(db, KEY, m, over.now ?? T0);
  return m.id;
}

/** Leases everything due at `now` and keeps only the given ids. */
async function leaseOnly(ids: readonly string[], now: Date): Promise<LeasedMessage[]> {
  return (await leaseDue(db, KEY, now, 1000, 120, CHANNELS)).filter((m) => ids.includes(m.id));
}

describe(`outbox on ${ENGINE}`, () => {
  // Each test starts with nothing due, so a lease returns only its own messages.
  beforeEach(async () => {
    await db.query("UPDATE outbox SET status = 'sent', secret = NULL WHERE status <> 'sent'");
  });

  it("stores a secret sealed, never in clear, and gives it back decrypted on lease", async () => {
    const id = await queued();
    const row = await rowOf(id);
    assert.equal(row.status, "queued");
    assert.equal(typeof row.secret, "string");
    assert.ok(!String(row.secret).includes("ABCDEFGH"));
    assert.ok(!JSON.stringify(row.payload).includes("ABCDEFGH"));
    assert.deepEqual(await leaseDue(db, KEY, T0, 10, 120, CHANNELS), [
      {
        id,
        kind: "pin_first_half",
        channel: "sms",
        recipient: "+5491123456789",
        payload: { lang: "it", fullName: "José D'Angelo", claimReference: "R-1" },
        secret: "ABCDEFGH",
        attempts: 1,
        createdAt: T0,
      },
    ]);
    const leased = await rowOf(id);
    assert.equal(leased.status, "sending");
    assert.deepEqual(leased.lease_until, at(120));
  });

  it("erases the secret when the message is sent", async () => {
    const id = await queued();
    await leaseDue(db, KEY, T0, 10, 120, CHANNELS);
    await markSent(db, id, at(2), "file:x");
    const row = await rowOf(id);
    assert.deepEqual(
      [row.status, row.secret, row.lease_until, row.sent_at, row.provider_ref],
      ["sent", null, null, at(2), "file:x"],
    );
    assert.deepEqual(await leaseDue(db, KEY, at(10_000), 10, 120, CHANNELS), []);
  });

  it("gives undefined for a message without a secret", async () => {
    const m = aClaimReceivedMessage();
    await enqueue(db, KEY, m, T0);
    const [leased] = await leaseOnly([m.id], T0);
    assert.equal(leased?.kind, "claim_received");
    assert.deepEqual(leased.payload, m.payload);
    assert.equal(leased.secret, undefined);
    assert.equal((await rowOf(m.id)).secret, null);
  });

  it("leases only what is due (next attempt at or before now), oldest first, up to the limit", async () => {
    const late = await queued({ now: at(10) });
    const early = await queued({ now: at(5) });
    const due = await queued({ now: at(7) });
    assert.deepEqual(await leaseDue(db, KEY, at(4.999), 10, 120, CHANNELS), []);
    // The oldest two are chosen; RETURNING gives no order, so compare as sets.
    assert.deepEqual(
      (await leaseDue(db, KEY, at(10), 2, 120, CHANNELS)).map((m) => m.id).sort(),
      [early, due].sort(),
    );
    assert.deepEqual(
      (await leaseDue(db, KEY, at(10), 2, 120, CHANNELS)).map((m) => m.id),
      [late],
    );
  });

  it("does not lease a message again while its lease runs, and re-leases it once it expires", async () => {
    const id = await queued();
    assert.equal((await leaseOnly([id], T0)).length, 1);
    assert.deepEqual(await leaseOnly([id], at(119)), []);
    assert.deepEqual(await leaseOnly([id], at(120)), [], "the lease holds at its last instant");
    const [again] = await leaseOnly([id], at(120.001));
    assert.equal(again?.attempts, 2);
    assert.equal(again.secret, "ABCDEFGH");
  });

  it("schedules a retry on failure and leases it again when it is due", async () => {
    const id = await queued();
    await leaseDue(db, KEY, T0, 10, 120, CHANNELS);
    await markFailed(db, id, "gateway down", at(30));
    const row = await rowOf(id);
    assert.deepEqual(
      [row.status, row.last_error, row.lease_until, row.next_attempt_at],
      ["failed", "gateway down", null, at(30)],
    );
    assert.notEqual(row.secret, null, "a retry still needs the secret");
    assert.deepEqual(await leaseOnly([id], at(29.999)), []);
    const [m] = await leaseOnly([id], at(30));
    assert.equal(m?.attempts, 2);
    assert.equal(m.secret, "ABCDEFGH");
  });

  it("abandons a message, keeping its sealed secret for a supervisor's resend and 500 characters of the error", async () => {
    const id = await queued();
    await leaseDue(db, KEY, T0, 10, 120, CHANNELS);
    await markFailed(db, id, "x".repeat(2000), null, at(5));
    const row = await rowOf(id);
    assert.equal(row.status, "abandoned");
    assert.notEqual(row.secret, null, "kept until the retention scrub");
    assert.deepEqual(row.abandoned_at, at(5));
    assert.equal(String(row.last_error).length, 500);
    assert.deepEqual(await leaseOnly([id], at(100_000)), []);
  });

  it("ignores a late markSent or markFailed for a message no longer being sent", async () => {
    const id = await queued();
    await leaseDue(db, KEY, T0, 10, 120, CHANNELS);
    await markFailed(db, id, "boom", null);
    await markSent(db, id, at(1), "late");
    await markFailed(db, id, "again", at(5));
    const row = await rowOf(id);
    assert.deepEqual([row.status, row.provider_ref, row.last_error], ["abandoned", null, "boom"]);
  });

  it("never gives the same message to two concurrent callers", async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 120; i++) ids.add(await queued({ secret: `S${i}` }));
    const seen = new Map<string, number>();
    // Rounds of 6 concurrent leasers with small batches until everything is leased.
    for (let round = 0; round < 40 && seen.size < ids.size; round++) {
      const batches = await Promise.all(
        Array.from({ length: 6 }, () => leaseDue(db, KEY, at(1), 7, 120, CHANNELS)),
      );
      for (const m of batches.flat()) seen.set(m.id, (seen.get(m.id) ?? 0) + 1);
    }
    assert.equal(seen.size, ids.size);
    assert.deepEqual(
      [...seen].filter(([, n]) => n > 1),
      [],
    );
    assert.ok((await outboxCounts(db)).sending >= 120);
  });

  it("does not let one unreadable secret hold back the other messages", async () => {
    const good = await queued({ secret: "GOODGOOD" });
    const bad = await queued({ secret: "BADBADBA" });
    // A sealed value moved from another row (or sealed with an old key) cannot be opened.
    await db.query("UPDATE outbox SET secret = $2 WHERE id = $1", [
      bad,
      seal(KEY, "BADBADBA", randomUUID()),
    ]);
    const leased = await leaseOnly([good, bad], T0);
    assert.deepEqual(leased.map((m) => m.id).sort(), [good, bad].sort());
    assert.equal(leased.find((m) => m.id === good)?.secret, "GOODGOOD");
    const poisoned = leased.find((m) => m.id === bad);
    assert.equal(poisoned?.secret, undefined);
    assert.match(poisoned?.secretError ?? "", /secret/u);
  });

  it("counts messages by status", async () => {
    const before = await outboxCounts(db);
    await queued();
    const after = await outboxCounts(db);
    assert.equal(after.queued, before.queued + 1);
    assert.deepEqual(Object.keys(after).sort(), [
      "abandoned",
      "failed",
      "queued",
      "sending",
      "sent",
    ]);
  });
});

describe(`outbox retention on ${ENGINE}`, () => {
  it("scrubs only messages sent or abandoned before the cut-off, once", async () => {
    const own = await createTestDb();
    const q = own.db;
    try {
      const m = {
        sentOld: aFirstHalfMessage(),
        sentAtCutoff: aFirstHalfMessage(),
        sentLater: aFirstHalfMessage(),
        abandoned: aFirstHalfMessage(),
        failed: aFirstHalfMessage(),
      };
      const sending = aClaimReceivedMessage();
      for (const msg of Object.values(m)) await enqueue(q, KEY, msg, T0);
      await enqueue(q, KEY, sending, T0);
      await leaseDue(q, KEY, T0, 100, 3600, CHANNELS);
      await markSent(q, m.sentOld.id, at(10), "ref-1");
      await markSent(q, m.sentAtCutoff.id, at(100), "ref-2");
      await markSent(q, m.sentLater.id, at(200), "ref-3");
      await markFailed(q, m.abandoned.id, "undeliverable", null, at(50));
      await markFailed(q, m.failed.id, "gateway down", at(30));
      const waiting = aFirstHalfMessage();
      await enqueue(q, KEY, waiting, T0);
      const row = async (id: string): Promise<Record<string, unknown> | undefined> =>
        (await q.query<Record<string, unknown>>("SELECT * FROM outbox WHERE id = $1", [id]))[0];

      assert.equal(await scrubDelivered(q, at(100), at(1000)), 2);
      for (const id of [m.sentOld.id, m.abandoned.id]) {
        const r = await row(id);
        assert.deepEqual(
          [r?.recipient, r?.payload, r?.secret, r?.last_error, r?.scrubbed_at],
          ["", {}, null, null, at(1000)],
        );
      }
      assert.equal((await row(m.sentOld.id))?.status, "sent", "the row stays for counts");
      for (const msg of [m.sentAtCutoff, m.sentLater, m.failed, sending, waiting]) {
        const r = await row(msg.id);
        assert.ok(r !== undefined);
        assert.equal(r.scrubbed_at, null, msg.id);
        assert.equal(r.recipient, msg.recipient);
        assert.deepEqual(r.payload, msg.payload);
      }
      assert.notEqual((await row(m.failed.id))?.secret, null, "a retry still needs its secret");

      assert.equal(await scrubDelivered(q, at(100), at(2000)), 0, "idempotent");
      assert.deepEqual((await row(m.sentOld.id))?.scrubbed_at, at(1000));
      assert.equal(await scrubDelivered(q, at(300), at(3000)), 2);
      assert.deepEqual((await row(m.sentLater.id))?.scrubbed_at, at(3000));
      assert.equal((await row(m.failed.id))?.scrubbed_at, null);
    } finally {
      await own.drop();
    }
  });
});

describe("outbox: a failure that outlived its lease", () => {
  it("does not overwrite the newer attempt's lease", async () => {
    const own = await createTestDb();
    const db = own.db;
    try {
      const m = aFirstHalfMessage();
      await enqueue(db, KEY, m, T0);
      const [first] = await leaseDue(db, KEY, T0, 10, 60, CHANNELS);
      assert.ok(first !== undefined);
      // The lease runs out; another worker takes the message.
      const later = new Date(T0.getTime() + 61_000);
      const [second] = await leaseDue(db, KEY, later, 10, 60, CHANNELS);
      assert.equal(second?.attempts, first.attempts + 1);
      await markFailed(db, m.id, "SMTP 550", null, later, first.attempts);
      const [row] = await db.query<{ status: string }>("SELECT status FROM outbox WHERE id = $1", [
        m.id,
      ]);
      assert.equal(row?.status, "sending", "the stale failure changed nothing");
      await markSent(db, m.id, later, "ref");
      const [done] = await db.query<{ status: string }>("SELECT status FROM outbox WHERE id = $1", [
        m.id,
      ]);
      assert.equal(done?.status, "sent");
    } finally {
      await own.drop();
    }
  });
});

/**
 * The worker's lanes against a real database: at most OUTBOX_CHANNEL_CONCURRENCY messages of
 * one channel in flight, a slow provider holding back no other channel, and the circuit
 * breaker leaving a down provider's messages waiting (no attempts burnt) until a probe passes.
 */
import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { FixedClock } from "../../src/domain/clock.ts";
import {
  PermanentDeliveryError,
  type ChannelSet,
  type DeliveryChannel,
  type DeliveryReceipt,
  type RenderedMessage,
} from "../../src/notifications/channel.ts";
import { createOutboxWorker, type WorkerDeps } from "../../src/notifications/worker.ts";
import type { Db } from "../../src/store/db.ts";
import { createUnitOfWork } from "../../src/store/uow.ts";
import { deriveKeys } from "../../src/main.ts";
import { createTestDb, ENGINE, type TestDb } from "../helpers/db.ts";

const OUTBOX_KEY = Buffer.alloc(32, 9);
const START = new Date("2026-03-02T09:00:00.000Z");

/**
 * A provider whose sends wait until the test lets them go (`hold`), recording how many were in
 * flight at once; `fail` makes a send throw.
 */
class GatedChannel implements DeliveryChannel {
  readonly sent: string[] = [];
  inFlight = 0;
  maxInFlight = 0;
  calls = 0;
  hold = false;
  fail: (() => Error | undefined) | undefined;
  readonly #waiting: (() => void)[] = [];
  readonly #watchers: { when: () => boolean; resolve: () => void }[] = [];

  async send(m: RenderedMessage): Promise<DeliveryReceipt> {
    this.calls++;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    this.#notify();
    try {
      if (this.hold)
        await new Promise<void>((resolve) => {
          this.#waiting.push(resolve);
        });
      const err = this.fail?.();
      if (err !== undefined) throw err;
      this.sent.push(m.id);
      return { providerRef: m.id };
    } finally {
      this.inFlight--;
      this.#notify();
    }
  }

  /** Lets every waiting send go on (and the next ones through). */
  release(): void {
    this.hold = false;
    for (const go of this.#waiting.splice(0)) go();
  }

  /** Resolves once `when` holds (checked at every change). */
  until(when: () => boolean): Promise<void> {
    if (when()) return Promise.resolve();
    return new Promise((resolve) => this.#watchers.push({ when, resolve }));
  }

  #notify(): void {
    for (const w of [...this.#watchers])
      if (w.when()) {
        this.#watchers.splice(this.#watchers.indexOf(w), 1);
        w.resolve();
      }
  }
}

interface Gated extends ChannelSet {
  sms: GatedChannel;
  email: GatedChannel;
}

const gated = (): Gated => ({
  sms: new GatedChannel(),
  email: new GatedChannel(),
  pec: new GatedChannel(),
  letter: new GatedChannel(),
});

let tdb: TestDb;
let db: Db;
before(async () => {
  tdb = await createTestDb({ poolSize: 10 });
  db = tdb.db;
});
after(async () => {
  await tdb.drop();
});
beforeEach(async () => {
  await db.query("UPDATE outbox SET status = 'sent', secret = NULL WHERE status <> 'sent'");
});

function worker(channels: ChannelSet, clock: FixedClock, extra: Partial<WorkerDeps> = {}) {
  const uow = createUnitOfWork({
    db,
    clock,
    outboxKey: OUTBOX_KEY,
    auditKeys: deriveKeys(Buffer.alloc(32, 7)).audit,
    messagesQueued: () => undefined,
  });
  return createOutboxWorker({ db, uow, clock, channels, outboxKey: OUTBOX_KEY, ...extra });
}

async function queue(channel: "sms" | "email", n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = randomUUID();
    await db.query(
      `INSERT INTO outbox (id, kind, channel, recipient, payload, status, next_attempt_at, created_at)
       VALUES ($1, 'claim_received', $2, $3, $4::jsonb, 'queued', $5, $5)`,
      [
        id,
        channel,
        channel === "sms" ? "+5491123456789" : "jose@example.com",
        JSON.stringify({ lang: "it", claimReference: "PIN-2026-000124" }),
        START,
      ],
    );
    ids.push(id);
  }
  return ids;
}

const attemptsOf = async (ids: readonly string[]): Promise<number> =>
  (
    await db.query<{ n: number }>(
      "SELECT coalesce(sum(attempts), 0)::int AS n FROM outbox WHERE id = ANY($1::uuid[])",
      [ids],
    )
  )[0]?.n ?? -1;

describe(`outbox worker lanes on ${ENGINE}`, () => {
  it("keeps at most `channelConcurrency` messages of one channel in flight", async () => {
    const f = gated();
    f.sms.hold = true;
    const clock = new FixedClock(START);
    const w = worker(f, clock, { channelConcurrency: 2 });
    const ids = await queue("sms", 6);
    const first = w.runOnce();
    await f.sms.until(() => f.sms.inFlight === 2);
    // The lane is full: another run leases none of its messages.
    assert.equal(await w.runOnce(), 0);
    f.sms.release();
    assert.equal(await first, 2);
    while ((await w.runOnce()) > 0) {
      // drain
    }
    assert.deepEqual([...f.sms.sent].sort(), [...ids].sort());
    assert.equal(f.sms.maxInFlight, 2);
  });

  it("keeps delivering other channels while one provider hangs", { timeout: 60_000 }, async () => {
    const f = gated();
    f.sms.hold = true;
    const clock = new FixedClock(START);
    const w = worker(f, clock, { channelConcurrency: 2 });
    await queue("sms", 5);
    const emails = await queue("email", 5);
    w.start(5);
    try {
      await f.email.until(() => f.email.sent.length === 5);
      assert.deepEqual([...f.email.sent].sort(), [...emails].sort());
      assert.equal(f.sms.sent.length, 0);
      assert.equal(f.sms.inFlight, 2, "the hanging lane holds only its own places");
      f.sms.release();
      await f.sms.until(() => f.sms.sent.length === 5);
    } finally {
      f.sms.release();
      await w.stop();
    }
    assert.ok(f.sms.maxInFlight <= 2);
  });

  it("stops leasing a channel whose provider is down, then lets one probe through and closes on success", async () => {
    const f = gated();
    f.sms.fail = () => new Error("SMS gateway 503");
    const clock = new FixedClock(START);
    const w = worker(f, clock, { channelConcurrency: 5 });
    const sms = await queue("sms", 8);
    await queue("email", 2);
    // Five transient failures (one run: five places) open the circuit.
    assert.equal(await w.runOnce(), 7);
    assert.equal(f.sms.calls, 5);
    assert.equal(w.circuit("sms"), "open");
    assert.equal(f.email.sent.length, 2, "the other channels go on");
    // While it is open its messages wait, burning no attempts, even once they are due.
    const burnt = await attemptsOf(sms);
    clock.advance(29);
    assert.equal(await w.runOnce(), 0);
    assert.equal(await attemptsOf(sms), burnt);
    assert.equal(f.sms.calls, 5);
    // After the cool-down: one probe; it fails again → open for 60 s.
    clock.advance(1);
    assert.equal(w.circuit("sms"), "half_open");
    assert.equal(await w.runOnce(), 1);
    assert.equal(w.circuit("sms"), "open");
    clock.advance(59);
    assert.equal(await w.runOnce(), 0);
    // The provider is back: the probe succeeds, the circuit closes, the rest follows.
    f.sms.fail = undefined;
    clock.advance(3600);
    assert.equal(await w.runOnce(), 1, "one probe first");
    assert.equal(w.circuit("sms"), "closed");
    while ((await w.runOnce()) > 0) {
      // drain
    }
    assert.deepEqual([...f.sms.sent].sort(), [...sms].sort());
  });

  it("does not count permanent refusals towards opening the circuit", async () => {
    const f = gated();
    f.sms.fail = () => new PermanentDeliveryError("400 invalid number");
    const clock = new FixedClock(START);
    const w = worker(f, clock, { channelConcurrency: 8 });
    await queue("sms", 8);
    assert.equal(await w.runOnce(), 8);
    assert.equal(w.circuit("sms"), "closed");
  });
});

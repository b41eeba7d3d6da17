import { describe, it, before } from "node:test";
import assert from "node:assert/strict";
import { verify as argon2Verify } from "@node-rs/argon2";
import { ARGON2_PARAMS, createArgon2Hasher, type PinHasher } from "../../src/security/hasher.ts";
import { Overloaded, Semaphore } from "../../src/security/semaphore.ts";

const PEPPER = Buffer.alloc(32, 7);
const OTHER_PEPPER = Buffer.alloc(32, 8);

/** A promise the test resolves by hand, to hold a semaphore slot as long as it wants. */
function deferred<T = void>(): {
  promise: Promise<T>;
  resolve: (v: T) => void;
  reject: (e: unknown) => void;
} {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every already-settled promise callback run. */
const drain = () => new Promise<void>((r) => setImmediate(r));

describe("argon2id hasher", () => {
  let hasher: PinHasher & { readonly gate: Semaphore };
  before(async () => {
    hasher = await createArgon2Hasher({ pepper: PEPPER, concurrency: 4, queueLimit: 64 });
  });

  it("uses argon2id v1.3 with m=19456 KiB, t=2, p=1 (OWASP minimum)", async () => {
    assert.deepEqual(
      { m: ARGON2_PARAMS.memoryCost, t: ARGON2_PARAMS.timeCost, p: ARGON2_PARAMS.parallelism },
      { m: 19_456, t: 2, p: 1 },
    );
    const h = await hasher.hash("ABCDEFGH");
    assert.ok(h.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), h);
  });

  it("salts every hash: the same PIN hashes differently twice", async () => {
    const [a, b] = await Promise.all([hasher.hash("ABCDEFGH"), hasher.hash("ABCDEFGH")]);
    assert.notEqual(a, b);
    assert.equal(await hasher.verify(a, "ABCDEFGH"), true);
    assert.equal(await hasher.verify(b, "ABCDEFGH"), true);
  });

  it("verifies the right PIN and refuses a wrong one", async () => {
    const h = await hasher.hash("23456789ABCDEFGH");
    assert.equal(await hasher.verify(h, "23456789ABCDEFGH"), true);
    assert.equal(await hasher.verify(h, "23456789ABCDEFGJ"), false);
    assert.equal(await hasher.verify(h, "23456789"), false);
    assert.equal(await hasher.verify(h, ""), false);
  });

  it("is keyed by the pepper: a hash verifies only with the same pepper", async () => {
    const other = await createArgon2Hasher({ pepper: OTHER_PEPPER, concurrency: 1, queueLimit: 4 });
    const h = await hasher.hash("ABCDEFGH");
    assert.equal(await other.verify(h, "ABCDEFGH"), false);
    assert.equal(await hasher.verify(await other.hash("ABCDEFGH"), "ABCDEFGH"), false);
    // Without any pepper (a stolen database and a dictionary) the hash does not verify either.
    assert.equal(await argon2Verify(h, "ABCDEFGH").catch(() => false), false);
    assert.equal(await argon2Verify(h, "ABCDEFGH", { secret: PEPPER }), true);
  });

  it("answers false, never throws, for a malformed stored hash", async () => {
    assert.equal(await hasher.verify("not a hash", "ABCDEFGH"), false);
    assert.equal(await hasher.verify("", "ABCDEFGH"), false);
  });

  it("verifyDummy answers false for any PIN and pays for one argon2id verification", async () => {
    const gated = await createArgon2Hasher({ pepper: PEPPER, concurrency: 1, queueLimit: 4 });
    const dummy = gated.verifyDummy("ABCDEFGH");
    // The dummy takes the one hashing slot, so a real hash has to wait for it.
    assert.equal(gated.gate.active, 1);
    const queued = gated.hash("23456789");
    assert.equal(gated.gate.waiting, 1);
    assert.equal(await dummy, false);
    await queued;
    assert.equal(await gated.verifyDummy(""), false);
    assert.equal(gated.gate.active, 0);
  });

  it("sheds load with Overloaded when the queue is full", async () => {
    const tiny = await createArgon2Hasher({ pepper: PEPPER, concurrency: 1, queueLimit: 1 });
    const first = tiny.hash("AAAAAAAA");
    const second = tiny.hash("BBBBBBBB");
    await assert.rejects(tiny.hash("CCCCCCCC"), Overloaded);
    await assert.rejects(tiny.verify("x", "DDDDDDDD"), Overloaded);
    await Promise.all([first, second]);
    // Capacity comes back once the queue drains.
    assert.ok((await tiny.hash("EEEEEEEE")).startsWith("$argon2id$"));
  });

  it("does not block the event loop: other callbacks keep running during 8 parallel hashes", async () => {
    let ticks = 0;
    let done = false;
    const spin = () => {
      ticks++;
      if (!done) setImmediate(spin);
    };
    setImmediate(spin);
    await Promise.all(Array.from({ length: 8 }, (_, i) => hasher.hash(`PIN${i}ABCD`)));
    done = true;
    // A synchronous hash would give 0 or 1 ticks; on the thread pool the loop turns many times.
    assert.ok(ticks > 20, `only ${ticks} event-loop turns while hashing`);
  });
});

describe("Semaphore", () => {
  it("runs at most `max` tasks at once and starts waiting ones in arrival order", async () => {
    const gate = new Semaphore(2, 10);
    const holds = Array.from({ length: 5 }, () => deferred());
    const started: number[] = [];
    let active = 0;
    let peak = 0;
    const runs = holds.map((h, i) =>
      gate.run(async () => {
        started.push(i);
        active++;
        peak = Math.max(peak, active);
        await h.promise;
        active--;
        return i;
      }),
    );
    await drain();
    assert.deepEqual(started, [0, 1]);
    assert.equal(gate.active, 2);
    assert.equal(gate.waiting, 3);
    holds[1]?.resolve();
    await drain();
    assert.deepEqual(started, [0, 1, 2]);
    for (const h of holds) h.resolve();
    assert.deepEqual(await Promise.all(runs), [0, 1, 2, 3, 4]);
    assert.equal(peak, 2);
    assert.equal(gate.active, 0);
    assert.equal(gate.waiting, 0);
  });

  it("rejects with Overloaded beyond the queue limit, at once, without running the task", async () => {
    const gate = new Semaphore(1, 2);
    const hold = deferred();
    const running = gate.run(() => hold.promise);
    const waiting = [gate.run(() => Promise.resolve(1)), gate.run(() => Promise.resolve(2))];
    let ran = false;
    await assert.rejects(
      gate.run(() => {
        ran = true;
        return Promise.resolve(3);
      }),
      (err: unknown) => err instanceof Overloaded && err.name === "Overloaded",
    );
    assert.equal(ran, false);
    assert.equal(gate.waiting, 2);
    hold.resolve();
    await running;
    assert.deepEqual(await Promise.all(waiting), [1, 2]);
  });

  it("frees the slot when a task fails", async () => {
    const gate = new Semaphore(1, 1);
    await assert.rejects(
      gate.run(() => Promise.reject(new Error("boom"))),
      /boom/u,
    );
    assert.equal(gate.active, 0);
    assert.equal(await gate.run(() => Promise.resolve("ok")), "ok");
  });

  it("never exceeds its bound under a storm of 200 callers", async () => {
    const gate = new Semaphore(3, 50);
    let active = 0;
    let peak = 0;
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, () =>
        gate.run(async () => {
          active++;
          peak = Math.max(peak, active);
          await drain();
          active--;
        }),
      ),
    );
    assert.equal(peak, 3);
    assert.equal(results.filter((r) => r.status === "fulfilled").length, 53);
    assert.ok(
      results.filter((r) => r.status === "rejected").every((r) => r.reason instanceof Overloaded),
    );
  });
});

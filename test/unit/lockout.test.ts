/**
 * The lockout rules of src/domain/lockout.ts (SPEC.md "Credential rules" and "Beyond the seeds:
 * lockout relief"), applied in memory the way the store applies them: reserve the attempt
 * (counted before the PIN is known), then a wrong PIN that reaches the threshold locks and a
 * right one resets. The store's SQL is checked against the same function in test/store.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  failureLocks,
  LOCKOUT_SECONDS,
  LOCKOUT_THRESHOLD,
  lockUntil,
  NO_ATTEMPTS,
  remainingAttempts,
  reserveAttempt,
  SUSPEND_AFTER_FAILURES,
  type ThrottleState,
} from "../../src/domain/lockout.ts";

type Outcome = "locked" | "suspended" | "ok" | "wrong";

const iso = (d: Date): string => d.toISOString();
const T0 = new Date("2026-03-02T09:00:00Z");
const plus = (d: Date, seconds: number): Date => new Date(d.getTime() + seconds * 1000);

/** One attempt on a counter held in `box.state`, as the store runs it. */
function attempt(
  box: { state: ThrottleState },
  now: Date,
  correct: boolean,
  shared = true,
): Outcome {
  const { verdict, next } = reserveAttempt(box.state, now, shared);
  box.state = next;
  if (verdict.kind === "suspended") return "suspended";
  if (verdict.kind !== "attempt") return "locked";
  if (correct) {
    box.state = NO_ATTEMPTS;
    return "ok";
  }
  if (failureLocks(verdict.failuresBefore))
    box.state = { ...box.state, lockedUntil: lockUntil(now) };
  return "wrong";
}

/** SPEC.md's lock, written down as directly as possible. */
class ReferenceLockout {
  consecutiveWrong = 0;
  lockEndMs: number | null = null;
  attempt(nowMs: number, correct: boolean): Outcome {
    if (this.lockEndMs !== null && nowMs < this.lockEndMs) {
      this.lockEndMs = nowMs + 5 * 60 * 1000;
      return "locked";
    }
    if (this.lockEndMs !== null) {
      this.lockEndMs = null;
      this.consecutiveWrong = 0;
    }
    if (correct) {
      this.consecutiveWrong = 0;
      return "ok";
    }
    this.consecutiveWrong++;
    if (this.consecutiveWrong === 10) this.lockEndMs = nowMs + 5 * 60 * 1000;
    return "wrong";
  }
}

describe("lockout", () => {
  it("is 10 attempts and 5 minutes; 100 consecutive failures suspend unknown browsers", () => {
    assert.equal(LOCKOUT_THRESHOLD, 10);
    assert.equal(LOCKOUT_SECONDS, 300);
    assert.equal(SUSPEND_AFTER_FAILURES, 100);
  });

  it("allows 10 wrong PINs, then locks: the 11th attempt is refused even with the right PIN", () => {
    const box = { state: NO_ATTEMPTS };
    for (let i = 0; i < 10; i++)
      assert.equal(attempt(box, plus(T0, i), false), "wrong", `attempt ${i + 1}`);
    assert.equal(iso(box.state.lockedUntil ?? new Date(0)), iso(plus(T0, 9 + 300)));
    assert.equal(attempt(box, plus(T0, 10), true), "locked");
  });

  it("restarts the 5-minute lock on an attempt during the lock", () => {
    const box = { state: { failures: 10, lockedUntil: plus(T0, 300), streak: 10 } };
    const during = plus(T0, 299);
    assert.deepEqual(reserveAttempt(box.state, during, true).verdict, {
      kind: "locked",
      lockedUntil: plus(during, 300),
    });
    assert.equal(attempt(box, during, true), "locked");
    assert.equal(attempt(box, plus(T0, 301), true), "locked", "the restarted lock holds");
    assert.equal(attempt(box, plus(T0, 301 + 300), true), "ok");
  });

  it("ends the lock exactly 5 minutes after the last attempt and starts counting from zero", () => {
    const box = { state: { failures: 10, lockedUntil: plus(T0, 300), streak: 10 } };
    assert.deepEqual(reserveAttempt(box.state, plus(T0, 300), true).verdict, {
      kind: "attempt",
      failuresBefore: 0,
    });
    for (let i = 0; i < 9; i++) assert.equal(attempt(box, plus(T0, 300 + i), false), "wrong");
    assert.equal(box.state.lockedUntil, null);
    assert.equal(attempt(box, plus(T0, 400), false), "wrong");
    assert.notEqual(box.state.lockedUntil, null, "the 10th wrong PIN after the lock locks again");
  });

  it("resets the count on a success: 9 wrong, 1 right, 9 wrong never lock", () => {
    const box = { state: NO_ATTEMPTS };
    for (let i = 0; i < 9; i++) attempt(box, T0, false);
    assert.equal(attempt(box, T0, true), "ok");
    for (let i = 0; i < 9; i++) assert.equal(attempt(box, T0, false), "wrong");
    assert.equal(box.state.lockedUntil, null);
  });

  it("starts the lock once 10 attempts are reserved, even before any is known to be wrong", () => {
    const pending = { failures: 10, lockedUntil: null, streak: 10 };
    assert.deepEqual(reserveAttempt(pending, T0, true).verdict, {
      kind: "lock_started",
      lockedUntil: plus(T0, 300),
    });
    assert.deepEqual(reserveAttempt({ ...pending, failures: 9 }, T0, true).verdict, {
      kind: "attempt",
      failuresBefore: 9,
    });
  });

  it("tells the attempts left after each wrong PIN", () => {
    assert.deepEqual(
      Array.from({ length: 10 }, (_, i) => remainingAttempts(i)),
      [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    );
  });

  it("matches SPEC.md's lock over any sequence of wrong, right and waiting (property)", () => {
    type Event = { kind: "wrong" } | { kind: "right" } | { kind: "advance"; seconds: number };
    const event: fc.Arbitrary<Event> = fc.oneof(
      { weight: 6, arbitrary: fc.constant<Event>({ kind: "wrong" }) },
      { weight: 1, arbitrary: fc.constant<Event>({ kind: "right" }) },
      {
        weight: 2,
        arbitrary: fc
          .oneof(fc.integer({ min: 0, max: 400 }), fc.constantFrom(299, 300, 301))
          .map((seconds): Event => ({ kind: "advance", seconds })),
      },
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 80 }), (events) => {
        const box = { state: NO_ATTEMPTS };
        const ref = new ReferenceLockout();
        let now = T0;
        for (const e of events) {
          if (e.kind === "advance") {
            now = plus(now, e.seconds);
            continue;
          }
          const correct = e.kind === "right";
          assert.equal(attempt(box, now, correct), ref.attempt(now.getTime(), correct), iso(now));
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("lockout relief", () => {
  it("suspends the shared counter after 100 consecutive failures across locks, until a success", () => {
    const box = { state: NO_ATTEMPTS };
    let now = T0;
    let failures = 0;
    while (failures < 100) {
      const o = attempt(box, now, false);
      if (o === "wrong") failures++;
      else now = plus(now, 301); // wait the lock out
    }
    now = plus(now, 301);
    assert.equal(box.state.streak, 100);
    assert.equal(
      attempt(box, now, true),
      "suspended",
      "even the right PIN, from an unknown browser",
    );
    assert.equal(box.state.streak, 100, "a refusal is not counted");
    // A success elsewhere (a known device) resets the subject's counters.
    box.state = NO_ATTEMPTS;
    assert.equal(attempt(box, now, true), "ok");
  });

  it("never suspends a known device's own counter", () => {
    const state = { failures: 0, lockedUntil: null, streak: 500 };
    assert.equal(reserveAttempt(state, T0, false).verdict.kind, "attempt");
  });
});

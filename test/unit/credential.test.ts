import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  addMonths,
  decideAttempt,
  isPinExpired,
  LOCKOUT_SECONDS,
  LOCKOUT_THRESHOLD,
  lockUntil,
  PIN_VALIDITY_MONTHS,
  pinExpiresAt,
  type ThrottleState,
} from "../../src/domain/credential.ts";

const iso = (d: Date): string => d.toISOString();
const at = (s: string): Date => new Date(s);

describe("addMonths", () => {
  it("keeps the day and time of day when the target month has it", () => {
    assert.equal(iso(addMonths(at("2025-11-15T10:20:30.456Z"), 6)), "2026-05-15T10:20:30.456Z");
    assert.equal(iso(addMonths(at("2026-01-31T23:59:59.999Z"), 6)), "2026-07-31T23:59:59.999Z");
  });

  it("clamps 31 August + 6 months to 28 February in a common year", () => {
    assert.equal(iso(addMonths(at("2022-08-31T08:00:00Z"), 6)), "2023-02-28T08:00:00.000Z");
  });

  it("clamps 31 August + 6 months to 29 February in a leap year", () => {
    assert.equal(iso(addMonths(at("2023-08-31T08:00:00Z"), 6)), "2024-02-29T08:00:00.000Z");
    assert.equal(iso(addMonths(at("2023-08-29T08:00:00Z"), 6)), "2024-02-29T08:00:00.000Z");
    assert.equal(iso(addMonths(at("2023-08-30T08:00:00Z"), 6)), "2024-02-29T08:00:00.000Z");
  });

  it("follows the Gregorian century rule (1900 common, 2000 leap)", () => {
    assert.equal(iso(addMonths(at("1899-08-31T00:00:00Z"), 6)), "1900-02-28T00:00:00.000Z");
    assert.equal(iso(addMonths(at("1999-08-31T00:00:00Z"), 6)), "2000-02-29T00:00:00.000Z");
  });

  it("clamps to 30-day months and crosses years both ways", () => {
    assert.equal(iso(addMonths(at("2025-10-31T12:00:00Z"), 6)), "2026-04-30T12:00:00.000Z");
    assert.equal(iso(addMonths(at("2024-03-31T12:00:00Z"), -1)), "2024-02-29T12:00:00.000Z");
    assert.equal(iso(addMonths(at("2024-01-15T12:00:00Z"), -13)), "2022-12-15T12:00:00.000Z");
    assert.equal(iso(addMonths(at("2024-02-29T12:00:00Z"), 12)), "2025-02-28T12:00:00.000Z");
  });

  it("always lands in the right month on the same or an earlier day, time unchanged (property)", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: at("1900-01-01T00:00:00Z"),
          max: at("2200-12-31T23:59:59Z"),
          noInvalidDate: true,
        }),
        fc.integer({ min: -48, max: 48 }),
        (d, months) => {
          const r = addMonths(d, months);
          const monthIndex = (x: Date) => x.getUTCFullYear() * 12 + x.getUTCMonth();
          assert.equal(monthIndex(r), monthIndex(d) + months);
          assert.ok(r.getUTCDate() <= d.getUTCDate());
          const lastDay = new Date(
            Date.UTC(r.getUTCFullYear(), r.getUTCMonth() + 1, 0),
          ).getUTCDate();
          assert.equal(r.getUTCDate(), Math.min(d.getUTCDate(), lastDay));
          assert.equal(r.toISOString().slice(10), d.toISOString().slice(10));
        },
      ),
    );
  });

  it("does not change its argument", () => {
    const d = at("2023-08-31T08:00:00Z");
    addMonths(d, 6);
    assert.equal(iso(d), "2023-08-31T08:00:00.000Z");
  });
});

describe("PIN expiry", () => {
  const setAt = at("2026-01-15T10:00:00Z");

  it("runs 6 months", () => {
    assert.equal(PIN_VALIDITY_MONTHS, 6);
    assert.equal(iso(pinExpiresAt(setAt)), "2026-07-15T10:00:00.000Z");
  });

  it("expires an operating PIN exactly 6 months after it was set, not a millisecond earlier", () => {
    assert.equal(isPinExpired("operating", setAt, at("2026-07-15T09:59:59.999Z")), false);
    assert.equal(isPinExpired("operating", setAt, at("2026-07-15T10:00:00.000Z")), true);
    assert.equal(isPinExpired("operating", setAt, at("2027-01-01T00:00:00Z")), true);
    assert.equal(isPinExpired("operating", setAt, setAt), false);
  });

  it("expires a PIN set on 31 August at the end of February", () => {
    const aug31 = at("2023-08-31T09:00:00Z");
    assert.equal(isPinExpired("operating", aug31, at("2024-02-29T08:59:59Z")), false);
    assert.equal(isPinExpired("operating", aug31, at("2024-02-29T09:00:00Z")), true);
  });

  it("never expires an initial PIN that has not been used yet", () => {
    assert.equal(isPinExpired("initial", setAt, at("2026-07-15T10:00:00Z")), false);
    assert.equal(isPinExpired("initial", setAt, at("2036-01-15T10:00:00Z")), false);
  });
});

/**
 * How the store applies decideAttempt (src/store/repos/throttle.ts), reduced to memory:
 * reserve (locked → lock restarted; attempt → counted), then a wrong PIN that reaches the
 * threshold locks and a right one resets.
 */
type Outcome = "locked" | "ok" | "wrong";

function domainAttempt(state: ThrottleState, now: Date, correct: boolean): Outcome {
  const d = decideAttempt(state, now);
  if (d.kind === "locked") {
    state.lockedUntil = d.lockedUntil;
    return "locked";
  }
  state.failures = d.failuresBefore + 1;
  state.lockedUntil = null;
  if (correct) {
    state.failures = 0;
    return "ok";
  }
  if (d.failuresBefore + 1 >= LOCKOUT_THRESHOLD) state.lockedUntil = lockUntil(now);
  return "wrong";
}

/** SPEC.md "Lockout", written down as directly as possible. */
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

const T0 = at("2026-03-02T09:00:00Z");
const plus = (d: Date, seconds: number): Date => new Date(d.getTime() + seconds * 1000);

describe("lockout", () => {
  it("is 10 attempts and 5 minutes", () => {
    assert.equal(LOCKOUT_THRESHOLD, 10);
    assert.equal(LOCKOUT_SECONDS, 300);
  });

  it("allows 10 wrong PINs, then locks: the 11th attempt is refused even with the right PIN", () => {
    const s: ThrottleState = { failures: 0, lockedUntil: null };
    for (let i = 0; i < 10; i++)
      assert.equal(domainAttempt(s, plus(T0, i), false), "wrong", `attempt ${i + 1}`);
    assert.equal(iso(s.lockedUntil ?? new Date(0)), iso(plus(T0, 9 + 300)));
    assert.equal(domainAttempt(s, plus(T0, 10), true), "locked");
  });

  it("restarts the 5-minute lock on an attempt during the lock", () => {
    const s: ThrottleState = { failures: 10, lockedUntil: plus(T0, 300) };
    const during = plus(T0, 299);
    const d = decideAttempt(s, during);
    assert.deepEqual(d, { kind: "locked", lockedUntil: plus(during, 300) });
    assert.equal(domainAttempt(s, during, true), "locked");
    // The original end has passed but the restarted lock still holds.
    assert.equal(domainAttempt(s, plus(T0, 301), true), "locked");
    assert.equal(domainAttempt(s, plus(T0, 301 + 300), true), "ok");
  });

  it("ends the lock exactly 5 minutes after the last attempt and starts counting from zero", () => {
    const s: ThrottleState = { failures: 10, lockedUntil: plus(T0, 300) };
    assert.deepEqual(decideAttempt(s, plus(T0, 300)), { kind: "attempt", failuresBefore: 0 });
    for (let i = 0; i < 9; i++) assert.equal(domainAttempt(s, plus(T0, 300 + i), false), "wrong");
    assert.equal(s.lockedUntil, null);
    assert.equal(domainAttempt(s, plus(T0, 400), false), "wrong");
    assert.notEqual(s.lockedUntil, null, "the 10th wrong PIN after the lock locks again");
  });

  it("resets the count on a success", () => {
    const s: ThrottleState = { failures: 0, lockedUntil: null };
    for (let i = 0; i < 9; i++) domainAttempt(s, T0, false);
    assert.equal(domainAttempt(s, T0, true), "ok");
    assert.equal(s.failures, 0);
    for (let i = 0; i < 9; i++) assert.equal(domainAttempt(s, T0, false), "wrong");
    assert.equal(s.lockedUntil, null);
  });

  it("refuses once 10 attempts are reserved, even before any of them is known to be wrong", () => {
    // Concurrent requests reserve before hashing: the 11th sees 10 reservations and no lock yet.
    assert.deepEqual(decideAttempt({ failures: 10, lockedUntil: null }, T0), {
      kind: "locked",
      lockedUntil: plus(T0, 300),
    });
    assert.deepEqual(decideAttempt({ failures: 9, lockedUntil: null }, T0), {
      kind: "attempt",
      failuresBefore: 9,
    });
  });

  it("matches SPEC.md's rules over any sequence of wrong, right and waiting (property)", () => {
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
        const s: ThrottleState = { failures: 0, lockedUntil: null };
        const ref = new ReferenceLockout();
        let now = T0;
        for (const e of events) {
          if (e.kind === "advance") {
            now = plus(now, e.seconds);
            continue;
          }
          const correct = e.kind === "right";
          assert.equal(
            domainAttempt(s, now, correct),
            ref.attempt(now.getTime(), correct),
            `at ${iso(now)}`,
          );
        }
      }),
      { numRuns: 2000 },
    );
  });
});

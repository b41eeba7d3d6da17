/** The per-channel circuit breaker (pure: every instant is given, so the clock is fake). */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Circuit } from "../../src/notifications/circuit.ts";

const S = 1000;

function failTimes(c: Circuit, n: number, now: number): void {
  for (let i = 0; i < n; i++) c.transientFailure(now);
}

describe("circuit breaker", () => {
  it("stays closed below the threshold and lets the configured number through", () => {
    const c = new Circuit();
    failTimes(c, 4, 0);
    assert.equal(c.state(0), "closed");
    assert.equal(c.capacity(0, 4), 4);
  });

  it("a success in between resets the count of consecutive failures", () => {
    const c = new Circuit();
    failTimes(c, 4, 0);
    c.success();
    failTimes(c, 4, 0);
    assert.equal(c.state(0), "closed");
  });

  it("opens after 5 consecutive transient failures: nothing is leased during the 30 s cool-down", () => {
    const c = new Circuit();
    failTimes(c, 5, 0);
    assert.equal(c.state(0), "open");
    assert.equal(c.capacity(29_999, 4), 0);
    assert.equal(c.openUntil(0), 30 * S);
  });

  it("turns half-open after the cool-down and lets exactly one probe through", () => {
    const c = new Circuit();
    failTimes(c, 5, 0);
    assert.equal(c.state(30 * S), "half_open");
    assert.equal(c.capacity(30 * S, 4), 1);
    c.begin(30 * S);
    assert.equal(c.capacity(30 * S, 4), 0, "one probe at a time");
  });

  it("a successful probe closes it", () => {
    const c = new Circuit();
    failTimes(c, 5, 0);
    c.begin(30 * S);
    c.success();
    assert.equal(c.state(30 * S), "closed");
    assert.equal(c.capacity(30 * S, 4), 4);
  });

  it("a failed probe opens it again for twice as long, doubling up to 10 minutes", () => {
    const c = new Circuit();
    failTimes(c, 5, 0);
    let now = 0;
    const cooldowns: number[] = [];
    for (let i = 0; i < 7; i++) {
      const until = c.openUntil(now);
      assert.ok(until !== null);
      cooldowns.push((until - now) / S);
      now = until;
      c.begin(now);
      c.transientFailure(now);
    }
    assert.deepEqual(cooldowns, [30, 60, 120, 240, 480, 600, 600]);
  });

  it("after a success the next outage starts again at 30 s", () => {
    const c = new Circuit();
    failTimes(c, 5, 0);
    c.begin(30 * S);
    c.transientFailure(30 * S); // 60 s
    c.begin(90 * S);
    c.success();
    failTimes(c, 5, 100 * S);
    assert.equal(c.openUntil(100 * S), 130 * S);
  });

  it("permanent failures do not count towards opening it", () => {
    const c = new Circuit();
    for (let i = 0; i < 20; i++) c.permanentFailure(0);
    assert.equal(c.state(0), "closed");
  });

  it("a probe refused for good (the provider answered) closes it", () => {
    const c = new Circuit();
    failTimes(c, 5, 0);
    c.begin(30 * S);
    c.permanentFailure(30 * S);
    assert.equal(c.state(30 * S), "closed");
  });

  it("a probe that never reached the provider frees the probe slot without a verdict", () => {
    const c = new Circuit();
    failTimes(c, 5, 0);
    c.begin(30 * S);
    c.release();
    assert.equal(c.state(30 * S), "half_open");
    assert.equal(c.capacity(30 * S, 4), 1);
  });

  it("late failures of deliveries started before it opened do not extend the cool-down", () => {
    const c = new Circuit();
    failTimes(c, 5, 0);
    failTimes(c, 3, 10 * S);
    assert.equal(c.openUntil(10 * S), 30 * S);
  });

  it("takes its own threshold and cool-downs", () => {
    const c = new Circuit({ threshold: 2, baseCooldownMs: 5 * S, maxCooldownMs: 8 * S });
    failTimes(c, 2, 0);
    assert.equal(c.openUntil(0), 5 * S);
    c.begin(5 * S);
    c.transientFailure(5 * S);
    assert.equal(c.openUntil(5 * S), 13 * S);
  });
});

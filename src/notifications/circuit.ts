/**
 * A circuit breaker per delivery channel (pure: every instant is passed in, so tests use a
 * fake clock). While a provider is down its messages are not leased at all: they wait in the
 * outbox burning no attempts, so an outage of hours abandons nothing.
 *
 * closed     deliveries flow; `threshold` consecutive transient failures open the circuit.
 * open       nothing is leased until the cool-down ends (30 s, doubling on each failed probe up
 *            to 10 min; a success brings it back to 30 s).
 * half_open  one message goes through as a probe: a success closes the circuit, a transient
 *            failure opens it again for the doubled cool-down.
 *
 * Permanent failures (a refused number, a rejected address) mean the provider answered: they do
 * not count towards opening, and a probe refused that way closes the circuit. A message that
 * fails before reaching the provider (it cannot be rendered) says nothing about the provider:
 * `release` frees the probe slot without a verdict.
 */
export type CircuitState = "closed" | "open" | "half_open";

export interface CircuitOptions {
  /** Consecutive transient failures that open the circuit (default 5). */
  threshold: number;
  /** First cool-down (default 30 s). */
  baseCooldownMs: number;
  /** Longest cool-down (default 10 min). */
  maxCooldownMs: number;
}

export const CIRCUIT_DEFAULTS: CircuitOptions = {
  threshold: 5,
  baseCooldownMs: 30_000,
  maxCooldownMs: 600_000,
};

export class Circuit {
  readonly #opts: CircuitOptions;
  #state: CircuitState = "closed";
  #failures = 0;
  #cooldownMs: number;
  #openUntil = 0;
  #probing = false;

  constructor(opts: Partial<CircuitOptions> = {}) {
    this.#opts = { ...CIRCUIT_DEFAULTS, ...opts };
    this.#cooldownMs = this.#opts.baseCooldownMs;
  }

  /** The state at `now` (an open circuit whose cool-down ended is half-open). */
  state(now: number): CircuitState {
    if (this.#state === "open" && now >= this.#openUntil) this.#state = "half_open";
    return this.#state;
  }

  /** When an open circuit lets a probe through (ms since the epoch); null when not open. */
  openUntil(now: number): number | null {
    return this.state(now) === "open" ? this.#openUntil : null;
  }

  /** How many more messages may start now, given `max` for a closed circuit. */
  capacity(now: number, max: number): number {
    switch (this.state(now)) {
      case "closed":
        return max;
      case "open":
        return 0;
      case "half_open":
        return this.#probing ? 0 : 1;
    }
  }

  /** A message starts (in half-open: the probe). */
  begin(now: number): void {
    if (this.state(now) === "half_open") this.#probing = true;
  }

  /** The provider accepted a message. */
  success(): void {
    this.#state = "closed";
    this.#failures = 0;
    this.#cooldownMs = this.#opts.baseCooldownMs;
    this.#probing = false;
  }

  /** The provider refused a message for good: it is up, so this is no outage. */
  permanentFailure(now: number): void {
    if (this.state(now) === "half_open") this.success();
  }

  /** A timeout, a refused connection, a 5xx: counts towards opening. */
  transientFailure(now: number): void {
    const state = this.state(now);
    if (state === "half_open") {
      this.#cooldownMs = Math.min(this.#opts.maxCooldownMs, this.#cooldownMs * 2);
      this.#open(now);
      return;
    }
    if (state === "open") return; // a delivery started before it opened: already counted
    this.#failures++;
    if (this.#failures >= this.#opts.threshold) this.#open(now);
  }

  /** The message failed before reaching the provider: no verdict, the probe slot is free again. */
  release(): void {
    this.#probing = false;
  }

  #open(now: number): void {
    this.#state = "open";
    this.#openUntil = now + this.#cooldownMs;
    this.#failures = 0;
    this.#probing = false;
  }
}

/** The gauge's value of a state (inps_outbox_circuit_state). */
export const CIRCUIT_GAUGE: Record<CircuitState, number> = { closed: 0, half_open: 1, open: 2 };

/**
 * The worker's lanes: one per channel delivered message by message, each with at most
 * `concurrency` messages in flight and its own circuit breaker (circuit.ts), so a slow or
 * failing provider never holds back the others. A lane whose circuit is open leases nothing:
 * its messages wait in the outbox burning no attempts.
 */
import { circuitState as circuitGauge } from "../observability/metrics.ts";
import { Circuit, CIRCUIT_GAUGE, type CircuitOptions, type CircuitState } from "./circuit.ts";
import type { Channel } from "./channel-kind.ts";

export class Lanes {
  readonly #concurrency: number;
  readonly #circuits = new Map<Channel, Circuit>();
  readonly #inFlight = new Map<Channel, number>();
  readonly channels: readonly Channel[];

  constructor(
    channels: readonly Channel[],
    concurrency: number,
    circuit: Partial<CircuitOptions> = {},
  ) {
    this.channels = channels;
    this.#concurrency = Math.max(1, concurrency);
    for (const c of channels) {
      this.#circuits.set(c, new Circuit(circuit));
      this.#inFlight.set(c, 0);
    }
  }

  #circuit(c: Channel): Circuit {
    const circuit = this.#circuits.get(c);
    if (circuit === undefined) throw new Error(`no lane for channel ${c}`);
    return circuit;
  }

  /** How many more messages each lane may lease now (its circuit and its free places). */
  free(now: Date): Map<Channel, number> {
    const free = new Map<Channel, number>();
    for (const c of this.channels) {
      const n = Math.min(
        this.#circuit(c).capacity(now.getTime(), this.#concurrency),
        this.#concurrency - (this.#inFlight.get(c) ?? 0),
      );
      if (n > 0) free.set(c, n);
    }
    return free;
  }

  /** A leased message starts (in a half-open lane: the probe). */
  begin(c: Channel, now: Date): void {
    this.#inFlight.set(c, (this.#inFlight.get(c) ?? 0) + 1);
    this.#circuit(c).begin(now.getTime());
    this.#publish(c, now);
  }

  /** It ended: `outcome` is what the provider said (none: it never reached the provider). */
  end(c: Channel, now: Date, outcome: "sent" | "permanent" | "transient" | "none"): void {
    this.#inFlight.set(c, Math.max(0, (this.#inFlight.get(c) ?? 0) - 1));
    const circuit = this.#circuit(c);
    if (outcome === "sent") circuit.success();
    else if (outcome === "permanent") circuit.permanentFailure(now.getTime());
    else if (outcome === "transient") circuit.transientFailure(now.getTime());
    else circuit.release();
    this.#publish(c, now);
  }

  state(c: Channel, now: Date): CircuitState {
    return this.#circuit(c).state(now.getTime());
  }

  inFlight(c: Channel): number {
    return this.#inFlight.get(c) ?? 0;
  }

  /** Sets the circuit gauge of every lane (an open circuit turns half-open with time alone). */
  publishAll(now: Date): void {
    for (const c of this.channels) this.#publish(c, now);
  }

  #publish(c: Channel, now: Date): void {
    circuitGauge.set({ channel: c }, CIRCUIT_GAUGE[this.state(c, now)]);
  }
}

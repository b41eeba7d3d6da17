/**
 * A micro-cache of session reads, per process: a session read from the database is reused
 * for at most `ttlMs` (1 s by default), so a burst of requests from one page costs one query.
 * Logout, rotation and expiry evict at once in this process; a session ended through another
 * instance (or directly in the database) stops working here within `ttlMs`. Timeouts are
 * still checked on every request against the cached instants. ttlMs = 0 disables it.
 */
import type { SessionRecord } from "../flows/ports.ts";

export class SessionCache {
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #monotonicMs: () => number;
  readonly #entries = new Map<string, { record: SessionRecord; until: number }>();

  constructor(
    ttlMs: number,
    maxEntries = 20_000,
    monotonicMs: () => number = () => performance.now(),
  ) {
    this.#ttlMs = ttlMs;
    this.#maxEntries = maxEntries;
    this.#monotonicMs = monotonicMs;
  }

  get enabled(): boolean {
    return this.#ttlMs > 0;
  }

  get(idHash: string): SessionRecord | undefined {
    const e = this.#entries.get(idHash);
    if (e === undefined) return undefined;
    if (e.until <= this.#monotonicMs()) {
      this.#entries.delete(idHash);
      return undefined;
    }
    return e.record;
  }

  set(idHash: string, record: SessionRecord): void {
    if (!this.enabled) return;
    if (this.#entries.size >= this.#maxEntries) {
      // Oldest first: Map keeps insertion order.
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
    this.#entries.set(idHash, { record, until: this.#monotonicMs() + this.#ttlMs });
  }

  delete(idHash: string): void {
    this.#entries.delete(idHash);
  }

  get size(): number {
    return this.#entries.size;
  }
}

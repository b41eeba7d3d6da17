/** Narrow dependency types shared by the flows; the composition root (main.ts) builds them. */
import type { Clock } from "../domain/clock.ts";
import type { RandomBytes } from "../domain/pin.ts";
import type { PinHasher } from "../security/hasher.ts";
import type { Db } from "../store/db.ts";

export interface BaseDeps {
  db: Db;
  clock: Clock;
}

export interface PinIssuingDeps extends BaseDeps {
  hasher: Pick<PinHasher, "hash">;
  randomBytes: RandomBytes;
  newId: () => string;
  /** Seals PIN halves in the outbox. */
  outboxKey: Buffer;
  /** Called after a transaction that queued messages committed (wakes the worker). */
  messagesQueued: () => void;
}

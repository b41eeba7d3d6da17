/**
 * What the HTTP layer needs from the composition root. Route plugins take this, not a
 * service locator: each picks the narrow deps its flows declare.
 */
import type { KeyObject } from "node:crypto";
import type { Config } from "../config.ts";
import type { OffsetClock, Clock } from "../domain/clock.ts";
import type { RandomBytes } from "../domain/pin.ts";
import type { PinHasher } from "../security/hasher.ts";
import type { Db } from "../store/db.ts";
import type { SessionPolicy } from "../auth/sessions.ts";

export interface AppContext {
  config: Config;
  db: Db;
  clock: Clock;
  /** Present in development: /dev/clock moves it. */
  devClock?: OffsetClock | undefined;
  hasher: PinHasher;
  randomBytes: RandomBytes;
  newId: () => string;
  outboxKey: Buffer;
  /** Keys derived from the pepper. */
  throttleKey: KeyObject;
  sessions: SessionPolicy;
  /** Wakes the outbox worker after a flow queued messages. */
  messagesQueued: () => void;
}

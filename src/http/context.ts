/**
 * What the edge (API, pages, development aids) needs from the composition root. It satisfies
 * every flow's narrow deps type structurally: handlers hand it to the flow they call.
 */
import type { Config } from "../config.ts";
import type { Clock, OffsetClock } from "../domain/clock.ts";
import type { RandomBytes } from "../domain/pin.ts";
import type { Limit, LimiterName } from "../domain/rate-limits.ts";
import type { FlowKeys, SessionPolicy } from "../flows/deps.ts";
import type { UnitOfWork } from "../flows/ports.ts";
import type { DocumentKeyring } from "../security/envelope.ts";
import type { PinHasher } from "../security/hasher.ts";
import type { Db } from "../store/db.ts";

export interface AppContext {
  config: Config;
  /** Readiness checks only: everything else goes through the unit of work. */
  db: Db;
  uow: UnitOfWork;
  clock: Clock;
  /** Present in development: /dev/clock moves it. */
  devClock?: OffsetClock | undefined;
  hasher: PinHasher;
  randomBytes: RandomBytes;
  newId: () => string;
  keys: FlowKeys;
  /** Wraps the keys of uploaded documents (envelope encryption). */
  documentKey: DocumentKeyring;
  limits: Readonly<Record<LimiterName, Limit>>;
  sessions: SessionPolicy;
  /** Signs the edge's cookies (claim outcome) and keys the forms' CSRF tokens. */
  cookieSecret: Buffer;
  /** Wakes the outbox worker (the development clock moved: retries may be due). */
  messagesQueued: () => void;
  /**
   * Readiness of each configured delivery channel (DeliveryChannel.check): /readyz reports
   * them; absent or empty: only the database is checked.
   */
  channelChecks?: Partial<Record<ReadinessChannel, () => Promise<void>>> | undefined;
}

/** The channels /readyz reports (letters: the print vendor's drop). */
export type ReadinessChannel = "email" | "pec" | "sms" | "letters";

/**
 * Narrow dependency types shared by the flows; the composition root (src/main.ts) builds them.
 * Repositories come through the unit of work, never by import.
 */
import type { KeyObject } from "node:crypto";
import type { Clock } from "../domain/clock.ts";
import type { RandomBytes } from "../domain/pin.ts";
import type { Limit, LimiterName } from "../domain/rate-limits.ts";
import type { PinHasher } from "../security/hasher.ts";
import type { SessionCache } from "../auth/session-cache.ts";
import type { UnitOfWork } from "./ports.ts";

export interface BaseDeps {
  uow: UnitOfWork;
  clock: Clock;
}

export interface SessionPolicy {
  idleSeconds: number;
  absoluteSeconds: number;
  /** Per-process micro-cache of session reads (see session-cache.ts); absent: none. */
  cache?: SessionCache | undefined;
}

/** Keys derived from the pepper, one per purpose. */
export interface FlowKeys {
  /** Fiscal code → subject key (lockout counters, devices, audit subjects). */
  subject: KeyObject;
  /** Signs device cookies. */
  device: KeyObject;
  /** Rate-limit keys (addresses, contacts). */
  limits: KeyObject;
  /** Confirmation links: only their keyed hash is stored. */
  links: KeyObject;
  /** Staff enrolment links and recovery codes: only their keyed hash is stored. */
  staffCodes: KeyObject;
  /** Seals staff TOTP secrets at rest (AES-256-GCM, bound to the account). */
  staffTotp: Buffer;
  /** Seals a PIN issued at the desk until its one printout (issue 7, desk). */
  deskPin: Buffer;
}

export interface LimitsDeps extends BaseDeps {
  keys: FlowKeys;
  limits: Readonly<Record<LimiterName, Limit>>;
}

export interface PinIssuingDeps extends BaseDeps {
  hasher: Pick<PinHasher, "hash">;
  randomBytes: RandomBytes;
  newId: () => string;
}

export interface PinCheckDeps extends LimitsDeps {
  hasher: Pick<PinHasher, "verify" | "verifyDummy">;
  newId: () => string;
}

/**
 * Everything a flow needs, in memory: the memory unit of work, a clock the test sets, a
 * hasher that is a plain comparison (argon2id is the store's and the hasher's own business,
 * tested elsewhere), real random bytes, the keys derived as the service derives them, and the
 * default rate limits.
 */
import { randomFillSync, randomUUID } from "node:crypto";
import { FixedClock } from "../../src/domain/clock.ts";
import { DEFAULT_LIMITS, type Limit, type LimiterName } from "../../src/domain/rate-limits.ts";
import type { FlowKeys, SessionPolicy } from "../../src/flows/deps.ts";
import { deriveKeys } from "../../src/main.ts";
import type { PinHasher } from "../../src/security/hasher.ts";
import { emptyState, memoryUnitOfWork, type MemoryState } from "./memory.ts";

export const plainHasher: PinHasher = {
  hash: async (pin) => `plain:${pin}`,
  verify: async (h, pin) => h === `plain:${pin}`,
  verifyDummy: async () => false,
};

export interface FlowWorld {
  uow: ReturnType<typeof memoryUnitOfWork>;
  state: MemoryState;
  clock: FixedClock;
  hasher: PinHasher;
  randomBytes: (n: number) => Uint8Array;
  newId: () => string;
  keys: FlowKeys;
  limits: Record<LimiterName, Limit>;
  sessions: SessionPolicy;
}

export function flowWorld(
  opts: { start?: string; limits?: Partial<Record<LimiterName, Limit>> } = {},
): FlowWorld {
  const state = emptyState();
  return {
    uow: memoryUnitOfWork(state),
    state,
    clock: new FixedClock(opts.start ?? "2026-03-02T09:00:00Z"),
    hasher: plainHasher,
    randomBytes: (n) => randomFillSync(new Uint8Array(n)),
    newId: randomUUID,
    keys: deriveKeys(Buffer.alloc(32, 3)).flow,
    limits: { ...DEFAULT_LIMITS, ...opts.limits },
    sessions: { idleSeconds: 900, absoluteSeconds: 8 * 3600 },
  };
}

export const citizenAt = (ip = "203.0.113.7") => ({
  actor: { kind: "anonymous" as const },
  origin: { ip, userAgent: "test", requestId: null },
});

/**
 * Composition root: the one place that turns configuration into adapters (database, unit of
 * work, clock, hasher, channels, worker) and hands each flow its narrow dependencies via
 * AppContext.
 */
import { randomFillSync, randomUUID } from "node:crypto";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp, type BuildOptions } from "./app.ts";
import { SessionCache } from "./auth/session-cache.ts";
import type { Config } from "./config.ts";
import { assertProductionChannels } from "./config-delivery.ts";
import { OffsetClock, systemClock, type Clock } from "./domain/clock.ts";
import type { UnitOfWork } from "./flows/ports.ts";
import type { AppContext } from "./http/context.ts";
import type { ChannelSet } from "./notifications/channel.ts";
import { createDelivery, type Delivery } from "./notifications/delivery.ts";
import { configuredLetterService, type LetterService } from "./notifications/letters/index.ts";
import { createOutboxWorker, type OutboxWorker } from "./notifications/worker.ts";
import { createArgon2Hasher, type PinHasher } from "./security/hasher.ts";
import type { AuditKeys } from "./store/audit.ts";
import { openDb, type Db } from "./store/db.ts";
import { migrate } from "./store/migrate.ts";
import { createUnitOfWork } from "./store/uow.ts";
import { createLogger } from "./observability/logger.ts";
import { auditCommitted } from "./observability/request-trace.ts";
import { documentKeyring } from "./security/envelope.ts";
import { deriveKeys } from "./security/keys.ts";

export { deriveKeys };

export interface Runtime {
  config: Config;
  db: Db;
  uow: UnitOfWork;
  ctx: AppContext;
  worker: OutboxWorker;
  /** The print vendor's daily batch, when a letter drop is configured. */
  letters: LetterService | undefined;
  /** Starts the outbox worker and, with a letter drop, the daily batch's scheduler. */
  startDelivery(pollMs: number): void;
  auditKeys: AuditKeys;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Use this database instead of opening one from the config (tests). */
  db?: Db;
  clock?: Clock;
  hasher?: PinHasher;
  channels?: ChannelSet;
  /** Apply migrations at start (default: in development and test). */
  migrate?: boolean;
}

export function randomBytes(n: number): Uint8Array {
  return randomFillSync(new Uint8Array(n));
}

export function openConfiguredDb(config: Config, poolSize = config.databasePoolSize): Promise<Db> {
  return openDb({
    databaseUrl: config.databaseUrl,
    dataDir: join(config.dataDir, "pglite"),
    poolSize,
  });
}

export async function createRuntime(config: Config, opts: RuntimeOptions = {}): Promise<Runtime> {
  assertProductionChannels(config.env, config.delivery);
  const db = opts.db ?? (await openConfiguredDb(config));
  if (opts.migrate ?? config.env !== "production") await migrate(db);
  const devClock =
    config.env === "development" ? new OffsetClock(opts.clock ?? systemClock) : undefined;
  const clock = devClock ?? opts.clock ?? systemClock;
  const hasher =
    opts.hasher ??
    (await createArgon2Hasher({
      pepper: config.pinPepper,
      concurrency: config.hashConcurrency,
      queueLimit: config.hashQueueLimit,
    }));
  const keys = deriveKeys(config.pinPepper);
  // Real channels where configured (always in production); the file outbox for the rest in
  // development and tests. Tests may pass their own channels.
  const delivery: Delivery =
    opts.channels === undefined
      ? createDelivery(config)
      : { channels: opts.channels, batchedChannels: [], checks: {}, close: async () => undefined };
  const channels = delivery.channels;
  // Worker lines carry ids, kinds, channels and attempt counts only: never recipients or secrets.
  const log = createLogger(config.logLevel, "worker");
  let poke = (): void => undefined;
  const uow = createUnitOfWork({
    db,
    clock,
    outboxKey: config.outboxKey,
    auditKeys: keys.audit,
    messagesQueued: () => {
      poke();
    },
    auditCommitted,
  });
  const worker = createOutboxWorker({
    db,
    uow,
    clock,
    channels,
    batchedChannels: delivery.batchedChannels,
    outboxKey: config.outboxKey,
    leaseSeconds: config.delivery.leaseSeconds,
    channelConcurrency: config.delivery.channelConcurrency,
    log,
    housekeeping: {
      everyMs: config.housekeepingMinutes * 60_000,
      idleSeconds: config.sessionIdleSeconds,
      outboxRetentionDays: config.outboxRetentionDays,
      documentRetentionDays: config.documentRetentionDays,
      limits: config.limits,
    },
  });
  poke = () => {
    worker.poke();
  };
  // Tests that pass their own channels deliver letters one by one through them.
  const letters =
    opts.channels === undefined ? configuredLetterService(config, { db, clock, log }) : undefined;
  if (letters !== undefined) delivery.checks.letters = () => letters.drop.check();
  const ctx: AppContext = {
    config,
    db,
    uow,
    clock,
    devClock,
    hasher,
    randomBytes,
    newId: randomUUID,
    keys: keys.flow,
    documentKey: documentKeyring(config.documentKey, config.documentPreviousKeys),
    limits: config.limits,
    sessions: {
      idleSeconds: config.sessionIdleSeconds,
      absoluteSeconds: config.sessionAbsoluteSeconds,
      cache: new SessionCache(config.sessionCacheMs),
    },
    cookieSecret: keys.cookie,
    messagesQueued: () => {
      poke();
    },
    // /readyz: the configured channels whose adapter can check its provider, the letter drop.
    channelChecks: delivery.checks,
  };
  return {
    config,
    db,
    uow,
    ctx,
    worker,
    letters,
    startDelivery(pollMs: number) {
      worker.start(pollMs);
      // The daily batch and the vendor's acknowledgements: looked at once a minute.
      letters?.scheduler.start(60_000);
    },
    auditKeys: keys.audit,
    async close() {
      await worker.stop();
      await letters?.close();
      await delivery.close();
      if (opts.db === undefined) await db.close();
    },
  };
}

export async function createApp(rt: Runtime, opts: BuildOptions = {}): Promise<FastifyInstance> {
  return buildApp(rt.ctx, opts);
}

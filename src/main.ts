/**
 * Composition root: the one place that turns configuration into adapters (database, clock,
 * hasher, channels, worker) and hands each flow its narrow dependencies via AppContext.
 */
import { createSecretKey, randomFillSync, randomUUID } from "node:crypto";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { SessionCache } from "./auth/session-cache.ts";
import type { Config } from "./config.ts";
import { OffsetClock, systemClock, type Clock } from "./domain/clock.ts";
import { buildApp, type BuildOptions } from "./http/app.ts";
import type { AppContext } from "./http/context.ts";
import type { ChannelSet } from "./notifications/channel.ts";
import { devChannels } from "./notifications/dev-outbox.ts";
import { createOutboxWorker, type OutboxWorker } from "./notifications/worker.ts";
import { deriveKey } from "./security/crypto.ts";
import { createArgon2Hasher, type PinHasher } from "./security/hasher.ts";
import { openDb, type Db } from "./store/db.ts";
import { migrate } from "./store/migrate.ts";

export interface Runtime {
  config: Config;
  db: Db;
  ctx: AppContext;
  worker: OutboxWorker;
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

export async function createRuntime(config: Config, opts: RuntimeOptions = {}): Promise<Runtime> {
  const db =
    opts.db ??
    (await openDb({
      databaseUrl: config.databaseUrl,
      dataDir: join(config.dataDir, "pglite"),
      poolSize: config.databasePoolSize,
    }));
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
  // Until the production channel adapters land (SMTP, PEC, SMS gateway, print vendor), every
  // environment delivers into OUTBOX_DIR.
  const channels = opts.channels ?? devChannels(config.outboxDir);
  // Worker events carry ids, kinds and attempt counts only: never recipients or secrets.
  const log =
    config.logLevel === "silent"
      ? undefined
      : (event: string, fields: Record<string, string | number>) => {
          console.log(JSON.stringify({ time: new Date().toISOString(), msg: event, ...fields }));
        };
  const worker = createOutboxWorker({ db, clock, channels, outboxKey: config.outboxKey, log });
  const ctx: AppContext = {
    config,
    db,
    clock,
    devClock,
    hasher,
    randomBytes,
    newId: randomUUID,
    outboxKey: config.outboxKey,
    throttleKey: createSecretKey(deriveKey(config.pinPepper, "login-throttle")),
    sessions: {
      idleSeconds: config.sessionIdleSeconds,
      absoluteSeconds: config.sessionAbsoluteSeconds,
      cache: new SessionCache(config.sessionCacheMs),
    },
    messagesQueued: () => worker.poke(),
  };
  return {
    config,
    db,
    ctx,
    worker,
    async close() {
      await worker.stop();
      if (opts.db === undefined) await db.close();
    },
  };
}

export async function createApp(rt: Runtime, opts: BuildOptions = {}): Promise<FastifyInstance> {
  return buildApp(rt.ctx, opts);
}

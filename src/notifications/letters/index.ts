/**
 * The letter batch assembled from configuration: the drop, the batcher and its scheduler.
 * Used by the worker process (main.ts) and by `inps-pin letters`.
 */
import type { LetterDrop } from "../../config-delivery.ts";
import type { Config } from "../../config.ts";
import type { Clock } from "../../domain/clock.ts";
import type { Logger } from "../../observability/logger.ts";
import type { Db } from "../../store/db.ts";
import { createLetterBatcher, type LetterBatcher } from "./batcher.ts";
import { createLetterDrop, type LetterDropTransport } from "./drop.ts";
import { createLetterScheduler, type LetterScheduler } from "./scheduler.ts";

export interface LetterService {
  drop: LetterDropTransport;
  batcher: LetterBatcher;
  scheduler: LetterScheduler;
  /** Stops the scheduler (waiting for a running tick) and closes the drop's connection. */
  close(): Promise<void>;
}

export function createLetterService(deps: {
  db: Db;
  clock: Clock;
  outboxKey: Buffer;
  drop: LetterDrop;
  /** LETTERS_BATCH_TIME, "HH:MM" Europe/Rome. */
  batchTime: string;
  log?: Logger | undefined;
  /** How long an upload holds its batch before another process may resume it. */
  leaseMs?: number | undefined;
}): LetterService {
  const drop = createLetterDrop(deps.drop);
  const batcher = createLetterBatcher({ ...deps, drop });
  const scheduler = createLetterScheduler({ ...deps, batcher });
  return {
    drop,
    batcher,
    scheduler,
    async close() {
      await scheduler.stop();
      await drop.close();
    },
  };
}

/** The letter service of a configuration: undefined without a letter drop (development). */
export function configuredLetterService(
  config: Config,
  deps: { db: Db; clock: Clock; log?: Logger | undefined },
): LetterService | undefined {
  const drop = config.delivery.letters;
  if (drop === undefined) return undefined;
  return createLetterService({
    ...deps,
    outboxKey: config.outboxKey,
    drop,
    batchTime: config.delivery.letterBatchTime,
    leaseMs: config.delivery.leaseSeconds * 1000,
  });
}

/**
 * When the letter batch runs: once a Europe/Rome day, at the first tick after LETTERS_BATCH_TIME.
 * The day is claimed in the database (letter_batch_run), so any number of worker processes run
 * it once. Every tick also resumes a batch a dead process left building (once its lease ran
 * out) and reads the vendor's acknowledgements.
 */
import type { Clock } from "../../domain/clock.ts";
import { romeWallClock } from "../../domain/rome-time.ts";
import { errorText, type Logger } from "../../observability/logger.ts";
import type { Db } from "../../store/db.ts";
import { buildingBatches, claimRunDate, releaseRunDate } from "../../store/repos/letter-batches.ts";
import type { LetterBatcher } from "./batcher.ts";

export interface LetterSchedulerDeps {
  db: Db;
  batcher: LetterBatcher;
  clock: Clock;
  /** "HH:MM", Europe/Rome. */
  batchTime: string;
  log?: Logger | undefined;
}

export interface LetterScheduler {
  start(pollMs: number): void;
  stop(): Promise<void>;
  /** One round: the day's batch when due (or a stranded batch), then the acknowledgements. */
  tick(): Promise<void>;
}

export function createLetterScheduler(deps: LetterSchedulerDeps): LetterScheduler {
  if (!/^(?:[01]\d|2[0-3]):[0-5]\d$/u.test(deps.batchTime))
    throw new RangeError("batchTime must be HH:MM");
  const { db, batcher, clock, log } = deps;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = true;

  async function batchIfDue(): Promise<void> {
    const now = clock.now();
    const wall = romeWallClock(now);
    if (wall.time >= deps.batchTime && (await claimRunDate(db, wall.date, now))) {
      log?.info({ event: "letters.scheduled", date: wall.date }, "daily letter batch");
      try {
        await batcher.runBatch();
      } catch (err) {
        // Today's batch not created (the failure came first, e.g. resuming an older stranded
        // batch): give the day back so a later tick still sends today's letters. A batch left
        // building is resumed by the next ticks.
        const today = (await buildingBatches(db)).some((b) => b.romeDate === wall.date);
        if (!today) await releaseRunDate(db, wall.date);
        throw err;
      }
      return;
    }
    if ((await buildingBatches(db)).length > 0) await batcher.runBatch({ resumeOnly: true });
  }

  async function tick(): Promise<void> {
    const errors: unknown[] = [];
    await batchIfDue().catch((err: unknown) => errors.push(err));
    await batcher.pollAcknowledgements().catch((err: unknown) => errors.push(err));
    if (errors.length > 0) throw errors[0];
  }

  function schedule(ms: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick()
        .catch((err: unknown) => {
          log?.error({ event: "letters.tick_failed", error: errorText(err) }, "letter batch tick");
        })
        .finally(() => {
          schedule(ms);
        });
    }, ms);
    timer.unref();
  }

  return {
    tick,
    start(pollMs) {
      stopped = false;
      schedule(pollMs);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/**
 * `inps-pin letters batch --now | acks | status`: the print vendor's letter batch run by an
 * operator (or a test) instead of waiting for LETTERS_BATCH_TIME (docs/delivery.md "Letters").
 * Needs a drop (LETTERS_SFTP_URL or LETTERS_DIR); without one letters go one by one to the
 * development file outbox and there is no batch to run.
 */
import type { Config } from "../config.ts";
import { systemClock, type Clock } from "../domain/clock.ts";
import { configuredLetterService } from "../notifications/letters/index.ts";
import { createLogger } from "../observability/logger.ts";
import type { Db } from "../store/db.ts";
import { recentBatches } from "../store/repos/letter-batches.ts";
export { LETTERS_USAGE } from "./letters-usage.ts";

function refuseWithoutDrop(): number {
  console.error(
    "no letter drop configured: set LETTERS_SFTP_URL or LETTERS_DIR (without one, each letter goes to the development file outbox)",
  );
  return 2;
}

/** Before opening the database: 2 (with the reason printed) when the command needs a drop and there is none. */
export function lettersPrecheck(config: Config, args: readonly string[]): number | undefined {
  return args[0] !== "status" && config.delivery.letters === undefined
    ? refuseWithoutDrop()
    : undefined;
}

/** Exit code, or null for a usage error (the caller prints the usage). */
export async function lettersCommand(
  config: Config,
  db: Db,
  args: readonly string[],
  clock: Clock = systemClock,
): Promise<number | null> {
  const [sub, ...rest] = args;
  const known =
    (sub === "batch" && rest.length === 1 && rest[0] === "--now") ||
    ((sub === "acks" || sub === "status") && rest.length === 0);
  if (!known) return null;
  if (sub === "status") {
    const batches = await recentBatches(db, 20);
    if (batches.length === 0) console.log("no letter batch yet");
    for (const b of batches)
      console.log(
        [
          b.id,
          b.romeDate,
          b.status,
          `${b.letters} letters`,
          `${b.pages} pages`,
          `${b.printed} printed`,
          `${b.rejected} rejected`,
          `${b.pending} pending`,
        ].join("\t"),
      );
    return 0;
  }
  const service = configuredLetterService(config, {
    db,
    clock,
    log: createLogger(config.logLevel, "letters"),
  });
  if (service === undefined) return refuseWithoutDrop();
  try {
    if (sub === "batch") {
      const report = await service.batcher.runBatch();
      if (report.uploaded.length === 0) console.log("no letter waiting: nothing uploaded");
      for (const b of report.uploaded)
        console.log(
          `batch ${b.batchId}: ${b.letters} letters, ${b.pages} pages${b.resumed ? " (resumed)" : ""}`,
        );
      if (report.failed > 0)
        console.error(`${report.failed} letters could not be rendered (see outbox last_error)`);
      if (report.busy > 0)
        console.error(`${report.busy} batches are being uploaded by another process`);
      return 0;
    }
    const acks = await service.batcher.pollAcknowledgements();
    console.log(
      `acknowledgements read: ${acks.read}; printed ${acks.printed}, rejected ${acks.rejected}, ignored ${acks.ignored}; batches completed: ${acks.acknowledged.length}`,
    );
    return 0;
  } catch (err) {
    console.error(`letter batch failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    await service.close();
  }
}

/**
 * A command's unit of work on the service's database: the same repositories and audit chain
 * as the service, keys derived from the same pepper. The command runs no outbox worker, so
 * there is nothing to wake when it queues a message: the service's worker sends it.
 */
import type { Config } from "../config.ts";
import type { Clock } from "../domain/clock.ts";
import type { UnitOfWork } from "../flows/ports.ts";
import { deriveKeys } from "../security/keys.ts";
import type { Db } from "../store/db.ts";
import { createUnitOfWork } from "../store/uow.ts";

export function cliUnitOfWork(
  config: Config,
  db: Db,
  clock: Clock,
): { uow: UnitOfWork; keys: ReturnType<typeof deriveKeys> } {
  const keys = deriveKeys(config.pinPepper);
  const uow = createUnitOfWork({
    db,
    clock,
    outboxKey: config.outboxKey,
    auditKeys: keys.audit,
    messagesQueued: () => undefined,
  });
  return { uow, keys };
}

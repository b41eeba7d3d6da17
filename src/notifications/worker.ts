/**
 * Outbox dispatcher. Any number may run (inside `serve` in development, as `inps-pin worker`
 * processes in production): leases are row locks taken with SKIP LOCKED, so each message is
 * handled by one worker at a time, and a lease that outlives a dead worker is taken over.
 */
import type { Clock } from "../domain/clock.ts";
import type { Limit, LimiterName } from "../domain/rate-limits.ts";
import { housekeeping, type HousekeepingReport } from "../flows/housekeeping.ts";
import type { UnitOfWork } from "../flows/ports.ts";
import type { Db } from "../store/db.ts";
import { leaseDue, markFailed, markSent } from "../store/repos/outbox.ts";
import { PermanentDeliveryError, type ChannelSet } from "./channel.ts";
import { CHANNELS, type Channel } from "./channel-kind.ts";
import { renderMessage } from "./render.ts";

/**
 * With the backoff below (10 s doubling to a 1 h cap) 32 attempts span about a day (at least
 * 18 h with the shortest jitter), so a provider outage of hours loses nothing; 8 gave up after
 * some 20 minutes and erased PIN halves a citizen was waiting for.
 */
export const MAX_ATTEMPTS = 32;
/** Default of OUTBOX_LEASE_SECONDS. */
const LEASE_SECONDS = 120;

/** 10 s, 20 s, 40 s ... capped at 1 h, with ±20 % jitter so retries of many messages spread out. */
export function backoffSeconds(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(3600, 10 * 2 ** Math.max(0, attempt - 1));
  return base * (0.8 + 0.4 * random());
}

export interface WorkerDeps {
  db: Db;
  uow: UnitOfWork;
  clock: Clock;
  channels: ChannelSet;
  /**
   * Channels delivered in batches by their own process (letters to the print vendor): the
   * per-message loop leaves their messages alone.
   */
  batchedChannels?: readonly Channel[];
  outboxKey: Buffer;
  /** How long a leased message is held before another worker may take it (OUTBOX_LEASE_SECONDS). */
  leaseSeconds?: number;
  log?: ((event: string, fields: Record<string, string | number>) => void) | undefined;
  /** Housekeeping between deliveries (flows/housekeeping.ts); absent: none. */
  housekeeping?: {
    everyMs: number;
    idleSeconds: number;
    outboxRetentionDays: number;
    documentRetentionDays?: number;
    limits: Readonly<Record<LimiterName, Limit>>;
  };
}

export interface OutboxWorker {
  /** Delivers what is due now; resolves with the number of messages handled. */
  runOnce(limit?: number): Promise<number>;
  start(pollMs: number): void;
  /** Asks for a run as soon as possible (after a flow committed a message). */
  poke(): void;
  /** Runs housekeeping now (also run every `housekeeping.everyMs` once started). */
  runHousekeeping(): Promise<HousekeepingReport | null>;
  stop(): Promise<void>;
}

export function createOutboxWorker(deps: WorkerDeps): OutboxWorker {
  let timer: NodeJS.Timeout | undefined;
  let keeper: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;
  let pollMs = 500;

  async function deliverOne(m: Awaited<ReturnType<typeof leaseDue>>[number]): Promise<void> {
    try {
      if (m.secretError !== undefined) throw new Error(m.secretError);
      const content = await renderMessage(m.kind, m.channel, m.payload, m.secret);
      const receipt = await deps.channels[m.channel].send({
        id: m.id,
        channel: m.channel,
        kind: m.kind,
        to: content.to ?? m.recipient,
        subject: content.subject,
        text: content.text,
        html: content.html,
        pdf: content.pdf,
        postal: content.postal,
        createdAt: m.createdAt,
      });
      await markSent(deps.db, m.id, deps.clock.now(), receipt.providerRef ?? null);
      deps.log?.("outbox.sent", { id: m.id, kind: m.kind, channel: m.channel });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const give_up = err instanceof PermanentDeliveryError || m.attempts >= MAX_ATTEMPTS;
      const next = give_up
        ? null
        : new Date(deps.clock.now().getTime() + backoffSeconds(m.attempts) * 1000);
      await markFailed(deps.db, m.id, message, next);
      deps.log?.(give_up ? "outbox.abandoned" : "outbox.retry", {
        id: m.id,
        kind: m.kind,
        attempts: m.attempts,
      });
    }
  }

  async function runOnce(limit = 20): Promise<number> {
    const batched = deps.batchedChannels ?? [];
    const channels = CHANNELS.filter((c) => !batched.includes(c));
    const leased = await leaseDue(
      deps.db,
      deps.outboxKey,
      deps.clock.now(),
      limit,
      deps.leaseSeconds ?? LEASE_SECONDS,
      channels,
    );
    await Promise.all(leased.map(deliverOne));
    return leased.length;
  }

  function schedule(delay: number): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = runOnce()
        .catch((err: unknown) => {
          deps.log?.("outbox.error", { error: err instanceof Error ? err.message : String(err) });
          return 0;
        })
        .then((n) => {
          // A full batch means more may be waiting: go again at once.
          schedule(n >= 20 ? 0 : pollMs);
        });
    }, delay);
    timer.unref();
  }

  async function runHousekeeping(): Promise<HousekeepingReport | null> {
    const h = deps.housekeeping;
    if (h === undefined) return null;
    const report = await housekeeping({
      uow: deps.uow,
      clock: deps.clock,
      idleSeconds: h.idleSeconds,
      outboxRetentionDays: h.outboxRetentionDays,
      documentRetentionDays: h.documentRetentionDays,
      limits: h.limits,
    });
    deps.log?.("housekeeping", { ...report });
    return report;
  }

  return {
    runOnce,
    runHousekeeping,
    start(ms) {
      pollMs = ms;
      stopped = false;
      schedule(0);
      const every = deps.housekeeping?.everyMs;
      if (every !== undefined) {
        keeper = setInterval(() => {
          running = Promise.all([running, runHousekeeping()]).catch((err: unknown) => {
            deps.log?.("housekeeping.error", {
              error: err instanceof Error ? err.message : String(err),
            });
          });
        }, every);
        keeper.unref();
      }
    },
    poke() {
      schedule(10);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      clearInterval(keeper);
      await running;
    },
  };
}

/**
 * Outbox dispatcher. Any number may run (inside `serve` in development, as `inps-pin worker`
 * processes in production): leases are row locks taken with SKIP LOCKED, so each message is
 * handled by one worker at a time, and a lease that outlives a dead worker is taken over.
 *
 * Each channel is a lane (worker-lanes.ts): at most `channelConcurrency` of its messages in
 * flight in this worker, leased separately, behind a circuit breaker (circuit.ts) that stops
 * leasing while its provider is down. Log lines (pino) and metrics carry ids, kinds, channels,
 * attempts and outcomes only: never recipients or secrets.
 */
import type { Clock } from "../domain/clock.ts";
import type { Limit, LimiterName } from "../domain/rate-limits.ts";
import { housekeeping, type HousekeepingReport } from "../flows/housekeeping.ts";
import type { UnitOfWork } from "../flows/ports.ts";
import { errorText, type Logger } from "../observability/logger.ts";
import { deliveries } from "../observability/metrics.ts";
import type { Db } from "../store/db.ts";
import {
  leaseDueByChannel,
  markFailed,
  markSent,
  type LeasedMessage,
} from "../store/repos/outbox.ts";
import { PermanentDeliveryError, type ChannelSet } from "./channel.ts";
import { CHANNELS, type Channel } from "./channel-kind.ts";
import type { CircuitOptions } from "./circuit.ts";
import { renderMessage } from "./render.ts";
import { Lanes } from "./worker-lanes.ts";

/**
 * With the backoff below (10 s doubling to a 1 h cap) 32 attempts span about a day (at least
 * 18 h with the shortest jitter), so a provider outage of hours loses nothing; 8 gave up after
 * some 20 minutes and erased PIN halves a citizen was waiting for.
 */
export const MAX_ATTEMPTS = 32;
/** Default of OUTBOX_LEASE_SECONDS. */
const LEASE_SECONDS = 120;
const BATCH = 20;

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
  /** Messages of one channel in flight at once in this worker (OUTBOX_CHANNEL_CONCURRENCY, default 4). */
  channelConcurrency?: number;
  /** The circuit breakers' thresholds (defaults: 5 failures, 30 s doubling to 10 min). */
  circuit?: Partial<CircuitOptions>;
  log?: Logger | undefined;
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
  /** Leases what is due now (within each lane's free places) and delivers it; resolves with the number handled. */
  runOnce(limit?: number): Promise<number>;
  start(pollMs: number): void;
  /** Asks for a run as soon as possible (after a flow committed a message). */
  poke(): void;
  /** Runs housekeeping now (also run every `housekeeping.everyMs` once started). */
  runHousekeeping(): Promise<HousekeepingReport | null>;
  /** The circuit of a channel now (closed, open, half_open). */
  circuit(channel: Channel): string;
  stop(): Promise<void>;
}

export function createOutboxWorker(deps: WorkerDeps): OutboxWorker {
  const batched = deps.batchedChannels ?? [];
  const lanes = new Lanes(
    CHANNELS.filter((c) => !batched.includes(c)),
    deps.channelConcurrency ?? 4,
    deps.circuit,
  );
  const inFlight = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let keeper: NodeJS.Timeout | undefined;
  let dispatching: Promise<unknown> = Promise.resolve();
  let busy = false;
  let again = false;
  let housekeepingRun: Promise<unknown> = Promise.resolve();
  let stopped = true;
  let pollMs = 500;

  async function deliverOne(m: LeasedMessage): Promise<void> {
    // The lane learns once what the provider said; "none" when the message never reached it.
    let ended = false;
    const end = (outcome: "sent" | "permanent" | "transient" | "none") => {
      if (!ended) lanes.end(m.channel, deps.clock.now(), outcome);
      ended = true;
    };
    let reached = false;
    try {
      if (m.secretError !== undefined) throw new Error(m.secretError);
      const content = await renderMessage(m.kind, m.channel, m.payload, m.secret);
      reached = true;
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
      end("sent");
      await markSent(deps.db, m.id, deps.clock.now(), receipt.providerRef ?? null);
      deliveries.inc({ channel: m.channel, outcome: "sent" });
      deps.log?.info({ id: m.id, kind: m.kind, channel: m.channel }, "outbox.sent");
    } catch (err) {
      const message = errorText(err);
      const permanent = err instanceof PermanentDeliveryError;
      if (reached) end(permanent ? "permanent" : "transient");
      const give_up = permanent || m.attempts >= MAX_ATTEMPTS;
      const now = deps.clock.now();
      const next = give_up ? null : new Date(now.getTime() + backoffSeconds(m.attempts) * 1000);
      await markFailed(deps.db, m.id, message, next, now, m.attempts);
      const outcome = give_up ? "abandoned" : "retry";
      deliveries.inc({ channel: m.channel, outcome });
      deps.log?.[give_up ? "warn" : "info"](
        { id: m.id, kind: m.kind, channel: m.channel, attempts: m.attempts, error: message },
        `outbox.${outcome}`,
      );
    } finally {
      end("none");
    }
  }

  /** Leases within each lane's free places and starts the deliveries; resolves once leased. */
  async function dispatch(limit: number): Promise<Promise<void>[]> {
    const now = deps.clock.now();
    lanes.publishAll(now);
    const free = lanes.free(now);
    const leased = await leaseDueByChannel(
      deps.db,
      deps.outboxKey,
      now,
      limit,
      deps.leaseSeconds ?? LEASE_SECONDS,
      free,
    );
    return leased.map((m) => {
      lanes.begin(m.channel, now);
      const p = deliverOne(m).catch((err: unknown) => {
        deps.log?.error({ id: m.id, error: errorText(err) }, "outbox.error");
      });
      inFlight.add(p);
      void p.finally(() => {
        inFlight.delete(p);
        // A place is free again: fill it at once when started.
        if (!stopped) schedule(0);
      });
      return p;
    });
  }

  async function runOnce(limit = BATCH): Promise<number> {
    const started = await dispatch(limit);
    await Promise.all(started);
    return started.length;
  }

  /** One polling pass of the started worker (never two at once: they would over-lease). */
  function poll(): void {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    dispatching = dispatch(BATCH)
      .catch((err: unknown) => {
        deps.log?.error({ error: errorText(err) }, "outbox.error");
        return [];
      })
      .then(() => {
        busy = false;
        if (again) {
          again = false;
          schedule(0);
        } else schedule(pollMs);
      });
  }

  function schedule(delay: number): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(poll, delay);
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
    deps.log?.info({ ...report }, "housekeeping");
    return report;
  }

  return {
    runOnce,
    runHousekeeping,
    circuit: (channel) => lanes.state(channel, deps.clock.now()),
    start(ms) {
      pollMs = ms;
      stopped = false;
      schedule(0);
      const every = deps.housekeeping?.everyMs;
      if (every !== undefined) {
        keeper = setInterval(() => {
          housekeepingRun = Promise.all([housekeepingRun, runHousekeeping()]).catch(
            (err: unknown) => {
              deps.log?.error({ error: errorText(err) }, "housekeeping.error");
            },
          );
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
      await Promise.all([dispatching, housekeepingRun, ...inFlight]);
    },
  };
}

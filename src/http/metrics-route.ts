/**
 * GET /metrics (Prometheus text format). With METRICS_TOKEN set (required in production) it
 * answers only `Authorization: Bearer <token>` (compared in constant time; 401 otherwise);
 * without one, only callers on this machine that came through no proxy (403 otherwise).
 * Gauges that read the database (outbox depth and oldest message per channel and status,
 * abandoned messages), the hash queue and the pools are set here, at scrape time: one query.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../domain/errors.ts";
import { secretsEqual } from "../security/crypto.ts";
import {
  dbPool,
  hashQueue,
  outboxAbandoned,
  outboxMessages,
  outboxOldestAge,
  registry,
} from "../observability/metrics.ts";
import type { AppContext } from "./context.ts";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);
const CHANNELS = ["sms", "email", "pec", "letter"] as const;
const STATUSES = ["queued", "sending", "failed", "abandoned"] as const;

/** Throws the refusal when the caller may not read the metrics. */
export function checkMetricsAccess(req: FastifyRequest, token: string | undefined): void {
  if (token === undefined) {
    const proxied =
      req.headers["x-forwarded-for"] !== undefined || req.headers.forwarded !== undefined;
    if (proxied || !LOOPBACK.has(req.socket.remoteAddress ?? ""))
      throw new AppError("METRICS_LOOPBACK_ONLY");
    return;
  }
  const header = req.headers.authorization ?? "";
  const given = header.startsWith("Bearer ") ? header.slice(7) : "";
  if (given === "" || !secretsEqual(given, token)) throw new AppError("METRICS_TOKEN_REQUIRED");
}

/** Sets the scrape-time gauges. */
export async function collectScrapeGauges(ctx: AppContext): Promise<void> {
  const rows = await ctx.uow.direct.outboxMaintenance.depth(ctx.clock.now());
  for (const channel of CHANNELS)
    for (const status of STATUSES) {
      outboxMessages.set({ channel, status }, 0);
      outboxOldestAge.set({ channel, status }, 0);
    }
  let abandoned = 0;
  for (const r of rows) {
    outboxMessages.set({ channel: r.channel, status: r.status }, r.count);
    outboxOldestAge.set({ channel: r.channel, status: r.status }, r.oldestAgeSeconds);
    if (r.status === "abandoned") abandoned += r.count;
  }
  outboxAbandoned.set(abandoned);
  const gate = ctx.hasher.gate;
  if (gate !== undefined) {
    hashQueue.set({ state: "active" }, gate.active);
    hashQueue.set({ state: "waiting" }, gate.waiting);
  }
  for (const p of ctx.db.poolStats?.() ?? []) {
    dbPool.set({ pool: p.pool, state: "total" }, p.total);
    dbPool.set({ pool: p.pool, state: "idle" }, p.idle);
    dbPool.set({ pool: p.pool, state: "waiting" }, p.waiting);
  }
}

export function installMetricsRoute(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    "/metrics",
    { schema: { hide: true }, config: { journey: "public" } },
    async (req, reply) => {
      checkMetricsAccess(req, ctx.config.delivery.metricsToken);
      await collectScrapeGauges(ctx);
      return reply
        .header("content-type", registry.contentType)
        .header("cache-control", "no-store")
        .send(await registry.metrics());
    },
  );
}

/**
 * GET /readyz: the database and each configured delivery channel. 503 only when the database
 * is down: a provider outage must not take web instances out of the load balancer (the outbox
 * waits and retries); it shows as `degraded` with the channel `unavailable`. Channel checks
 * are cached ~15 s (a load balancer polls often; an SMTP handshake per poll would be a load of
 * its own) and each is bounded by 3 s.
 */
import type { FastifyInstance } from "fastify";
import type { AppContext, ReadinessChannel } from "./context.ts";

export const CHECK_TTL_MS = 15_000;
export const CHECK_TIMEOUT_MS = 3_000;

type Verdict = "ok" | "unavailable";

export interface Readiness {
  status: "ok" | "degraded" | "unavailable";
  checks: { database: Verdict } & Partial<Record<ReadinessChannel, Verdict>>;
}

/** `check` within `ms`, as a verdict (never throws). */
export async function bounded(check: () => Promise<void>, ms: number): Promise<Verdict> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Verdict>((resolve) => {
    timer = setTimeout(() => {
      resolve("unavailable");
    }, ms);
    timer.unref();
  });
  try {
    return await Promise.race([check().then((): Verdict => "ok"), timeout]);
  } catch {
    return "unavailable";
  } finally {
    clearTimeout(timer);
  }
}

export function readinessProbe(
  ctx: AppContext,
  opts: { ttlMs?: number; timeoutMs?: number } = {},
): () => Promise<Readiness> {
  const ttl = opts.ttlMs ?? CHECK_TTL_MS;
  const timeout = opts.timeoutMs ?? CHECK_TIMEOUT_MS;
  const cache = new Map<ReadinessChannel, { at: number; verdict: Promise<Verdict> }>();
  const channel = (name: ReadinessChannel, check: () => Promise<void>): Promise<Verdict> => {
    // Wall time on purpose: the cache is about real seconds, not the service's (test) clock.
    const now = Date.now();
    const hit = cache.get(name);
    if (hit !== undefined && now - hit.at < ttl) return hit.verdict;
    const verdict = bounded(check, timeout);
    cache.set(name, { at: now, verdict });
    return verdict;
  };
  return async () => {
    const entries = Object.entries(ctx.channelChecks ?? {}) as [
      ReadinessChannel,
      () => Promise<void>,
    ][];
    const db = bounded(async () => {
      await ctx.db.query("SELECT 1");
    }, timeout);
    const channels = await Promise.all(
      entries.map(async ([name, check]) => [name, await channel(name, check)] as const),
    );
    const checks: Readiness["checks"] = { database: await db };
    for (const [name, verdict] of channels) checks[name] = verdict;
    const degraded = Object.values(checks).some((v) => v !== "ok");
    return {
      status: checks.database !== "ok" ? "unavailable" : degraded ? "degraded" : "ok",
      checks,
    };
  };
}

export function installReadiness(app: FastifyInstance, ctx: AppContext): void {
  const probe = readinessProbe(ctx);
  app.get(
    "/readyz",
    { schema: { hide: true }, config: { journey: "public" } },
    async (_req, reply) => {
      const r = await probe();
      return reply
        .code(r.status === "unavailable" ? 503 : 200)
        .header("cache-control", "no-store")
        .send(r);
    },
  );
}

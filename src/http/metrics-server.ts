/**
 * A listener of its own for GET /metrics (METRICS_PORT): the only way to read the counters of
 * a worker process (deliveries, circuit breakers, letter batches happen there, not in `serve`),
 * and for `serve` a port that can stay inside the monitoring network. Same access rule as the
 * route on the main port: METRICS_TOKEN when set, loopback callers otherwise.
 */
import Fastify, { type FastifyInstance } from "fastify";
import type { AppContext } from "./context.ts";
import { langOf } from "./lang.ts";
import { installMetricsRoute } from "./metrics-route.ts";
import { asAppError, sendProblem } from "./problem.ts";

export async function startMetricsServer(
  ctx: AppContext,
  port: number,
  host: string,
): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, return503OnClosing: true });
  app.setErrorHandler((err, req, reply) =>
    sendProblem(reply, req, asAppError(err), langOf(req, { acceptLanguage: true })),
  );
  app.get("/healthz", async () => ({ status: "ok" }));
  installMetricsRoute(app, ctx);
  await app.listen({ port, host });
  return app;
}

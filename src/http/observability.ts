/**
 * Each request's one completion line and its metrics: fastify's own request logging is off
 * (app.ts); this hook logs `{reqId, method, route, status, ms, auditEventIds}` — the route
 * pattern, never the URL (a query string may carry a fiscal code) — and observes the HTTP
 * duration histogram by method, route pattern and status. Request ids are random UUIDs made
 * here (genReqId), unique across instances; none is taken from clients.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { httpDuration } from "../observability/metrics.ts";
import { withTrace, type RequestTrace } from "../observability/request-trace.ts";

const traceOf = new WeakMap<FastifyRequest, RequestTrace>();

/** The audit event ids the request's units of work committed so far. */
export function auditEventIdsOf(req: FastifyRequest): readonly string[] {
  return traceOf.get(req)?.auditEventIds ?? [];
}

export function installRequestObservability(app: FastifyInstance): void {
  app.addHook("onRequest", (req, _reply, done) => {
    const trace: RequestTrace = { auditEventIds: [] };
    traceOf.set(req, trace);
    withTrace(trace, done);
  });
  app.addHook("onResponse", async (req, reply) => {
    const route = req.routeOptions.url ?? "unmatched";
    const status = reply.statusCode;
    const ms = reply.elapsedTime;
    httpDuration.observe({ method: req.method, route, status: String(status) }, ms / 1000);
    req.log.info(
      {
        reqId: req.id,
        method: req.method,
        route,
        status,
        ms: Math.round(ms * 10) / 10,
        auditEventIds: auditEventIdsOf(req),
      },
      "request completed",
    );
  });
}

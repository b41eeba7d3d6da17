/**
 * The load generator, run as its own process so it does not share the service's event loop.
 * Reads its job from argv[2] (JSON), prints autocannon's summary as one JSON line.
 */
import autocannon from "autocannon";

interface Job {
  url: string;
  path: string;
  method: "GET" | "POST";
  connections: number;
  duration: number;
  cookie?: string;
  /** For logins: bodies cycled through, one per request. */
  bodies?: string[];
}

const job = JSON.parse(process.argv[2] ?? "{}") as Job;
let i = 0;
const bodies = job.bodies;
const result = await autocannon({
  url: job.url,
  connections: job.connections,
  duration: job.duration,
  requests: [
    {
      method: job.method,
      path: job.path,
      headers: {
        ...(job.cookie !== undefined ? { cookie: job.cookie } : {}),
        ...(bodies !== undefined ? { "content-type": "application/json" } : {}),
      },
      ...(bodies !== undefined
        ? {
            setupRequest: (req) => {
              const body = bodies[i++ % bodies.length];
              return { ...req, body };
            },
          }
        : {}),
    },
  ],
});
const statuses: Record<string, number> = {};
for (const [k, v] of Object.entries(result.statusCodeStats ?? {}))
  statuses[k] = (v as { count: number }).count;
console.log(
  JSON.stringify({
    rps: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    statuses,
  }),
);

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
  /** Session cookies cycled through, one per request (many people, not one). */
  cookies?: string[];
  /** For logins: bodies cycled through, one per request. */
  bodies?: string[];
}

const job = JSON.parse(process.argv[2] ?? "{}") as Job;
let i = 0;
const bodies = job.bodies;
const cookies = job.cookies;
const result = await autocannon({
  url: job.url,
  connections: job.connections,
  duration: job.duration,
  requests: [
    {
      method: job.method,
      path: job.path,
      headers: bodies !== undefined ? { "content-type": "application/json" } : {},
      setupRequest: (req) => {
        const n = i++;
        return {
          ...req,
          ...(bodies !== undefined ? { body: bodies[n % bodies.length] } : {}),
          ...(cookies !== undefined
            ? { headers: { ...req.headers, cookie: cookies[n % cookies.length] ?? "" } }
            : {}),
        };
      },
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
    // The load generator's own CPU: on a 2-core machine it competes with what it measures.
    cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
  }),
);

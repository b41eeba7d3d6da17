/** What the load generator (bench/load.ts) reports for one run. */
export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  statuses: Record<string, number>;
  total: number;
  cpuMs: number;
}

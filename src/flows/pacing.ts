/**
 * The answer of an anonymous request that must not tell which way it went (recovery,
 * revocation, letter resend) leaves no sooner than a floor after the request began: the
 * branches do different work (a link and its message, or instructions; a new PIN, or
 * nothing), and the floor hides the difference as long as the work stays under it. Real time,
 * not the service clock. Configured by ANSWER_FLOOR_MS (0 turns it off).
 */
import { setTimeout as sleep } from "node:timers/promises";

export async function paced<T>(floorMs: number, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await fn();
  } finally {
    const left = floorMs - (performance.now() - start);
    if (left > 0) await sleep(left);
  }
}

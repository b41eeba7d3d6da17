/**
 * Applies a named rate limit (src/domain/rate-limits.ts) to a key: the key is stored only as a
 * keyed hash; over the limit the first refused hit of a window is audited and the caller gets RATE_LIMITED (429 with
 * Retry-After at the edge).
 */
import type { Acting } from "../domain/actor.ts";
import { AppError } from "../domain/errors.ts";
import type { LimiterName } from "../domain/rate-limits.ts";
import { hmacHex } from "../security/crypto.ts";
import type { LimitsDeps } from "./deps.ts";

export async function enforceLimit(
  deps: LimitsDeps,
  by: Acting,
  name: LimiterName,
  value: string,
): Promise<void> {
  const now = deps.clock.now();
  const verdict = await deps.uow.direct.limits.hit(
    name,
    hmacHex(deps.keys.limits, `${name}:${value}`),
    deps.limits[name],
    now,
  );
  if (verdict.allowed) return;
  if (verdict.first) {
    await deps.uow.run(async (r) => {
      r.audit.record({
        type: "rate_limit.exceeded",
        outcome: "refused",
        actor: by.actor,
        origin: by.origin,
        details: { limiter: name },
      });
    });
  }
  throw new AppError("RATE_LIMITED", { extra: { retryAfterSeconds: verdict.retryAfterSeconds } });
}

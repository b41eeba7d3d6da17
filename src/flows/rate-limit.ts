/**
 * Applies a named rate limit (src/domain/rate-limits.ts) to a key: the key is stored only as a
 * keyed hash; over the limit the first refused hit of a window is audited and the caller gets
 * RATE_LIMITED (429 with Retry-After at the edge) — or, for what is skipped rather than refused
 * (a greeting message), withinLimit answers false inside the caller's transaction.
 */
import type { Acting } from "../domain/actor.ts";
import { AppError } from "../domain/errors.ts";
import type { LimiterName, LimitVerdict } from "../domain/rate-limits.ts";
import { hmacHex } from "../security/crypto.ts";
import type { LimitsDeps } from "./deps.ts";
import type { Repos } from "./ports.ts";

export async function enforceLimit(
  deps: LimitsDeps,
  by: Acting,
  name: LimiterName,
  value: string,
): Promise<void> {
  await refuseOverLimit(deps, by, name, await directHit(deps, name, value));
}

/**
 * One statement: the counter needs no transaction of its own (the refusal it may lead to, no
 * change of state, is written on its own).
 */
const directHit = (deps: LimitsDeps, name: LimiterName, value: string): Promise<LimitVerdict> =>
  deps.uow.direct.limits.hit(
    name,
    limitKeyOf(deps, name, value),
    deps.limits[name],
    deps.clock.now(),
  );

/**
 * RATE_LIMITED (429 with Retry-After at the edge) when the verdict is over the limit, its first
 * refusal in a window audited; nothing when within it.
 */
export async function refuseOverLimit(
  deps: LimitsDeps,
  by: Acting,
  name: LimiterName,
  verdict: LimitVerdict,
): Promise<void> {
  if (verdict.allowed) return;
  if (verdict.first)
    await deps.uow.run(async (r) => {
      recordRefusal(r, by, name);
    });
  throw new AppError("RATE_LIMITED", { extra: { retryAfterSeconds: verdict.retryAfterSeconds } });
}

/**
 * Counts a hit inside the caller's transaction and answers whether it is within the limit,
 * for what is skipped rather than refused past it (a greeting message).
 */
export async function withinLimit(
  deps: LimitsDeps,
  r: Repos,
  by: Acting,
  name: LimiterName,
  value: string,
): Promise<boolean> {
  const verdict = await r.limits.hit(
    name,
    limitKeyOf(deps, name, value),
    deps.limits[name],
    deps.clock.now(),
  );
  if (!verdict.allowed && verdict.first) recordRefusal(r, by, name);
  return verdict.allowed;
}

/**
 * Counts a hit outside any transaction and answers whether it is within the limit, for what is
 * answered alike past it (its first refusal of a window audited).
 */
export async function withinDirectLimit(
  deps: LimitsDeps,
  by: Acting,
  name: LimiterName,
  value: string,
): Promise<boolean> {
  const verdict = await directHit(deps, name, value);
  if (!verdict.allowed && verdict.first)
    await deps.uow.run(async (r) => {
      recordRefusal(r, by, name);
    });
  return verdict.allowed;
}

/** A limiter's key: a keyed hash of what it counts (an address, a contact, a fiscal code). */
export const limitKeyOf = (deps: LimitsDeps, name: LimiterName, value: string): string =>
  hmacHex(deps.keys.limits, `${name}:${value}`);

/** The first refusal of a window is audited, not every refused hit of a flood. */
function recordRefusal(r: Repos, by: Acting, name: LimiterName): void {
  r.audit.record({
    type: "rate_limit.exceeded",
    outcome: "refused",
    actor: by.actor,
    origin: by.origin,
    details: { limiter: name },
  });
}

/** Development aid: moving the service clock (to see a lock end or a PIN expire), audited. */
import type { Acting } from "../domain/actor.ts";
import type { OffsetClock } from "../domain/clock.ts";
import { AppError } from "../domain/errors.ts";
import type { BaseDeps } from "./deps.ts";

const MAX_SECONDS = 10 * 365 * 24 * 3600;

export async function moveClock(
  deps: BaseDeps & { devClock: OffsetClock },
  input: { by: Acting; body: unknown },
): Promise<{ now: string; offsetSeconds: number }> {
  const body = input.body;
  const seconds =
    typeof body === "object" && body !== null && "advanceSeconds" in body
      ? body.advanceSeconds
      : undefined;
  if (
    typeof seconds !== "number" ||
    !Number.isInteger(seconds) ||
    seconds < 0 ||
    seconds > MAX_SECONDS
  ) {
    throw new AppError(
      typeof body === "object" && body !== null ? "VALIDATION_FAILED" : "MALFORMED_REQUEST",
      { fields: [{ field: "advanceSeconds", code: "invalid" }] },
    );
  }
  deps.devClock.advance(seconds);
  const now = deps.devClock.now().toISOString();
  await deps.uow.run(async (r) => {
    r.audit.record({
      type: "dev.clock_moved",
      outcome: "success",
      actor: input.by.actor,
      origin: input.by.origin,
      details: { advanceSeconds: seconds, now },
    });
  });
  return { now, offsetSeconds: deps.devClock.offsetSeconds };
}

/**
 * The queues' figures for supervisors (issue 7): how many items wait, since when the oldest,
 * and how many were handled per Europe/Rome day — the outbound verification queue (claims
 * under verification; handled = `verification.outcome` audit events) and the review queue
 * (conversion requests submitted; handled = decided). Reading them is audited.
 */
import type { Acting } from "../../domain/actor.ts";
import { romeDate } from "../../domain/eligibility.ts";
import { AppError } from "../../domain/errors.ts";
import { lastRomeDays, romeDayStart } from "../../domain/review.ts";
import type { BaseDeps } from "../deps.ts";
import type { QueueFigures } from "../ports-supervisor.ts";

export interface QueueView {
  waiting: number;
  oldestAt: string | null;
  handledPerDay: { date: string; count: number }[];
}

export const QUEUE_DAYS_DEFAULT = 7;
export const QUEUE_DAYS_MAX = 31;

export function parseDays(v: unknown): number {
  if (v === undefined || v === "") return QUEUE_DAYS_DEFAULT;
  const n = typeof v === "string" && /^\d{1,2}$/u.test(v) ? Number(v) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > QUEUE_DAYS_MAX)
    throw new AppError("VALIDATION_FAILED", { fields: [{ field: "days", code: "invalid" }] });
  return n;
}

function view(f: QueueFigures, days: readonly string[]): QueueView {
  const perDay = new Map(days.map((d) => [d, 0]));
  for (const h of f.handledByHour) {
    const date = romeDate(new Date(h.hour * 3_600_000));
    const n = perDay.get(date);
    if (n !== undefined) perDay.set(date, n + h.count);
  }
  return {
    waiting: f.waiting,
    oldestAt: f.oldest?.toISOString() ?? null,
    handledPerDay: days.map((date) => ({ date, count: perDay.get(date) ?? 0 })),
  };
}

export async function queueFigures(
  deps: BaseDeps,
  req: { by: Acting; days: number },
): Promise<{ days: number; verification: QueueView; review: QueueView }> {
  const days = lastRomeDays(deps.clock.now(), req.days);
  const since = romeDayStart(days[0] ?? romeDate(deps.clock.now()));
  const store = deps.uow.direct.supervisor;
  const [verification, review] = await Promise.all([
    store.verificationQueue(since),
    store.reviewQueue(since),
  ]);
  await deps.uow.run(async (r) => {
    r.audit.record({
      type: "queues.read",
      outcome: "success",
      ...req.by,
      details: { days: req.days },
    });
  });
  return { days: req.days, verification: view(verification, days), review: view(review, days) };
}

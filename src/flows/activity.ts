/**
 * The holder's activity (issue 6 §7): the audit events about them (subject key), newest first,
 * a page at a time (`before` a sequence number). Each event says what, when, by whom (the
 * holder, someone who typed their fiscal code, INPS staff with their role, the service), the
 * country of the source address and the device — never the address itself (a failed attempt's
 * address is a stranger's), never a free-text reason or the findings of the claim checks.
 */
import type { DeviceSummary } from "../domain/user-agent.ts";
import { summariseUserAgent } from "../domain/user-agent.ts";
import { AppError } from "../domain/errors.ts";
import { countryOfIp, type IpCountry } from "../geo/ip-country.ts";
import type { BaseDeps, FlowKeys } from "./deps.ts";
import { subjectKeyOf } from "./pin-check.ts";
import type { ActivityEvent, SessionRecord } from "./ports.ts";

export const ACTIVITY_PAGE_SIZE = 20;
export const ACTIVITY_MAX_PAGE_SIZE = 100;

export type PersonalDeps = BaseDeps & { keys: Pick<FlowKeys, "subject" | "device"> };

export interface ActivityItem {
  seq: number;
  at: Date;
  type: string;
  outcome: string;
  /** citizen, anonymous (someone typing the fiscal code, a login), staff or system. */
  by: string;
  staffRole: string | null;
  country: IpCountry;
  device: DeviceSummary | null;
  details: Record<string, string | number | boolean>;
}

/** Detail members shown to the holder: enumerations and counts only. */
const SHOWN_DETAILS = new Set([
  "kind",
  "reason",
  "remainingAttempts",
  "until",
  "level",
  "channel",
  "delivery",
  "linkChannel",
  "format",
  "knownDevice",
]);

function shownDetails(type: string, details: unknown): ActivityItem["details"] {
  const out: ActivityItem["details"] = {};
  if (typeof details !== "object" || details === null || type.startsWith("claim.")) return out;
  for (const [k, v] of Object.entries(details)) {
    if (!SHOWN_DETAILS.has(k)) continue;
    if (typeof v === "number" || typeof v === "boolean") out[k] = v;
    // Reasons typed by an operator are free text: only machine words pass.
    else if (typeof v === "string" && /^[A-Za-z0-9_:.+-]{1,40}$/u.test(v)) out[k] = v;
  }
  return out;
}

export function activityItem(e: ActivityEvent): ActivityItem {
  // The service's own events (timeouts, jobs) carry its address, and staff events their
  // workstation's: only the holder's and strangers' attempts show a country and a device.
  const fromPerson = e.actorKind !== "system" && e.actorKind !== "staff";
  return {
    seq: e.seq,
    at: e.at,
    type: e.type,
    outcome: e.outcome,
    by: e.actorKind,
    staffRole: e.actorKind === "staff" ? e.actorRole : null,
    country: fromPerson ? countryOfIp(e.sourceIp) : null,
    device: fromPerson && e.userAgent !== null ? summariseUserAgent(e.userAgent) : null,
    details: shownDetails(e.type, e.details),
  };
}

function positiveInt(v: unknown, field: string, max: number): number | null {
  if (v === undefined || v === "") return null;
  const n = typeof v === "string" && /^\d{1,16}$/u.test(v) ? Number(v) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > max)
    throw new AppError("VALIDATION_FAILED", { fields: [{ field, code: "invalid" }] });
  return n;
}

/** `before` (a sequence number) and `limit` from a query string; 422 for anything else. */
export function activityQuery(query: unknown): { before: number | null; limit: number } {
  const q = typeof query === "object" && query !== null ? (query as Record<string, unknown>) : {};
  return {
    before: positiveInt(q.before, "before", Number.MAX_SAFE_INTEGER),
    limit: positiveInt(q.limit, "limit", ACTIVITY_MAX_PAGE_SIZE) ?? ACTIVITY_PAGE_SIZE,
  };
}

export interface ActivityPage {
  items: ActivityItem[];
  /** The `before` of the next (older) page, or null when this is the oldest. */
  nextBefore: number | null;
}

export async function activityPage(
  deps: PersonalDeps,
  session: SessionRecord,
  page: { before: number | null; limit: number },
): Promise<ActivityPage> {
  const events = await deps.uow.direct.personalData.activity(
    subjectKeyOf(deps, session.fiscalCode),
    page.before,
    page.limit + 1,
  );
  const items = events.slice(0, page.limit).map(activityItem);
  const last = items.at(-1);
  return {
    items,
    nextBefore: events.length > page.limit && last !== undefined ? last.seq : null,
  };
}

/** Every event about the person, newest first (the export). */
export async function allActivity(
  deps: PersonalDeps,
  session: SessionRecord,
): Promise<ActivityItem[]> {
  const all: ActivityItem[] = [];
  let before: number | null = null;
  for (;;) {
    const p: ActivityPage = await activityPage(deps, session, { before, limit: 500 });
    all.push(...p.items);
    if (p.nextBefore === null) return all;
    before = p.nextBefore;
  }
}

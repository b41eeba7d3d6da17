/**
 * The supervisors' audit search (issue 7): by fiscal code (the trail holds subjects only as
 * keyed hashes: the code typed is hashed the same way, subjectKeyOf), by member of staff
 * (username → id), by event type, by period (Europe/Rome days, both included), newest first.
 * Reading the trail is itself audited — with the person as subject when searched by fiscal
 * code, so they see it — and so is each export (CSV or JSON).
 */
import type { Acting } from "../../domain/actor.ts";
import type { AuditSearchDetails } from "../../domain/audit.ts";
import { AppError, type FieldError } from "../../domain/errors.ts";
import { isCivilDate, nextCivilDate, romeDayStart } from "../../domain/review.ts";
import { normalizeUsername } from "../../domain/staff.ts";
import type { BaseDeps, FlowKeys } from "../deps.ts";
import { subjectKeyOf } from "../pin-check.ts";
import type { AuditSearchRow } from "../ports-supervisor.ts";
import { staffFiscalCode } from "./record.ts";

export type AuditDeps = BaseDeps & { keys: Pick<FlowKeys, "subject"> };

export const AUDIT_PAGE_LIMIT = 200;
export const AUDIT_EXPORT_LIMIT = 10_000;

export interface AuditQuery {
  fiscalCode: string | null;
  staff: string | null;
  type: string | null;
  from: string | null;
  to: string | null;
}

const text = (v: unknown): string | null =>
  typeof v === "string" && v.trim() !== "" ? v.trim().slice(0, 100) : null;

/** The filters from a query string or a form; VALIDATION_FAILED naming the bad ones. */
export function parseAuditQuery(query: unknown, now: Date): AuditQuery {
  const q = typeof query === "object" && query !== null ? (query as Record<string, unknown>) : {};
  const fields: FieldError[] = [];
  let fiscalCode: string | null = null;
  const fc = text(q.fiscalCode);
  if (fc !== null) {
    try {
      fiscalCode = staffFiscalCode(fc, now);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      fields.push(...err.fields);
    }
  }
  const type = text(q.type);
  if (type !== null && !/^[a-z_]{1,40}\.[a-z_]{1,40}$/u.test(type))
    fields.push({ field: "type", code: "event_type_invalid" });
  const from = text(q.from);
  const to = text(q.to);
  if (from !== null && !isCivilDate(from)) fields.push({ field: "from", code: "invalid_date" });
  if (to !== null && !isCivilDate(to)) fields.push({ field: "to", code: "invalid_date" });
  if (from !== null && to !== null && isCivilDate(from) && isCivilDate(to) && from > to)
    fields.push({ field: "to", code: "period_invalid" });
  if (fields.length > 0) throw new AppError("VALIDATION_FAILED", { fields });
  return { fiscalCode, staff: text(q.staff), type, from, to };
}

export interface AuditResult {
  events: AuditSearchRow[];
  /** More events matched than the limit. */
  truncated: boolean;
}

/** Searches (format null) or exports (json, csv) the trail; the reading is audited. */
export async function searchAuditTrail(
  deps: AuditDeps,
  req: { by: Acting; query: AuditQuery; format: "json" | "csv" | null },
): Promise<AuditResult> {
  const q = req.query;
  let actorId: string | null = null;
  if (q.staff !== null) {
    const member = await deps.uow.direct.staff.byUsername(normalizeUsername(q.staff));
    if (member === null)
      throw new AppError("VALIDATION_FAILED", {
        fields: [{ field: "staff", code: "unknown_staff" }],
      });
    actorId = member.id;
  }
  const limit = req.format === null ? AUDIT_PAGE_LIMIT : AUDIT_EXPORT_LIMIT;
  const rows = await deps.uow.direct.supervisor.searchAudit({
    subjectKey: q.fiscalCode === null ? null : subjectKeyOf(deps, q.fiscalCode),
    actorId,
    type: q.type,
    from: q.from === null ? null : romeDayStart(q.from),
    to: q.to === null ? null : romeDayStart(nextCivilDate(q.to)),
    before: null,
    limit: limit + 1,
  });
  const events = rows.slice(0, limit);
  const details: AuditSearchDetails = {
    byFiscalCode: q.fiscalCode !== null,
    staffId: actorId,
    eventType: q.type,
    from: q.from,
    to: q.to,
    results: events.length,
  };
  await deps.uow.run(async (r) => {
    const base = {
      outcome: "success" as const,
      ...req.by,
      ...(q.fiscalCode === null ? {} : { subject: q.fiscalCode }),
    };
    if (req.format === null) r.audit.record({ type: "audit.searched", ...base, details });
    else
      r.audit.record({
        type: "audit.exported",
        ...base,
        details: { ...details, format: req.format },
      });
  });
  return { events, truncated: rows.length > limit };
}

const CSV_COLUMNS = [
  "seq",
  "at",
  "type",
  "outcome",
  "actorKind",
  "actorId",
  "actorRole",
  "actorUsername",
  "subjectHint",
  "sourceIp",
  "requestId",
  "details",
] as const;

/** RFC 4180, with cells that a spreadsheet would run as a formula neutralised. */
function csvCell(v: unknown): string {
  let s =
    typeof v === "string" || typeof v === "number"
      ? String(v)
      : v instanceof Date
        ? v.toISOString()
        : v === null || v === undefined
          ? ""
          : JSON.stringify(v);
  if (/^[=+\-@\t\r]/u.test(s)) s = `'${s}`;
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}

export function auditCsv(events: readonly AuditSearchRow[]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const e of events)
    lines.push(
      CSV_COLUMNS.map((c) => csvCell(c === "details" ? JSON.stringify(e.details) : e[c])).join(","),
    );
  return `${lines.join("\r\n")}\r\n`;
}

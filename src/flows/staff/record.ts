/**
 * Opening a citizen's record in the back office. Staff never browse: they open one person's
 * record for a reason — the call being answered, the appointment at the desk, the review item,
 * the fax being registered — and that reading is an audit event with the staff actor and the
 * reason, which the citizen sees on their activity page. Every other staff action about a
 * person carries the same reason (`reason` in the API, the form's fields on the pages).
 */
import type { Acting } from "../../domain/actor.ts";
import { romeDate } from "../../domain/eligibility.ts";
import { AppError } from "../../domain/errors.ts";
import { parseFiscalCode } from "../../domain/fiscal-code.ts";
import { maskContact, maskFiscalCode } from "../../domain/mask.ts";
import type { BaseDeps } from "../deps.ts";
import type { Repos } from "../ports.ts";

export const RECORD_REASON_KINDS = [
  "call",
  "appointment",
  "review_item",
  "desk_visit",
  "fax",
] as const;
export type RecordReasonKind = (typeof RECORD_REASON_KINDS)[number];

export interface RecordReason {
  kind: RecordReasonKind;
  /** What identifies the occasion: a call id from the telephony, a booking code, a request id. */
  ref: string;
}

/** The reason given with a staff action about a person; VALIDATION_FAILED (field `reason`). */
export function parseRecordReason(v: unknown): RecordReason {
  const o = typeof v === "object" && v !== null ? (v as Record<string, unknown>) : {};
  const kind = o.kind;
  const ref = typeof o.ref === "string" ? o.ref.trim() : "";
  if (
    typeof kind !== "string" ||
    !(RECORD_REASON_KINDS as readonly string[]).includes(kind) ||
    ref === "" ||
    ref.length > 80 ||
    /[\p{Cc}\p{Cs}]/u.test(ref)
  )
    throw new AppError("VALIDATION_FAILED", {
      fields: [{ field: "reason", code: "reason_required" }],
    });
  return { kind: kind as RecordReasonKind, ref };
}

/** A fiscal code typed by staff: normalised and checked, or VALIDATION_FAILED (`fiscalCode`). */
export function staffFiscalCode(v: unknown, now: Date): string {
  const parsed = parseFiscalCode(typeof v === "string" ? v : "", romeDate(now));
  if (!parsed.ok)
    throw new AppError("VALIDATION_FAILED", {
      fields: [{ field: "fiscalCode", code: `fiscal_code_${parsed.error}` }],
    });
  return parsed.value.code;
}

/** Records the opening in the caller's transaction (actions that open a record themselves). */
export function recordOpened(r: Repos, by: Acting, fiscalCode: string, reason: RecordReason): void {
  r.audit.record({
    type: "staff.record_opened",
    outcome: "success",
    actor: by.actor,
    origin: by.origin,
    subject: fiscalCode,
    details: { reason: reason.kind, ref: reason.ref },
  });
}

export interface CitizenRecord {
  fiscalCode: string;
  fiscalCodeMasked: string;
  inArchive: boolean;
  name: string | null;
  residenceCountry: string | null;
  pin: { kind: string; level: string; setAt: string } | null;
  contacts: { mobile: string | null; email: string | null; pec: string | null };
  conversions: { id: string; status: string; submittedAt: string }[];
}

/** Opens a person's record for a reason: what the back office may see, the reading audited. */
export async function openRecord(
  deps: BaseDeps,
  input: { by: Acting; fiscalCode: unknown; reason: unknown },
): Promise<CitizenRecord> {
  const reason = parseRecordReason(input.reason);
  const fiscalCode = staffFiscalCode(input.fiscalCode, deps.clock.now());
  return deps.uow.run(async (r) => {
    const person = await r.archive.findPerson(fiscalCode);
    const pin = await r.credentials.active(fiscalCode);
    const contacts = await r.accounts.contacts(fiscalCode);
    const conversions = await r.conversions.ofPerson(fiscalCode);
    recordOpened(r, input.by, fiscalCode, reason);
    const mask = (c: string | null | undefined) =>
      c === null || c === undefined ? null : maskContact(c);
    return {
      fiscalCode,
      fiscalCodeMasked: maskFiscalCode(fiscalCode),
      inArchive: person !== null,
      name: person === null ? null : `${person.givenNames} ${person.surname}`,
      residenceCountry: person?.residence.country ?? null,
      pin:
        pin === null ? null : { kind: pin.kind, level: pin.level, setAt: pin.setAt.toISOString() },
      contacts: {
        mobile: mask(contacts?.mobile),
        email: mask(contacts?.email),
        pec: mask(contacts?.pec),
      },
      conversions: conversions.map((c) => ({
        id: c.id,
        status: c.status,
        submittedAt: c.submittedAt.toISOString(),
      })),
    };
  });
}

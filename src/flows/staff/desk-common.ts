/**
 * What the office desk's use cases share: the clerk's office (a clerk acts only for their
 * own office, recorded in every event), the identity document the clerk checked, the reason
 * of the visit, and the notice that tells the holder's contacts what was done at the desk.
 */
import type { Acting } from "../../domain/actor.ts";
import { isCountryCode } from "../../domain/address/countries.ts";
import { AppError, type FieldError } from "../../domain/errors.ts";
import { findOffice } from "../../domain/offices.ts";
import type { StaffMember } from "../../domain/staff.ts";
import type { Repos } from "../ports.ts";
import { DOCUMENT_TYPES } from "../claim-schema.ts";
import { registeredTargets } from "../recovery.ts";
import { parseRecordReason, type RecordReason } from "./record.ts";

export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export interface CheckedDocument {
  type: DocumentType;
  number: string;
  issuingCountry: string;
  /** YYYY-MM-DD */
  expiry: string;
}

/** The office the clerk works at; every desk action is scoped to it. */
export function clerkOffice(member: StaffMember): string {
  if (member.officeId === null || findOffice(member.officeId) === undefined)
    // The desk routes admit office clerks only, and a clerk's account always has an office.
    throw new Error(`staff member ${member.id} has no office`);
  return member.officeId;
}

export function officeName(officeId: string, lang: "it" | "en"): string {
  return findOffice(officeId)?.name[lang] ?? officeId;
}

export function isIsoDate(v: unknown): v is string {
  if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/u.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

const str = (v: unknown): string => (typeof v === "string" ? v.trim() : "");

/**
 * The identity document as the clerk typed it, pushed to `fields` when wrong: an expired one
 * is refused (`document_expired`), an Italian one too (the PIN is for people without one).
 */
export function checkedDocument(
  raw: unknown,
  today: string,
  fields: FieldError[],
): CheckedDocument | null {
  const o = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const before = fields.length;
  const type = str(o.type);
  if (!(DOCUMENT_TYPES as readonly string[]).includes(type))
    fields.push({ field: "document.type", code: "invalid_document_type" });
  const number = str(o.number).toUpperCase();
  if (!/^[A-Z0-9 -]{3,30}$/u.test(number))
    fields.push({ field: "document.number", code: "invalid_document_number" });
  const issuingCountry = str(o.issuingCountry).toUpperCase();
  if (!isCountryCode(issuingCountry))
    fields.push({ field: "document.issuingCountry", code: "invalid_country" });
  else if (issuingCountry === "IT")
    fields.push({ field: "document.issuingCountry", code: "italian_document" });
  const expiry = str(o.expiry);
  if (!isIsoDate(expiry)) fields.push({ field: "document.expiry", code: "invalid_date" });
  else if (expiry < today) fields.push({ field: "document.expiry", code: "document_expired" });
  if (fields.length > before) return null;
  return { type: type as DocumentType, number, issuingCountry, expiry };
}

/** The reason given, or VALIDATION_FAILED naming `reason` among the other bad fields. */
export function reasonOr(raw: unknown, fields: FieldError[]): RecordReason | null {
  try {
    return parseRecordReason(raw);
  } catch (err) {
    if (err instanceof AppError) fields.push(...err.fields);
    else throw err;
    return null;
  }
}

export function failIfAny(fields: FieldError[]): void {
  if (fields.length > 0) throw new AppError("VALIDATION_FAILED", { fields });
}

export const about = (by: Acting, fiscalCode: string) => ({
  actor: by.actor,
  origin: by.origin,
  subject: fiscalCode,
});

export type DeskEvent = "pin_issued" | "dispositive" | "delegation_registered" | "delegation_ended";

/** Tells every registered contact of the person (and `also`) what the desk did. */
export async function tellContacts(
  deps: { newId: () => string },
  r: Repos,
  a: {
    fiscalCode: string;
    event: DeskEvent;
    officeId: string;
    claimsReleased?: number;
    now: Date;
    also?: { mobile: string; email: string; lang: "it" | "en" };
  },
): Promise<number> {
  const contacts = await r.accounts.contacts(a.fiscalCode);
  const lang = a.also?.lang ?? contacts?.lang ?? "it";
  const targets = contacts === null ? [] : registeredTargets(contacts);
  if (a.also !== undefined)
    targets.push(
      { channel: "sms", recipient: a.also.mobile },
      { channel: "email", recipient: a.also.email },
    );
  const seen = new Set<string>();
  for (const to of targets) {
    const key = `${to.channel}:${to.recipient.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    await r.outbox.enqueue(
      {
        id: deps.newId(),
        kind: "desk_notice",
        ...to,
        payload: {
          lang,
          event: a.event,
          office: officeName(a.officeId, lang),
          claimsReleased: a.claimsReleased ?? 0,
        },
      },
      a.now,
    );
  }
  return seen.size;
}

/**
 * The shape of a recovery request, shared by the API and the form: a valid fiscal code and at
 * least two contacts (seed: "almeno due dei contatti inseriti al momento della registrazione").
 * Nothing here depends on the database, so a refusal tells nothing about the fiscal code.
 */
import { z } from "zod";
import type { FieldError } from "../domain/errors.ts";
import { normalizeMobile } from "../domain/phone.ts";
import { isLang, type Lang } from "../i18n/index.ts";
import { bodyObject, fiscalCodeField, textOf as text, throwIfInvalid } from "./fields.ts";

export interface RecoveryInput {
  fiscalCode: string;
  /** E.164. */
  mobile?: string;
  /** Lower case. */
  email?: string;
  pec?: string;
  lang: Lang;
}

const CONTACTS = ["mobile", "email", "pec"] as const;

const emailSchema = z.string().max(254).pipe(z.email());

export function validateRecovery(raw: unknown, today: string): RecoveryInput {
  const body = bodyObject(raw);
  const fields: FieldError[] = [];
  const fiscalCode = fiscalCodeField(body.fiscalCode, today, fields);
  const out: RecoveryInput = { fiscalCode, lang: isLang(body.lang) ? body.lang : "it" };
  const mobile = text(body.mobile);
  if (mobile !== "") {
    const phone = normalizeMobile(mobile);
    if (phone.ok) out.mobile = phone.e164;
    else
      fields.push({
        field: "mobile",
        code: phone.error === "not_mobile" ? "not_mobile" : "invalid_phone",
      });
  }
  for (const kind of ["email", "pec"] as const) {
    const value = text(body[kind]).toLowerCase();
    if (value === "") continue;
    if (emailSchema.safeParse(value).success) out[kind] = value;
    else fields.push({ field: kind, code: "invalid_email" });
  }
  const given = CONTACTS.filter((k) => text(body[k]) !== "");
  if (given.length < 2) {
    for (const k of CONTACTS)
      if (!given.includes(k)) fields.push({ field: k, code: "two_contacts_required" });
  }
  throwIfInvalid(fields);
  return out;
}

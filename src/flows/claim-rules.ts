/**
 * The cross-field rules of a claim that zod's object shape cannot express on its own: fiscal
 * code check character, municipality required for births in Italy, the contact of the chosen
 * delivery required, postal code and mobile number valid for the country of residence. They
 * also run over the readable parts of a body that failed the shape check, so an empty or
 * half-filled form names every bad field at once.
 */
import type { z } from "zod";
import { isValidPostalCode, normalizePostalCode } from "../domain/address.ts";
import { parseFiscalCode } from "../domain/fiscal-code.ts";
import { normalizeMobile } from "../domain/phone.ts";
import {
  claimBodySchema,
  type ClaimBody,
  type ClaimInput,
  type FieldIssue,
} from "./claim-schema.ts";

/**
 * Cross-field rules zod's object shape cannot express on its own: fiscal code check
 * character, municipality required for births in Italy, postal code and mobile number valid
 * for the country of residence. Returns the normalised input or the list of bad fields.
 */
export function refineClaim(
  body: ClaimBody,
  today: string,
): { ok: true; value: ClaimInput } | { ok: false; issues: FieldIssue[] } {
  const { issues, postalCode, mobile } = crossFieldChecks(
    { ...body, country: body.residence.country, postalCode: body.residence.postalCode },
    today,
  );
  if (issues.length > 0 || postalCode === undefined) return { ok: false, issues };
  return {
    ok: true,
    value: {
      ...body,
      residence: { ...body.residence, postalCode },
      mobile,
      lang: body.lang ?? "it",
    },
  };
}

interface CrossFieldParts {
  fiscalCode?: string | undefined;
  birthDate?: string | undefined;
  birthCountry?: string | undefined;
  birthMunicipality?: string | undefined;
  country?: string | undefined;
  postalCode?: string | undefined;
  mobile?: string | undefined;
  email?: string | undefined;
  /** The delivery chosen: its contact is required. */
  delivery?: "sms" | "email" | undefined;
}

/**
 * The cross-field rules over whichever parts are readable (a part the shape check rejected
 * is undefined and its rules are skipped). Returns the normalised postal code and mobile
 * when they are valid.
 */
function crossFieldChecks(
  p: CrossFieldParts,
  today: string,
): { issues: FieldIssue[]; postalCode?: string; mobile?: string } {
  const issues: FieldIssue[] = [];
  if (p.fiscalCode !== undefined) {
    const cf = parseFiscalCode(p.fiscalCode, today);
    if (!cf.ok) issues.push({ field: "fiscalCode", code: `fiscal_code_${cf.error}` });
  }
  if (p.birthDate !== undefined && p.birthDate > today)
    issues.push({ field: "birthDate", code: "date_in_future" });
  if (p.birthDate !== undefined && p.birthDate < "1900-01-01")
    issues.push({ field: "birthDate", code: "invalid_date" });
  if (p.birthCountry === "IT" && (p.birthMunicipality ?? "") === "") {
    issues.push({ field: "birthMunicipality", code: "required" });
  }
  if (p.delivery === "email" && (p.email ?? "") === "")
    issues.push({ field: "email", code: "required_for_email" });
  if (p.delivery === "sms" && (p.mobile ?? "").trim() === "" && p.country === undefined)
    issues.push({ field: "mobile", code: "required_for_sms" });
  if (p.country === undefined) {
    // Still name a missing postal code: an empty form lists every missing field at once.
    if (p.postalCode !== undefined && p.postalCode.trim() === "")
      issues.push({ field: "residence.postalCode", code: "required" });
    return { issues };
  }
  let postalCode: string | undefined;
  if (p.postalCode !== undefined) {
    const normalized = normalizePostalCode(p.country, p.postalCode);
    if (isValidPostalCode(p.country, normalized)) postalCode = normalized;
    else
      issues.push({
        field: "residence.postalCode",
        code: normalized === "" ? "required" : "invalid_postal_code",
      });
  }
  let mobile: string | undefined;
  if (p.mobile !== undefined && p.mobile.trim() !== "") {
    const phone = normalizeMobile(p.mobile, p.country);
    if (phone.ok) mobile = phone.e164;
    else {
      issues.push({
        field: "mobile",
        code: phone.error === "not_mobile" ? "not_mobile" : "invalid_phone",
      });
    }
  } else if (p.delivery === "sms") issues.push({ field: "mobile", code: "required_for_sms" });
  return {
    issues,
    ...(postalCode === undefined ? {} : { postalCode }),
    ...(mobile === undefined ? {} : { mobile }),
  };
}

/** A body that failed the shape check: the cross-field rules over the parts that passed it. */
export function partialCrossFieldIssues(
  raw: object,
  today: string,
  reported: ReadonlySet<string>,
): FieldIssue[] {
  const shape = claimBodySchema.shape;
  const get = (o: unknown, key: string): unknown =>
    typeof o === "object" && o !== null && !Array.isArray(o)
      ? (o as Record<string, unknown>)[key]
      : undefined;
  const part = <S extends z.ZodType>(schema: S, v: unknown): z.output<S> | undefined => {
    const r = schema.safeParse(v);
    return r.success ? r.data : undefined;
  };
  const residence = get(raw, "residence");
  const { issues } = crossFieldChecks(
    {
      fiscalCode: part(shape.fiscalCode, get(raw, "fiscalCode")),
      birthDate: part(shape.birthDate, get(raw, "birthDate")),
      birthCountry: part(shape.birthCountry, get(raw, "birthCountry")),
      birthMunicipality: reported.has("birthMunicipality")
        ? "-"
        : part(shape.birthMunicipality, get(raw, "birthMunicipality")),
      country: part(shape.residence.shape.country, get(residence, "country")),
      postalCode: part(shape.residence.shape.postalCode, get(residence, "postalCode")),
      mobile: part(shape.mobile, get(raw, "mobile")),
      email: reported.has("email") ? "-" : part(shape.email, get(raw, "email")),
      delivery: part(shape.delivery, get(raw, "delivery")),
    },
    today,
  );
  return issues.filter((i) => !reported.has(i.field));
}

/**
 * The online claim form, as data: shape, normalisation and per-field validation shared by the
 * JSON API and the web form. Every message is a key of the "field." i18n catalogue.
 */
import { z } from "zod";
import { isCountryCode, isValidPostalCode, normalizePostalCode } from "../domain/address.ts";
import { normalizeFiscalCode, parseFiscalCode } from "../domain/fiscal-code.ts";
import { normalizeMobile } from "../domain/phone.ts";
import { AppError } from "../domain/errors.ts";

// Control characters and lone surrogates are no part of a name or an address (and the
// database refuses NUL in text and unpaired surrogates in jsonb).
const CONTROL_OR_LONE_SURROGATE = /[\p{Cc}\p{Cs}]/u;

const text = (max: number) =>
  z
    .string({ error: "required" })
    .transform((s) => s.normalize("NFC").replace(/\s+/gu, " ").trim())
    .pipe(
      z
        .string()
        .min(1, "required")
        .max(max, "too_long")
        .refine((s) => !CONTROL_OR_LONE_SURROGATE.test(s), "invalid"),
    );

/** Optional free text: an empty form field means "not given", not "too short". */
const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    text(max).optional(),
  );

// Letters of any script, spaces, apostrophes (straight and typographic), hyphens and dots.
const NAME = /^[\p{L}\p{M}][\p{L}\p{M}' ’.-]*$/u;
const name = text(80).pipe(z.string().regex(NAME, "invalid_name"));

const country = z
  .string({ error: "required" })
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().min(1, "required").refine(isCountryCode, "invalid_country"));

const isoDate = z
  .string({ error: "required" })
  .trim()
  .min(1, "required")
  .regex(/^\d{4}-\d{2}-\d{2}$/u, "invalid_date")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "invalid_date");

export const DOCUMENT_TYPES = [
  "passport",
  "identity_card",
  "driving_licence",
  "residence_permit",
  "other",
] as const;

export const claimBodySchema = z.object({
  fiscalCode: z
    .string({ error: "required" })
    .transform(normalizeFiscalCode)
    .pipe(z.string().min(1, "required")),
  surname: name,
  givenNames: name,
  sex: z.enum(["M", "F"], { error: "invalid_sex" }),
  birthDate: isoDate,
  birthCountry: country,
  birthMunicipality: optionalText(80),
  residence: z.object(
    {
      country,
      line1: text(120),
      line2: optionalText(120),
      city: text(80),
      region: optionalText(80),
      postalCode: z.string({ error: "required" }).max(20, "too_long"),
    },
    { error: "required" },
  ),
  // Only the contact for the chosen delivery is required (refineClaim): a pensioner without
  // e-mail chooses SMS. An empty field means "not given".
  mobile: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string({ error: "invalid" }).max(40, "too_long").optional(),
  ),
  email: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string({ error: "invalid" })
      .trim()
      .toLowerCase()
      .pipe(z.string().max(254, "too_long").pipe(z.email("invalid_email")))
      .optional(),
  ),
  delivery: z.enum(["sms", "email"], { error: "invalid_delivery" }),
  document: z.object(
    {
      type: z.enum(DOCUMENT_TYPES, { error: "invalid_document_type" }),
      number: text(30).pipe(z.string().regex(/^[A-Za-z0-9 -]{3,30}$/u, "invalid_document_number")),
      issuingCountry: country,
    },
    { error: "required" },
  ),
  lang: z.enum(["it", "en"]).optional(),
});

export type ClaimBody = z.infer<typeof claimBodySchema>;

export interface ClaimInput extends Omit<ClaimBody, "lang" | "mobile"> {
  lang: "it" | "en";
  /** E.164; present when the first half goes by SMS (or when given anyway). */
  mobile: string | undefined;
}

export interface FieldIssue {
  field: string;
  code: string;
}

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
function partialCrossFieldIssues(
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

/** zod issues → our field issues ("residence.postalCode" + message key). */
export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    field: i.path.map(String).join("."),
    code: KNOWN_CODES.has(i.message)
      ? i.message
      : i.code === "invalid_type"
        ? "invalid_type"
        : "invalid",
  }));
}

export const KNOWN_CODES: ReadonlySet<string> = new Set([
  "required",
  "too_long",
  "invalid_name",
  "invalid_country",
  "invalid_date",
  "invalid_sex",
  "invalid_email",
  "invalid_delivery",
  "invalid_document_type",
  "invalid_document_number",
  "resident_in_italy",
  "italian_document",
  "required_for_sms",
  "required_for_email",
]);

/**
 * Raw body → valid ClaimInput, or an AppError the HTTP layer renders: 400 when the body is
 * not an object at all, the policy refusals (residence in Italy, an Italian document) as soon
 * as the country fields are readable, otherwise 422 naming every bad field.
 */
export function validateClaim(raw: unknown, today: string): ClaimInput {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new AppError("MALFORMED_REQUEST");
  const parsed = claimBodySchema.safeParse(raw);
  const refusal = policyRefusal(raw);
  if (refusal !== null) throw refusal;
  if (!parsed.success) {
    // Name every bad field at once: the cross-field rules run on the parts that are readable.
    const fields = zodIssues(parsed.error);
    const reported = new Set(fields.map((f) => f.field));
    throw new AppError("VALIDATION_FAILED", {
      fields: [...fields, ...partialCrossFieldIssues(raw, today, reported)],
    });
  }
  const refined = refineClaim(parsed.data, today);
  if (!refined.ok) throw new AppError("VALIDATION_FAILED", { fields: refined.issues });
  return refined.value;
}

function policyRefusal(raw: object): AppError | null {
  const residence = "residence" in raw ? raw.residence : undefined;
  const residenceCountry =
    typeof residence === "object" && residence !== null && "country" in residence
      ? residence.country
      : undefined;
  if (typeof residenceCountry === "string" && residenceCountry.trim().toUpperCase() === "IT") {
    return new AppError("RESIDENT_IN_ITALY", {
      fields: [{ field: "residence.country", code: "resident_in_italy" }],
    });
  }
  const doc = "document" in raw ? raw.document : undefined;
  const docCountry =
    typeof doc === "object" && doc !== null && "issuingCountry" in doc
      ? doc.issuingCountry
      : undefined;
  if (typeof docCountry === "string" && docCountry.trim().toUpperCase() === "IT") {
    return new AppError("ITALIAN_DOCUMENT_DECLARED", {
      fields: [{ field: "document.issuingCountry", code: "italian_document" }],
    });
  }
  return null;
}

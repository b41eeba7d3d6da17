/**
 * The online claim form, as data: its shape and normalisation (zod), shared by the JSON API and
 * the web form, and the field-error codes it produces (each a key of the "field." catalogue).
 */
import { z } from "zod";
import { isCountryCode } from "../domain/address.ts";
import { normalizeFiscalCode } from "../domain/fiscal-code.ts";

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

/**
 * The catalogue of benefits a person abroad may request (data in data/benefits.json, checked
 * when loaded) and the validation of a claim's fields against it.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { FieldError } from "./errors.ts";
import { isCountryCode } from "./address/countries.ts";

const texts = z.object({ it: z.string().min(1), en: z.string().min(1) });
const field = z.object({
  name: z.string().regex(/^[a-z][A-Za-z]*$/u),
  kind: z.enum(["text", "date", "iban", "country", "choice"]),
  required: z.boolean(),
  maxLength: z.number().int().positive().optional(),
  options: z.array(z.string()).optional(),
  optionLabels: z
    .object({ it: z.record(z.string(), z.string()), en: z.record(z.string(), z.string()) })
    .optional(),
  label: texts,
});
const benefit = z.object({
  type: z.string().regex(/^[a-z_]+$/u),
  name: texts,
  description: texts,
  fields: z.array(field).min(1),
});

export type BenefitField = z.infer<typeof field>;
export type Benefit = z.infer<typeof benefit>;

export const BENEFITS: readonly Benefit[] = z
  .object({ benefits: z.array(benefit).min(1) })
  .parse(
    JSON.parse(readFileSync(new URL("./data/benefits.json", import.meta.url), "utf8")),
  ).benefits;

export function findBenefit(type: unknown): Benefit | undefined {
  return BENEFITS.find((b) => b.type === type);
}

/** ISO 13616: letters and digits, country prefix, check digits mod 97 = 1. */
export function isIban(value: string): boolean {
  const v = value.replace(/\s+/gu, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/u.test(v)) return false;
  const digits = (v.slice(4) + v.slice(0, 4)).replace(/[A-Z]/gu, (c) =>
    String(c.charCodeAt(0) - 55),
  );
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest === 1;
}

function isPastDate(v: string, today: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && v <= today;
}

/** The fields of a claim, trimmed and normalised, or the errors (paths "fields.<name>"). */
export function checkBenefitFields(
  b: Benefit,
  input: unknown,
  today: string,
): { ok: true; fields: Record<string, string> } | { ok: false; errors: FieldError[] } {
  const given =
    typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
  const fields: Record<string, string> = {};
  const errors: FieldError[] = [];
  for (const f of b.fields) {
    const path = `fields.${f.name}`;
    const raw = given[f.name];
    const v = typeof raw === "string" ? raw.trim() : raw === undefined || raw === null ? "" : null;
    if (v === null) errors.push({ field: path, code: "invalid_type" });
    // Control and format characters, lone surrogates: never part of a name, a date or an IBAN.
    else if (/[\p{Cc}\p{Cf}]/u.test(v) || !v.isWellFormed())
      errors.push({ field: path, code: "invalid" });
    else if (v === "") {
      if (f.required) errors.push({ field: path, code: "required" });
    } else if (v.length > (f.maxLength ?? 200)) errors.push({ field: path, code: "too_long" });
    else if (f.kind === "iban" && !isIban(v)) errors.push({ field: path, code: "invalid_iban" });
    else if (f.kind === "date" && !isPastDate(v, today))
      errors.push({ field: path, code: "invalid_date" });
    else if (f.kind === "country" && !isCountryCode(v.toUpperCase()))
      errors.push({ field: path, code: "invalid_country" });
    else if (f.kind === "choice" && !(f.options ?? []).includes(v))
      errors.push({ field: path, code: "invalid_option" });
    else
      fields[f.name] =
        f.kind === "iban"
          ? v.replace(/\s+/gu, "").toUpperCase()
          : f.kind === "country"
            ? v.toUpperCase()
            : v;
  }
  return errors.length === 0 ? { ok: true, fields } : { ok: false, errors };
}

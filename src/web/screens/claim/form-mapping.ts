/**
 * The claim form's flat fields ↔ the JSON body of POST /api/v1/claims, so the form and the API
 * go through the same flow and validation.
 */
import type { Lang } from "../../../i18n/index.ts";
import type { FormValues } from "../../render.ts";

/** Field path (as the validators name it) → the id of the control to focus. */
export function fieldId(path: string): string {
  if (path === "birthDate") return "f-birthDay";
  return `f-${path.replace(/\./gu, "-")}`;
}

/** Flat form fields → the JSON shape of POST /api/v1/claims. */
export function formToClaimBody(f: FormValues, lang: Lang): Record<string, unknown> {
  const pad = (s: string | undefined, n: number) => (s ?? "").trim().padStart(n, "0");
  const day = f.birthDay?.trim() ?? "";
  const month = f.birthMonth?.trim() ?? "";
  const year = f.birthYear?.trim() ?? "";
  const birthDate =
    day === "" && month === "" && year === ""
      ? ""
      : `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  return {
    fiscalCode: f.fiscalCode ?? "",
    surname: f.surname ?? "",
    givenNames: f.givenNames ?? "",
    sex: f.sex ?? "",
    birthDate,
    birthCountry: f.birthCountry ?? "",
    birthMunicipality: f.birthMunicipality ?? "",
    residence: {
      country: f["residence.country"] ?? "",
      line1: f["residence.line1"] ?? "",
      line2: f["residence.line2"] ?? "",
      city: f["residence.city"] ?? "",
      region: f["residence.region"] ?? "",
      postalCode: f["residence.postalCode"] ?? "",
    },
    mobile: f.mobile ?? "",
    email: f.email ?? "",
    delivery: f.delivery ?? "",
    document: {
      type: f["document.type"] ?? "",
      number: f["document.number"] ?? "",
      issuingCountry: f["document.issuingCountry"] ?? "",
    },
    lang,
  };
}

/**
 * The inverse of formToClaimBody: a claim body (as built for the demo people) → the flat
 * form fields, so the development page can pre-fill the form. Unknown or non-string values
 * are left out.
 */
export function claimBodyToForm(body: Readonly<Record<string, unknown>>): FormValues {
  const out: Record<string, string> = {};
  const put = (name: string, v: unknown) => {
    if (typeof v === "string" && v !== "") out[name] = v;
  };
  for (const [k, v] of Object.entries(body)) {
    if (k === "birthDate" || k === "lang") continue;
    if ((k === "residence" || k === "document") && typeof v === "object" && v !== null) {
      for (const [sub, sv] of Object.entries(v as Record<string, unknown>)) put(`${k}.${sub}`, sv);
    } else put(k, v);
  }
  const birth =
    typeof body.birthDate === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/u.exec(body.birthDate) : null;
  if (birth !== null) {
    out.birthYear = birth[1] ?? "";
    out.birthMonth = String(Number(birth[2]));
    out.birthDay = String(Number(birth[3]));
  }
  return out;
}

/**
 * What the desk's pages share: the identity-document and reason fieldsets (named after the
 * flows' fields, so a refusal lands next to its control), the error summary, and the page
 * frame with the desk's breadcrumb.
 */
import { listCountries } from "../../../../domain/address/countries.ts";
import { RECORD_REASON_KINDS } from "../../../../flows/staff/record.ts";
import { DOCUMENT_TYPES } from "../../../../flows/claim-schema.ts";
import { t, type Lang } from "../../../../i18n/index.ts";
import { errorSummary, selectField, textField, type FieldErrors } from "../../../components.ts";
import { html, type Html } from "../../../html.ts";
import type { FormValues } from "../../../render.ts";

export const DESK_PATHS = {
  mv35: "/operatori/sportello/mv35",
  conversion: "/operatori/sportello/conversione",
  delegations: "/operatori/sportello/deleghe",
  newDelegation: "/operatori/sportello/deleghe/nuova",
} as const;

/** The id of a flow field's control ("document.type" → "f-document-type"). */
export const fieldId = (field: string): string => `f-${field.replace(/\./gu, "-")}`;

/** The summary at the top: each refusal linking to its control, labelled. */
export function summary(lang: Lang, errors: FieldErrors, labels: Record<string, string>): Html {
  return errorSummary(
    t(lang, "form.errorSummary"),
    [...errors.entries()].map(([field, text]) => ({
      href: `#${fieldId(field)}`,
      text: `${labels[field] ?? field}: ${text}`,
    })),
  );
}

export function documentLabels(lang: Lang): Record<string, string> {
  return {
    "document.type": t(lang, "desk.document.type"),
    "document.number": t(lang, "desk.document.number"),
    "document.issuingCountry": t(lang, "desk.document.issuingCountry"),
    "document.expiry": t(lang, "desk.document.expiry"),
    reason: t(lang, "desk.reason.legend"),
    fiscalCode: t(lang, "deskPdf.fiscalCode"),
  };
}

export function documentFieldset(lang: Lang, v: FormValues, errors: FieldErrors): Html {
  const text = (field: string, label: string, o: { maxlength: number; hint?: string }) =>
    textField({
      id: fieldId(field),
      name: field,
      label,
      value: v[field],
      error: errors.get(field),
      maxlength: o.maxlength,
      hint: o.hint,
      spellcheck: false,
      autocapitalize: "characters",
    });
  return html`<fieldset class="mb-4"><legend class="h5">${t(lang, "desk.document.legend")}</legend>
${selectField({
  id: fieldId("document.type"),
  name: "document.type",
  label: t(lang, "desk.document.type"),
  value: v["document.type"],
  error: errors.get("document.type"),
  options: DOCUMENT_TYPES.map((d) => ({ value: d, label: t(lang, `desk.document.types.${d}`) })),
})}
${text("document.number", t(lang, "desk.document.number"), { maxlength: 30 })}
${selectField({
  id: fieldId("document.issuingCountry"),
  name: "document.issuingCountry",
  label: t(lang, "desk.document.issuingCountry"),
  value: v["document.issuingCountry"],
  error: errors.get("document.issuingCountry"),
  options: listCountries(lang).map((c) => ({ value: c.code, label: c.name })),
})}
${text("document.expiry", t(lang, "desk.document.expiry"), { maxlength: 10 })}
</fieldset>`;
}

export function reasonFieldset(lang: Lang, v: FormValues, errors: FieldErrors): Html {
  const error = errors.get("reason");
  return html`<fieldset class="mb-4" id="${fieldId("reason")}"><legend class="h5">${t(lang, "desk.reason.legend")}</legend>
${selectField({
  id: "f-reasonKind",
  name: "reasonKind",
  label: t(lang, "desk.reason.kind"),
  value: v.reasonKind ?? "appointment",
  error,
  options: RECORD_REASON_KINDS.map((k) => ({ value: k, label: t(lang, `desk.reason.kinds.${k}`) })),
})}
${textField({ id: "f-reasonRef", name: "reasonRef", label: t(lang, "desk.reason.ref"), value: v.reasonRef, maxlength: 80, invalidBy: error === undefined ? undefined : "f-reasonKind-error" })}
</fieldset>`;
}

/** The flows' body parts typed on a desk form. */
export function documentOf(v: FormValues): Record<string, string | undefined> {
  return {
    type: v["document.type"],
    number: v["document.number"],
    issuingCountry: v["document.issuingCountry"],
    expiry: v["document.expiry"],
  };
}

export const reasonOf = (v: FormValues) => ({ kind: v.reasonKind, ref: v.reasonRef });

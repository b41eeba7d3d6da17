/**
 * Delegations of the digital identity (SPEC.md "Delegation", seed FAQ, INPS circular 127/2021):
 * a person unable to use the online services delegates a trusted person, who acts for them
 * with their own credentials. Registered only at an office desk, on one of three forms, each
 * requiring its documents:
 *
 * - AA08: the delegator comes to the desk; a copy of their identity document.
 * - AA09: the delegator cannot come for health reasons; the delegate brings a certificate of
 *   an SSN doctor, the delegator's original identity document and a copy of their own.
 * - AA10: parents of minors, guardians, curators, support administrators; a copy of the
 *   applicant's identity document and the self-certification of parental authority (or the
 *   court order). A parent's delegation for a minor ends when the minor turns 18.
 */

export const DELEGATION_FORMS = ["AA08", "AA09", "AA10"] as const;
export type DelegationForm = (typeof DELEGATION_FORMS)[number];

export const DELEGATION_AUTHORITIES = [
  "parent",
  "guardian",
  "curator",
  "support_administrator",
] as const;
export type DelegationAuthority = (typeof DELEGATION_AUTHORITIES)[number];

export const DELEGATION_DOCUMENTS = [
  "signed_form",
  "delegator_id_copy",
  "health_certificate",
  "delegator_id_original",
  "delegate_id_copy",
  "applicant_id_copy",
  "authority_proof",
] as const;
export type DelegationDocumentRole = (typeof DELEGATION_DOCUMENTS)[number];

/** The documents each form requires (the signed form itself first). */
export const REQUIRED_DOCUMENTS: Readonly<
  Record<DelegationForm, readonly DelegationDocumentRole[]>
> = {
  AA08: ["signed_form", "delegator_id_copy"],
  AA09: ["signed_form", "health_certificate", "delegator_id_original", "delegate_id_copy"],
  AA10: ["signed_form", "applicant_id_copy", "authority_proof"],
};

/** The multipart field (and form control) of each document. */
export const DOCUMENT_FIELDS: Readonly<Record<DelegationDocumentRole, string>> = {
  signed_form: "signedForm",
  delegator_id_copy: "delegatorIdCopy",
  health_certificate: "healthCertificate",
  delegator_id_original: "delegatorIdOriginal",
  delegate_id_copy: "delegateIdCopy",
  applicant_id_copy: "applicantIdCopy",
  authority_proof: "authorityProof",
};

export function isDelegationForm(v: unknown): v is DelegationForm {
  return typeof v === "string" && (DELEGATION_FORMS as readonly string[]).includes(v);
}

export function isDelegationAuthority(v: unknown): v is DelegationAuthority {
  return typeof v === "string" && (DELEGATION_AUTHORITIES as readonly string[]).includes(v);
}

/** The day a person born on `birthDate` turns 18 (29 February → 1 March in common years). */
export function eighteenthBirthday(birthDate: string): string {
  const [y, m, d] = birthDate.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y + 18, m - 1, d));
  return t.toISOString().slice(0, 10);
}

/** The day before `date` (YYYY-MM-DD). */
export function dayBefore(date: string): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

/** Whether the person is a minor on `date`. */
export function isMinorOn(birthDate: string, date: string): boolean {
  return date < eighteenthBirthday(birthDate);
}

/**
 * A minor's delegation lasts until the day before the 18th birthday at most: the end asked
 * for, capped; none asked for, the cap itself.
 */
export function minorEndDate(birthDate: string, asked: string | null): string {
  const last = dayBefore(eighteenthBirthday(birthDate));
  return asked === null || asked > last ? last : asked;
}

export type DelegationStatus = "scheduled" | "active" | "expired" | "ended";

export function delegationStatus(
  d: { startDate: string; endDate: string; endedAt: Date | null },
  today: string,
): DelegationStatus {
  if (d.endedAt !== null) return "ended";
  if (today < d.startDate) return "scheduled";
  if (today > d.endDate) return "expired";
  return "active";
}

/**
 * Registering a delegation at the desk (forms AA08, AA09, AA10: domain/delegations.ts). The
 * clerk cannot register one without every document its form requires: each is a scan judged
 * by content (security/uploads.ts) and stored sealed under its own key (security/envelope.ts)
 * in `delegation_document`. The delegator must be in the archive (their birth date caps a
 * minor's delegation at 18); the delegate is identified by fiscal code. Both are told, and
 * both see the event in their activity.
 */
import type { Acting } from "../../domain/actor.ts";
import {
  DELEGATION_DOCUMENTS,
  DOCUMENT_FIELDS,
  isDelegationAuthority,
  isDelegationForm,
  isMinorOn,
  minorEndDate,
  REQUIRED_DOCUMENTS,
  type DelegationAuthority,
  type DelegationDocumentRole,
  type DelegationForm,
} from "../../domain/delegations.ts";
import { romeDate } from "../../domain/eligibility.ts";
import { AppError, type FieldError } from "../../domain/errors.ts";
import type { StaffMember } from "../../domain/staff.ts";
import { documentContext, sealDocument, type DocumentKeyring } from "../../security/envelope.ts";
import { inspectUpload, type UploadMediaType } from "../../security/uploads.ts";
import { displayName, type UploadedFile } from "../conversion.ts";
import type { BaseDeps } from "../deps.ts";
import type { Delegation } from "../ports-desk.ts";
import { about, clerkOffice, failIfAny, isIsoDate, reasonOr, tellContacts } from "./desk-common.ts";
import { staffFiscalCode, type RecordReason } from "./record.ts";

export interface DelegationDeps extends BaseDeps {
  newId: () => string;
  documentKey: DocumentKeyring;
}

export interface DelegationRequest {
  by: Acting;
  member: StaffMember;
  /** Text fields: fiscalCode, delegateFiscalCode, form, authority, startDate, endDate. */
  fields: Readonly<Record<string, string | undefined>>;
  reason: unknown;
  files: Partial<Record<DelegationDocumentRole, UploadedFile>>;
}

interface Checked {
  delegator: string;
  delegate: string;
  form: DelegationForm;
  authority: DelegationAuthority | null;
  startDate: string;
  endAsked: string | null;
  reason: RecordReason;
}

function checkFields(req: DelegationRequest, now: Date, errors: FieldError[]): Checked | null {
  const f = req.fields;
  const today = romeDate(now);
  const code = (field: string, v: unknown): string => {
    try {
      return staffFiscalCode(v, now);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      errors.push(...err.fields.map((e) => ({ ...e, field })));
      return "";
    }
  };
  const delegator = code("fiscalCode", f.fiscalCode);
  const delegate = code("delegateFiscalCode", f.delegateFiscalCode);
  if (delegator !== "" && delegator === delegate)
    errors.push({ field: "delegateFiscalCode", code: "delegate_same_person" });
  const form = f.form;
  if (!isDelegationForm(form)) errors.push({ field: "form", code: "invalid_form" });
  const authority = f.authority === "" || f.authority === undefined ? null : f.authority;
  if (form === "AA10" && !isDelegationAuthority(authority))
    errors.push({ field: "authority", code: "authority_required" });
  const startDate = f.startDate === undefined || f.startDate === "" ? today : f.startDate;
  if (!isIsoDate(startDate)) errors.push({ field: "startDate", code: "invalid_date" });
  else if (startDate < today) errors.push({ field: "startDate", code: "date_in_past" });
  const endAsked = f.endDate === undefined || f.endDate === "" ? null : f.endDate;
  if (endAsked !== null && !isIsoDate(endAsked))
    errors.push({ field: "endDate", code: "invalid_date" });
  else if (endAsked !== null && isIsoDate(startDate) && endAsked < startDate)
    errors.push({ field: "endDate", code: "end_before_start" });
  // Only a minor's delegation has an end of its own (the 18th birthday).
  if (endAsked === null && !(form === "AA10" && authority === "parent"))
    errors.push({ field: "endDate", code: "end_required" });
  const reason = reasonOr(req.reason, errors);
  if (!isDelegationForm(form) || reason === null) return null;
  return {
    delegator,
    delegate,
    form,
    authority: form === "AA10" && isDelegationAuthority(authority) ? authority : null,
    startDate,
    endAsked,
    reason,
  };
}

export async function registerDelegation(
  deps: DelegationDeps,
  req: DelegationRequest,
): Promise<{ id: string; startDate: string; endDate: string }> {
  const officeId = clerkOffice(req.member);
  const now = deps.clock.now();
  const errors: FieldError[] = [];
  const c = checkFields(req, now, errors);
  // Every document the form requires, judged by content; a refusal names the file.
  const accepted: { role: DelegationDocumentRole; type: UploadMediaType; bytes: Buffer }[] = [];
  const refused: { field: string; refusal: string }[] = [];
  const required = c === null ? [] : REQUIRED_DOCUMENTS[c.form];
  for (const role of DELEGATION_DOCUMENTS) {
    const field = DOCUMENT_FIELDS[role];
    const file = req.files[role];
    if (!required.includes(role)) continue;
    if (file === undefined) {
      errors.push({ field, code: "file_required" });
      continue;
    }
    const name = displayName(file.fileName);
    const v = file.truncated
      ? ({ ok: false, refusal: "too_large" } as const)
      : await inspectUpload(file.bytes);
    if (v.ok) accepted.push({ role, type: v.mediaType, bytes: v.bytes });
    else {
      errors.push({ field, code: `upload_${v.refusal}`, params: { file: name } });
      refused.push({ field, refusal: v.refusal });
    }
  }
  if (refused.length > 0)
    await deps.uow.run(async (r) => {
      for (const x of refused)
        r.audit.record({
          type: "delegation.upload_refused",
          outcome: "refused",
          actor: req.by.actor,
          origin: req.by.origin,
          ...(c === null || c.delegator === "" ? {} : { subject: c.delegator }),
          details: { officeId, ...x },
        });
    });
  failIfAny(errors);
  if (c === null) throw new Error("unreachable");
  const person = await deps.uow.direct.archive.findPerson(c.delegator);
  if (person === null)
    throw new AppError("VALIDATION_FAILED", {
      fields: [{ field: "fiscalCode", code: "delegator_unknown" }],
    });
  let endDate = c.endAsked ?? c.startDate;
  if (c.authority === "parent") {
    if (!isMinorOn(person.birthDate, c.startDate))
      throw new AppError("VALIDATION_FAILED", {
        fields: [{ field: "fiscalCode", code: "delegator_not_minor" }],
      });
    endDate = minorEndDate(person.birthDate, c.endAsked);
  }
  const id = deps.newId();
  const today = romeDate(now);
  return deps.uow.run(async (r) => {
    await r.desk.lockPerson(c.delegator);
    const running = (await r.desk.delegationsOf(c.delegator)).some(
      (d) => d.delegateFiscalCode === c.delegate && d.endedAt === null && d.endDate >= today,
    );
    if (running) throw new AppError("DELEGATION_EXISTS");
    const d: Delegation = {
      id,
      delegatorFiscalCode: c.delegator,
      delegateFiscalCode: c.delegate,
      form: c.form,
      authority: c.authority,
      startDate: c.startDate,
      endDate,
      officeId,
      registeredBy: req.member.id,
      registeredAt: now,
      endedAt: null,
      endedBy: null,
      endOfficeId: null,
    };
    await r.desk.insertDelegation(d);
    for (const f of accepted) {
      const doc = { id: deps.newId(), requestId: id, role: f.role, mediaType: f.type };
      await r.desk.putDelegationDocument({
        id: doc.id,
        delegationId: id,
        role: f.role,
        mediaType: f.type,
        size: f.bytes.length,
        ...sealDocument(deps.documentKey, f.bytes, documentContext(doc)),
        createdAt: now,
      });
    }
    for (const [role, fc] of [
      ["delegator", c.delegator],
      ["delegate", c.delegate],
    ] as const) {
      r.audit.record({
        type: "delegation.registered",
        outcome: "success",
        ...about(req.by, fc),
        details: {
          delegationId: id,
          form: c.form,
          role,
          officeId,
          startDate: c.startDate,
          endDate,
          documents: accepted.length,
          reason: c.reason.kind,
          ref: c.reason.ref,
        },
      });
      await tellContacts(deps, r, {
        fiscalCode: fc,
        event: "delegation_registered",
        officeId,
        now,
      });
    }
    return { id, startDate: c.startDate, endDate };
  });
}

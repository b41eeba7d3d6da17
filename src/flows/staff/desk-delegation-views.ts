/**
 * Delegations read and ended: by a clerk for a person at the desk (the reading audited with its
 * reason, each party of an ending told and shown it in their activity), and by the holder,
 * who sees the delegations they gave and those they received (/api/v1/me/delegations).
 */
import { isUuid } from "../../domain/ids.ts";
import type { Acting } from "../../domain/actor.ts";
import { delegationStatus, type DelegationStatus } from "../../domain/delegations.ts";
import { romeDate } from "../../domain/eligibility.ts";
import { AppError, type FieldError } from "../../domain/errors.ts";
import type { StaffMember } from "../../domain/staff.ts";
import type { BaseDeps } from "../deps.ts";
import type { Delegation } from "../ports-desk.ts";
import type { Repos } from "../ports.ts";
import { about, clerkOffice, failIfAny, reasonOr, tellContacts } from "./desk-common.ts";
import { staffFiscalCode } from "./record.ts";

export interface DelegationView {
  id: string;
  form: string;
  authority: string | null;
  delegatorFiscalCode: string;
  delegatorName: string | null;
  delegateFiscalCode: string;
  delegateName: string | null;
  startDate: string;
  endDate: string;
  status: DelegationStatus;
  officeId: string;
  registeredAt: string;
  endedAt: string | null;
}

async function view(
  r: Pick<Repos, "archive">,
  d: Delegation,
  today: string,
): Promise<DelegationView> {
  const name = async (fc: string) => {
    const p = await r.archive.findPerson(fc);
    return p === null ? null : `${p.givenNames} ${p.surname}`;
  };
  return {
    id: d.id,
    form: d.form,
    authority: d.authority,
    delegatorFiscalCode: d.delegatorFiscalCode,
    delegatorName: await name(d.delegatorFiscalCode),
    delegateFiscalCode: d.delegateFiscalCode,
    delegateName: await name(d.delegateFiscalCode),
    startDate: d.startDate,
    endDate: d.endDate,
    status: delegationStatus(d, today),
    officeId: d.officeId,
    registeredAt: d.registeredAt.toISOString(),
    endedAt: d.endedAt === null ? null : d.endedAt.toISOString(),
  };
}

export interface PersonDelegations {
  /** The person is the delegator: others act for them. */
  given: DelegationView[];
  /** The person is the delegate: they act for others. */
  received: DelegationView[];
}

async function split(
  r: Pick<Repos, "archive" | "desk">,
  fiscalCode: string,
  today: string,
): Promise<PersonDelegations> {
  const all = await r.desk.delegationsOf(fiscalCode);
  const views = await Promise.all(all.map((d) => view(r, d, today)));
  return {
    given: views.filter((v) => v.delegatorFiscalCode === fiscalCode),
    received: views.filter((v) => v.delegateFiscalCode === fiscalCode),
  };
}

/** The holder's own delegations (their session's fiscal code). */
export async function myDelegations(
  deps: BaseDeps,
  fiscalCode: string,
): Promise<PersonDelegations> {
  return split(deps.uow.direct, fiscalCode, romeDate(deps.clock.now()));
}

/** A person's delegations for a clerk, read for a reason (audited; the person sees it). */
export async function delegationsForDesk(
  deps: BaseDeps,
  req: { by: Acting; member: StaffMember; fiscalCode: unknown; reason: unknown },
): Promise<PersonDelegations & { fiscalCode: string }> {
  const officeId = clerkOffice(req.member);
  const now = deps.clock.now();
  const fields: FieldError[] = [];
  let fc = "";
  try {
    fc = staffFiscalCode(req.fiscalCode, now);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    fields.push(...err.fields);
  }
  const reason = reasonOr(req.reason, fields);
  failIfAny(fields);
  if (reason === null) throw new Error("unreachable");
  return deps.uow.run(async (r) => {
    const found = await split(r, fc, romeDate(now));
    r.audit.record({
      type: "delegation.listed",
      outcome: "success",
      ...about(req.by, fc),
      details: {
        officeId,
        count: found.given.length + found.received.length,
        reason: reason.kind,
        ref: reason.ref,
      },
    });
    return { fiscalCode: fc, ...found };
  });
}

export interface DeskDeps extends BaseDeps {
  newId: () => string;
}

/** Ends a delegation at the desk (any office: the delegator may end it wherever they are). */
export async function endDelegationAtDesk(
  deps: DeskDeps,
  req: { by: Acting; member: StaffMember; id: string; reason: unknown },
): Promise<{ id: string; status: "ended" }> {
  const officeId = clerkOffice(req.member);
  const fields: FieldError[] = [];
  const reason = reasonOr(req.reason, fields);
  failIfAny(fields);
  if (reason === null) throw new Error("unreachable");
  if (!isUuid(req.id)) throw new AppError("NOT_FOUND");
  const now = deps.clock.now();
  return deps.uow.run(async (r) => {
    const d = await r.desk.findDelegation(req.id);
    if (d === null) throw new AppError("NOT_FOUND");
    if (!(await r.desk.endDelegation(d.id, { at: now, staffId: req.member.id, officeId })))
      throw new AppError("DELEGATION_ENDED");
    for (const [role, fc] of [
      ["delegator", d.delegatorFiscalCode],
      ["delegate", d.delegateFiscalCode],
    ] as const) {
      r.audit.record({
        type: "delegation.ended",
        outcome: "success",
        ...about(req.by, fc),
        details: { delegationId: d.id, role, officeId, reason: reason.kind, ref: reason.ref },
      });
      await tellContacts(deps, r, { fiscalCode: fc, event: "delegation_ended", officeId, now });
    }
    return { id: d.id, status: "ended" as const };
  });
}

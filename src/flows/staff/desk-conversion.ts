/**
 * Conversion to dispositive in person (SPEC.md "Conversion to dispositive", the desk
 * alternative): once the clerk has checked the identity document, the active PIN becomes
 * dispositive, the holder's waiting benefit claims go into processing, any open online
 * request is closed as approved by the clerk, and the holder is told — one transaction, as
 * the reviewer's approval (conversion-review.ts) does.
 */
import type { Acting } from "../../domain/actor.ts";
import { romeDate } from "../../domain/eligibility.ts";
import { AppError, type FieldError } from "../../domain/errors.ts";
import type { StaffMember } from "../../domain/staff.ts";
import type { BaseDeps } from "../deps.ts";
import {
  about,
  checkedDocument,
  clerkOffice,
  failIfAny,
  reasonOr,
  tellContacts,
} from "./desk-common.ts";
import { staffFiscalCode } from "./record.ts";

export interface DeskConversionDeps extends BaseDeps {
  newId: () => string;
}

export interface DeskConversionDone {
  level: "dispositive";
  claimsReleased: string[];
  requestsClosed: string[];
}

export async function convertAtDesk(
  deps: DeskConversionDeps,
  req: { by: Acting; member: StaffMember; body: unknown },
): Promise<DeskConversionDone> {
  const officeId = clerkOffice(req.member);
  const now = deps.clock.now();
  const o =
    typeof req.body === "object" && req.body !== null ? (req.body as Record<string, unknown>) : {};
  const fields: FieldError[] = [];
  let fc = "";
  try {
    fc = staffFiscalCode(o.fiscalCode, now);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    fields.push(...err.fields);
  }
  const document = checkedDocument(o.document, romeDate(now), fields);
  const reason = reasonOr(o.reason, fields);
  failIfAny(fields);
  if (document === null || reason === null) throw new Error("unreachable");
  return deps.uow.run(async (r) => {
    const active = await r.credentials.active(fc);
    if (active === null) throw new AppError("DESK_NO_PIN");
    if (active.level === "dispositive") throw new AppError("ALREADY_DISPOSITIVE");
    // The update locks the credential row: a benefit claim being filed meanwhile (which reads
    // the level FOR SHARE) commits first and is released below, or waits and sees the level.
    if (!(await r.levels.makeDispositive(fc))) throw new AppError("DESK_CONFLICT");
    const released = await r.benefitClaims.releaseWaiting(fc, now);
    const closed: string[] = [];
    for (const c of await r.conversions.ofPerson(fc)) {
      if (c.status !== "submitted") continue;
      const decided = await r.conversions.decide(c.id, {
        status: "approved",
        reason: null,
        at: now,
        by: `staff:${req.member.id}`,
      });
      if (!decided) continue;
      closed.push(c.id);
      r.audit.record({
        type: "conversion.approved",
        outcome: "success",
        ...about(req.by, fc),
        details: { requestId: c.id, claimsReleased: released.length },
      });
    }
    for (const protocol of released)
      r.audit.record({
        type: "benefit_claim.released",
        outcome: "success",
        ...about(req.by, fc),
        details: { protocol, requestId: closed[0] ?? "desk" },
      });
    r.audit.record({
      type: "desk.converted",
      outcome: "success",
      ...about(req.by, fc),
      details: {
        officeId,
        claimsReleased: released.length,
        requestsClosed: closed.length,
        document: document.type,
        issuingCountry: document.issuingCountry,
        reason: reason.kind,
        ref: reason.ref,
      },
    });
    await tellContacts(deps, r, {
      fiscalCode: fc,
      event: "dispositive",
      officeId,
      claimsReleased: released.length,
      now,
    });
    return { level: "dispositive" as const, claimsReleased: released, requestsClosed: closed };
  });
}

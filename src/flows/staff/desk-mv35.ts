/**
 * Form MV35: a dispositive PIN claimed in person at an office desk (SPEC.md claim channel 3,
 * seed "Richiesta assegnazione PIN dispositivo per il cittadino in sede").
 *
 *   clerk ──applicant not confirmed present / bad field / expired or Italian document──▶ 422
 *         ──not eligible (unknown fiscal code, residence in Italy, Italian document on file,
 *         │   not eligible on the date)──▶ 422 DESK_NOT_ELIGIBLE with the reasons (audited)
 *         ──the form's request key used before──▶ 409 DESK_ALREADY_ISSUED (a resubmitted form
 *         │   never issues a second PIN)
 *         └──▶ a 16-character initial PIN, level dispositive, claim channel "desk"; an active
 *               PIN ends ("superseded", its sessions with it), lockout counters and pending
 *               recovery links go; contacts stored; the PIN returned once and kept sealed for
 *               one download of its PDF by the same clerk within 5 minutes.
 */
import { isUuid } from "../../domain/ids.ts";
import type { Acting } from "../../domain/actor.ts";
import { romeDate } from "../../domain/eligibility.ts";
import { AppError, ConflictError } from "../../domain/errors.ts";
import { generatePin, INITIAL_PIN_LENGTH } from "../../domain/pin.ts";
import type { StaffMember } from "../../domain/staff.ts";
import { open, seal } from "../../security/crypto.ts";
import type { LimitsDeps, PinIssuingDeps } from "../deps.ts";
import { subjectKeyOf } from "../pin-check.ts";
import { about, clerkOffice, tellContacts } from "./desk-common.ts";
import { eligibilityProblems, validateMv35 } from "./desk-mv35-input.ts";

export { eligibilityProblems, validateMv35, type Mv35Input } from "./desk-mv35-input.ts";

export type DeskPinDeps = PinIssuingDeps & LimitsDeps;

/** How long the printout of a PIN issued at the desk can be downloaded (once). */
export const DESK_PIN_SECONDS = 5 * 60;

export interface IssuedDeskPin {
  pin: string;
  pdfId: string;
  level: "dispositive";
  replaced: boolean;
  expiresAt: Date;
  holderName: string;
}

const sealContext = (id: string, staffId: string, credentialId: string) =>
  `desk-pin|${id}|${staffId}|${credentialId}`;

export async function issueDeskPin(
  deps: DeskPinDeps,
  req: { by: Acting; member: StaffMember; body: unknown },
): Promise<IssuedDeskPin> {
  const officeId = clerkOffice(req.member);
  const now = deps.clock.now();
  const input = validateMv35(req.body, now);
  const fc = input.fiscalCode;
  if (input.requestKey !== null) {
    const earlier = await deps.uow.direct.desk.handoverByRequest(
      req.member.id,
      input.requestKey,
      now,
    );
    if (earlier !== null)
      throw new AppError("DESK_ALREADY_ISSUED", {
        extra: { pdfId: earlier.id, printable: earlier.printable },
      });
  }
  const person = await deps.uow.direct.archive.findPerson(fc);
  const reasons = eligibilityProblems(person, romeDate(now));
  if (person === null || reasons.length > 0) {
    await deps.uow.run(async (r) => {
      r.audit.record({
        type: "desk.mv35_refused",
        outcome: "refused",
        ...about(req.by, fc),
        details: { officeId, reasons, reason: input.reason.kind, ref: input.reason.ref },
      });
    });
    throw new AppError("DESK_NOT_ELIGIBLE", { extra: { reasons: reasons.join(",") } });
  }
  // Hashed before the transaction: no row locks held for argon2id.
  const pin = generatePin(INITIAL_PIN_LENGTH, deps.randomBytes);
  const pinHash = await deps.hasher.hash(pin);
  const claimId = deps.newId();
  const credentialId = deps.newId();
  const pdfId = deps.newId();
  const expiresAt = new Date(now.getTime() + DESK_PIN_SECONDS * 1000);
  const replaced = await deps.uow
    .run(async (r) => {
      await r.desk.expireHandovers(now);
      const old = await r.credentials.active(fc);
      // Counters first, then the credential: the order a login takes its locks in.
      await r.throttle.clearSubject(subjectKeyOf(deps, fc), now);
      if (old !== null && (await r.credentials.end(old.id, "superseded", now)) === null)
        throw new ConflictError("the PIN changed meanwhile");
      await r.links.cancelPending(fc, "recovery", now);
      for (const id of await r.claims.supersedePending(fc, claimId, now))
        r.audit.record({
          type: "claim.superseded",
          outcome: "success",
          ...about(req.by, fc),
          details: { claimId: id, supersededBy: claimId },
        });
      // The holder's earlier contacts are told first (an impostor at a desk would show there).
      await tellContacts(deps, r, {
        fiscalCode: fc,
        event: "pin_issued",
        officeId,
        now,
        also: { mobile: input.mobile, email: input.email, lang: input.lang },
      });
      const pec = (await r.accounts.contacts(fc))?.pec ?? null;
      await r.accounts.upsertContacts(
        fc,
        { mobile: input.mobile, email: input.email, pec, lang: input.lang },
        now,
      );
      await r.desk.insertClaim({
        id: claimId,
        fiscalCode: fc,
        declared: {
          officeId,
          applicantPresent: true,
          // What the clerk checked, as an online claim keeps what was typed (never in the audit).
          document: {
            type: input.document.type,
            number: input.document.number,
            issuingCountry: input.document.issuingCountry,
            expiry: input.document.expiry,
          },
        },
        lang: input.lang,
        createdAt: now,
      });
      await r.credentials.insert({
        id: credentialId,
        fiscalCode: fc,
        kind: "initial",
        level: "dispositive",
        pinHash,
        setAt: now,
        claimId,
      });
      await r.desk.saveHandover({
        id: pdfId,
        staffId: req.member.id,
        officeId,
        fiscalCode: fc,
        credentialId,
        requestKey: input.requestKey,
        sealed: seal(deps.keys.deskPin, pin, sealContext(pdfId, req.member.id, credentialId)),
        expiresAt,
        createdAt: now,
      });
      r.audit.record({
        type: "claim.received",
        outcome: "success",
        ...about(req.by, fc),
        details: { claimId, channel: "desk" },
      });
      r.audit.record({
        type: "desk.pin_issued",
        outcome: "success",
        ...about(req.by, fc),
        details: {
          claimId,
          officeId,
          level: "dispositive",
          replaced: old !== null,
          document: input.document.type,
          issuingCountry: input.document.issuingCountry,
          reason: input.reason.kind,
          ref: input.reason.ref,
        },
      });
      return old !== null;
    })
    .catch((err: unknown) => {
      if (err instanceof ConflictError)
        throw new AppError(
          err.message.includes("request key") ? "DESK_ALREADY_ISSUED" : "DESK_CONFLICT",
          { cause: err },
        );
      throw err;
    });
  return {
    pin,
    pdfId,
    level: "dispositive",
    replaced,
    expiresAt,
    holderName: `${person.givenNames} ${person.surname}`,
  };
}

export interface DeskPinPrintout {
  pin: string;
  fiscalCode: string;
  holderName: string;
  officeId: string;
  issuedOn: string;
}

/**
 * The PIN for its one printout: the clerk who issued it, within its time; the sealed copy is
 * erased by this very read. Anything else answers NOT_FOUND (audited).
 */
export async function takeDeskPin(
  deps: DeskPinDeps,
  req: { by: Acting; member: StaffMember; id: string },
): Promise<DeskPinPrintout> {
  const officeId = clerkOffice(req.member);
  const now = deps.clock.now();
  const id = isUuid(req.id) ? req.id : null;
  return deps.uow
    .run(async (r) => {
      const taken = id === null ? null : await r.desk.takeHandover(id, req.member.id, now);
      const active = taken === null ? null : await r.credentials.active(taken.fiscalCode);
      if (taken === null || id === null || active?.id !== taken.credentialId) {
        r.audit.record({
          type: "desk.pin_print_refused",
          outcome: "refused",
          actor: req.by.actor,
          origin: req.by.origin,
          details: { officeId, handoverId: id ?? "-" },
        });
        // Recorded, then refused: the refusal must commit, so it is returned, not thrown.
        return null;
      }
      const pin = open(deps.keys.deskPin, taken.sealed, sealContext(id, req.member.id, active.id));
      const person = await r.archive.findPerson(taken.fiscalCode);
      r.audit.record({
        type: "desk.pin_printed",
        outcome: "success",
        ...about(req.by, taken.fiscalCode),
        details: { officeId: taken.officeId, handoverId: id },
      });
      return {
        pin,
        fiscalCode: taken.fiscalCode,
        holderName: person === null ? "" : `${person.givenNames} ${person.surname}`,
        officeId: taken.officeId,
        issuedOn: romeDate(now),
      };
    })
    .then((p) => {
      if (p === null) throw new AppError("NOT_FOUND");
      return p;
    });
}

/**
 * Staff accounts after enrolment: disabling (every session ends), enabling, a reset to a new
 * enrolment link, and the member's own new recovery codes. Creation and enrolment are in
 * accounts.ts.
 */
import type { Acting } from "../../domain/actor.ts";
import { AppError } from "../../domain/errors.ts";
import { ENROLMENT_SECONDS, RECOVERY_CODE_COUNT } from "../../domain/staff.ts";
import { randomToken } from "../../security/crypto.ts";
import { matchTotp } from "../../security/totp.ts";
import type { Repos, StaffAccount } from "../ports.ts";
import {
  acting,
  enrolmentHash,
  newRecoveryCode,
  openTotp,
  recoveryHash,
  staffIdOf,
  type EnrolmentLink,
  type StaffDeps,
} from "./accounts.ts";

async function accountOrNotFound(r: Repos, staffId: string): Promise<StaffAccount> {
  const a = await r.staff.byId(staffId);
  if (a === null) throw new AppError("NOT_FOUND");
  return a;
}

/** Disables (ending every session at once) or re-enables an account. */
export async function setStaffStatus(
  deps: StaffDeps,
  input: { by: Acting; staffId: string; status: "active" | "disabled" },
): Promise<void> {
  const now = deps.clock.now();
  await deps.uow.run(async (r) => {
    await accountOrNotFound(r, input.staffId);
    const ended = await r.staff.setStatus(input.staffId, input.status, now);
    r.audit.record(
      input.status === "disabled"
        ? {
            type: "staff.disabled",
            outcome: "success",
            ...acting(input.by),
            details: { staffId: input.staffId, sessionsEnded: ended },
          }
        : {
            type: "staff.enabled",
            outcome: "success",
            ...acting(input.by),
            details: { staffId: input.staffId },
          },
    );
  });
}

/** A new enrolment link (lost phone, forgotten password): everything else is dropped. */
export async function resetStaff(
  deps: StaffDeps,
  input: { by: Acting; staffId: string },
): Promise<EnrolmentLink> {
  const now = deps.clock.now();
  const token = randomToken(32);
  const expiresAt = new Date(now.getTime() + ENROLMENT_SECONDS * 1000);
  return deps.uow.run(async (r) => {
    const a = await accountOrNotFound(r, input.staffId);
    const ended = await r.staff.resetEnrolment(
      a.id,
      { hash: enrolmentHash(deps, token), expiresAt, issuedBy: staffIdOf(input.by) },
      now,
    );
    r.audit.record({
      type: "staff.enrolment_reset",
      outcome: "success",
      ...acting(input.by),
      details: { staffId: a.id, sessionsEnded: ended },
    });
    return { staffId: a.id, username: a.username, role: a.role, token, expiresAt };
  });
}

/**
 * The member's own new set of recovery codes (the old ones stop working). A code from the app
 * is asked first: a session left open on a desk cannot swap the owner's codes, and a resent
 * form (a reload) is refused instead of silently replacing the codes just written down.
 */
export async function replaceRecoveryCodes(
  deps: StaffDeps,
  input: { by: Acting; staffId: string; totp: unknown },
): Promise<string[]> {
  const now = deps.clock.now();
  const code = typeof input.totp === "string" ? input.totp.replace(/\s/gu, "") : "";
  const account = await deps.uow.direct.staff.byId(input.staffId);
  const secret = account === null ? null : openTotp(deps, account);
  const step = secret === null ? null : await matchTotp(secret, code, now);
  if (step === null || !(await deps.uow.direct.staff.acceptTotpStep(input.staffId, step, now)))
    throw new AppError("CODE_INVALID", { fields: [{ field: "totp", code: "totp_shape" }] });
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await deps.uow.run(async (r) => {
    await r.staff.replaceRecoveryCodes(
      input.staffId,
      codes.map((c) => recoveryHash(deps, input.staffId, c)),
    );
    r.audit.record({
      type: "staff.recovery_codes_replaced",
      outcome: "success",
      ...acting(input.by),
      details: { staffId: input.staffId },
    });
  });
  return codes;
}

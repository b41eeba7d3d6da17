/**
 * Staff accounts (issue 7): created by a supervisor or `inps-pin staff add` with a one-time
 * enrolment link; the member chooses a password and receives a TOTP secret and recovery codes
 * (the password step), then confirms a first code (the account becomes active). Supervisors
 * disable (every session ends), re-enable, or reset an account to a new enrolment link.
 *
 *   created (enrolling, link) ──password──▶ secret shown once ──first code──▶ active
 *   active ──disable──▶ disabled (sessions ended) ──enable──▶ active
 *   any ──reset──▶ enrolling with a new link (password, TOTP, codes and sessions dropped)
 */
import { randomBytes } from "node:crypto";
import type { Acting } from "../../domain/actor.ts";
import { AppError, ConflictError } from "../../domain/errors.ts";
import { findOffice } from "../../domain/offices.ts";
import {
  ENROLMENT_SECONDS,
  isStaffRole,
  isValidUsername,
  normalizeUsername,
  passwordProblem,
  RECOVERY_CODE_COUNT,
  type StaffRole,
} from "../../domain/staff.ts";
import { hmacHex, open, randomToken, seal } from "../../security/crypto.ts";
import { matchTotp, newTotpSecret, totpUri } from "../../security/totp.ts";
import type { LimitsDeps, PinIssuingDeps } from "../deps.ts";
import { enforceLimit } from "../rate-limit.ts";
import type { Repos, StaffAccount } from "../ports.ts";

export type StaffDeps = LimitsDeps & PinIssuingDeps;

export const acting = (by: Acting) => ({ actor: by.actor, origin: by.origin });

/** The member of staff acting, if staff (the command line is not). */
export const staffIdOf = (by: Acting): string | null =>
  by.actor.kind === "staff" ? by.actor.id : null;

export const enrolmentHash = (deps: Pick<StaffDeps, "keys">, token: string) =>
  hmacHex(deps.keys.staffCodes, `enrolment:${token}`);

export const recoveryHash = (deps: Pick<StaffDeps, "keys">, staffId: string, code: string) =>
  hmacHex(deps.keys.staffCodes, `recovery:${staffId}:${normalizeRecoveryCode(code)}`);

export const totpContext = (staffId: string) => `staff-totp:${staffId}`;

export function openTotp(deps: Pick<StaffDeps, "keys">, a: StaffAccount): string | null {
  return a.totpSealed === null ? null : open(deps.keys.staffTotp, a.totpSealed, totpContext(a.id));
}

/** Recovery codes: 10 characters of Crockford base32, shown as XXXXX-XXXXX. */
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => CROCKFORD[b % 32] ?? "0").join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export function normalizeRecoveryCode(code: string): string {
  return code
    .toUpperCase()
    .replace(/[^0-9A-Z]/gu, "")
    .replace(/O/gu, "0")
    .replace(/[IL]/gu, "1");
}

export function isRecoveryCodeShape(code: string): boolean {
  return normalizeRecoveryCode(code).length === 10;
}

export interface NewStaff {
  by: Acting;
  username: string;
  role: unknown;
  officeId?: string | null | undefined;
}

export interface EnrolmentLink {
  staffId: string;
  username: string;
  role: StaffRole;
  token: string;
  expiresAt: Date;
}

export async function addStaff(deps: StaffDeps, input: NewStaff): Promise<EnrolmentLink> {
  const username = normalizeUsername(input.username);
  const fields: { field: string; code: string }[] = [];
  if (!isValidUsername(username)) fields.push({ field: "username", code: "username_shape" });
  if (!isStaffRole(input.role)) fields.push({ field: "role", code: "invalid_option" });
  const officeId = input.officeId ?? null;
  if (input.role === "office_clerk" && findOffice(officeId) === undefined)
    fields.push({ field: "officeId", code: officeId === null ? "required" : "invalid_option" });
  if (input.role !== "office_clerk" && officeId !== null)
    fields.push({ field: "officeId", code: "invalid_option" });
  if (fields.length > 0 || !isStaffRole(input.role))
    throw new AppError("VALIDATION_FAILED", { fields });
  const role = input.role;
  const now = deps.clock.now();
  const token = randomToken(32);
  const expiresAt = new Date(now.getTime() + ENROLMENT_SECONDS * 1000);
  const staffId = deps.newId();
  await deps.uow
    .run(async (r) => {
      await r.staff.create({
        id: staffId,
        username,
        role,
        officeId,
        enrolmentHash: enrolmentHash(deps, token),
        enrolmentExpiresAt: expiresAt,
        issuedBy: staffIdOf(input.by),
        now,
      });
      r.audit.record({
        type: "staff.created",
        outcome: "success",
        ...acting(input.by),
        details: { staffId, role, officeId },
      });
    })
    .catch((err: unknown) => {
      if (err instanceof ConflictError) throw new AppError("USERNAME_TAKEN");
      throw err;
    });
  return { staffId, username, role, token, expiresAt };
}

export interface EnrolmentSecrets {
  username: string;
  totpSecret: string;
  otpauthUri: string;
  recoveryCodes: string[];
}

async function refuseEnrolment(
  deps: StaffDeps,
  by: Acting,
  reason: "link_invalid" | "already_started" | "wrong_code",
  code: "ENROLMENT_INVALID" | "ENROLMENT_STARTED" | "CODE_INVALID",
): Promise<never> {
  await deps.uow.run(async (r) => {
    r.audit.record({
      type: "staff.enrolment_refused",
      outcome: "refused",
      ...acting(by),
      details: { reason },
    });
  });
  throw new AppError(
    code,
    code === "CODE_INVALID" ? { fields: [{ field: "code", code: "code_shape" }] } : {},
  );
}

/** The password step: the TOTP secret and recovery codes are answered once, here. */
export async function startEnrolment(
  deps: StaffDeps,
  input: { by: Acting; token: unknown; password: unknown },
): Promise<EnrolmentSecrets> {
  await enforceLimit(deps, input.by, "staff_enrolment_source", input.by.origin.ip);
  const token = typeof input.token === "string" ? input.token : "";
  const password = typeof input.password === "string" ? input.password : "";
  const now = deps.clock.now();
  const account =
    token === "" ? null : await deps.uow.direct.staff.byEnrolment(enrolmentHash(deps, token), now);
  if (account === null) return refuseEnrolment(deps, input.by, "link_invalid", "ENROLMENT_INVALID");
  if (account.enrolmentStartedAt !== null)
    return refuseEnrolment(deps, input.by, "already_started", "ENROLMENT_STARTED");
  const problem = passwordProblem(password, account.username);
  if (problem !== null)
    throw new AppError("VALIDATION_FAILED", { fields: [{ field: "password", code: problem }] });
  const passwordHash = await deps.hasher.hash(password);
  const totpSecret = newTotpSecret();
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const started = await deps.uow.run(async (r) => {
    // Locked: two tabs sending the password at once give one secret, not two.
    const a = await r.staff.byEnrolment(enrolmentHash(deps, token), now);
    if (a === null || a.enrolmentStartedAt !== null) return false;
    await r.staff.startEnrolment(a.id, {
      passwordHash,
      totpSealed: seal(deps.keys.staffTotp, totpSecret, totpContext(a.id)),
      recoveryHashes: recoveryCodes.map((c) => recoveryHash(deps, a.id, c)),
      now,
    });
    r.audit.record({ type: "staff.enrolment_started", ...byEnrollingAccount(a, input.by) });
    return true;
  });
  if (!started) return refuseEnrolment(deps, input.by, "already_started", "ENROLMENT_STARTED");
  return {
    username: account.username,
    totpSecret,
    otpauthUri: totpUri(totpSecret, account.username),
    recoveryCodes,
  };
}

/**
 * While the enrolment waits for its first code: the same secret again (a reload of the QR page
 * in the browser that did the password step — the caller checks that), audited.
 */
export async function pendingEnrolment(
  deps: StaffDeps,
  input: { by: Acting; token: string },
): Promise<{ username: string; totpSecret: string; otpauthUri: string } | null> {
  const a = await deps.uow.direct.staff.byEnrolment(
    enrolmentHash(deps, input.token),
    deps.clock.now(),
  );
  const secret = a === null || a.enrolmentStartedAt === null ? null : openTotp(deps, a);
  if (a === null || secret === null) return null;
  await deps.uow.run(async (r) => {
    r.audit.record({ type: "staff.enrolment_shown_again", ...byEnrollingAccount(a, input.by) });
  });
  return { username: a.username, totpSecret: secret, otpauthUri: totpUri(secret, a.username) };
}

/** Whether an enrolment link's password step was done (its QR code waits for a first code). */
export async function enrolmentStarted(deps: StaffDeps, token: string): Promise<boolean> {
  const a = await deps.uow.direct.staff.byEnrolment(enrolmentHash(deps, token), deps.clock.now());
  return a !== null && a.enrolmentStartedAt !== null;
}

/** What binds a started enrolment to the browser that chose the password (a cookie's value). */
export function enrolmentBrowserMark(deps: Pick<StaffDeps, "keys">, token: string): string {
  return hmacHex(deps.keys.staffCodes, `enrolment-browser:${token}`);
}

/** The first code from the app: the account becomes active, the link is spent. */
export async function confirmEnrolment(
  deps: StaffDeps,
  input: { by: Acting; token: unknown; code: unknown },
): Promise<{ staffId: string; username: string }> {
  await enforceLimit(deps, input.by, "staff_enrolment_source", input.by.origin.ip);
  const token = typeof input.token === "string" ? input.token : "";
  const code = typeof input.code === "string" ? input.code.replace(/\s/gu, "") : "";
  const now = deps.clock.now();
  const account =
    token === "" ? null : await deps.uow.direct.staff.byEnrolment(enrolmentHash(deps, token), now);
  const secret = account === null ? null : openTotp(deps, account);
  if (account === null || secret === null)
    return refuseEnrolment(deps, input.by, "link_invalid", "ENROLMENT_INVALID");
  const step = await matchTotp(secret, code, now);
  if (step === null) return refuseEnrolment(deps, input.by, "wrong_code", "CODE_INVALID");
  const done = await deps.uow.run(async (r: Repos) => {
    const a = await r.staff.byEnrolment(enrolmentHash(deps, token), now);
    if (a === null) return false;
    await r.staff.completeEnrolment(a.id, step, now);
    r.audit.record({ type: "staff.enrolled", ...byEnrollingAccount(a, input.by) });
    return true;
  });
  if (!done) return refuseEnrolment(deps, input.by, "link_invalid", "ENROLMENT_INVALID");
  return { staffId: account.id, username: account.username };
}

/** An enrolment step, audited as done by the account itself (it has no session yet). */
function byEnrollingAccount(a: StaffAccount, by: Acting) {
  return {
    outcome: "success" as const,
    actor: { kind: "staff" as const, id: a.id, role: a.role },
    origin: by.origin,
    details: { staffId: a.id },
  };
}

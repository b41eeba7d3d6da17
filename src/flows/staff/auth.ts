/**
 * Staff login and sessions (issue 7). A login needs the username, the password (argon2id) and
 * a TOTP code from the enrolled app, or one of the recovery codes (each single-use). Five
 * failures in a row lock the account for 15 minutes; rate limits per source address and per
 * username hold across instances. An unknown username costs the same argon2 time and gets the
 * same answer as a wrong password. Sessions have their own table and cookie: 15 minutes idle,
 * 10 hours absolute; a disabled account's sessions are gone with it.
 */
import type { Acting, Origin } from "../../domain/actor.ts";
import { AppError } from "../../domain/errors.ts";
import {
  normalizeUsername,
  STAFF_LOCKOUT,
  STAFF_SESSION,
  type StaffMember,
} from "../../domain/staff.ts";
import { hmacHex, randomToken, sha256Hex } from "../../security/crypto.ts";
import { matchTotp } from "../../security/totp.ts";
import { enforceLimit } from "../rate-limit.ts";
import type { StaffAccount, StaffSessionRecord } from "../ports.ts";
import { isRecoveryCodeShape, openTotp, recoveryHash, type StaffDeps } from "./accounts.ts";
import type { PinCheckDeps } from "../deps.ts";

export type StaffLoginDeps = StaffDeps & PinCheckDeps;

const TOUCH_EVERY_MS = 60_000;

export function staffSessionHash(token: string): string {
  return sha256Hex(`staff:${token}`);
}

export interface StaffLogin {
  token: string;
  member: StaffMember;
  absoluteExpiry: Date;
}

export interface StaffCredentials {
  by: Acting;
  username: unknown;
  password: unknown;
  totp: unknown;
}

function validated(input: StaffCredentials): { username: string; password: string; code: string } {
  const username = typeof input.username === "string" ? normalizeUsername(input.username) : "";
  const password = typeof input.password === "string" ? input.password : "";
  const code = typeof input.totp === "string" ? input.totp.replace(/\s/gu, "") : "";
  const fields: { field: string; code: string }[] = [];
  if (username === "" || username.length > 40) fields.push({ field: "username", code: "required" });
  if (password === "" || password.length > 512)
    fields.push({ field: "password", code: "required" });
  if (!/^\d{6}$/u.test(code) && !isRecoveryCodeShape(code))
    fields.push({ field: "totp", code: "totp_shape" });
  if (fields.length > 0) throw new AppError("VALIDATION_FAILED", { fields });
  return { username, password, code };
}

export async function staffLogin(
  deps: StaffLoginDeps,
  input: StaffCredentials & { previousToken?: string | undefined },
): Promise<StaffLogin> {
  await enforceLimit(deps, input.by, "staff_login_source", input.by.origin.ip);
  const creds = validated(input);
  // Per username *and* source: nobody can hold a member of staff out from another address.
  await enforceLimit(
    deps,
    input.by,
    "staff_login_account",
    `${creds.username}|${input.by.origin.ip}`,
  );
  const now = deps.clock.now();
  const account = await deps.uow.direct.staff.byUsername(creds.username);
  // argon2 runs for every attempt, unknown usernames included: the same time, the same answer.
  const passwordOk =
    account !== null && account.passwordHash !== null
      ? await deps.hasher.verify(account.passwordHash, creds.password)
      : await deps.hasher.verifyDummy(creds.password);
  if (account === null) {
    await deps.uow.run(async (r) => {
      r.audit.record({
        type: "staff.login_failed",
        outcome: "failure",
        actor: { kind: "anonymous" },
        origin: input.by.origin,
        details: {
          reason: "unknown_account",
          // Correlates a spray against one name without keeping what was typed.
          usernameKey: hmacHex(deps.keys.staffCodes, `username:${creds.username}`).slice(0, 16),
          failures: 0,
          locked: false,
        },
      });
    });
    throw new AppError("STAFF_LOGIN_FAILED");
  }
  // A wrong password is not counted towards the lock (the rate limits bound guessing): only
  // someone who knows the password can lock the account, so nobody else can keep staff out.
  if (!passwordOk) {
    await auditFailure(deps, input.by, account, "wrong_password", account.failures, false);
    throw new AppError("STAFF_LOGIN_FAILED");
  }
  if (account.status !== "active") {
    const reason = account.status === "disabled" ? "disabled" : "not_enrolled";
    await audit(deps, input.by, account, { type: "staff.login_refused", reason });
    throw new AppError("STAFF_LOGIN_FAILED");
  }
  if (!(await deps.uow.direct.staff.reserveAttempt(account.id, STAFF_LOCKOUT.maxFailures, now))) {
    const until = await deps.uow.direct.staff.lockedUntil(account.id, now);
    await audit(deps, input.by, account, { type: "staff.login_refused", reason: "locked" });
    throw new AppError(
      "STAFF_LOCKED",
      until === null ? {} : { extra: { lockedUntil: until.toISOString() } },
    );
  }
  const method = await checkSecondFactor(deps, account, creds.code, now);
  if (method === "wrong_code" || method === "replayed_code")
    return fail(deps, input.by, account, method);
  const token = randomToken(32);
  const absoluteExpiry = new Date(now.getTime() + STAFF_SESSION.absoluteSeconds * 1000);
  const member: StaffMember = {
    id: account.id,
    username: account.username,
    role: account.role,
    officeId: account.officeId,
    status: account.status,
  };
  await deps.uow.run(async (r) => {
    // A login in a browser that still holds a staff session ends that one (a shared desk PC).
    if (
      input.previousToken !== undefined &&
      (await r.staff.deleteSession(staffSessionHash(input.previousToken)))
    )
      r.audit.record({
        type: "staff.session_ended",
        outcome: "success",
        actor: { kind: "system", name: "staff-login" },
        origin: input.by.origin,
        details: { reason: "replaced_by_login" },
      });
    await r.staff.createSession({
      idHash: staffSessionHash(token),
      staffId: account.id,
      now,
      absoluteExpiry,
      userAgent: input.by.origin.userAgent,
    });
    r.audit.record({
      type: "staff.login_succeeded",
      outcome: "success",
      actor: { kind: "staff", id: account.id, role: account.role },
      origin: input.by.origin,
      details: { method, recoveryCodesLeft: await r.staff.unusedRecoveryCodes(account.id) },
    });
  });
  return { token, member, absoluteExpiry };
}

async function checkSecondFactor(
  deps: StaffLoginDeps,
  account: StaffAccount,
  code: string,
  now: Date,
): Promise<"totp" | "recovery_code" | "wrong_code" | "replayed_code"> {
  if (/^\d{6}$/u.test(code)) {
    const secret = openTotp(deps, account);
    const step = secret === null ? null : await matchTotp(secret, code, now);
    if (step === null) return "wrong_code";
    return (await deps.uow.direct.staff.acceptTotpStep(account.id, step, now))
      ? "totp"
      : "replayed_code";
  }
  const used = await deps.uow.direct.staff.useRecoveryCode(
    account.id,
    recoveryHash(deps, account.id, code),
    now,
  );
  return used ? "recovery_code" : "wrong_code";
}

async function fail(
  deps: StaffLoginDeps,
  by: Acting,
  account: StaffAccount,
  reason: "wrong_code" | "replayed_code",
): Promise<never> {
  const lockUntil = new Date(deps.clock.now().getTime() + STAFF_LOCKOUT.lockSeconds * 1000);
  const after = await deps.uow.direct.staff.recordFailure(
    account.id,
    STAFF_LOCKOUT.maxFailures,
    lockUntil,
  );
  const locked = after.lockedUntil !== null && after.lockedUntil > deps.clock.now();
  await auditFailure(deps, by, account, reason, after.failures, locked);
  if (locked && after.lockedUntil !== null)
    throw new AppError("STAFF_LOCKED", { extra: { lockedUntil: after.lockedUntil.toISOString() } });
  throw new AppError("STAFF_LOGIN_FAILED");
}

async function auditFailure(
  deps: StaffLoginDeps,
  by: Acting,
  account: StaffAccount,
  reason: "wrong_password" | "wrong_code" | "replayed_code",
  failures: number,
  locked: boolean,
): Promise<void> {
  await deps.uow.run(async (r) => {
    r.audit.record({
      type: "staff.login_failed",
      outcome: "failure",
      actor: { kind: "staff", id: account.id, role: account.role },
      origin: by.origin,
      details: { reason, failures, locked },
    });
  });
}

async function audit(
  deps: StaffLoginDeps,
  by: Acting,
  account: StaffAccount,
  e: { type: "staff.login_refused"; reason: "locked" | "disabled" | "not_enrolled" },
): Promise<void> {
  await deps.uow.run(async (r) => {
    r.audit.record({
      type: e.type,
      outcome: "refused",
      actor: { kind: "staff", id: account.id, role: account.role },
      origin: by.origin,
      details: { reason: e.reason },
    });
  });
}

export type ResolvedStaffSession =
  { kind: "none" } | { kind: "expired" } | { kind: "live"; session: StaffSessionRecord };

/** The staff session a cookie stands for, with the timeouts checked on every request. */
export async function resolveStaffSession(
  deps: StaffDeps,
  token: string | undefined,
  origin: Origin,
): Promise<ResolvedStaffSession> {
  if (token === undefined || token === "") return { kind: "none" };
  if (token.length < 20 || token.length > 100) return { kind: "expired" };
  const idHash = staffSessionHash(token);
  const s = await deps.uow.direct.staff.findSession(idHash);
  if (s === null) return { kind: "expired" };
  const now = deps.clock.now();
  const idleLimit = s.lastSeenAt.getTime() + STAFF_SESSION.idleSeconds * 1000;
  if (now >= s.absoluteExpiry || now.getTime() >= idleLimit) {
    await deps.uow.run(async (r) => {
      if (await r.staff.deleteSession(idHash))
        r.audit.record({
          type: "staff.session_ended",
          outcome: "success",
          actor: { kind: "staff", id: s.member.id, role: s.member.role },
          origin,
          details: { reason: "timeout" },
        });
    });
    return { kind: "expired" };
  }
  if (now.getTime() - s.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await deps.uow.direct.staff.touchSession(idHash, now);
    s.lastSeenAt = now;
  }
  return { kind: "live", session: s };
}

export async function staffLogout(
  deps: StaffDeps,
  input: { by: Acting; token: string | undefined },
): Promise<void> {
  if (input.token === undefined) return;
  const idHash = staffSessionHash(input.token);
  await deps.uow.run(async (r) => {
    if (await r.staff.deleteSession(idHash))
      r.audit.record({
        type: "staff.session_ended",
        outcome: "success",
        actor: input.by.actor,
        origin: input.by.origin,
        details: { reason: "logout" },
      });
  });
}

/**
 * Staff for HTTP journeys: an account created as `inps-pin staff add` does, enrolled through
 * the API (password, TOTP secret, first code) and logged in, with its cookie jar.
 */
import assert from "node:assert/strict";
import { systemActor } from "../../src/domain/actor.ts";
import type { StaffRole } from "../../src/domain/staff.ts";
import { addStaff } from "../../src/flows/staff/accounts.ts";
import { totpAt, TOTP_PERIOD } from "../../src/security/totp.ts";
import { advance, api, Jar, type TestService } from "./app.ts";

export interface TestStaff {
  id: string;
  username: string;
  role: StaffRole;
  officeId: string | null;
  password: string;
  totpSecret: string;
  recoveryCodes: string[];
  /** The last TOTP step used (a code is accepted once). */
  lastStep: number;
}

let seq = 0;

/** A new account's enrolment link token (as the CLI prints it). */
export async function staffLink(
  s: TestService,
  o: { role: StaffRole; officeId?: string | null; username?: string },
): Promise<{ staffId: string; username: string; token: string }> {
  seq += 1;
  const username = o.username ?? `${o.role.split("_")[0] ?? "staff"}.${process.pid}.${seq}`;
  const link = await addStaff(s.rt.ctx, {
    by: systemActor("test"),
    username,
    role: o.role,
    officeId: o.officeId ?? (o.role === "office_clerk" ? "roma-eur" : null),
  });
  return { staffId: link.staffId, username: link.username, token: link.token };
}

export async function enrolStaff(
  s: TestService,
  o: { role: StaffRole; officeId?: string | null; username?: string },
): Promise<TestStaff> {
  const link = await staffLink(s, o);
  const password = `correct horse battery ${seq}`;
  const res = await api(s, "POST", "/api/v1/staff/enrolment", { token: link.token, password });
  assert.equal(res.statusCode, 200, res.body);
  const secrets = res.json<{ totpSecret: string; recoveryCodes: string[] }>();
  const now = s.clock.now();
  const confirm = await api(s, "POST", "/api/v1/staff/enrolment/confirm", {
    token: link.token,
    code: await totpAt(secrets.totpSecret, now),
  });
  assert.equal(confirm.statusCode, 204, confirm.body);
  return {
    id: link.staffId,
    username: link.username,
    role: o.role,
    officeId: o.officeId ?? (o.role === "office_clerk" ? "roma-eur" : null),
    password,
    totpSecret: secrets.totpSecret,
    recoveryCodes: secrets.recoveryCodes,
    lastStep: Math.floor(now.getTime() / 1000 / TOTP_PERIOD),
  };
}

/**
 * A code the account has not used yet: the next step within the ±1 step the service allows.
 * When every step in reach was used, the service clock moves on 30 s (as a person waits for the
 * app's next code).
 */
export async function freshCode(s: TestService, staff: TestStaff): Promise<string> {
  let current = Math.floor(s.clock.now().getTime() / 1000 / TOTP_PERIOD);
  while (staff.lastStep + 1 > current + 1) {
    advance(s, TOTP_PERIOD);
    current = Math.floor(s.clock.now().getTime() / 1000 / TOTP_PERIOD);
  }
  const step = Math.max(current - 1, staff.lastStep + 1);
  staff.lastStep = step;
  return totpAt(staff.totpSecret, new Date(step * TOTP_PERIOD * 1000));
}

/** Logs the member in through the API; the jar carries the staff cookie. */
export async function loginStaff(s: TestService, staff: TestStaff, jar = new Jar()): Promise<Jar> {
  const res = await api(
    s,
    "POST",
    "/api/v1/staff/session",
    { username: staff.username, password: staff.password, totp: await freshCode(s, staff) },
    jar,
  );
  assert.equal(res.statusCode, 200, res.body);
  return jar;
}

/** An enrolled member of staff with a live session. */
export async function staffSession(
  s: TestService,
  o: { role: StaffRole; officeId?: string | null; username?: string },
): Promise<{ staff: TestStaff; jar: Jar }> {
  const staff = await enrolStaff(s, o);
  return { staff, jar: await loginStaff(s, staff) };
}

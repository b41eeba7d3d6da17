/**
 * Demo staff for development (`npm start`): one account per role (two reviewers, for the
 * segregation of duties), enrolled through the real flows with a known password; /dev/staff
 * shows each account's current TOTP code so a developer can log in to /operatori without an
 * authenticator app. Never in production: only the development aids call this.
 */
import { systemActor } from "../domain/actor.ts";
import type { StaffRole } from "../domain/staff.ts";
import * as accounts from "../flows/staff/accounts.ts";
import type { AppContext } from "../http/context.ts";
import { totpAt, TOTP_PERIOD } from "../security/totp.ts";

export const DEMO_STAFF_PASSWORD = "demo password 2026";

export const DEMO_STAFF: readonly { username: string; role: StaffRole; officeId: string | null }[] =
  [
    { username: "demo.agente", role: "contact_centre_agent", officeId: null },
    { username: "demo.sportello", role: "office_clerk", officeId: "roma-eur" },
    { username: "demo.sportello.milano", role: "office_clerk", officeId: "milano-nord" },
    { username: "demo.revisore", role: "back_office_reviewer", officeId: null },
    { username: "demo.revisore2", role: "back_office_reviewer", officeId: null },
    { username: "demo.supervisore", role: "supervisor", officeId: null },
  ];

/** Creates and enrols the demo accounts that do not exist yet; returns how many. */
export async function ensureDemoStaff(ctx: AppContext): Promise<number> {
  let created = 0;
  const by = systemActor("dev-seed");
  for (const d of DEMO_STAFF) {
    if ((await ctx.uow.direct.staff.byUsername(d.username)) !== null) continue;
    const link = await accounts.addStaff(ctx, { by, ...d });
    const secrets = await accounts.startEnrolment(ctx, {
      by,
      token: link.token,
      password: DEMO_STAFF_PASSWORD,
    });
    // Enrolled with the previous step's code, so the current one still logs in.
    const previous = new Date(ctx.clock.now().getTime() - TOTP_PERIOD * 1000);
    await accounts.confirmEnrolment(ctx, {
      by,
      token: link.token,
      code: await totpAt(secrets.totpSecret, previous),
    });
    created++;
  }
  return created;
}

export interface DemoStaffCode {
  username: string;
  role: StaffRole;
  officeId: string | null;
  code: string | null;
}

export async function demoStaffCodes(ctx: AppContext): Promise<DemoStaffCode[]> {
  const out: DemoStaffCode[] = [];
  for (const d of DEMO_STAFF) {
    const a = await ctx.uow.direct.staff.byUsername(d.username);
    const secret = a === null ? null : accounts.openTotp(ctx, a);
    out.push({ ...d, code: secret === null ? null : await totpAt(secret, ctx.clock.now()) });
  }
  return out;
}

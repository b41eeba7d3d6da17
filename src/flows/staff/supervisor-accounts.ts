/**
 * Staff management by supervisors (issue 7): list the accounts (audited), add one (the
 * one-time enrolment link is answered once, built on the public address), disable (every
 * session ends at once), enable, reset to a new link — the rules are accounts.ts'. A
 * supervisor does not disable or reset their own account (another supervisor does).
 */
import { isUuid } from "../../domain/ids.ts";
import type { Acting } from "../../domain/actor.ts";
import { AppError } from "../../domain/errors.ts";
import type { StaffMember, StaffRole, StaffStatus } from "../../domain/staff.ts";
import { resetStaff, setStaffStatus } from "./account-admin.ts";
import { addStaff, type EnrolmentLink, type StaffDeps } from "./accounts.ts";

export type SupervisorDeps = StaffDeps & { config: { publicUrl: string } };

export interface AccountListing {
  id: string;
  username: string;
  role: StaffRole;
  officeId: string | null;
  status: StaffStatus;
  locked: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export async function listAccounts(
  deps: SupervisorDeps,
  req: { by: Acting },
): Promise<AccountListing[]> {
  const now = deps.clock.now();
  const accounts = await deps.uow.direct.staff.list();
  await deps.uow.run(async (r) => {
    r.audit.record({
      type: "staff.accounts_listed",
      outcome: "success",
      ...req.by,
      details: { count: accounts.length },
    });
  });
  return accounts.map((a) => ({
    id: a.id,
    username: a.username,
    role: a.role,
    officeId: a.officeId,
    status: a.status,
    locked: a.lockedUntil !== null && a.lockedUntil > now,
    createdAt: a.createdAt.toISOString(),
    lastLoginAt: a.lastLoginAt?.toISOString() ?? null,
  }));
}

export interface IssuedLink {
  staffId: string;
  username: string;
  role: StaffRole;
  enrolmentUrl: string;
  expiresAt: string;
}

function issued(deps: SupervisorDeps, link: EnrolmentLink): IssuedLink {
  const base = deps.config.publicUrl.replace(/\/+$/u, "");
  return {
    staffId: link.staffId,
    username: link.username,
    role: link.role,
    enrolmentUrl: `${base}/operatori/attivazione?token=${encodeURIComponent(link.token)}`,
    expiresAt: link.expiresAt.toISOString(),
  };
}

export async function createAccount(
  deps: SupervisorDeps,
  req: { by: Acting; body: unknown },
): Promise<IssuedLink> {
  const b =
    typeof req.body === "object" && req.body !== null ? (req.body as Record<string, unknown>) : {};
  const officeId = typeof b.officeId === "string" && b.officeId !== "" ? b.officeId : null;
  return issued(
    deps,
    await addStaff(deps, {
      by: req.by,
      username: typeof b.username === "string" ? b.username : "",
      role: b.role,
      officeId,
    }),
  );
}

export type AccountAction = "disable" | "enable" | "reset";

export async function actOnAccount(
  deps: SupervisorDeps,
  req: { by: Acting; member: StaffMember; staffId: string; action: AccountAction },
): Promise<{ staffId: string; status: StaffStatus } | IssuedLink> {
  if (!isUuid(req.staffId)) throw new AppError("NOT_FOUND");
  if (req.staffId === req.member.id && req.action !== "enable")
    throw new AppError("STAFF_OWN_ACCOUNT");
  if (req.action === "reset")
    return issued(deps, await resetStaff(deps, { by: req.by, staffId: req.staffId }));
  const status = req.action === "disable" ? "disabled" : "active";
  await setStaffStatus(deps, { by: req.by, staffId: req.staffId, status });
  return { staffId: req.staffId, status };
}

/**
 * `inps-pin staff add --username U --role R [--office O] | list | disable U | enable U |
 * reset U`: staff accounts from the command line (the first supervisor, emergencies). `add`
 * and `reset` print a one-time enrolment link; every change is audited as the system actor
 * "cli".
 */
import { randomBytes } from "node:crypto";
import type { Config } from "../config.ts";
import { systemActor } from "../domain/actor.ts";
import { systemClock, type Clock } from "../domain/clock.ts";
import { AppError } from "../domain/errors.ts";
import { normalizeUsername } from "../domain/staff.ts";
import * as admin from "../flows/staff/account-admin.ts";
import * as accounts from "../flows/staff/accounts.ts";
import { createArgon2Hasher } from "../security/hasher.ts";
import type { Db } from "../store/db.ts";
import { cliUnitOfWork } from "./uow.ts";
export { STAFF_USAGE } from "./staff-usage.ts";

async function deps(config: Config, db: Db, clock: Clock): Promise<accounts.StaffDeps> {
  const { uow, keys } = cliUnitOfWork(config, db, clock);
  return {
    uow,
    clock,
    keys: keys.flow,
    limits: config.limits,
    hasher: await createArgon2Hasher({ pepper: config.pinPepper, concurrency: 1, queueLimit: 10 }),
    randomBytes: (n) => randomBytes(n),
    newId: () => crypto.randomUUID(),
  };
}

export function enrolmentUrl(config: Config, token: string): string {
  return `${config.publicUrl}/operatori/attivazione?token=${token}`;
}

function flag(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Exit code; null when the arguments are not a staff command (usage is printed). */
export async function staffCommand(
  config: Config,
  db: Db,
  args: readonly string[],
  clock: Clock = systemClock,
): Promise<number | null> {
  const [sub, name] = args;
  const d = await deps(config, db, clock);
  const by = systemActor("cli");
  const byName = async (u: string | undefined) => {
    const a = u === undefined ? null : await d.uow.direct.staff.byUsername(normalizeUsername(u));
    if (a === null) throw new AppError("NOT_FOUND");
    return a;
  };
  try {
    switch (sub) {
      case "add": {
        const username = flag(args, "--username");
        const role = flag(args, "--role");
        if (username === undefined || role === undefined) return null;
        const link = await accounts.addStaff(d, {
          by,
          username,
          role,
          officeId: flag(args, "--office") ?? null,
        });
        console.log(
          `staff account ${link.username} (${link.role}) created; enrolment link, valid until ${link.expiresAt.toISOString()}:`,
        );
        console.log(enrolmentUrl(config, link.token));
        return 0;
      }
      case "list": {
        for (const a of await d.uow.direct.staff.list())
          console.log([a.username, a.role, a.officeId ?? "-", a.status].join("\t"));
        return 0;
      }
      case "disable":
      case "enable": {
        const a = await byName(name);
        await admin.setStaffStatus(d, {
          by,
          staffId: a.id,
          status: sub === "disable" ? "disabled" : "active",
        });
        console.log(
          `staff account ${a.username} ${sub === "disable" ? "disabled; its sessions ended" : "enabled"}`,
        );
        return 0;
      }
      case "reset": {
        const a = await byName(name);
        const link = await admin.resetStaff(d, { by, staffId: a.id });
        console.log(
          `new enrolment link for ${link.username}, valid until ${link.expiresAt.toISOString()}:`,
        );
        console.log(enrolmentUrl(config, link.token));
        return 0;
      }
      default:
        return null;
    }
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const fields = err.fields.map((f) => `${f.field}: ${f.code}`).join(", ");
    console.error(`${err.code}${fields === "" ? "" : ` (${fields})`}`);
    return err.code === "NOT_FOUND" ? 1 : 2;
  }
}

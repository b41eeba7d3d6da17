/**
 * `inps-pin conversion list [--status S] | approve ID | reject ID --reason TEXT |
 * documents ID --out DIR`: the reviewer's side of the conversion until the staff back office
 * exists. Every decision and every reading of documents is audited as the system actor "cli".
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Config } from "../config.ts";
import { systemActor } from "../domain/actor.ts";
import { systemClock, type Clock } from "../domain/clock.ts";
import { AppError } from "../domain/errors.ts";
import * as review from "../flows/conversion-review.ts";
import type { ConversionStatus } from "../flows/ports.ts";
import { documentKeyring } from "../security/envelope.ts";
import type { Db } from "../store/db.ts";
import { cliUnitOfWork } from "./uow.ts";
import { maskFiscalCode } from "../domain/mask.ts";

const EXTENSION: Record<string, string> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
};

function deps(config: Config, db: Db, clock: Clock): review.ReviewDeps {
  return {
    uow: cliUnitOfWork(config, db, clock).uow,
    clock,
    newId: () => crypto.randomUUID(),
    documentKey: documentKeyring(config.documentKey, config.documentPreviousKeys),
  };
}

const STATUSES: readonly string[] = ["submitted", "approved", "rejected"];

/** Exit code; null when the arguments are not a conversion command (usage is printed). */
export async function conversionCommand(
  config: Config,
  db: Db,
  args: readonly string[],
  clock: Clock = systemClock,
): Promise<number | null> {
  const [sub, id, flag, value] = args;
  const d = deps(config, db, clock);
  const by = systemActor("cli");
  try {
    switch (sub) {
      case "list": {
        if (id !== undefined && (id !== "--status" || !STATUSES.includes(flag ?? ""))) return null;
        const rows = await review.listConversions(d, {
          by,
          status: flag as ConversionStatus | undefined,
        });
        for (const c of rows)
          console.log(
            [
              c.id,
              c.reference,
              maskFiscalCode(c.fiscalCode),
              c.status,
              c.submittedAt.toISOString(),
              (c.reason ?? "").replace(/[\s\p{Cc}\p{Cf}]+/gu, " "),
            ].join("\t"),
          );
        console.log(`${rows.length} request(s)`);
        return 0;
      }
      case "documents": {
        if (id === undefined || flag !== "--out" || (value ?? "") === "") return null;
        const out = resolve(value ?? ".");
        if (/^\/(proc|sys|dev)(\/|$)/u.test(out)) {
          console.error(`refusing to write documents under ${out}`);
          return 1;
        }
        const docs = await review.readConversionDocuments(d, { by, id });
        await mkdir(out, { recursive: true, mode: 0o700 });
        for (const [i, doc] of docs.entries()) {
          // A fax has several pages of one role: numbered, so none overwrites another.
          const page = docs.filter((x) => x.role === doc.role).length > 1 ? `-${i + 1}` : "";
          const file = join(out, `${id}-${doc.role}${page}.${EXTENSION[doc.mediaType] ?? "bin"}`);
          await writeFile(file, doc.bytes, { mode: 0o600 });
          console.log(`${file}\t${doc.mediaType}\t${doc.bytes.length} bytes`);
        }
        return 0;
      }
      case "approve": {
        if (id === undefined || flag !== undefined) return null;
        const r = await review.decideConversion(d, { by, id, approve: true });
        console.log(`approved; benefit claims released: ${r.claimsReleased.join(", ") || "none"}`);
        return 0;
      }
      case "reject": {
        if (id === undefined || flag !== "--reason" || (value ?? "").trim() === "") return null;
        await review.decideConversion(d, { by, id, approve: false, reason: value ?? "" });
        console.log("rejected (the citizen is told the reason)");
        return 0;
      }
      default:
        return null;
    }
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const what: Record<string, string> = {
      NOT_FOUND: `no conversion request ${id ?? ""}`,
      CONVERSION_DECIDED: "the request was already decided",
      PIN_NOT_ELIGIBLE: "the person has no active PIN (revoked?): reject the request instead",
    };
    console.error(what[err.code] ?? err.code);
    return 1;
  }
}

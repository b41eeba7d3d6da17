/** Sub-commands of `inps-pin`: serve, worker, migrate, seed-demo, archive import, audit verify, letters. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { loadConfig, type Config } from "../config.ts";
import type { AppContext } from "../http/context.ts";
import { openDb, type Db } from "../store/db.ts";
import { migrate } from "../store/migrate.ts";
import { CONVERSION_USAGE } from "./conversion-usage.ts";
import { LETTERS_USAGE } from "./letters-usage.ts";
import { STAFF_USAGE } from "./staff-usage.ts";

// The web service, the PDFs and the demo archive are loaded only by the commands that use
// them: `audit verify` or `migrate` start in a fraction of the time.

const USAGE = `usage: inps-pin <command>
  serve                 start the web/API service (and the outbox worker in development)
  worker                run the outbox worker (production: as many as you like)
  migrate               apply database migrations
  seed-demo             load the deterministic demo archive (1,200 people)
  archive import FILE   load archive records from a CSV file (docs/archive-csv.md)
  audit verify [--expect-head SEQ:HASH]
                        walk the audit trail's hash chain; exit 1 naming the first broken event
  lockout lift CF --reason TEXT
                        let unknown browsers try a PIN again (after an identity check), audited
${CONVERSION_USAGE}
${STAFF_USAGE}
${LETTERS_USAGE}`;

async function withDb<T>(config: Config, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb({
    databaseUrl: config.databaseUrl,
    dataDir: join(config.dataDir, "pglite"),
    poolSize: 4,
  });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** The separate /metrics listener (METRICS_PORT), when configured. */
async function metricsListener(
  config: Config,
  ctx: AppContext,
): Promise<{ close(): Promise<void> } | undefined> {
  const port = config.delivery.metricsPort;
  if (port === undefined) return undefined;
  const { startMetricsServer } = await import("../http/metrics-server.ts");
  return startMetricsServer(ctx, port, config.host);
}

/**
 * Resolves on SIGINT or SIGTERM, and keeps the process alive until then: a worker whose
 * database went away has nothing else holding the event loop (its timers are unref'd, the
 * pool's sockets are closed) and would otherwise exit in the middle of an outage.
 */
function waitForSignal(): Promise<string> {
  const keepAlive = setInterval(() => undefined, 2 ** 30);
  return new Promise((resolve) => {
    const done = (signal: string) => {
      clearInterval(keepAlive);
      resolve(signal);
    };
    process.once("SIGINT", () => done("SIGINT"));
    process.once("SIGTERM", () => done("SIGTERM"));
  });
}

export async function runCli(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return 2;
  }
  switch (cmd) {
    case "serve": {
      const { createApp, createRuntime } = await import("../main.ts");
      const { countPeople, upsertPeople } = await import("../store/repos/archive.ts");
      const rt = await createRuntime(config);
      if (config.env === "development" && (await countPeople(rt.db)) === 0) {
        const { generateDemoArchive } = await import("../archive/demo.ts");
        await upsertPeople(rt.db, generateDemoArchive());
        console.log("loaded the demo archive (development)");
      }
      if (config.env === "development") {
        const { ensureDemoStaff } = await import("../dev/staff.ts");
        if ((await ensureDemoStaff(rt.ctx)) > 0)
          console.log("enrolled the demo staff (development)");
      }
      const app = await createApp(rt, { logger: { level: config.logLevel } });
      if (config.workerInProcess) rt.startDelivery(config.workerPollMs);
      await app.listen({ port: config.port, host: config.host });
      const metrics = await metricsListener(config, rt.ctx);
      console.log(`inps-pin listening on ${config.publicUrl} (${config.env}, ${rt.db.kind})`);
      if (config.env === "development")
        console.log(
          `demo people: ${config.publicUrl}/dev · outbox: ${config.publicUrl}/dev/outbox · staff: ${config.publicUrl}/dev/staff`,
        );
      await waitForSignal();
      await app.close();
      await metrics?.close();
      await rt.close();
      return 0;
    }
    case "worker": {
      const { createRuntime } = await import("../main.ts");
      const rt = await createRuntime(config, { migrate: false });
      rt.startDelivery(config.workerPollMs);
      const metrics = await metricsListener(config, rt.ctx);
      console.log(`inps-pin worker polling every ${config.workerPollMs} ms (${rt.db.kind})`);
      await waitForSignal();
      await metrics?.close();
      await rt.close();
      return 0;
    }
    case "migrate": {
      const applied = await withDb(config, migrate);
      console.log(
        applied.length === 0 ? "database up to date" : `applied migrations ${applied.join(", ")}`,
      );
      return 0;
    }
    case "seed-demo": {
      if (config.env === "production") {
        console.error(
          "seed-demo refuses to run in production: the demo archive is invented people",
        );
        return 2;
      }
      await withDb(config, async (db) => {
        await migrate(db);
        const { generateDemoArchive } = await import("../archive/demo.ts");
        const { upsertPeople } = await import("../store/repos/archive.ts");
        const people = generateDemoArchive();
        await db.transaction((tx) => upsertPeople(tx, people));
        console.log(`demo archive: ${people.length} people`);
      });
      return 0;
    }
    case "archive": {
      const [sub, file] = rest;
      if (sub !== "import" || file === undefined) break;
      const text = await readFile(file, "utf8");
      const { parseArchiveCsv } = await import("../archive/csv.ts");
      const { romeDate } = await import("../domain/eligibility.ts");
      const { upsertPeople } = await import("../store/repos/archive.ts");
      const { people, errors } = parseArchiveCsv(text, romeDate(new Date()));
      for (const e of errors)
        console.error(`${file}:${e.line}: ${e.field ?? ""} ${e.message}`.replace(/ +/gu, " "));
      await withDb(config, async (db) => {
        await migrate(db);
        await db.transaction((tx) => upsertPeople(tx, people));
      });
      console.log(`imported ${people.length} people; ${errors.length} rows rejected`);
      return errors.length > 0 ? 1 : 0;
    }
    case "audit": {
      if (rest[0] !== "verify") break;
      let anchor: { seq: number; hash: string } | undefined;
      if (rest[1] === "--expect-head") {
        const m = /^(\d+):([0-9a-f]{64})$/u.exec(rest[2] ?? "");
        if (m === null) break;
        anchor = { seq: Number(m[1]), hash: m[2] ?? "" };
      }
      const { verifyAudit } = await import("../store/audit.ts");
      const { deriveKeys } = await import("../security/keys.ts");
      const verdict = await withDb(config, (db) =>
        verifyAudit(db, deriveKeys(config.pinPepper).audit.chain, anchor),
      );
      if (verdict.ok) {
        // Record the head outside the database; pass it back with --expect-head next time.
        console.log(
          `audit trail intact: ${verdict.events} events, head ${verdict.events}:${verdict.head}`,
        );
        return 0;
      }
      console.error(
        `audit trail broken at event ${verdict.brokenAt} (${verdict.events} events verified before it): ${verdict.problem}`,
      );
      return 1;
    }
    case "lockout": {
      const [sub, fiscalCode, flag, reason] = rest;
      if (
        sub !== "lift" ||
        fiscalCode === undefined ||
        flag !== "--reason" ||
        (reason ?? "") === ""
      )
        break;
      const { normalizeFiscalCode } = await import("../domain/fiscal-code.ts");
      const { liftLockout } = await import("../flows/lift-lockout.ts");
      const { cliUnitOfWork } = await import("./uow.ts");
      const { systemClock } = await import("../domain/clock.ts");
      const { systemActor } = await import("../domain/actor.ts");
      await withDb(config, async (db) => {
        const { uow, keys } = cliUnitOfWork(config, db, systemClock);
        await liftLockout(
          { uow, clock: systemClock, keys: keys.flow },
          {
            by: systemActor("cli"),
            fiscalCode: normalizeFiscalCode(fiscalCode),
            reason: reason ?? "",
          },
        );
      });
      console.log("lockout lifted (audited)");
      return 0;
    }
    case "conversion": {
      const { conversionCommand } = await import("./conversion.ts");
      const code = await withDb(config, async (db) => {
        await migrate(db);
        return conversionCommand(config, db, rest);
      });
      if (code === null) break;
      return code;
    }
    case "staff": {
      const { staffCommand } = await import("./staff.ts");
      const code = await withDb(config, async (db) => {
        await migrate(db);
        return staffCommand(config, db, rest);
      });
      if (code === null) break;
      return code;
    }
    case "letters": {
      const { lettersCommand, lettersPrecheck } = await import("./letters.ts");
      const refused = lettersPrecheck(config, rest);
      if (refused !== undefined) return refused;
      const code = await withDb(config, async (db) => {
        if (config.env !== "production") await migrate(db);
        return lettersCommand(config, db, rest);
      });
      if (code === null) break;
      return code;
    }
    default:
      break;
  }
  console.error(USAGE);
  return cmd === undefined || cmd === "help" || cmd === "--help" ? 0 : 2;
}

/**
 * PostgreSQL stopped (immediate: a crash as far as the service knows) and restarted while
 * messages are queued and being delivered by a real `inps-pin worker` process in production
 * mode, with real SMTP and SMS servers. The worker must survive the outage, and afterwards
 * every message is delivered — exactly once per id at the SMS gateway (the outbox id is its
 * idempotency key), at least once at the SMTP server — none lost, no sealed half left.
 * Runs on a cluster of its own: the shared one is never stopped under the other tests.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { postgresDb } from "../../src/store/db.ts";
import { migrate } from "../../src/store/migrate.ts";
import { enqueue } from "../../src/store/repos/outbox.ts";
import { aClaimReceivedMessage, aFirstHalfMessage } from "../helpers/builders.ts";
import { eventually, startCli, type CliProcess } from "../helpers/cli-process.ts";
import { ENGINE } from "../helpers/db.ts";
import { PG_BINARIES, startOwnCluster, type OwnCluster } from "../helpers/pg-cluster.ts";
import { productionInstall, type ProductionInstall } from "../helpers/production.ts";
import { findSecretsOnDisk } from "../helpers/secrets-on-disk.ts";

const N = 30;

describe(
  "outbox: PostgreSQL stopped and restarted under the worker",
  { skip: ENGINE !== "postgres" || !PG_BINARIES },
  () => {
    let cluster: OwnCluster;
    let inst: ProductionInstall;
    let worker: CliProcess | undefined;

    before(async () => {
      cluster = startOwnCluster();
      const db = postgresDb(cluster.url, 4);
      await migrate(db);
      inst = await productionInstall({
        db: { db, url: cluster.url, drop: () => db.close() },
        env: { OUTBOX_LEASE_SECONDS: "3" },
      });
    });

    after(async () => {
      await worker?.stop();
      await inst.close();
      cluster.destroy();
    });

    it("delivers every queued message once the database is back, the worker alive throughout", async () => {
      const key = Buffer.from(inst.env.OUTBOX_KEY ?? "", "base64");
      const sms = Array.from({ length: N }, (_, i) =>
        aFirstHalfMessage({
          recipient: `+5491123450${String(100 + i)}`,
          secret: `PQRS${String(2000 + i)}`,
        }),
      );
      const mails = Array.from({ length: N }, (_, i) =>
        aClaimReceivedMessage({ recipient: `person${i}@example.org` }),
      );
      const now = new Date();
      for (const m of sms) await enqueue(inst.db.db, key, m, now);
      for (const m of mails) await enqueue(inst.db.db, key, m, now);
      // The gateway is slow, so the crash catches messages in flight.
      inst.sms.setMode({ delayMs: 150 });
      worker = await startCli(["worker"], inst.env, /worker/u);
      await eventually("first deliveries", () =>
        inst.sms.accepted.length >= 3 ? true : undefined,
      );

      cluster.stopImmediate();
      await new Promise((r) => setTimeout(r, 3000));
      assert.equal(worker.child.exitCode, null, `the worker died:\n${worker.output()}`);
      cluster.start();
      inst.sms.setMode("accept");

      const settled = async () => {
        try {
          const rows = await inst.db.db.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM outbox WHERE status <> 'sent'",
          );
          return rows[0]?.n === 0 ? true : undefined;
        } catch {
          return undefined; // the pool reconnects on the next query
        }
      };
      await eventually("every message sent", settled, 90_000, 250);
      assert.equal(worker.child.exitCode, null, "the worker is still running");

      const accepted = new Set(inst.sms.accepted);
      assert.deepEqual(
        [...accepted].sort(),
        sms.map((m) => m.id).sort(),
        "each SMS accepted, by id",
      );
      // Message-ID: <outbox id@domain of the sender>.
      const mailed = new Set(inst.smtp.messages.map((m) => /^<([^@>]+)@/u.exec(m.messageId)?.[1]));
      for (const m of mails) assert.ok(mailed.has(m.id), "each e-mail at least once");
      const sealed = await inst.db.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM outbox WHERE secret IS NOT NULL",
      );
      assert.equal(sealed[0]?.n, 0);
      // The worker's log, kept where production keeps logs, holds no half either.
      mkdirSync(join(inst.dataDir, "logs"), { recursive: true });
      writeFileSync(join(inst.dataDir, "logs", "worker.log"), worker.output());
      assert.deepEqual(
        findSecretsOnDisk(
          [inst.dataDir],
          sms.map((m) => m.secret),
        ),
        [],
      );
    });
  },
);

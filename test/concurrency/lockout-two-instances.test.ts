/**
 * The lockout must hold under concurrent requests and several server processes (SPEC.md
 * "Credential rules"): two real `inps-pin serve` processes on one PostgreSQL, 200 concurrent
 * wrong PINs on one fiscal code.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { generateDemoArchive, isDemoEligible } from "../../src/archive/demo.ts";
import { createArgon2Hasher } from "../../src/security/hasher.ts";
import { upsertPeople } from "../../src/store/repos/archive.ts";
import { insertCredential, upsertAccount } from "../../src/store/repos/credentials.ts";
import { verifyAudit } from "../../src/store/audit.ts";
import { deriveKeys } from "../../src/main.ts";
import { createTestDb, ENGINE, type TestDb } from "../helpers/db.ts";
import { startServiceProcess, type ServiceProcess } from "../helpers/process.ts";

const PEPPER = Buffer.alloc(32, 7).toString("base64");
const OUTBOX_KEY = Buffer.alloc(32, 9).toString("base64");
const PIN = "K7M2P9QR";

describe(
  "lockout across two service instances",
  { skip: ENGINE !== "postgres" && "needs TEST_DATABASE_URL (PostgreSQL)" },
  () => {
    let tdb: TestDb | undefined;
    let instances: ServiceProcess[] = [];
    let fiscalCode = "";

    before(async () => {
      const created = await createTestDb();
      tdb = created;
      const people = generateDemoArchive({ size: 10 });
      const person = people.find((p) => isDemoEligible(p).eligible)!;
      fiscalCode = person.fiscalCode;
      await upsertPeople(created.db, people);
      const hasher = await createArgon2Hasher({
        pepper: Buffer.from(PEPPER, "base64"),
        concurrency: 1,
        queueLimit: 1,
      });
      const now = new Date();
      await upsertAccount(
        created.db,
        fiscalCode,
        { mobile: person.mobile ?? null, email: person.email ?? null, pec: null, lang: "it" },
        now,
      );
      await insertCredential(created.db, {
        id: randomUUID(),
        fiscalCode,
        kind: "operating",
        level: "ordinary",
        pinHash: await hasher.hash(PIN),
        setAt: now,
        claimId: null,
      });
      const env = {
        APP_ENV: "test",
        DATABASE_URL: created.url!,
        PIN_PEPPER: PEPPER,
        OUTBOX_KEY,
        WORKER_IN_PROCESS: "false",
        DATABASE_POOL_SIZE: "20",
      };
      instances = await Promise.all([startServiceProcess(env), startServiceProcess(env)]);
    });

    after(async () => {
      await Promise.all(instances.map((i) => i.stop()));
      await tdb?.drop();
    });

    const login = (base: string, pin: string) =>
      fetch(`${base}/api/v1/session`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ fiscalCode, pin }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { code?: string } }));

    it("counts exactly 10 failures before the lock and none after; a correct PIN during the lock is refused", async () => {
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          login(instances[i % 2]!.url, i % 3 === 0 ? "ZZZZZZZZ" : "YYYYYYYY"),
        ),
      );
      const byStatus = new Map<number, number>();
      for (const r of results) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
      assert.deepEqual(
        Object.fromEntries(byStatus),
        { 401: 10, 423: 190 },
        "10 counted wrong attempts, then locked",
      );
      assert.ok(results.filter((r) => r.status === 423).every((r) => r.body.code === "PIN_LOCKED"));

      const rows = await tdb!.db.query<{ failures: number; locked_until: Date | null }>(
        "SELECT failures, locked_until FROM login_throttle",
      );
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.failures, 10, "no failure counted after the lock");
      assert.ok(rows[0]!.locked_until !== null && rows[0]!.locked_until.getTime() > Date.now());

      const correct = await Promise.all(instances.map((i) => login(i.url, PIN)));
      assert.deepEqual(
        correct.map((r) => r.status),
        [423, 423],
        "the correct PIN is refused on both instances during the lock",
      );

      // Both instances appended to one audit chain at once: it holds, one event per attempt.
      const verdict = await verifyAudit(
        tdb!.db,
        deriveKeys(Buffer.from(PEPPER, "base64")).audit.chain,
      );
      assert.ok(verdict.ok, JSON.stringify(verdict));
      const types = await tdb!.db.query<{ type: string; n: number }>(
        "SELECT type, count(*)::int AS n FROM audit_event GROUP BY type ORDER BY type",
      );
      const n = Object.fromEntries(types.map((t) => [t.type, t.n]));
      assert.equal(n["login.failed"], 10);
      assert.equal(n["lock.started"], 1);
      assert.equal(n["login.refused"], 192, "190 refused during the lock, then the 2 correct ones");
      // Every attempt during the lock restarted it (one of them may have started it instead).
      assert.ok([191, 192].includes(n["lock.restarted"] ?? 0), String(n["lock.restarted"]));
      assert.equal(n["lock.notified"], 1, "the holder is told once");
    });
  },
);

/**
 * The audit trail end to end, on the engine under test (PGlite on disk, or PostgreSQL): a
 * real journey writes its events in the transactions of the changes; `inps-pin audit verify`
 * (the command, as an operator runs it) passes on it and fails, naming the event, on a copy
 * with an edited event. Every kind of tampering — an edit, a deletion, an insertion, a
 * reordering, a cut tail — is then applied inside a transaction that is rolled back, and the
 * same verification the command runs (verifyAudit) must name the first broken event.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { pgliteDb, postgresDb, wrapPglite, type Db } from "../../src/store/db.ts";
import { migrate } from "../../src/store/migrate.ts";
import { verifyAudit } from "../../src/store/audit.ts";
import { deriveKeys } from "../../src/main.ts";
import { api, claimBody, Jar, personWithPin, startService } from "../helpers/app.ts";
import { ENGINE, migratedSnapshot, TEST_DATABASE_URL } from "../helpers/db.ts";
import { People } from "../helpers/journeys.ts";

const CLI = fileURLToPath(new URL("../../src/cli/main.ts", import.meta.url));
const PEPPER = Buffer.alloc(32, 7).toString("base64");

/** Where a copy of the journey's database lives, and how the command reaches it. */
interface Copy {
  env: Record<string, string>;
  open(): Promise<Db>;
}

function verifyWithCli(copy: Copy, extra: string[] = []): { code: number; out: string } {
  const r = spawnSync(process.execPath, [CLI, "audit", "verify", ...extra], {
    env: {
      ...process.env,
      PIN_PEPPER: PEPPER,
      OUTBOX_KEY: Buffer.alloc(32, 9).toString("base64"),
      DOCUMENT_KEY: Buffer.alloc(32, 11).toString("base64"),
      LOG_LEVEL: "silent",
      ...copy.env,
    },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

/** A database engine where the journey's database can be copied for each tampering. */
interface Engine {
  fresh(): Promise<Db>;
  /** Closes the journey's database and makes a copy of it. */
  copy(): Promise<Copy>;
  cleanup(): Promise<void>;
}

async function pgliteEngine(): Promise<Engine> {
  const root = await mkdtemp(join(tmpdir(), "inps-audit-"));
  const source = join(root, "journey", "pglite");
  let n = 0;
  return {
    async fresh() {
      // On disk (the command opens it as an operator would), started from the migrated snapshot.
      await mkdir(join(root, "journey"), { recursive: true });
      const { PGlite } = await import("@electric-sql/pglite");
      const instance = new PGlite(source, { loadDataDir: await migratedSnapshot() });
      await instance.waitReady;
      const db = wrapPglite(instance);
      await migrate(db);
      return db;
    },
    async copy() {
      const dir = join(root, `copy-${n++}`);
      await cp(source, join(dir, "pglite"), { recursive: true });
      return {
        env: { APP_ENV: "development", DATA_DIR: dir, DATABASE_URL: "" },
        open: () => pgliteDb(join(dir, "pglite")),
      };
    },
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

async function postgresEngine(): Promise<Engine> {
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  const urlOf = (name: string) => {
    const u = new URL(TEST_DATABASE_URL);
    u.pathname = `/${name}`;
    return u.toString();
  };
  const base = `audit_${randomBytes(4).toString("hex")}`;
  const made: string[] = [];
  return {
    async fresh() {
      await admin(`CREATE DATABASE ${base}`);
      made.push(base);
      const db = postgresDb(urlOf(base), 5);
      await migrate(db);
      return db;
    },
    async copy() {
      const name = `${base}_${made.length}`;
      await admin(`CREATE DATABASE ${name} TEMPLATE ${base}`);
      made.push(name);
      return {
        env: { APP_ENV: "production", DATABASE_URL: urlOf(name) },
        open: async () => postgresDb(urlOf(name), 2),
      };
    },
    async cleanup() {
      for (const name of made) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

class RollBack extends Error {}

/** Runs a tampering as someone with write access to the database (the trigger dropped). */
async function tamper(copy: Copy, sql: string[]): Promise<void> {
  const db = await copy.open();
  try {
    await db.exec("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update");
    for (const s of sql) await db.exec(s);
  } finally {
    await db.close();
  }
}

describe(`audit trail on ${ENGINE}`, () => {
  let engine: Engine;
  let journeyDb: Db;
  let events = 0;

  before(async () => {
    engine = ENGINE === "pglite" ? await pgliteEngine() : await postgresEngine();
    journeyDb = await engine.fresh();
    const s = await startService({ db: journeyDb, archiveSize: 30 });
    try {
      const people = new People(s);
      // A citizen's whole journey: claim, first access, logout, login, a wrong PIN, a lock.
      const p = people.next();
      const { pin, jar } = await personWithPin(s, p);
      await api(s, "DELETE", "/api/v1/session", undefined, jar);
      await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin }, new Jar());
      const q = people.next();
      await api(s, "POST", "/api/v1/claims", claimBody(q, { surname: "Altro" }));
      for (let i = 0; i < 11; i++)
        await api(s, "POST", "/api/v1/session", { fiscalCode: q.fiscalCode, pin: "ABCDEFGH" });
      const rows = await journeyDb.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_event",
      );
      events = rows[0]?.n ?? 0;
    } finally {
      await s.close();
      await journeyDb.close();
    }
  });

  after(async () => {
    await engine.cleanup();
  });

  it("records the journey's events and `inps-pin audit verify` finds the chain intact", async () => {
    assert.ok(events >= 20, `a real journey writes many events (${events})`);
    const copy = await engine.copy();
    const db = await copy.open();
    try {
      const types = new Set(
        (await db.query<{ type: string }>("SELECT DISTINCT type FROM audit_event")).map(
          (r) => r.type,
        ),
      );
      for (const t of [
        "claim.received",
        "claim.issued",
        "claim.queued_for_verification",
        "login.succeeded",
        "login.failed",
        "lock.started",
        "lock.restarted",
        "pin.activated",
        "session.ended",
      ])
        assert.ok(types.has(t), `${t} recorded`);
      // Who, whom, from where — never a full fiscal code.
      const sample = await db.query<{ subject_hint: string | null; source_ip: string | null }>(
        "SELECT subject_hint, source_ip FROM audit_event WHERE type = 'login.succeeded' LIMIT 1",
      );
      assert.match(sample[0]?.subject_hint ?? "", /^[A-Z0-9]{3}\*{9}[A-Z0-9]{4}$/u);
      assert.equal(sample[0]?.source_ip, "127.0.0.1");
    } finally {
      await db.close();
    }
    const r = verifyWithCli(copy);
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, new RegExp(`intact: ${events} events`, "u"));
    // The head it prints, recorded outside the database, is checked on the next run.
    const head = new RegExp(`head (${events}:[0-9a-f]{64})`, "u").exec(r.out)?.[1];
    assert.ok(head !== undefined, r.out);
    assert.equal(verifyWithCli(copy, ["--expect-head", head]).code, 0);
  });

  it("refuses to update, delete or truncate events, or to move the head back (append-only)", async () => {
    const copy = await engine.copy();
    const db = await copy.open();
    try {
      await assert.rejects(db.query("UPDATE audit_event SET outcome = 'success' WHERE seq = 1"));
      await assert.rejects(db.query("DELETE FROM audit_event WHERE seq = 1"));
      await assert.rejects(db.exec("TRUNCATE audit_event"));
      await assert.rejects(db.query("UPDATE audit_head SET seq = seq - 1"));
      await assert.rejects(db.query("DELETE FROM audit_head"));
      await assert.rejects(db.exec("TRUNCATE audit_head"));
    } finally {
      await db.close();
    }
  });

  const cases: { name: string; sql: (k: number) => string[]; brokenAt: (k: number) => number }[] = [
    {
      name: "an edited event",
      sql: (k) => [
        `UPDATE audit_event SET outcome = 'success', source_ip = '10.0.0.1' WHERE seq = ${k}`,
      ],
      brokenAt: (k) => k,
    },
    {
      name: "a deleted event",
      sql: (k) => [`DELETE FROM audit_event WHERE seq = ${k}`],
      brokenAt: (k) => k + 1,
    },
    {
      name: "an inserted event (the later ones renumbered to make room)",
      sql: (k) => [
        `UPDATE audit_event SET seq = seq + 1000000 WHERE seq >= ${k}`,
        `UPDATE audit_event SET seq = seq - 1000000 + 1 WHERE seq >= 1000000`,
        `INSERT INTO audit_event (seq, id, at, type, outcome, actor_kind, details, prev_hash, hash)
         SELECT ${k}, gen_random_uuid(), at, 'login.succeeded', 'success', 'anonymous', '{}'::jsonb, prev_hash, hash
           FROM audit_event WHERE seq = ${k + 1}`,
        `UPDATE audit_head SET seq = seq + 1`,
      ],
      brokenAt: (k) => k,
    },
    {
      name: "two events swapped",
      sql: (k) => [
        `UPDATE audit_event SET seq = -1 WHERE seq = ${k}`,
        `UPDATE audit_event SET seq = ${k} WHERE seq = ${k + 1}`,
        `UPDATE audit_event SET seq = ${k + 1} WHERE seq = -1`,
      ],
      brokenAt: (k) => k,
    },
    {
      name: "the last events cut off",
      sql: () => [`DELETE FROM audit_event WHERE seq > ${events - 2}`],
      brokenAt: () => events - 1,
    },
  ];

  it("makes `inps-pin audit verify` exit 1 naming the event on a copy with an edited event", async () => {
    const copy = await engine.copy();
    const k = Math.floor(events / 2);
    await tamper(copy, [`UPDATE audit_event SET outcome = 'success' WHERE seq = ${k}`]);
    const r = verifyWithCli(copy);
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, new RegExp(`broken at event ${k}\\b`, "u"), r.out);
  });

  describe("tampering, each rolled back", () => {
    let scratch: Db;
    before(async () => {
      scratch = await (await engine.copy()).open();
    });
    after(async () => {
      await scratch.close();
    });
    const chainKey = deriveKeys(Buffer.from(PEPPER, "base64")).audit.chain;

    for (const c of cases) {
      it(`catches ${c.name} and names the first broken event`, async () => {
        const k = Math.floor(events / 2);
        await scratch
          .transaction(async (tx) => {
            await tx.exec("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update");
            for (const sql of c.sql(k)) await tx.exec(sql);
            const verdict = await verifyAudit(tx, chainKey);
            assert.ok(!verdict.ok, c.name);
            assert.equal(verdict.brokenAt, c.brokenAt(k), verdict.problem);
            throw new RollBack();
          })
          .catch((err: unknown) => {
            if (!(err instanceof RollBack)) throw err;
          });
        assert.ok((await verifyAudit(scratch, chainKey)).ok, "rolled back: the chain holds again");
      });
    }

    it("catches a cut tail whose head was rewound to match, against a head recorded outside", async () => {
      const last = (
        await scratch.query<{ hash: string }>("SELECT hash FROM audit_event WHERE seq = $1", [
          events,
        ])
      )[0]!.hash;
      await scratch
        .transaction(async (tx) => {
          await tx.exec("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update");
          await tx.exec("ALTER TABLE audit_head DISABLE TRIGGER audit_head_forward_only");
          await tx.exec(`DELETE FROM audit_event WHERE seq > ${events - 2}`);
          await tx.exec(
            `UPDATE audit_head SET seq = ${events - 2}, hash = (SELECT hash FROM audit_event WHERE seq = ${events - 2})`,
          );
          assert.ok((await verifyAudit(tx, chainKey)).ok, "the chain alone cannot tell");
          const anchored = await verifyAudit(tx, chainKey, { seq: events, hash: last });
          assert.ok(!anchored.ok);
          assert.match(anchored.problem, /recorded outside the database/u);
          throw new RollBack();
        })
        .catch((err: unknown) => {
          if (!(err instanceof RollBack)) throw err;
        });
    });
  });
});

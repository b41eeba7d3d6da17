/**
 * Migrations contract (src/store/migrate.ts, src/store/migrations/*.sql), on whichever engine
 * createTestDb() gives (PGlite, or PostgreSQL with TEST_DATABASE_URL): numbered without gaps,
 * applied once and only once — also when several instances start on the same database — and
 * the schema of 002 (journey states, superseded claims, lockout relief, rate limits, audit).
 */
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { postgresDb, type Db } from "../../src/store/db.ts";
import { loadMigrations, migrate } from "../../src/store/migrate.ts";
import { createTestDb, ENGINE, TEST_DATABASE_URL, type TestDb } from "../helpers/db.ts";

let tdb: TestDb;
let db: Db;
before(async () => {
  tdb = await createTestDb();
  db = tdb.db;
});
after(() => tdb.drop());

async function columnsOf(table: string): Promise<string[]> {
  const rows = await db.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1 ORDER BY column_name`,
    [table],
  );
  return rows.map((r) => r.column_name);
}

describe(`migrations on ${ENGINE}`, () => {
  it("numbers migrations 1, 2, 3 ... without gaps", async () => {
    const versions = (await loadMigrations()).map((m) => m.version);
    assert.ok(versions.length >= 2);
    assert.deepEqual(
      versions,
      versions.map((_, i) => i + 1),
    );
  });

  it("applies nothing the second time and records every migration exactly once", async () => {
    assert.deepEqual(await migrate(db), []);
    assert.deepEqual(await migrate(db), []);
    const rows = await db.query<{ version: number; name: string }>(
      "SELECT version, name FROM schema_migrations ORDER BY version",
    );
    assert.deepEqual(
      rows,
      (await loadMigrations()).map((m) => ({ version: m.version, name: m.name })),
    );
  });

  it("does nothing when several instances start on a migrated database at once", async () => {
    assert.deepEqual(await Promise.all([migrate(db), migrate(db), migrate(db)]), [[], [], []]);
  });

  it("adds the columns of the second migration to sessions, claims, counters and the outbox", async () => {
    assert.ok((await columnsOf("session")).includes("return_to"));
    const claim = await columnsOf("claim");
    assert.ok(claim.includes("closed_reason") && claim.includes("superseded_by"));
    const throttle = await columnsOf("login_throttle");
    for (const c of ["streak", "last_verdict", "lock_notified_at"]) assert.ok(throttle.includes(c));
    assert.ok((await columnsOf("outbox")).includes("scrubbed_at"));
    assert.ok((await columnsOf("account")).includes("lang"));
  });

  it("creates the device, rate-limit and audit tables, the audit head at sequence zero", async () => {
    assert.deepEqual(await columnsOf("device"), [
      "created_at",
      "id",
      "last_used_at",
      "public_id",
      "subject_key",
      "user_agent",
    ]);
    assert.deepEqual(await columnsOf("rate_limit"), ["hits", "key", "name", "window_start"]);
    assert.ok((await columnsOf("audit_event")).includes("prev_hash"));
    assert.deepEqual(await db.query("SELECT id, seq::int AS seq, hash FROM audit_head"), [
      { id: 1, seq: 0, hash: "0".repeat(64) },
    ]);
  });

  it("allows the session state pin_shown and the claim status superseded", async () => {
    const definition = async (name: string): Promise<string> => {
      const rows = await db.query<{ def: string }>(
        "SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = $1",
        [name],
      );
      return rows.map((r) => r.def).join();
    };
    assert.match(await definition("session_state_check"), /'pin_shown'/u);
    assert.match(await definition("claim_status_check"), /'superseded'/u);
    // The unique index that allowed one pending claim per fiscal code is gone.
    const indexes = await db.query<{ indexname: string }>(
      "SELECT indexname FROM pg_indexes WHERE tablename = 'claim' ORDER BY indexname",
    );
    assert.deepEqual(
      indexes.map((r) => r.indexname),
      ["claim_by_person", "claim_pending_person", "claim_pkey", "claim_queue"],
    );
  });

  it("keeps the audit trail append-only (updates and deletes are refused)", async () => {
    await db.query(
      `INSERT INTO audit_event (seq, id, at, type, outcome, actor_kind, details, prev_hash, hash)
       VALUES (1, $1, now(), 'test', 'success', 'system', '{}', $2, $2)`,
      [randomUUID(), "0".repeat(64)],
    );
    await assert.rejects(db.query("UPDATE audit_event SET type = 'x'"), /append-only/u);
    await assert.rejects(db.query("DELETE FROM audit_event"), /append-only/u);
  });

  it(
    "migrates an empty database exactly once when three processes start at the same time",
    { skip: ENGINE === "pglite" ? "PGlite is one in-process database" : false },
    async () => {
      const name = `t_mig_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const u = new URL(TEST_DATABASE_URL);
      u.pathname = `/${name}`;
      const pools = [0, 1, 2].map(() => postgresDb(u.toString(), 2));
      try {
        const results = await Promise.all(pools.map((p) => migrate(p)));
        const all = (await loadMigrations()).map((m) => m.version);
        assert.deepEqual(
          results.flat().sort((a, b) => a - b),
          all,
          "each migration applied by exactly one process",
        );
        const rows = await pools[0]!.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM schema_migrations",
        );
        assert.equal(rows[0]?.n, all.length);
      } finally {
        await Promise.all(pools.map((p) => p.close()));
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    },
  );
});

/**
 * A fresh, migrated database per test file: in-memory PGlite by default, or a new database on
 * the PostgreSQL server named by TEST_DATABASE_URL (the CI run sets it), dropped afterwards.
 * The same tests therefore run on both engines (the conformance requirement).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { pgliteDb, postgresDb, type Db } from "../../src/store/db.ts";
import { migrate } from "../../src/store/migrate.ts";

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "";
export const ENGINE: "pglite" | "postgres" = TEST_DATABASE_URL === "" ? "pglite" : "postgres";

export interface TestDb {
  db: Db;
  /** Connection string of the created PostgreSQL database (undefined on PGlite). */
  url: string | undefined;
  drop(): Promise<void>;
}

export async function createTestDb(opts: { poolSize?: number } = {}): Promise<TestDb> {
  if (ENGINE === "pglite") {
    const db = await pgliteDb();
    await migrate(db);
    return { db, url: undefined, drop: () => db.close() };
  }
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(TEST_DATABASE_URL);
  u.pathname = `/${name}`;
  const url = u.toString();
  const db = postgresDb(url, opts.poolSize ?? 10);
  await migrate(db);
  return {
    db,
    url,
    async drop() {
      await db.close();
      const a = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/**
 * Numbered plain-SQL migrations (src/store/migrations/NNN_name.sql), applied in order, each in
 * its own transaction, recorded in schema_migrations. Several instances starting at once are
 * safe: the table's primary key makes a second application of the same version fail and roll
 * back, and the loser simply re-reads the applied set.
 */
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Db } from "./db.ts";
import { isUniqueViolation } from "./db.ts";

const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations/", import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export async function loadMigrations(): Promise<Migration[]> {
  const files = (await readdir(MIGRATIONS_DIR))
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/u.test(f))
    .sort();
  return Promise.all(
    files.map(async (f) => ({
      version: Number(f.slice(0, 3)),
      name: f.slice(4, -4),
      sql: await readFile(MIGRATIONS_DIR + f, "utf8"),
    })),
  );
}

export async function migrate(db: Db): Promise<number[]> {
  await db
    .query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
       version integer PRIMARY KEY,
       name text NOT NULL,
       applied_at timestamptz NOT NULL DEFAULT now())`,
    )
    .catch((err: unknown) => {
      // Two processes creating the table at once: the loser sees a duplicate key (23505), table
      // (42P07) or type (42710), depending on where the race is lost.
      if (!isUniqueViolation(err) && !hasCode(err, "42P07") && !hasCode(err, "42710")) throw err;
    });
  const applied = new Set(
    (await db.query<{ version: number }>("SELECT version FROM schema_migrations")).map(
      (r) => r.version,
    ),
  );
  const done: number[] = [];
  for (const m of await loadMigrations()) {
    if (applied.has(m.version)) continue;
    try {
      await db.transaction(async (tx) => {
        await tx.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [
          m.version,
          m.name,
        ]);
        // Plain multi-statement SQL: run as one simple-protocol batch.
        await tx.exec(m.sql);
      });
      done.push(m.version);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
  }
  return done;
}

function hasCode(err: unknown, code: string): boolean {
  return typeof err === "object" && err !== null && "code" in err && err.code === code;
}

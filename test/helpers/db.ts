/**
 * A fresh, migrated database per test file: in-memory PGlite by default, or a new database on
 * the PostgreSQL server named by TEST_DATABASE_URL (the CI run sets it), dropped afterwards.
 * The same tests therefore run on both engines (the conformance requirement).
 *
 * PGlite: running initdb for every database costs seconds, so each one is instead loaded from
 * a snapshot of an already migrated data directory (PGlite's dumpDataDir tarball). The
 * snapshot is built once per migration set and cached under os.tmpdir(), keyed by a hash of
 * every file in src/store/migrations/ (plus migrate.ts and the PGlite version): a new or
 * changed migration makes a new snapshot. Every call still gets its own independent
 * instance, and migrate() still runs on it (it finds nothing to apply).
 */
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { postgresDb, wrapPglite, type Db } from "../../src/store/db.ts";
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
    const db = await migratedPglite();
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

// ---- PGlite from a migrated snapshot ---------------------------------------------------------

const STORE_DIR = fileURLToPath(new URL("../../src/store/", import.meta.url));
const MIGRATIONS_DIR = join(STORE_DIR, "migrations");

/** Hash of everything that determines the migrated data directory. */
function snapshotKey(): string {
  const h = createHash("sha256");
  const pgliteDir = dirname(dirname(fileURLToPath(import.meta.resolve("@electric-sql/pglite"))));
  const { version } = JSON.parse(readFileSync(join(pgliteDir, "package.json"), "utf8")) as {
    version: string;
  };
  h.update(`pglite ${version}\0`);
  h.update(readFileSync(join(STORE_DIR, "migrate.ts")));
  for (const f of readdirSync(MIGRATIONS_DIR).sort()) {
    h.update(`\0${f}\0`);
    h.update(readFileSync(join(MIGRATIONS_DIR, f)));
  }
  return h.digest("hex").slice(0, 24);
}

/**
 * The snapshot tarball (uncompressed) as PGlite's loadDataDir wants it. PGlite only calls
 * arrayBuffer() on it, which for a plain Blob of 40 MB costs a few hundred milliseconds in
 * Node; this one hands out a copy of the bytes it holds. Every other Blob method still works
 * on the same bytes.
 */
class TarballBlob extends Blob {
  readonly #bytes: Uint8Array<ArrayBuffer>;
  constructor(bytes: Uint8Array<ArrayBuffer>) {
    super([bytes], { type: "application/x-tar" });
    this.#bytes = bytes;
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.#bytes.slice().buffer);
  }
}

/** This process's snapshot, read (or built) once. */
let snapshot: Promise<Blob> | undefined;

/** The migrated data directory as a tarball (PGlite's loadDataDir), built once per process. */
export function migratedSnapshot(): Promise<Blob> {
  snapshot ??= loadOrBuildSnapshot().then(
    (tar) => new TarballBlob(tar),
    (err: unknown) => {
      snapshot = undefined;
      throw err;
    },
  );
  return snapshot;
}

/** The migrated data directory as an uncompressed tarball; cached gzipped under tmpdir(). */
async function loadOrBuildSnapshot(): Promise<Uint8Array<ArrayBuffer>> {
  const key = snapshotKey();
  const file = join(tmpdir(), `inps-pin-pglite-${key}.tar.gz`);
  try {
    return new Uint8Array(gunzipSync(await readFile(file)));
  } catch {
    // Not built yet (or unreadable): build it, and replace the file.
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const fresh = new PGlite();
  await fresh.waitReady;
  let tar: Uint8Array<ArrayBuffer>;
  try {
    await migrate(wrapPglite(fresh));
    await fresh.exec("CHECKPOINT");
    tar = new Uint8Array(await (await fresh.dumpDataDir("none")).arrayBuffer());
  } finally {
    await fresh.close();
  }
  // A migration edited while this one was built: use the snapshot here, but do not cache it.
  if (snapshotKey() !== key) return tar;
  // Several test processes may build at once: each writes its own file and renames it into
  // place, so a reader only ever sees a complete tarball (they are all equivalent).
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(tmp, gzipSync(tar, { level: 1 }));
    await rename(tmp, file);
  } catch {
    await rm(tmp, { force: true });
  }
  return tar;
}

async function migratedPglite(): Promise<Db> {
  const { PGlite } = await import("@electric-sql/pglite");
  const instance = new PGlite({ loadDataDir: await migratedSnapshot() });
  await instance.waitReady;
  const db = wrapPglite(instance);
  // Nothing to apply, unless a migration appeared since this process read its snapshot: then
  // the database is brought up to date here, and the next call re-reads (or rebuilds) it.
  if ((await migrate(db)).length > 0) snapshot = undefined;
  return db;
}

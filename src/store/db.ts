/**
 * The one database seam: a minimal query interface implemented by embedded PGlite (the
 * development default) and by node-postgres (production). Repositories write portable SQL
 * against it; nothing else in the code knows which engine is underneath.
 */
import pg from "pg";
import type { PGlite } from "@electric-sql/pglite";

export type SqlParam = string | number | boolean | Date | null | readonly string[];

/** A parameterised statement, for composing several into one round trip. */
export interface Statement {
  sql: string;
  params: SqlParam[];
}

/**
 * `WITH first AS (…) second` as one statement: the second's placeholders are renumbered after
 * the first's. Data-modifying CTEs run exactly once, in the same snapshot.
 */
export function withCte(name: string, first: Statement, second: Statement): Statement {
  const shift = first.params.length;
  return {
    sql: `WITH ${name} AS (${first.sql}) ${second.sql.replace(/\$(\d+)/gu, (_m, n: string) => `$${Number(n) + shift}`)}`,
    params: [...first.params, ...second.params],
  };
}

export interface Queryable {
  query<R extends object>(sql: string, params?: readonly SqlParam[]): Promise<R[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: "pglite" | "postgres";
  /** Runs fn in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// int8 and numeric come back as strings from node-postgres; the schema casts counts to int.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/**
 * Every parameterised statement becomes a named prepared statement (per connection), so
 * PostgreSQL parses and plans the hot queries once instead of on every request.
 */
const statementNames = new Map<string, string>();
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (name === undefined) {
    name = `s${statementNames.size}`;
    statementNames.set(sql, name);
  }
  return name;
}

export function postgresDb(connectionString: string, poolSize = 10): Db {
  const pool = new pg.Pool({ connectionString, max: poolSize, idleTimeoutMillis: 30_000 });
  // An idle client that loses its connection must not crash the process.
  pool.on("error", () => undefined);
  const run = async <R extends object>(
    client: pg.Pool | pg.PoolClient,
    sql: string,
    params?: readonly SqlParam[],
  ): Promise<R[]> => {
    const res =
      params === undefined || params.length === 0
        ? await client.query<R>(sql)
        : await client.query<R>({
            name: statementName(sql),
            text: sql,
            values: params as unknown[],
          });
    return res.rows;
  };
  return {
    kind: "postgres",
    query: (sql, params) => run(pool, sql, params),
    exec: async (sql) => {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn({
          query: (sql, params) => run(client, sql, params),
          exec: async (sql) => {
            await client.query(sql);
          },
        });
        await client.query("COMMIT");
        return result;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** dataDir undefined → in memory (tests); a path → persisted under it (npm start). */
export async function pgliteDb(dataDir?: string): Promise<Db> {
  const { PGlite } = await import("@electric-sql/pglite");
  const db: PGlite = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await db.waitReady;
  return wrapPglite(db);
}

/** The Db seam over a PGlite instance someone else opened (tests start them from snapshots). */
export function wrapPglite(db: PGlite): Db {
  const run = async <R extends object>(
    q: Pick<PGlite, "query">,
    sql: string,
    params?: readonly SqlParam[],
  ): Promise<R[]> => {
    const res = await q.query<R>(sql, params as unknown[] | undefined);
    return res.rows;
  };
  return {
    kind: "pglite",
    query: (sql, params) => run(db, sql, params),
    exec: async (sql) => {
      await db.exec(sql);
    },
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          query: (sql, params) => run(tx, sql, params),
          exec: async (sql) => {
            await tx.exec(sql);
          },
        }),
      ),
    close: () => db.close(),
  };
}

export async function openDb(opts: {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  poolSize?: number;
}): Promise<Db> {
  if (opts.databaseUrl !== undefined && opts.databaseUrl !== "")
    return postgresDb(opts.databaseUrl, opts.poolSize);
  return pgliteDb(opts.dataDir);
}

/** True when err is PostgreSQL's unique_violation (23505), on either engine. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && "code" in err && err.code === "23505";
}

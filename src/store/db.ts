/**
 * The one database seam: a minimal query interface implemented by embedded PGlite (the
 * development default) and by node-postgres (production). Repositories write portable SQL
 * against it; nothing else in the code knows which engine is underneath.
 */
import { Socket } from "node:net";
import pg from "pg";
import type { PGlite } from "@electric-sql/pglite";
import { lockDataDir } from "./pglite-lock.ts";

export type SqlParam = string | number | boolean | Date | null | readonly string[] | Uint8Array;

/** A parameterised statement, for composing several into one round trip. */
export interface Statement {
  sql: string;
  params: SqlParam[];
}

type SqlCache = Map<string | number, { sql?: string; next?: SqlCache }>;
const sqlCache: SqlCache = new Map();

/**
 * SQL text built from parts (the composed statements of the hot paths) is built once: the
 * same parts give back the same string, so composing costs a few map lookups and the prepared
 * statement's name is found without hashing a new string each time.
 */
export function cachedSql(parts: readonly (string | number)[], build: () => string): string {
  let level = sqlCache;
  let node: { sql?: string; next?: SqlCache } | undefined;
  for (const part of parts) {
    node = level.get(part);
    if (node === undefined) {
      node = {};
      level.set(part, node);
    }
    level = node.next ??= new Map() as SqlCache;
  }
  if (node === undefined) return build();
  return (node.sql ??= build());
}

/**
 * `WITH a AS (…), b AS (…) final` as one statement: each statement's placeholders are
 * renumbered after the ones before it. Data-modifying CTEs run exactly once, in the same
 * snapshot as the final statement (one round trip instead of one per statement).
 */
export function withCtes(
  ctes: readonly (readonly [string, Statement])[],
  final: Statement,
): Statement {
  const params: SqlParam[] = [];
  for (const [, st] of ctes) params.push(...st.params);
  params.push(...final.params);
  const parts = ["WITH", ...ctes.flatMap(([name, st]) => [name, st.sql]), final.sql];
  const sql = cachedSql(parts, () => {
    let shift = 0;
    const shifted = (st: Statement): string => {
      const text = st.sql.replace(/\$(\d+)/gu, (_m, n: string) => `$${Number(n) + shift}`);
      shift += st.params.length;
      return text;
    };
    const heads = ctes.map(([name, st]) => `${name} AS (${shifted(st)})`);
    return `WITH ${heads.join(", ")} ${shifted(final)}`;
  });
  return { sql, params };
}

export interface Queryable {
  query<R extends object>(sql: string, params?: readonly SqlParam[]): Promise<R[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** A transaction's statements. */
export interface Tx extends Queryable {
  /**
   * A last write, sent with the COMMIT (one round trip on PostgreSQL): its result is not
   * needed, and its failure rolls the transaction back and is thrown by transaction().
   */
  beforeCommit(st: Statement): void;
}

export interface Db extends Queryable {
  readonly kind: "pglite" | "postgres";
  /**
   * For technical single statements whose loss in a crash is harmless — counters, rate-limit
   * hits, last-seen instants — and reads: on PostgreSQL their commits do not wait for the disk
   * (synchronous_commit off, a pool of their own), so an operating-system crash may forget the
   * last fraction of a second of them, never half of one. Never for an audited change.
   */
  readonly technical: Queryable;
  /** Runs fn in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** Connection pools' use (PostgreSQL; PGlite has none): for the metrics. */
  poolStats?(): PoolStats[];
}

export interface PoolStats {
  pool: "main" | "technical";
  total: number;
  idle: number;
  waiting: number;
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

/** The socket under a pooled client, to send pipelined messages in one write (null: no cork). */
function socketOf(client: pg.PoolClient): { cork(): void; uncork(): void } | null {
  const stream = (client as unknown as { connection?: { stream?: unknown } }).connection?.stream;
  return stream instanceof Socket ? stream : null;
}

/** Awaited later (or never): a rejection must not go unhandled meanwhile. */
function handled<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

/**
 * node-postgres with pipelining: a transaction's BEGIN goes out with its first statements and
 * its COMMIT with its last write (Tx.beforeCommit), in one write each when they are issued
 * together — on a machine where every socket write is a costly system call, round trips are
 * most of a short transaction's cost.
 */
export function postgresDb(connectionString: string, poolSize = 10): Db {
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    idleTimeoutMillis: 30_000,
    pipeline: true,
  });
  const technicalPool = new pg.Pool({
    connectionString,
    max: poolSize,
    idleTimeoutMillis: 30_000,
    options: "-c synchronous_commit=off",
  });
  // An idle client that loses its connection must not crash the process.
  pool.on("error", () => undefined);
  technicalPool.on("error", () => undefined);
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
    technical: {
      query: (sql, params) => run(technicalPool, sql, params),
      exec: async (sql) => {
        await technicalPool.query(sql);
      },
    },
    query: (sql, params) => run(pool, sql, params),
    exec: async (sql) => {
      await pool.query(sql);
    },
    async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      const socket = socketOf(client);
      const last: Statement[] = [];
      const tx: Tx = {
        query: (sql, params) => run(client, sql, params),
        exec: async (sql) => {
          await client.query(sql);
        },
        beforeCommit: (st) => {
          last.push(st);
        },
      };
      try {
        // BEGIN and whatever fn sends before its first await leave in one write.
        socket?.cork();
        const begun = handled(client.query("BEGIN"));
        let pending: Promise<T>;
        try {
          pending = handled(fn(tx));
        } finally {
          socket?.uncork();
        }
        const result = await pending;
        await begun;
        socket?.cork();
        const writes = last.map((st) => handled(run(client, st.sql, st.params)));
        const commit = handled(client.query("COMMIT"));
        socket?.uncork();
        await Promise.all(writes);
        // A COMMIT of a transaction that failed answers ROLLBACK instead of an error.
        if ((await commit).command !== "COMMIT") throw new Error("the transaction was rolled back");
        return result;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: async () => {
      await Promise.all([pool.end(), technicalPool.end()]);
    },
    poolStats: () =>
      (
        [
          ["main", pool],
          ["technical", technicalPool],
        ] as const
      ).map(([name, p]) => ({
        pool: name,
        total: p.totalCount,
        idle: p.idleCount,
        waiting: p.waitingCount,
      })),
  };
}

/** dataDir undefined → in memory (tests); a path → persisted under it (npm start). */
export async function pgliteDb(dataDir?: string): Promise<Db> {
  const { PGlite } = await import("@electric-sql/pglite");
  const release = dataDir === undefined ? () => undefined : lockDataDir(dataDir);
  try {
    const db: PGlite = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
    await db.waitReady;
    const wrapped = wrapPglite(db);
    return {
      ...wrapped,
      close: async () => {
        await wrapped.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
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
  const direct: Queryable = {
    query: (sql, params) => run(db, sql, params),
    exec: async (sql) => {
      await db.exec(sql);
    },
  };
  return {
    kind: "pglite",
    technical: direct,
    query: (sql, params) => run(db, sql, params),
    exec: async (sql) => {
      await db.exec(sql);
    },
    transaction: (fn) =>
      db.transaction(async (tx) => {
        const last: Statement[] = [];
        const result = await fn({
          query: (sql, params) => run(tx, sql, params),
          exec: async (sql) => {
            await tx.exec(sql);
          },
          beforeCommit: (st) => {
            last.push(st);
          },
        });
        for (const st of last) await run(tx, st.sql, st.params);
        return result;
      }),
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

/**
 * npm run bench: each figure printed beside the limit it is judged against, both measured in
 * this run on this machine (absolute numbers drift ±15 % between runs; ratios do not).
 *
 *   1. argon2id verify rate with the project's parameters, both cores busy: the hash limit.
 *   2. POST /api/v1/session (correct PINs, many fiscal codes) from a second process: login rate,
 *      and its ratio to (1). Target ≥ 0.90.
 *   3. Primary-key SELECT of a session row through a pool like the service's: the database limit.
 *   4. GET /api/v1/me with a session at 50 connections, ratio to (3), p99. Target ≥ 0.70, p99 < 20 ms.
 *   5. GET /healthz, the HTTP ceiling of one process.
 * Uses BENCH_DATABASE_URL when set, otherwise starts a throwaway PostgreSQL 15 cluster.
 */
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { generateDemoArchive, isDemoEligible } from "../src/archive/demo.ts";
import { createArgon2Hasher } from "../src/security/hasher.ts";
import { postgresDb } from "../src/store/db.ts";
import { migrate } from "../src/store/migrate.ts";
import { upsertPeople } from "../src/store/repos/archive.ts";
import { startServiceProcess } from "../test/helpers/process.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PEPPER = randomBytes(32);
const PIN = "K7M2P9QR";
const POOL = 10;

function startTempPostgres(): { url: string; stop: () => void } {
  const out = execFileSync(
    "bash",
    ["-c", 'source scripts/pg-temp.sh start >&2 && echo "$PG_TEMP_URL $PG_TEMP_DIR"'],
    {
      cwd: ROOT,
      encoding: "utf8",
    },
  ).trim();
  const [url, dir] = out.split(" ");
  if (url === undefined || dir === undefined) throw new Error("could not start PostgreSQL");
  return { url, stop: () => execFileSync("bash", [`${ROOT}scripts/pg-temp.sh`, "stop", dir]) };
}

async function createDatabase(adminUrl: string): Promise<string> {
  const name = `bench_${randomBytes(4).toString("hex")}`;
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  statuses: Record<string, number>;
}

function load(job: Record<string, unknown>): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [fileURLToPath(new URL("./load.ts", import.meta.url)), JSON.stringify(job)],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.once("exit", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      if (code !== 0 || line === "") reject(new Error(`load generator failed (${code})`));
      else resolve(JSON.parse(line) as LoadResult);
    });
  });
}

async function hashLimit(): Promise<number> {
  const hasher = await createArgon2Hasher({
    pepper: PEPPER,
    concurrency: availableParallelism(),
    queueLimit: 1000,
  });
  const h = await hasher.hash(PIN);
  const until = performance.now() + SECONDS * 1000;
  let n = 0;
  const workers = Array.from({ length: availableParallelism() * 2 }, async () => {
    while (performance.now() < until) {
      await hasher.verify(h, PIN);
      n++;
    }
  });
  const t0 = performance.now();
  await Promise.all(workers);
  return n / ((performance.now() - t0) / 1000);
}

async function selectLimit(url: string, idHashes: string[]): Promise<number> {
  const db = postgresDb(url, POOL);
  const until = performance.now() + SECONDS * 1000;
  let n = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 50 }, async (_, w) => {
      let i = w;
      while (performance.now() < until) {
        await db.query("SELECT id_hash, fiscal_code, state FROM session WHERE id_hash = $1", [
          idHashes[i++ % idHashes.length]!,
        ]);
        n++;
      }
    }),
  );
  const rate = n / ((performance.now() - t0) / 1000);
  await db.close();
  return rate;
}

const fmt = (n: number, d = 0) => n.toFixed(d).padStart(9);

async function main(): Promise<void> {
  const temp = process.env.BENCH_DATABASE_URL === undefined ? startTempPostgres() : null;
  const adminUrl = process.env.BENCH_DATABASE_URL ?? temp!.url;
  try {
    const url = await createDatabase(adminUrl);
    const db = postgresDb(url, 4);
    await migrate(db);
    const people = generateDemoArchive().filter((p) => isDemoEligible(p).eligible);
    await upsertPeople(db, people);
    const hasher = await createArgon2Hasher({ pepper: PEPPER, concurrency: 2, queueLimit: 10 });
    const pinHash = await hasher.hash(PIN);
    const now = new Date().toISOString();
    await db.query(
      `INSERT INTO account (fiscal_code, mobile, email, created_at, updated_at)
       SELECT fiscal_code, mobile, email, $1, $1 FROM archive_person`,
      [now],
    );
    await db.query(
      `INSERT INTO credential (id, fiscal_code, kind, level, pin_hash, status, set_at)
       SELECT gen_random_uuid(), fiscal_code, 'operating', 'ordinary', $1, 'active', $2 FROM archive_person`,
      [pinHash, now],
    );
    await db.close();
    console.log(
      `bench: ${people.length} accounts, PostgreSQL ${temp === null ? "(BENCH_DATABASE_URL)" : "(throwaway cluster)"}, ${SECONDS}s per measure, ${availableParallelism()} cores`,
    );

    const hashRate = await hashLimit();

    const svc = await startServiceProcess({
      APP_ENV: "production",
      DATABASE_URL: url,
      PIN_PEPPER: PEPPER.toString("base64"),
      OUTBOX_KEY: randomBytes(32).toString("base64"),
      DATABASE_POOL_SIZE: String(POOL),
      WORKER_IN_PROCESS: "false",
    });
    try {
      const bodies = people.map((p) => JSON.stringify({ fiscalCode: p.fiscalCode, pin: PIN }));
      await load({
        url: svc.url,
        path: "/api/v1/session",
        method: "POST",
        connections: 8,
        duration: 2,
        bodies,
      }); // warm-up
      const loginRes = await load({
        url: svc.url,
        path: "/api/v1/session",
        method: "POST",
        connections: 32,
        duration: SECONDS,
        bodies,
      });

      const res = await fetch(`${svc.url}/api/v1/session`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: bodies[0]!,
      });
      const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
      const sessionIds = await (async () => {
        const d = postgresDb(url, 1);
        const rows = await d.query<{ id_hash: string }>("SELECT id_hash FROM session LIMIT 1000");
        await d.close();
        return rows.map((r) => r.id_hash);
      })();

      const selectRate = await selectLimit(url, sessionIds);
      await load({
        url: svc.url,
        path: "/api/v1/me",
        method: "GET",
        connections: 50,
        duration: 2,
        cookie,
      }); // warm-up
      const meRes = await load({
        url: svc.url,
        path: "/api/v1/me",
        method: "GET",
        connections: 50,
        duration: SECONDS,
        cookie,
      });
      const healthRes = await load({
        url: svc.url,
        path: "/healthz",
        method: "GET",
        connections: 50,
        duration: SECONDS,
      });

      const loginRatio = loginRes.rps / hashRate;
      const meRatio = meRes.rps / selectRate;
      console.log("");
      console.log(
        "measure                                   rate/s      p50 ms    p99 ms   ratio  target",
      );
      console.log(
        `argon2id verify (m=19456 t=2 p=1)     ${fmt(hashRate, 1)}                                 (hash limit)`,
      );
      console.log(
        `POST /api/v1/session, 32 conns        ${fmt(loginRes.rps, 1)} ${fmt(loginRes.p50, 1)} ${fmt(loginRes.p99, 1)}  ${loginRatio.toFixed(2).padStart(6)}  >= 0.90 ${loginRatio >= 0.9 ? "ok" : "MISSED"}`,
      );
      console.log(
        `PK SELECT via pool of ${POOL}, 50 workers ${fmt(selectRate)}                                 (database limit)`,
      );
      console.log(
        `GET /api/v1/me, 50 conns              ${fmt(meRes.rps)} ${fmt(meRes.p50, 1)} ${fmt(meRes.p99, 1)}  ${meRatio.toFixed(2).padStart(6)}  >= 0.70, p99 < 20 ms ${meRatio >= 0.7 && meRes.p99 < 20 ? "ok" : "MISSED"}`,
      );
      console.log(
        `GET /healthz, 50 conns                ${fmt(healthRes.rps)} ${fmt(healthRes.p50, 1)} ${fmt(healthRes.p99, 1)}`,
      );
      const bad = [loginRes, meRes, healthRes].map((r) => r.errors + r.non2xx);
      console.log(
        `\nnon-2xx/errors: login ${bad[0]}, me ${bad[1]}, healthz ${bad[2]} (login statuses ${JSON.stringify(loginRes.statuses)})`,
      );
    } finally {
      await svc.stop();
    }
  } finally {
    temp?.stop();
  }
}

await main();

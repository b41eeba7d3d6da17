/**
 * `inps-pin letters batch --now | acks | status` against a real SFTP drop on 127.0.0.1: the
 * batch printed with its id, letters and pages; acknowledgements read; recent batches listed;
 * a clear refusal without a drop; the command registered in the `inps-pin` binary.
 */
import { after, before, describe, it, type TestContext } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { lettersCommand } from "../../src/cli/letters.ts";
import { loadConfig, type Config } from "../../src/config.ts";
import { FixedClock } from "../../src/domain/clock.ts";
import { createTestDb, type TestDb } from "../helpers/db.ts";
import { queueLetter } from "../helpers/letters.ts";
import { startSftpTestServer, type SftpTestServer } from "../helpers/sftp-test-server.ts";

const CLI = fileURLToPath(new URL("../../src/cli/main.ts", import.meta.url));
const START = new Date("2026-03-02T09:00:00.000Z");

function env(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    APP_ENV: "development",
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    PIN_PEPPER: Buffer.alloc(32, 7).toString("base64"),
    OUTBOX_KEY: Buffer.alloc(32, 9).toString("base64"),
    ...extra,
  };
}

async function run(t: TestContext, config: Config, db: TestDb, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const log = t.mock.method(console, "log", (m: unknown) => out.push(String(m)));
  const error = t.mock.method(console, "error", (m: unknown) => err.push(String(m)));
  try {
    const code = await lettersCommand(config, db.db, args, new FixedClock(START));
    return { code, out: out.join("\n"), err: err.join("\n") };
  } finally {
    log.mock.restore();
    error.mock.restore();
  }
}

describe("inps-pin letters", () => {
  let sftp: SftpTestServer;
  let t: TestDb;
  let dataDir: string;
  let config: Config;
  before(async () => {
    sftp = await startSftpTestServer();
    t = await createTestDb();
    dataDir = await mkdtemp(join(tmpdir(), "inps-cli-letters-"));
    config = loadConfig(env(dataDir, { LETTERS_SFTP_URL: sftp.url }));
  });
  after(async () => {
    await sftp.close();
    await t.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("batch --now uploads the waiting letters and prints the batch; acks and status follow", async (tc) => {
    const a = await queueLetter(t.db, config.outboxKey, START, 0);
    const b = await queueLetter(t.db, config.outboxKey, START, 1);
    const r = await run(tc, config, t, "batch", "--now");
    assert.equal(r.code, 0, r.err);
    const m = /^batch ([0-9a-f-]{36}): 2 letters, (\d+) pages$/mu.exec(r.out);
    assert.ok(m !== null, r.out);
    const batchId = m[1] ?? "";
    const again = await run(tc, config, t, "batch", "--now");
    assert.match(again.out, /nothing uploaded/u);
    await sftp.writeAck(batchId, [a.id, b.id]);
    const acks = await run(tc, config, t, "acks");
    assert.equal(acks.code, 0);
    assert.match(acks.out, /printed 2, rejected 0, ignored 0; batches completed: 1/u);
    const status = await run(tc, config, t, "status");
    assert.match(
      status.out,
      new RegExp(
        `^${batchId}\\t2026-03-02\\tacknowledged\\t2 letters\\t${m[2]} pages\\t2 printed\\t0 rejected\\t0 pending$`,
        "mu",
      ),
    );
  });

  it("reports a failed upload with exit code 1 (the next run resumes it)", async (tc) => {
    await queueLetter(t.db, config.outboxKey, START, 2);
    sftp.setMode({ dropAfterWrites: 0 });
    try {
      const r = await run(tc, config, t, "batch", "--now");
      assert.equal(r.code, 1);
      assert.match(r.err, /letter batch failed/u);
    } finally {
      sftp.setMode("ok");
    }
    const r = await run(tc, config, t, "batch", "--now");
    assert.match(r.out, /1 letters, \d+ pages \(resumed\)/u);
  });

  it("refuses without a drop, and answers bad arguments with the usage", async (tc) => {
    const bare = loadConfig(env(dataDir));
    const r = await run(tc, bare, t, "batch", "--now");
    assert.equal(r.code, 2);
    assert.match(r.err, /no letter drop configured: set LETTERS_SFTP_URL or LETTERS_DIR/u);
    assert.equal((await run(tc, config, t, "batch")).code, null);
    assert.equal((await run(tc, config, t, "print")).code, null);
  });

  it("is a command of the inps-pin binary", () => {
    const base = { ...process.env };
    delete base.NODE_TEST_CONTEXT;
    delete base.DATABASE_URL;
    const r = spawnSync(process.execPath, [CLI, "letters", "batch", "--now"], {
      env: { ...base, ...env(dataDir) },
      encoding: "utf8",
      timeout: 120_000,
    });
    assert.equal(r.status, 2, `${r.stdout}${r.stderr}`);
    assert.match(r.stderr, /no letter drop configured/u);
    const help = spawnSync(process.execPath, [CLI, "help"], {
      env: { ...base, APP_ENV: "development" },
      encoding: "utf8",
    });
    assert.match(help.stderr + help.stdout, /letters batch --now/u);
  });
});

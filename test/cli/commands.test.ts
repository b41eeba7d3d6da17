/**
 * Production safety of the `inps-pin` command: the demo archive (invented people) is never
 * loaded into a production database, and the test mode's public keys work only under the
 * test runner.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const CLI = fileURLToPath(new URL("../../src/cli/main.ts", import.meta.url));

function run(args: string[], env: Record<string, string>) {
  const base = { ...process.env };
  delete base.NODE_TEST_CONTEXT;
  delete base.DATABASE_URL;
  const r = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...base, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

const PRODUCTION = {
  APP_ENV: "production",
  // Unreachable on purpose: the command must refuse before it connects.
  DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
  PIN_PEPPER: Buffer.alloc(32, 1).toString("base64"),
  OUTBOX_KEY: Buffer.alloc(32, 2).toString("base64"),
  DOCUMENT_KEY: Buffer.alloc(32, 3).toString("base64"),
};

describe("inps-pin command", () => {
  it("refuses seed-demo in production, before touching the database", () => {
    const r = run(["seed-demo"], PRODUCTION);
    assert.equal(r.code, 2, r.out);
    assert.match(r.out, /seed-demo refuses to run in production/u);
  });

  it("refuses APP_ENV=test outside the test runner", () => {
    const r = run(["migrate"], { APP_ENV: "test" });
    assert.equal(r.code, 2, r.out);
    assert.match(r.out, /only for the test runner/u);
  });

  it("prints its usage, audit verify included", () => {
    const r = run(["help"], { APP_ENV: "development" });
    assert.equal(r.code, 0);
    assert.match(r.out, /audit verify/u);
  });
});

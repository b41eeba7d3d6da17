/** One process at a time on an embedded database directory. */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lockDataDir } from "../../src/store/pglite-lock.ts";

describe("embedded database lock", () => {
  it("refuses a directory held by a live process, takes over a stale lock, releases its own", () => {
    const dir = mkdtempSync(join(tmpdir(), "lock-"));
    try {
      const file = join(dir, "inps-pin.lock");
      writeFileSync(file, String(process.ppid));
      assert.throws(() => lockDataDir(dir), /in use by process \d+.*stop it first/u);
      writeFileSync(file, "2147483646"); // no such process
      const release = lockDataDir(dir);
      assert.ok(existsSync(file));
      release();
      assert.equal(existsSync(file), false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

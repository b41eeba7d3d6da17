/**
 * The print vendor's drop (src/notifications/letters/drop.ts), over SFTP against a real ssh2
 * server on 127.0.0.1 and as a folder: whole files under their final name only, rewrites
 * replace, reads and lists, removal, readiness, and a pinned host key.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createLetterDrop,
  parseSftpUrl,
  type LetterDropTransport,
} from "../../src/notifications/letters/drop.ts";
import { startSftpTestServer, type SftpTestServer } from "../helpers/sftp-test-server.ts";

const BATCH = "0b6d1f7e-9a55-4a8b-8a59-3d3b2f1c0a11";

async function exercise(drop: LetterDropTransport, folder: string): Promise<void> {
  await drop.check();
  await drop.put(`${BATCH}/a.pdf`, Buffer.from("first"));
  await drop.put(`${BATCH}/a.pdf`, Buffer.from("second, longer"));
  await drop.put(`${BATCH}/manifest.json`, Buffer.from("{}"));
  assert.deepEqual(await readdir(join(folder, BATCH)), ["a.pdf", "manifest.json"].sort());
  assert.equal(await readFile(join(folder, BATCH, "a.pdf"), "utf8"), "second, longer");
  assert.equal(Buffer.from((await drop.read(`${BATCH}/a.pdf`)) ?? []).toString(), "second, longer");
  assert.equal(await drop.read(`${BATCH}/ack.json`), null);
  assert.deepEqual(await drop.list(BATCH), ["a.pdf", "manifest.json"]);
  assert.deepEqual(await drop.list("nothing-here"), []);
  await drop.remove(`${BATCH}/a.pdf`);
  await drop.remove(`${BATCH}/a.pdf`);
  assert.deepEqual(await drop.list(BATCH), ["manifest.json"]);
  await assert.rejects(drop.put("../escape.pdf", Buffer.from("x")), RangeError);
  await assert.rejects(drop.put(`${BATCH}/.hidden`, Buffer.from("x")), RangeError);
}

describe("letter drop", () => {
  let sftp: SftpTestServer;
  let dir: string;
  before(async () => {
    sftp = await startSftpTestServer();
    dir = await mkdtemp(join(tmpdir(), "inps-drop-"));
  });
  after(async () => {
    await sftp.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("writes, rewrites, reads, lists and removes in a folder", async () => {
    const drop = createLetterDrop({ kind: "dir", dir });
    await exercise(drop, dir);
    await drop.close();
  });

  it("does the same over SFTP", async () => {
    const drop = createLetterDrop({ kind: "sftp", url: sftp.url });
    try {
      await exercise(drop, sftp.inbox);
      assert.ok(
        sftp.written.every((p) => p.includes("/.")),
        "written under temporary names",
      );
    } finally {
      await drop.close();
    }
  });

  it("reconnects after the server dropped the connection mid-upload", async () => {
    const drop = createLetterDrop({ kind: "sftp", url: sftp.url });
    try {
      sftp.setMode({ dropAfterWrites: 0 });
      await assert.rejects(drop.put(`${BATCH}/big.pdf`, Buffer.alloc(100_000, 1)));
      assert.deepEqual(
        (await readdir(join(sftp.inbox, BATCH))).filter((f) => f === "big.pdf"),
        [],
        "never under its final name",
      );
      sftp.setMode("ok");
      await drop.put(`${BATCH}/big.pdf`, Buffer.alloc(100_000, 1));
      assert.equal((await readFile(join(sftp.inbox, BATCH, "big.pdf"))).length, 100_000);
    } finally {
      sftp.setMode("ok");
      await drop.close();
    }
  });

  it("checks readiness: a missing folder, refused credentials, a wrong host key", async () => {
    const missing = createLetterDrop({ kind: "sftp", url: sftp.url.replace("/inbox", "/none") });
    await assert.rejects(missing.check(), /not a folder/u);
    await missing.close();
    await assert.rejects(createLetterDrop({ kind: "dir", dir: join(dir, "none") }).check());
    sftp.setMode("refuse");
    const refused = createLetterDrop({ kind: "sftp", url: sftp.url });
    await assert.rejects(refused.check());
    await refused.close();
    sftp.setMode("ok");
    const pinned = createLetterDrop({
      kind: "sftp",
      url: `${sftp.url}?host_key=${encodeURIComponent(sftp.hostKey)}`,
    });
    await pinned.check();
    await pinned.close();
    const wrong = createLetterDrop({ kind: "sftp", url: `${sftp.url}?host_key=SHA256:AAAA` });
    await assert.rejects(wrong.check());
    await wrong.close();
  });

  it("reads credentials and the pinned key from the URL", () => {
    assert.deepEqual(
      parseSftpUrl("sftp://u%40x:p%2Fw@h.example:2222/drop/in/?host_key=SHA256:abc"),
      {
        host: "h.example",
        port: 2222,
        username: "u@x",
        password: "p/w",
        root: "/drop/in",
        hostKey: "SHA256:abc",
      },
    );
  });
});

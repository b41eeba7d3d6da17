/**
 * The daily letter batch (src/notifications/letters/): to a folder and over SFTP (a real ssh2
 * server on 127.0.0.1), the manifest (SHA-256 of the bytes, pages, country), the connection
 * dropped mid-upload then a rerun (every letter exactly once across the final manifests), a
 * second run uploading nothing, the vendor's acknowledgement (printed: secret erased and PDF
 * gone, no PIN half left in clear; rejected: abandoned, secret kept), and unrenderable letters.
 * PGlite by default, PostgreSQL with TEST_DATABASE_URL.
 */
import { after, afterEach, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { FixedClock } from "../../src/domain/clock.ts";
import {
  createLetterBatcher,
  type LetterBatcher,
  type Manifest,
} from "../../src/notifications/letters/batcher.ts";
import {
  createLetterDrop,
  type LetterDropTransport,
} from "../../src/notifications/letters/drop.ts";
import { recentBatches } from "../../src/store/repos/letter-batches.ts";
import { createTestDb, type TestDb } from "../helpers/db.ts";
import { queueLetter as queue } from "../helpers/letters.ts";
import { startSftpTestServer, type SftpTestServer } from "../helpers/sftp-test-server.ts";
import { POPPLER, pdftotext } from "../unit/pdf-support.test.ts";

const KEY = randomBytes(32);
const START = new Date("2026-03-02T15:00:00.000Z");
const queueLetter = (t: TestDb, i: number, opts: { legacy?: boolean } = {}) =>
  queue(t.db, KEY, START, i, opts);

async function outboxRow(t: TestDb, id: string) {
  const [r] = await t.db.query<{
    status: string;
    secret: string | null;
    provider_ref: string | null;
    letter_batch_id: string | null;
    letter_printed_at: Date | null;
    last_error: string | null;
  }>(
    "SELECT status, secret, provider_ref, letter_batch_id, letter_printed_at, last_error FROM outbox WHERE id = $1",
    [id],
  );
  assert.ok(r !== undefined);
  return r;
}

async function readManifest(folder: string, batchId: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(folder, batchId, "manifest.json"), "utf8")) as Manifest;
}

/** Every file under the folder, recursively, with its bytes. */
async function allFiles(folder: string): Promise<{ path: string; bytes: Buffer }[]> {
  const out: { path: string; bytes: Buffer }[] = [];
  for (const e of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    out.push({ path, bytes: await readFile(path) });
  }
  return out;
}

async function checkManifest(
  folder: string,
  batchId: string,
  letters: { id: string; country: string }[],
): Promise<Manifest> {
  const m = await readManifest(folder, batchId);
  assert.equal(m.batchId, batchId);
  assert.deepEqual(m.letters.map((l) => l.messageId).sort(), letters.map((l) => l.id).sort());
  for (const l of m.letters) {
    const bytes = await readFile(join(folder, batchId, l.file));
    assert.equal(l.file, `${l.messageId}.pdf`);
    assert.equal(l.sha256, createHash("sha256").update(bytes).digest("hex"));
    assert.equal(l.bytes, bytes.length);
    assert.equal(l.pages, (await PDFDocument.load(bytes)).getPageCount());
    assert.equal(l.country, letters.find((x) => x.id === l.messageId)?.country);
  }
  assert.equal(m.totals.letters, letters.length);
  assert.equal(
    m.totals.pages,
    m.letters.reduce((n, l) => n + l.pages, 0),
  );
  return m;
}

describe("letter batch", () => {
  let t: TestDb;
  let sftp: SftpTestServer;
  let dir: string;
  let clock: FixedClock;
  const drops: LetterDropTransport[] = [];
  const batcherFor = (drop: LetterDropTransport): LetterBatcher => {
    drops.push(drop);
    return createLetterBatcher({ db: t.db, clock, outboxKey: KEY, drop });
  };

  before(async () => {
    t = await createTestDb();
    sftp = await startSftpTestServer();
  });
  beforeEach(async () => {
    clock = new FixedClock(START);
    // Each test starts with no waiting letter and a fresh folder.
    await t.db.query("DELETE FROM outbox");
    await t.db.query("DELETE FROM letter_batch");
    dir = await mkdtemp(join(tmpdir(), "inps-letters-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  after(async () => {
    for (const d of drops) await d.close();
    await sftp.close();
    await t.drop();
  });

  it("uploads every waiting letter to a folder: PDFs, then a manifest; a second run uploads nothing", async () => {
    const letters = [
      await queueLetter(t, 0),
      await queueLetter(t, 1),
      await queueLetter(t, 2, { legacy: true }),
    ];
    const batcher = batcherFor(createLetterDrop({ kind: "dir", dir }));
    const report = await batcher.runBatch();
    assert.equal(report.uploaded.length, 1);
    const b = report.uploaded[0]!;
    assert.equal(b.letters, 3);
    assert.equal(b.resumed, false);
    const m = await checkManifest(dir, b.batchId, letters);
    assert.equal(b.pages, m.totals.pages);
    assert.equal(m.date, "2026-03-02");
    for (const l of letters) {
      const r = await outboxRow(t, l.id);
      assert.equal(r.status, "sent");
      assert.equal(r.provider_ref, b.batchId);
      assert.ok(r.secret !== null, "kept sealed until the vendor acknowledges");
    }
    const manifestText = await readFile(join(dir, b.batchId, "manifest.json"), "utf8");
    for (const l of letters)
      assert.ok(!manifestText.includes(l.half), "no PIN half in the manifest");
    assert.ok(!manifestText.includes("RSSMRA80A01H501U"), "no fiscal code in the manifest");
    const before_ = await allFiles(dir);
    clock.advance(3600);
    assert.deepEqual(await batcher.runBatch(), { uploaded: [], failed: 0, busy: 0 });
    assert.deepEqual(await allFiles(dir), before_, "nothing rewritten, nothing new");
  });

  it("takes a letter a gone worker leased one by one before the drop was configured", async () => {
    const stuck = await queueLetter(t, 0);
    await t.db.query(
      "UPDATE outbox SET status = 'sending', lease_until = $2, attempts = 1 WHERE id = $1",
      [stuck.id, new Date(START.getTime() - 60_000)],
    );
    const fresh = await queueLetter(t, 1);
    const held = await queueLetter(t, 2);
    // Still leased by a live worker: left alone.
    await t.db.query("UPDATE outbox SET status = 'sending', lease_until = $2 WHERE id = $1", [
      held.id,
      new Date(START.getTime() + 60_000),
    ]);
    const report = await batcherFor(createLetterDrop({ kind: "dir", dir })).runBatch();
    assert.equal(report.uploaded[0]?.letters, 2);
    await checkManifest(dir, report.uploaded[0].batchId, [stuck, fresh]);
    assert.equal((await outboxRow(t, held.id)).status, "sending");
  });

  it("resumes a batch the dropped SFTP connection left half uploaded: each letter once, same batch", async () => {
    const letters = [];
    for (let i = 0; i < 4; i++) letters.push(await queueLetter(t, i));
    const batcher = batcherFor(createLetterDrop({ kind: "sftp", url: sftp.url }));
    sftp.setMode({ dropAfterWrites: 2 });
    await assert.rejects(batcher.runBatch());
    const [building] = await recentBatches(t.db, 1);
    assert.equal(building?.status, "building");
    await assert.rejects(
      readFile(join(sftp.inbox, building.id, "manifest.json")),
      "no manifest yet",
    );
    // A letter queued meanwhile goes in a new batch, after the resumed one.
    const late = await queueLetter(t, 9);
    sftp.setMode("ok");
    const report = await batcher.runBatch();
    assert.deepEqual(
      report.uploaded.map((u) => [u.batchId === building.id, u.letters, u.resumed]),
      [
        [true, 4, true],
        [false, 1, false],
      ],
    );
    await checkManifest(sftp.inbox, building.id, letters);
    await checkManifest(sftp.inbox, report.uploaded[1]!.batchId, [late]);
    const listed = (await readdir(join(sftp.inbox, building.id))).sort();
    assert.deepEqual(listed, [...letters.map((l) => `${l.id}.pdf`), "manifest.json"].sort());
    assert.deepEqual(await batcher.runBatch(), { uploaded: [], failed: 0, busy: 0 });
  });

  it("on the vendor's acknowledgement: printed letters erased and their PDFs gone, rejected ones abandoned", async () => {
    const [a, b, c] = [await queueLetter(t, 0), await queueLetter(t, 1), await queueLetter(t, 2)];
    const batcher = batcherFor(createLetterDrop({ kind: "sftp", url: sftp.url }));
    const { batchId } = (await batcher.runBatch()).uploaded[0]!;
    if (POPPLER) {
      // The check below would mean nothing if the PDF hid the half from a text search.
      const text = pdftotext(await readFile(join(sftp.inbox, batchId, `${a.id}.pdf`)));
      assert.match(text.replace(/\s+/gu, ""), new RegExp(a.half, "u"));
    }
    assert.deepEqual(await batcher.pollAcknowledgements(), {
      read: 0,
      printed: 0,
      rejected: 0,
      ignored: 0,
      acknowledged: [],
    });
    // First a partial acknowledgement, naming a letter of no batch too.
    await sftp.writeAck(batchId, [a.id, randomUUID()]);
    const partial = await batcher.pollAcknowledgements();
    assert.deepEqual(partial, { read: 1, printed: 1, rejected: 0, ignored: 1, acknowledged: [] });
    const ra = await outboxRow(t, a.id);
    assert.equal(ra.secret, null);
    assert.ok(ra.letter_printed_at !== null);
    assert.deepEqual(
      (await readdir(join(sftp.inbox, batchId))).filter((f) => f === `${a.id}.pdf`),
      [],
    );
    // Then the complete one.
    await sftp.writeAck(batchId, [a.id, b.id], [{ messageId: c.id, reason: "address unreadable" }]);
    const done = await batcher.pollAcknowledgements();
    assert.deepEqual(done, {
      read: 1,
      printed: 1,
      rejected: 1,
      ignored: 0,
      acknowledged: [batchId],
    });
    assert.equal((await outboxRow(t, b.id)).secret, null);
    const rc = await outboxRow(t, c.id);
    assert.equal(rc.status, "abandoned");
    assert.match(rc.last_error ?? "", /address unreadable/u);
    assert.ok(
      rc.secret !== null,
      "kept sealed for a supervisor's resend until the retention scrub",
    );
    assert.deepEqual((await readdir(join(sftp.inbox, batchId))).sort(), [
      "ack.json",
      "manifest.json",
    ]);
    for (const f of await allFiles(sftp.root))
      for (const l of [a, b, c])
        assert.ok(!f.bytes.includes(l.half), `${l.half} left in ${f.path}`);
    const [summary] = await recentBatches(t.db, 1);
    assert.deepEqual(
      {
        status: summary?.status,
        printed: summary?.printed,
        rejected: summary?.rejected,
        pending: summary?.pending,
      },
      { status: "acknowledged", printed: 2, rejected: 1, pending: 0 },
    );
    assert.deepEqual(await batcher.pollAcknowledgements(), {
      read: 0,
      printed: 0,
      rejected: 0,
      ignored: 0,
      acknowledged: [],
    });
  });

  it("ignores an acknowledgement that names another batch or is not JSON", async () => {
    const a = await queueLetter(t, 0);
    const batcher = batcherFor(createLetterDrop({ kind: "dir", dir }));
    const { batchId } = (await batcher.runBatch()).uploaded[0]!;
    const { writeFile } = await import("node:fs/promises");
    await writeFile(
      join(dir, batchId, "ack.json"),
      JSON.stringify({ batchId: randomUUID(), printed: [a.id] }),
    );
    assert.equal((await batcher.pollAcknowledgements()).printed, 0);
    await writeFile(join(dir, batchId, "ack.json"), "{half written");
    assert.equal((await batcher.pollAcknowledgements()).printed, 0);
    assert.ok((await outboxRow(t, a.id)).secret !== null);
  });

  it("leaves out a letter that cannot be rendered, and abandons it after three batches", async () => {
    const good = await queueLetter(t, 0);
    const bad = await queueLetter(t, 1);
    await t.db.query("UPDATE outbox SET secret = 'v1.broken.x' WHERE id = $1", [bad.id]);
    const batcher = batcherFor(createLetterDrop({ kind: "dir", dir }));
    const report = await batcher.runBatch();
    assert.equal(report.failed, 1);
    await checkManifest(dir, report.uploaded[0]!.batchId, [good]);
    const r = await outboxRow(t, bad.id);
    assert.deepEqual([r.status, r.letter_batch_id], ["failed", null]);
    assert.match(r.last_error ?? "", /cannot be decrypted/u);
    for (let i = 0; i < 2; i++)
      assert.deepEqual(await batcher.runBatch(), { uploaded: [], failed: 1, busy: 0 });
    const gone = await outboxRow(t, bad.id);
    assert.deepEqual([gone.status, gone.secret], ["abandoned", null]);
    assert.equal((await recentBatches(t.db, 10)).length, 1, "the empty batches left no row");
  });
});

/**
 * The daily schedule of the letter batch (src/notifications/letters/scheduler.ts): nothing
 * before LETTERS_BATCH_TIME (Europe/Rome), one batch a day after it even with two schedulers
 * (two worker processes) ticking, the next day again; a batch a failed upload left building is
 * resumed by a later tick; acknowledgements are read at every tick.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FixedClock } from "../../src/domain/clock.ts";
import { createLetterBatcher } from "../../src/notifications/letters/batcher.ts";
import { createLetterDrop } from "../../src/notifications/letters/drop.ts";
import { createLetterScheduler } from "../../src/notifications/letters/scheduler.ts";
import { recentBatches } from "../../src/store/repos/letter-batches.ts";
import { createTestDb, type TestDb } from "../helpers/db.ts";
import { queueLetter } from "../helpers/letters.ts";
import { startSftpTestServer, type SftpTestServer } from "../helpers/sftp-test-server.ts";

const KEY = randomBytes(32);
const START = "2026-03-02T00:00:00.000Z";

describe("letter batch schedule", () => {
  let t: TestDb;
  let dir: string;
  let sftp: SftpTestServer;
  before(async () => {
    t = await createTestDb();
    dir = await mkdtemp(join(tmpdir(), "inps-letters-"));
    sftp = await startSftpTestServer();
  });
  after(async () => {
    await sftp.close();
    await t.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("runs once a Rome day after the batch time, however many schedulers tick", async () => {
    // 2026-03-02 is winter time: 16:00 in Rome is 15:00 UTC.
    const clock = new FixedClock("2026-03-02T14:59:00.000Z");
    const schedulers = [1, 2].map(() => {
      const drop = createLetterDrop({ kind: "dir", dir });
      const batcher = createLetterBatcher({ db: t.db, clock, outboxKey: KEY, drop });
      return createLetterScheduler({ db: t.db, batcher, clock, batchTime: "16:00" });
    });
    const tickAll = () => Promise.all(schedulers.map((s) => s.tick()));
    await queueLetter(t.db, KEY, clock.now(), 0);
    await tickAll();
    assert.equal((await recentBatches(t.db, 10)).length, 0, "not before 16:00");
    clock.set("2026-03-02T15:00:00.000Z");
    await tickAll();
    await tickAll();
    assert.deepEqual(
      (await recentBatches(t.db, 10)).map((b) => [b.romeDate, b.letters]),
      [["2026-03-02", 1]],
    );
    // A letter queued later that day waits for tomorrow's batch.
    await queueLetter(t.db, KEY, clock.now(), 1);
    clock.set("2026-03-02T22:59:00.000Z");
    await tickAll();
    assert.equal((await recentBatches(t.db, 10)).length, 1);
    // Just after midnight in Rome, before 16:00: still nothing.
    clock.set("2026-03-02T23:30:00.000Z");
    await tickAll();
    assert.equal((await recentBatches(t.db, 10)).length, 1);
    clock.set("2026-03-03T15:30:00.000Z");
    await tickAll();
    await tickAll();
    assert.deepEqual(
      (await recentBatches(t.db, 10)).map((b) => [b.romeDate, b.letters]),
      [
        ["2026-03-03", 1],
        ["2026-03-02", 1],
      ],
    );
  });

  it("resumes at a later tick a batch whose upload failed, and reads acknowledgements", async () => {
    await t.db.query("DELETE FROM outbox");
    await t.db.query("DELETE FROM letter_batch");
    await t.db.query("DELETE FROM letter_batch_run");
    const clock = new FixedClock("2026-07-01T14:00:00.000Z"); // 16:00 in Rome (summer time)
    const drop = createLetterDrop({ kind: "sftp", url: sftp.url });
    const batcher = createLetterBatcher({ db: t.db, clock, outboxKey: KEY, drop });
    const scheduler = createLetterScheduler({ db: t.db, batcher, clock, batchTime: "16:00" });
    try {
      const letter = await queueLetter(t.db, KEY, clock.now(), 0);
      sftp.setMode({ dropAfterWrites: 0 });
      await assert.rejects(scheduler.tick());
      assert.deepEqual(
        (await recentBatches(t.db, 10)).map((b) => b.status),
        ["building"],
      );
      sftp.setMode("ok");
      clock.advance(60);
      await scheduler.tick();
      const [batch] = await recentBatches(t.db, 10);
      assert.equal(batch?.status, "uploaded");
      await sftp.writeAck(batch.id, [letter.id]);
      await scheduler.tick();
      assert.equal((await recentBatches(t.db, 10))[0]?.status, "acknowledged");
      assert.equal((await recentBatches(t.db, 10)).length, 1, "still one batch that day");
    } finally {
      sftp.setMode("ok");
      await drop.close();
    }
  });

  it("refuses a batch time that is not HH:MM", () => {
    const drop = createLetterDrop({ kind: "dir", dir });
    const batcher = createLetterBatcher({
      db: t.db,
      clock: new FixedClock(START),
      outboxKey: KEY,
      drop,
    });
    assert.throws(() =>
      createLetterScheduler({ db: t.db, batcher, clock: new FixedClock(START), batchTime: "4pm" }),
    );
  });
});

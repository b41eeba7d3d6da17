/**
 * Devices repository contract (src/store/repos/devices.ts) on PGlite and PostgreSQL: a
 * browser where a holder logged in is registered once for that holder's subject key (a second
 * registration only refreshes its last use), its user agent cut to 200 characters, and touched
 * when used again. (Which counter a registered device gets is throttle.test.ts's concern.)
 */
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { Db } from "../../src/store/db.ts";
import { deleteUnusedDevices, registerDevice, touchDevice } from "../../src/store/repos/devices.ts";
import { aDevice, at, T0 } from "../helpers/builders.ts";
import { createTestDb, ENGINE, type TestDb } from "../helpers/db.ts";

let tdb: TestDb;
let db: Db;
before(async () => {
  tdb = await createTestDb();
  db = tdb.db;
});
after(() => tdb.drop());

interface DeviceRow {
  subject_key: string;
  created_at: Date;
  last_used_at: Date;
  user_agent: string | null;
}
async function deviceRow(id: string): Promise<DeviceRow | undefined> {
  const rows = await db.query<DeviceRow>(
    "SELECT subject_key, created_at, last_used_at, user_agent FROM device WHERE id = $1",
    [id],
  );
  return rows[0];
}

describe(`devices on ${ENGINE}`, () => {
  it("registers a device for a subject, created and last used now", async () => {
    const d = aDevice();
    await registerDevice(db, d);
    assert.deepEqual(await deviceRow(d.id), {
      subject_key: d.subjectKey,
      created_at: T0,
      last_used_at: T0,
      user_agent: "Mozilla/5.0 (test)",
    });
  });

  it("keeps at most 200 characters of the user agent, and none when there is none", async () => {
    const long = aDevice({ userAgent: "y".repeat(300) });
    const none = aDevice({ userAgent: null });
    await registerDevice(db, long);
    await registerDevice(db, none);
    assert.equal((await deviceRow(long.id))?.user_agent, "y".repeat(200));
    assert.equal((await deviceRow(none.id))?.user_agent, null);
  });

  it("only refreshes the last use when the same device registers again", async () => {
    const d = aDevice();
    await registerDevice(db, d);
    await registerDevice(db, { ...d, subjectKey: "someone-else", now: at(60), userAgent: "other" });
    assert.deepEqual(await deviceRow(d.id), {
      subject_key: d.subjectKey,
      created_at: T0,
      last_used_at: at(60),
      user_agent: "Mozilla/5.0 (test)",
    });
  });

  it("touches the last use of a device, and ignores an unknown one", async () => {
    const d = aDevice();
    await registerDevice(db, d);
    await touchDevice(db, d.id, at(86_400.5));
    assert.deepEqual((await deviceRow(d.id))?.last_used_at, at(86_400.5));
    const unknown = randomUUID();
    await touchDevice(db, unknown, at(1));
    assert.equal(await deviceRow(unknown), undefined);
  });

  it("keeps several devices per subject", async () => {
    const subjectKey = `subject-${randomUUID()}`;
    await registerDevice(db, aDevice({ subjectKey }));
    await registerDevice(db, aDevice({ subjectKey }));
    const rows = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM device WHERE subject_key = $1",
      [subjectKey],
    );
    assert.deepEqual(rows, [{ n: 2 }]);
  });

  it("forgets only the devices unused since the cut-off (housekeeping)", async () => {
    const old = aDevice({ now: at(-3 * 365 * 86_400) });
    const recent = aDevice({ now: at(-10) });
    await registerDevice(db, old);
    await registerDevice(db, recent);
    const removed = await deleteUnusedDevices(db, at(-2 * 365 * 86_400));
    assert.ok(removed >= 1);
    assert.equal(await deviceRow(old.id), undefined);
    assert.notEqual(await deviceRow(recent.id), undefined);
  });
});

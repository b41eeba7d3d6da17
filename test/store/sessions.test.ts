/**
 * Sessions repository contract (src/store/repos/sessions.ts) on PGlite and PostgreSQL: a
 * session is created with its journey state, continuation (returnTo) and new-PIN window, with
 * the PIN's kind and date and the person's name copied in; it moves between journey states,
 * is touched, deleted (saying whether it existed), and expired — idle or past its absolute
 * expiry — to the millisecond. A login's session comes with its counters reset and its device
 * remembered, in one statement.
 */
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { ConflictError } from "../../src/domain/errors.ts";
import type { NewSession } from "../../src/flows/ports.ts";
import type { Db } from "../../src/store/db.ts";
import { upsertPeople } from "../../src/store/repos/archive.ts";
import { endCredential } from "../../src/store/repos/credentials.ts";
import {
  createLoginSession,
  createSession,
  deleteExpiredSessions,
  deleteSession,
  findSession,
  touchSession,
  updateSession,
} from "../../src/store/repos/sessions.ts";
import { deviceCounterKey, throttleState } from "../../src/store/repos/throttle.ts";
import { aPerson, aSession, at, givenCredential, T0 } from "../helpers/builders.ts";
import { createTestDb, ENGINE, type TestDb } from "../helpers/db.ts";
import { lockAuditHead, type AuditHead } from "../../src/store/audit.ts";

let tdb: TestDb;
let db: Db;
before(async () => {
  tdb = await createTestDb();
  db = tdb.db;
});
after(() => tdb.drop());

/** A stored session of a new holder (not in the archive unless `fiscalCode` is given). */
async function givenSession(
  over: Partial<NewSession> & { fiscalCode?: string } = {},
): Promise<NewSession> {
  const c = await givenCredential(
    db,
    over.fiscalCode === undefined ? {} : { fiscalCode: over.fiscalCode },
  );
  const s = aSession(c, over);
  await createSession(db, s);
  return s;
}

describe(`sessions on ${ENGINE}`, () => {
  it("creates a session with its continuation and new-PIN window, the name and the PIN copied in", async () => {
    const p = aPerson();
    await upsertPeople(db, [p]);
    const s = await givenSession({
      fiscalCode: p.fiscalCode,
      state: "pin_shown",
      returnTo: "/area/contributi?anno=2024",
      newPinUntil: at(600.5),
    });
    assert.deepEqual(await findSession(db, s.idHash), {
      idHash: s.idHash,
      fiscalCode: p.fiscalCode,
      credentialId: s.credentialId,
      state: "pin_shown",
      level: "ordinary",
      createdAt: T0,
      lastSeenAt: T0,
      absoluteExpiry: at(8 * 3600),
      newPinUntil: at(600.5),
      returnTo: "/area/contributi?anno=2024",
      pinAt: null,
      credentialKind: "initial",
      credentialSetAt: T0,
      surname: p.surname,
      givenNames: p.givenNames,
    });
  });

  it("finds a session of someone not in the archive, without a name; null for an unknown id", async () => {
    const s = await givenSession();
    const found = await findSession(db, s.idHash);
    assert.equal(found?.surname, null);
    assert.equal(found.givenNames, null);
    assert.equal(found.returnTo, null);
    assert.equal(found.newPinUntil, null);
    assert.equal(await findSession(db, "h-unknown"), null);
  });

  it("keeps at most 200 characters of the user agent", async () => {
    const s = await givenSession({ userAgent: "x".repeat(500) });
    const rows = await db.query<{ n: number }>(
      "SELECT length(user_agent)::int AS n FROM session WHERE id_hash = $1",
      [s.idHash],
    );
    assert.deepEqual(rows, [{ n: 200 }]);
  });

  it("refuses (ConflictError) a session for a credential that has already ended", async () => {
    // A login whose PIN was revoked or changed between the check and the session insert must
    // not get a session that endCredential() can no longer delete.
    const c = await givenCredential(db);
    await endCredential(db, c.id, "revoked", at(1));
    const s = aSession(c, { now: at(2) });
    await assert.rejects(createSession(db, s), (e: unknown) => e instanceof ConflictError);
    assert.equal(await findSession(db, s.idHash), null);
  });

  it("opens a login's session with its counters reset and the device registered, all or nothing", async () => {
    const c = await givenCredential(db);
    const subjectKey = `subject-${randomUUID()}`;
    const device = { id: randomUUID(), subjectKey };
    const counters = [subjectKey, deviceCounterKey(device.id)];
    for (const key of counters)
      await db.query(
        "INSERT INTO login_throttle (key, failures, locked_until, streak, updated_at) VALUES ($1, 7, NULL, 27, $2)",
        [key, T0],
      );
    const s = aSession(c, { now: at(5), userAgent: "Firefox" });
    await createLoginSession(db, { session: s, resetCounters: counters, device });
    assert.equal((await findSession(db, s.idHash))?.credentialId, c.id);
    for (const key of counters)
      assert.deepEqual(await throttleState(db, key), { failures: 0, lockedUntil: null, streak: 0 });
    const devices = await db.query<{ subject_key: string; last_used_at: Date; user_agent: string }>(
      "SELECT subject_key, last_used_at, user_agent FROM device WHERE id = $1",
      [device.id],
    );
    assert.deepEqual(devices, [
      { subject_key: subjectKey, last_used_at: at(5), user_agent: "Firefox" },
    ]);
    // A second login from the same browser refreshes the device.
    await createLoginSession(db, {
      session: aSession(c, { now: at(9) }),
      resetCounters: [],
      device,
    });
    const again = await db.query<{ last_used_at: Date }>(
      "SELECT last_used_at FROM device WHERE id = $1",
      [device.id],
    );
    assert.deepEqual(again, [{ last_used_at: at(9) }]);
    // An ended PIN: ConflictError, and inside a transaction nothing of it stays.
    await endCredential(db, c.id, "revoked", at(10));
    const late = aSession(c, { now: at(11) });
    const other = { id: randomUUID(), subjectKey };
    await assert.rejects(
      db.transaction((tx) =>
        createLoginSession(tx, { session: late, resetCounters: [], device: other }),
      ),
      (e: unknown) => e instanceof ConflictError,
    );
    assert.equal(await findSession(db, late.idHash), null);
    assert.deepEqual(await db.query("SELECT 1 FROM device WHERE id = $1", [other.id]), []);
  });

  it(
    "takes the audit chain's lock last: a login waiting on its PIN's row does not hold it",
    { skip: ENGINE === "pglite" ? "PGlite runs one transaction at a time" : false },
    async () => {
      // A PIN change holds the credential's row and then appends its audit events; a login
      // of that PIN waits on the row. Were the login holding the chain's head meanwhile, the
      // two would deadlock.
      const c = await givenCredential(db);
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let loginStarted!: () => void;
      const started = new Promise<void>((r) => (loginStarted = r));
      const change = db.transaction(async (tx) => {
        await tx.query("SELECT 1 FROM credential WHERE id = $1 FOR UPDATE", [c.id]);
        loginStarted();
        await held;
        await tx.query("SET LOCAL lock_timeout = '3s'");
        await lockAuditHead(tx); // would time out if the login held the head
        await endCredential(tx, c.id, "revoked", at(1));
      });
      await started;
      let head: Promise<AuditHead> | null = null;
      const login = db.transaction((tx) =>
        createLoginSession(
          tx,
          {
            session: aSession(c, { now: at(2) }),
            resetCounters: [],
            device: { id: randomUUID(), subjectKey: "s" },
          },
          {
            take: () => lockAuditHead(tx),
            takenBy: (h) => {
              h.catch(() => undefined);
              head = h;
            },
          },
        ),
      );
      const loginOutcome = login.then(
        () => "opened",
        (e: unknown) => (e instanceof ConflictError ? "conflict" : e),
      );
      await new Promise((r) => setTimeout(r, 200)); // the login is now waiting on the row
      release();
      await change;
      assert.equal(await loginOutcome, "conflict", "the PIN ended first: no session");
      assert.notEqual(head, null, "the login's statement took the head");
    },
  );

  it("touches the last-seen instant", async () => {
    const s = await givenSession();
    await touchSession(db, s.idHash, at(61.5));
    assert.deepEqual((await findSession(db, s.idHash))?.lastSeenAt, at(61.5));
  });

  it("moves a session to another journey state, setting and clearing the new-PIN window", async () => {
    const s = await givenSession({ returnTo: "/area" });
    assert.equal(
      await updateSession(db, s.idHash, { state: "pin_shown", newPinUntil: at(605), now: at(5) }),
      true,
    );
    let found = await findSession(db, s.idHash);
    assert.equal(found?.state, "pin_shown");
    assert.deepEqual(found.newPinUntil, at(605));
    assert.deepEqual(found.lastSeenAt, at(5));
    assert.deepEqual(found.createdAt, T0, "the creation instant stays");
    assert.equal(found.returnTo, "/area", "the continuation stays");

    await updateSession(db, s.idHash, { state: "authenticated", newPinUntil: null, now: at(9) });
    found = await findSession(db, s.idHash);
    assert.equal(found?.state, "authenticated");
    assert.equal(found.newPinUntil, null);
  });

  it("answers false when moving a session that no longer exists", async () => {
    const change = { state: "authenticated", newPinUntil: null, now: T0 } as const;
    assert.equal(await updateSession(db, "h-gone", change), false);
  });

  it("deletes a session, answering whether it existed", async () => {
    const s = await givenSession();
    assert.equal(await deleteSession(db, s.idHash), true);
    assert.equal(await findSession(db, s.idHash), null);
    assert.equal(await deleteSession(db, s.idHash), false);
  });

  it("deletes sessions past their absolute expiry or idle too long, to the millisecond", async () => {
    const base = new Date("2030-01-01T00:00:00Z");
    const idle = 15 * 60;
    const hour = new Date(base.getTime() + 3600_000);
    const old = await givenSession({ now: base, absoluteExpiry: hour });
    const expiring = await givenSession({ now: base, absoluteExpiry: hour });
    await touchSession(db, old.idHash, new Date(base.getTime() + 1000));
    await touchSession(db, expiring.idHash, new Date(base.getTime() + 3000_000));
    // Sessions of the other tests (created at T0) expire too at these instants: count ours.
    const ours = async (): Promise<number> =>
      (await Promise.all([old, expiring].map((s) => findSession(db, s.idHash)))).filter(
        (s) => s !== null,
      ).length;

    await deleteExpiredSessions(db, new Date(base.getTime() + 1000 + idle * 1000 - 1), idle);
    assert.equal(await ours(), 2, "idle for one millisecond less than the limit: kept");
    await deleteExpiredSessions(db, new Date(base.getTime() + 1000 + idle * 1000), idle);
    assert.equal(await findSession(db, old.idHash), null, "idle for exactly the limit: deleted");
    assert.notEqual(await findSession(db, expiring.idHash), null);
    await deleteExpiredSessions(db, new Date(hour.getTime() - 1), idle);
    assert.notEqual(await findSession(db, expiring.idHash), null, "one millisecond before expiry");
    assert.equal((await deleteExpiredSessions(db, hour, idle)).length, 1, "only ours was left");
    assert.equal(await findSession(db, expiring.idHash), null, "absolute expiry reached: deleted");
  });
});

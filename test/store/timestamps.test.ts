/**
 * Timestamp contract of the store on PGlite and PostgreSQL: every instant the repositories
 * write comes back as an equal Date (to the millisecond, before 1970 and far ahead included),
 * whether read as timestamptz (credentials, claims, outbox, lockout counters) or as epoch
 * milliseconds (sessions), and whatever the database session's time zone — calendar dates
 * (birth dates) do not move with it either.
 */
import { CHANNELS } from "../../src/notifications/channel-kind.ts";
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import type { Db } from "../../src/store/db.ts";
import { findPerson, upsertPeople } from "../../src/store/repos/archive.ts";
import { insertClaim, verificationQueue } from "../../src/store/repos/claims.ts";
import { activeCredential } from "../../src/store/repos/credentials.ts";
import { enqueue, leaseDue } from "../../src/store/repos/outbox.ts";
import { createSession, findSession } from "../../src/store/repos/sessions.ts";
import { reserveAttempt } from "../../src/store/repos/throttle.ts";
import {
  aClaim,
  aFirstHalfMessage,
  aPerson,
  aSession,
  givenCredential,
} from "../helpers/builders.ts";
import { createTestDb, ENGINE, type TestDb } from "../helpers/db.ts";

const INSTANTS = [
  new Date("1969-12-31T23:59:59.999Z"),
  new Date("1970-01-01T00:00:00.000Z"),
  new Date("2021-09-30T22:30:00.001Z"),
  new Date("2026-03-29T01:00:00.999Z"), // the hour Europe/Rome skips
  new Date("2026-10-25T00:30:00.500Z"), // the hour Europe/Rome repeats
  new Date("2099-12-31T23:59:59.999Z"),
];
const label = (t: Date): string => t.toISOString();

let tdb: TestDb;
let db: Db;
before(async () => {
  tdb = await createTestDb();
  db = tdb.db;
});
after(() => tdb.drop());

describe(`timestamps on ${ENGINE}`, () => {
  it("round-trips a credential's instant exactly through timestamptz", async () => {
    for (const t of INSTANTS) {
      const c = await givenCredential(db, { setAt: t });
      const found = await activeCredential(db, c.fiscalCode);
      assert.ok(found?.setAt instanceof Date);
      assert.equal(found.setAt.getTime(), t.getTime(), label(t));
    }
  });

  it("round-trips a session's instants exactly through epoch milliseconds", async () => {
    for (const t of INSTANTS) {
      const c = await givenCredential(db, { setAt: t });
      const s = aSession(c, { now: t, absoluteExpiry: t, newPinUntil: t });
      await createSession(db, s);
      const found = await findSession(db, s.idHash);
      for (const [name, value] of Object.entries({
        createdAt: found?.createdAt,
        lastSeenAt: found?.lastSeenAt,
        absoluteExpiry: found?.absoluteExpiry,
        newPinUntil: found?.newPinUntil,
        credentialSetAt: found?.credentialSetAt,
      })) {
        assert.ok(value instanceof Date, name);
        assert.equal(value.getTime(), t.getTime(), `${name} ${label(t)}`);
      }
    }
  });

  it("round-trips claim, outbox and lockout instants exactly", async () => {
    for (const t of INSTANTS) {
      const claim = aClaim({ createdAt: t });
      await insertClaim(db, claim);
      const m = aFirstHalfMessage();
      await enqueue(db, Buffer.alloc(32, 1), m, t);
      const [leased] = (await leaseDue(db, Buffer.alloc(32, 1), t, 100, 60, CHANNELS)).filter(
        (x) => x.id === m.id,
      );
      assert.equal(leased?.createdAt.getTime(), t.getTime(), `outbox ${label(t)}`);
      const subjectKey = `s-${claim.id}`;
      for (let i = 0; i < 10; i++)
        await reserveAttempt(db, {
          subjectKey,
          deviceId: null,
          fiscalCode: claim.fiscalCode,
          now: t,
        });
      const r = await reserveAttempt(db, { subjectKey, deviceId: null, fiscalCode: "", now: t });
      assert.deepEqual(
        r.verdict,
        { kind: "lock_started", lockedUntil: new Date(t.getTime() + 300_000) },
        `lock ${label(t)}`,
      );
    }
    const queue = await verificationQueue(db, INSTANTS.length);
    assert.deepEqual(
      queue.map((c) => c.createdAt.getTime()),
      INSTANTS.map((t) => t.getTime()),
    );
  });

  it("reads the same instants and dates whatever the database session's time zone", async () => {
    const p = aPerson({
      birthDate: "1950-02-28",
      healthCard: { number: "1", expiry: "2029-12-31" },
    });
    await upsertPeople(db, [p]);
    const t = INSTANTS[2]!;
    const c = await givenCredential(db, { fiscalCode: p.fiscalCode, setAt: t });
    const s = aSession(c, { now: t });
    await createSession(db, s);
    for (const zone of ["Pacific/Kiritimati", "America/Argentina/Buenos_Aires", "Europe/Rome"]) {
      await db.transaction(async (tx) => {
        await tx.query(`SET LOCAL TIME ZONE '${zone}'`);
        assert.equal(
          (await activeCredential(tx, c.fiscalCode))?.setAt.getTime(),
          t.getTime(),
          zone,
        );
        assert.equal((await findSession(tx, s.idHash))?.createdAt.getTime(), t.getTime(), zone);
        const person = await findPerson(tx, p.fiscalCode);
        assert.equal(person?.birthDate, "1950-02-28", zone);
        assert.equal(person.healthCard?.expiry, "2029-12-31", zone);
      });
    }
  });
});

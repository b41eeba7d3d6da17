import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { SessionCache } from "../../src/auth/session-cache.ts";
import { systemActor } from "../../src/domain/actor.ts";
import { FixedClock } from "../../src/domain/clock.ts";
import type { SessionRecord } from "../../src/flows/ports.ts";
import { logout, openSession, resolveSession } from "../../src/flows/session.ts";
import { deriveKeys } from "../../src/main.ts";
import type { Db, Queryable, SqlParam } from "../../src/store/db.ts";
import { createUnitOfWork } from "../../src/store/uow.ts";
import { createTestDb } from "../helpers/db.ts";
import { generateDemoArchive } from "../../src/archive/demo.ts";
import { upsertPeople } from "../../src/store/repos/archive.ts";
import { insertCredential, upsertAccount } from "../../src/store/repos/credentials.ts";
import { randomUUID } from "node:crypto";

function record(idHash: string): SessionRecord {
  const t = new Date("2026-03-02T09:00:00Z");
  return {
    idHash,
    fiscalCode: "X",
    credentialId: "c",
    state: "authenticated",
    level: "ordinary",
    createdAt: t,
    lastSeenAt: t,
    absoluteExpiry: new Date(t.getTime() + 3600_000),
    newPinUntil: null,
    returnTo: null,
    pinAt: null,
    credentialKind: "operating",
    credentialSetAt: t,
    surname: null,
    givenNames: null,
  };
}

describe("session cache", () => {
  it("keeps a session for its time to live and no longer", () => {
    let now = 0;
    const cache = new SessionCache(1000, 10, () => now);
    cache.set("a", record("a"));
    now = 999;
    assert.equal(cache.get("a")?.idHash, "a");
    now = 1000;
    assert.equal(cache.get("a"), undefined);
  });

  it("is off with a zero time to live", () => {
    const cache = new SessionCache(0);
    cache.set("a", record("a"));
    assert.equal(cache.get("a"), undefined);
    assert.equal(cache.enabled, false);
  });

  it("stays within its size bound, dropping the oldest", () => {
    const cache = new SessionCache(1000, 3, () => 0);
    for (const k of ["a", "b", "c", "d"]) cache.set(k, record(k));
    assert.equal(cache.size, 3);
    assert.equal(cache.get("a"), undefined);
    assert.equal(cache.get("d")?.idHash, "d");
  });

  it("serves repeated reads from memory, and logout evicts at once in this process", async () => {
    const tdb = await createTestDb();
    try {
      const person = generateDemoArchive({ size: 1 })[0]!;
      await upsertPeople(tdb.db, [person]);
      const clock = new FixedClock("2026-03-02T09:00:00Z");
      await upsertAccount(
        tdb.db,
        person.fiscalCode,
        { mobile: null, email: null, pec: null, lang: "it" },
        clock.now(),
      );
      const credentialId = randomUUID();
      await insertCredential(tdb.db, {
        id: credentialId,
        fiscalCode: person.fiscalCode,
        kind: "operating",
        level: "ordinary",
        pinHash: "x",
        setAt: clock.now(),
        claimId: null,
      });
      let reads = 0;
      const countingOf = (q: Queryable): Queryable => ({
        query<R extends object>(sql: string, params?: readonly SqlParam[]) {
          if (sql.includes("FROM session WHERE id_hash")) reads++;
          return q.query<R>(sql, params);
        },
        exec: (sql) => q.exec(sql),
      });
      const counting: Db = {
        ...tdb.db,
        ...countingOf(tdb.db),
        kind: tdb.db.kind,
        technical: countingOf(tdb.db.technical),
        transaction: (fn) => tdb.db.transaction(fn),
        close: () => tdb.db.close(),
      };
      const keys = deriveKeys(Buffer.alloc(32, 1));
      const uow = createUnitOfWork({
        db: counting,
        clock,
        outboxKey: Buffer.alloc(32, 2),
        auditKeys: keys.audit,
        messagesQueued: () => undefined,
      });
      const deps = {
        uow,
        clock,
        sessions: { idleSeconds: 900, absoluteSeconds: 8 * 3600, cache: new SessionCache(60_000) },
      };
      const open = () =>
        uow.run((r) =>
          openSession(deps, r, {
            fiscalCode: person.fiscalCode,
            credentialId,
            state: "authenticated",
            level: "ordinary",
            userAgent: null,
            returnTo: null,
            newPinUntil: null,
          }),
        );
      const s = await open();
      for (let i = 0; i < 5; i++) assert.equal((await resolveSession(deps, s.token)).kind, "live");
      assert.equal(reads, 1, "one database read for five requests");

      // Timeouts are still checked on cached sessions.
      clock.advance(901);
      assert.equal((await resolveSession(deps, s.token)).kind, "expired", "idle timeout");

      clock.set("2026-03-02T09:00:00Z");
      const s2 = await open();
      assert.equal((await resolveSession(deps, s2.token)).kind, "live");
      await logout(deps, { by: systemActor("test"), token: s2.token });
      assert.equal((await resolveSession(deps, s2.token)).kind, "expired", "logged out");
    } finally {
      await tdb.drop();
    }
  });
});

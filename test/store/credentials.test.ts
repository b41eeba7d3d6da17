/**
 * Accounts and credentials contract (src/store/repos/credentials.ts) on PGlite and
 * PostgreSQL: contacts (a registered PEC and the language kept), at most one active PIN per
 * fiscal code (a second one is a ConflictError, and rolls its transaction back), ending a PIN
 * once — also against a concurrent activation — and with it every session opened with it.
 */
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { ConflictError } from "../../src/domain/errors.ts";
import { isUniqueViolation, type Db } from "../../src/store/db.ts";
import { insertClaim } from "../../src/store/repos/claims.ts";
import {
  accountContacts,
  activeCredential,
  endCredential,
  insertCredential,
  upsertAccount,
} from "../../src/store/repos/credentials.ts";
import { createSession, findSession } from "../../src/store/repos/sessions.ts";
import {
  A_PIN_HASH,
  aClaim,
  aContacts,
  aCredential,
  aFiscalCode,
  aSession,
  at,
  givenCredential,
  T0,
} from "../helpers/builders.ts";
import { createTestDb, ENGINE, type TestDb } from "../helpers/db.ts";

let tdb: TestDb;
let db: Db;
before(async () => {
  tdb = await createTestDb();
  db = tdb.db;
});
after(() => tdb.drop());

const failureOf = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe(`accounts on ${ENGINE}`, () => {
  it("stores contacts and the language, and keeps a registered PEC when none is given", async () => {
    const cf = aFiscalCode();
    await upsertAccount(db, cf, aContacts({ mobile: "+1", email: "a@x.org", pec: "p@pec.it" }), T0);
    await upsertAccount(db, cf, aContacts({ mobile: "+2", email: "b@x.org", lang: "en" }), at(1));
    assert.deepEqual(await accountContacts(db, cf), {
      mobile: "+2",
      email: "b@x.org",
      pec: "p@pec.it",
      lang: "en",
    });
  });

  it("answers null for a fiscal code without an account", async () => {
    assert.equal(await accountContacts(db, aFiscalCode()), null);
  });
});

describe(`credentials on ${ENGINE}`, () => {
  it("round-trips a credential, its instant to the millisecond", async () => {
    const setAt = new Date("2025-09-01T22:33:44.567Z");
    const c = await givenCredential(db, { kind: "operating", level: "dispositive", setAt });
    const found = await activeCredential(db, c.fiscalCode);
    assert.deepEqual(found, {
      id: c.id,
      fiscalCode: c.fiscalCode,
      kind: "operating",
      level: "dispositive",
      pinHash: A_PIN_HASH,
      status: "active",
      setAt,
      claimId: null,
      firstHalfHash: null,
    });
    assert.ok(found.setAt instanceof Date);
  });

  it("keeps an initial PIN's first-half hash", async () => {
    const c = await givenCredential(db, { kind: "initial", claimId: null, firstHalfHash: "h1" });
    assert.equal((await activeCredential(db, c.fiscalCode))?.firstHalfHash, "h1");
  });

  it("answers null for a fiscal code without an active credential", async () => {
    assert.equal(await activeCredential(db, aFiscalCode()), null);
  });

  it("refuses a second active credential for one fiscal code with a ConflictError", async () => {
    const first = await givenCredential(db);
    const err = await failureOf(
      insertCredential(db, aCredential({ fiscalCode: first.fiscalCode })),
    );
    assert.ok(err instanceof ConflictError, "second active credential was accepted");
    assert.equal(isUniqueViolation(err.cause), true, "caused by the unique index");
    assert.equal(isUniqueViolation(err), false);
    assert.equal(isUniqueViolation(new Error("other")), false);
    assert.equal(isUniqueViolation(null), false);
    assert.equal((await activeCredential(db, first.fiscalCode))?.id, first.id);
  });

  it("rolls back the whole transaction that hit the conflict, keeping the first credential", async () => {
    const first = await givenCredential(db);
    const cf = first.fiscalCode;
    await assert.rejects(
      db.transaction(async (tx) => {
        await insertClaim(tx, aClaim({ fiscalCode: cf, status: "issued" }));
        await insertCredential(tx, aCredential({ fiscalCode: cf }));
      }),
      ConflictError,
    );
    assert.equal((await activeCredential(db, cf))?.id, first.id);
    assert.deepEqual(await db.query("SELECT 1 FROM claim WHERE fiscal_code = $1", [cf]), []);
  });

  it("ends a credential once, answering its level; null the second time", async () => {
    const c = await givenCredential(db);
    await db.query("UPDATE credential SET level = 'dispositive' WHERE id = $1", [c.id]);
    assert.equal(await endCredential(db, c.id, "consumed", at(1)), "dispositive");
    assert.equal(await endCredential(db, c.id, "superseded", at(2)), null);
    assert.equal(await activeCredential(db, c.fiscalCode), null);
    const rows = await db.query("SELECT status, ended_at FROM credential WHERE id = $1", [c.id]);
    assert.deepEqual(rows, [{ status: "consumed", ended_at: at(1) }]);
  });

  it("answers null for a credential that never existed", async () => {
    assert.equal(await endCredential(db, aCredential().id, "revoked", T0), null);
  });

  it("lets exactly one of two concurrent activations end the initial PIN", async () => {
    const c = await givenCredential(db);
    const results = await Promise.all([
      db.transaction((tx) => endCredential(tx, c.id, "consumed", at(1))),
      db.transaction((tx) => endCredential(tx, c.id, "consumed", at(1))),
    ]);
    assert.deepEqual(results.map((r) => r !== null).sort(), [false, true]);
  });

  it("accepts a new active credential once the old one has ended", async () => {
    const old = await givenCredential(db);
    await endCredential(db, old.id, "consumed", at(1));
    const next = aCredential({ fiscalCode: old.fiscalCode, kind: "operating", setAt: at(1) });
    await insertCredential(db, next);
    assert.equal((await activeCredential(db, old.fiscalCode))?.id, next.id);
  });

  it("deletes every session of the credential it ends, and only those", async () => {
    const c = await givenCredential(db);
    const other = await givenCredential(db);
    const mine = [aSession(c), aSession(c, { state: "authenticated" })];
    const theirs = aSession(other);
    for (const s of [...mine, theirs]) await createSession(db, s);
    assert.notEqual(await endCredential(db, c.id, "revoked", at(1)), null);
    for (const s of mine) assert.equal(await findSession(db, s.idHash), null);
    assert.equal((await findSession(db, theirs.idHash))?.credentialId, other.id);
  });
});

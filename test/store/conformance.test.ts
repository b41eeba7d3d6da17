/**
 * The repository contract, run on whichever engine createTestDb() gives: in-memory PGlite by
 * default, PostgreSQL when TEST_DATABASE_URL is set. The same assertions on both engines are
 * what lets the service run on either unchanged.
 */
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import pg from "pg";
import type { ArchivePerson } from "../../src/domain/archive.ts";
import { decideAttempt, LOCKOUT_SECONDS, type ThrottleState } from "../../src/domain/credential.ts";
import { seal } from "../../src/security/crypto.ts";
import { isUniqueViolation, postgresDb, type Db } from "../../src/store/db.ts";
import { loadMigrations, migrate } from "../../src/store/migrate.ts";
import {
  contributions,
  countPeople,
  findPerson,
  listPeople,
  pensionPayments,
  upsertPeople,
} from "../../src/store/repos/archive.ts";
import {
  claimStatus,
  hasPendingClaim,
  insertClaim,
  verificationQueue,
  type NewClaim,
} from "../../src/store/repos/claims.ts";
import {
  accountContacts,
  activeCredential,
  endCredential,
  insertCredential,
  upsertAccount,
} from "../../src/store/repos/credentials.ts";
import {
  enqueue,
  leaseDue,
  markFailed,
  markSent,
  outboxCounts,
  type LeasedMessage,
} from "../../src/store/repos/outbox.ts";
import {
  createSession,
  deleteExpiredSessions,
  deleteSession,
  findSession,
  rotateSession,
  touchSession,
} from "../../src/store/repos/sessions.ts";
import {
  recordFailure,
  recordSuccess,
  reserveAttempt,
  throttleState,
} from "../../src/store/repos/throttle.ts";
import { createTestDb, ENGINE, TEST_DATABASE_URL, type TestDb } from "../helpers/db.ts";

const T0 = new Date("2026-03-02T09:00:00.123Z");
const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);
const OUTBOX_KEY = Buffer.alloc(32, 9);

let tdb: TestDb;
let db: Db;
before(async () => {
  tdb = await createTestDb({ poolSize: 12 });
  db = tdb.db;
});
after(async () => {
  await tdb.drop();
});

let serial = 0;
/** A unique 16-character key per call (the repositories do not validate fiscal codes). */
function newFiscalCode(): string {
  serial++;
  return `TST${String(serial).padStart(12, "0")}X`;
}

function person(overrides: Partial<ArchivePerson> = {}): ArchivePerson {
  return {
    fiscalCode: newFiscalCode(),
    surname: "D'ANGELO",
    givenNames: "JOSÉ MARÍA",
    sex: "M",
    birthDate: "1950-02-17",
    birthPlaceCode: "D704",
    residence: {
      line1: "Avenida Corrientes 1234",
      line2: "Piso 5",
      city: "Buenos Aires",
      region: "CABA",
      postalCode: "C1043AAZ",
      country: "AR",
    },
    italianIdOnFile: false,
    healthCard: { number: "80380001234567890123", expiry: "2029-12-31" },
    mobile: "+5491123456789",
    email: "jose@example.com",
    pec: "jose@pec.example.it",
    contributions: [],
    pensionPayments: [],
    ...overrides,
  };
}

async function newCredential(
  fiscalCode: string,
  over: { kind?: "initial" | "operating"; setAt?: Date; id?: string } = {},
): Promise<string> {
  const id = over.id ?? randomUUID();
  await upsertAccount(
    db,
    fiscalCode,
    { mobile: "+5491123456789", email: "a@example.com", pec: null },
    T0,
  );
  await insertCredential(db, {
    id,
    fiscalCode,
    kind: over.kind ?? "initial",
    level: "ordinary",
    pinHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
    setAt: over.setAt ?? T0,
    claimId: null,
  });
  return id;
}

function claim(fiscalCode: string, over: Partial<NewClaim> = {}): NewClaim {
  return {
    id: randomUUID(),
    fiscalCode,
    channel: "online",
    status: "under_verification",
    declared: { surname: "Rossi", nested: { list: [1, 2] } },
    reasons: ["surname_mismatch"],
    delivery: "sms",
    lang: "en",
    createdAt: T0,
    ...over,
  };
}

async function rowOf(id: string): Promise<Record<string, unknown>> {
  const rows = await db.query<Record<string, unknown>>("SELECT * FROM outbox WHERE id = $1", [id]);
  assert.ok(rows[0] !== undefined, `outbox row ${id}`);
  return rows[0];
}

describe(`store conformance on ${ENGINE}: migrations`, () => {
  it("applies nothing the second time (idempotent) and records every migration once", async () => {
    assert.deepEqual(await migrate(db), []);
    assert.deepEqual(await migrate(db), []);
    const versions = (
      await db.query<{ version: number }>("SELECT version FROM schema_migrations ORDER BY version")
    ).map((r) => r.version);
    assert.deepEqual(
      versions,
      (await loadMigrations()).map((m) => m.version),
    );
  });

  it("numbers migrations 1, 2, 3 ... without gaps", async () => {
    const versions = (await loadMigrations()).map((m) => m.version);
    assert.deepEqual(
      versions,
      versions.map((_, i) => i + 1),
    );
  });

  it("does nothing when several instances start on a migrated database at once", async () => {
    const results = await Promise.all([migrate(db), migrate(db), migrate(db)]);
    assert.deepEqual(results, [[], [], []]);
  });

  it(
    "migrates an empty database exactly once when three processes start at the same time",
    { skip: ENGINE === "pglite" ? "PGlite is one in-process database" : false },
    async () => {
      const name = `t_mig_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const u = new URL(TEST_DATABASE_URL);
      u.pathname = `/${name}`;
      const pools = [0, 1, 2].map(() => postgresDb(u.toString(), 2));
      try {
        const results = await Promise.all(pools.map((p) => migrate(p)));
        const all = (await loadMigrations()).map((m) => m.version);
        assert.deepEqual(
          results.flat().sort((a, b) => a - b),
          all,
          "each migration applied by exactly one process",
        );
        const rows = await pools[0]!.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM schema_migrations",
        );
        assert.equal(rows[0]?.n, all.length);
      } finally {
        await Promise.all(pools.map((p) => p.close()));
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    },
  );
});

describe(`store conformance on ${ENGINE}: archive`, () => {
  it("round-trips a person with every field", async () => {
    const p = person();
    await upsertPeople(db, [p]);
    const { contributions: _c, pensionPayments: _p, ...identity } = p;
    assert.deepEqual(await findPerson(db, p.fiscalCode), identity);
  });

  it("gives undefined (not null) for every optional field left out", async () => {
    const p = person({
      healthCard: undefined,
      mobile: undefined,
      email: undefined,
      pec: undefined,
    });
    p.residence = { line1: "Hauptstraße 5", city: "Berlin", postalCode: "10115", country: "DE" };
    await upsertPeople(db, [p]);
    const found = await findPerson(db, p.fiscalCode);
    assert.ok(found !== null);
    assert.deepEqual(found, {
      fiscalCode: p.fiscalCode,
      surname: p.surname,
      givenNames: p.givenNames,
      sex: p.sex,
      birthDate: p.birthDate,
      birthPlaceCode: p.birthPlaceCode,
      residence: {
        line1: "Hauptstraße 5",
        line2: undefined,
        city: "Berlin",
        region: undefined,
        postalCode: "10115",
        country: "DE",
      },
      italianIdOnFile: false,
      healthCard: undefined,
      mobile: undefined,
      email: undefined,
      pec: undefined,
    });
  });

  it("answers null for an unknown fiscal code", async () => {
    assert.equal(await findPerson(db, "ZZZZZZ99Z99Z999Z"), null);
  });

  it("orders contributions oldest first and pension payments newest first", async () => {
    const p = person({
      contributions: [
        {
          from: "1990-01-01",
          to: "1990-12-31",
          employer: "B",
          kind: "employee",
          weeks: 52,
          earningsCents: 1_500_000,
        },
        {
          from: "1980-01-01",
          to: "1980-06-30",
          employer: "A",
          kind: "employee",
          weeks: 26,
          earningsCents: 700_000,
        },
        {
          from: "1985-03-01",
          to: "1985-03-31",
          employer: "C",
          kind: "voluntary",
          weeks: 4,
          earningsCents: 0,
        },
      ],
      pensionPayments: [
        {
          month: "2025-11",
          grossCents: 100_000,
          taxCents: 20_000,
          netCents: 80_000,
          category: "VO",
        },
        {
          month: "2026-01",
          grossCents: 101_000,
          taxCents: 20_200,
          netCents: 80_800,
          category: "VO",
        },
        {
          month: "2025-12",
          grossCents: 100_500,
          taxCents: 20_100,
          netCents: 80_400,
          category: "VO",
        },
      ],
    });
    await upsertPeople(db, [p]);
    assert.deepEqual(
      (await contributions(db, p.fiscalCode)).map((c) => c.employer),
      ["A", "C", "B"],
    );
    assert.deepEqual(
      await contributions(db, p.fiscalCode),
      [...p.contributions].sort((a, b) => a.from.localeCompare(b.from)),
    );
    assert.deepEqual(
      (await pensionPayments(db, p.fiscalCode)).map((m) => m.month),
      ["2026-01", "2025-12", "2025-11"],
    );
    assert.deepEqual((await pensionPayments(db, p.fiscalCode))[0], p.pensionPayments[1]);
  });

  it("keeps large amounts in cents exactly (beyond 32 bits)", async () => {
    const p = person({
      contributions: [
        {
          from: "2000-01-01",
          to: "2000-12-31",
          employer: "X",
          kind: "employee",
          weeks: 52,
          earningsCents: 9_000_000_000,
        },
      ],
      pensionPayments: [
        {
          month: "2026-01",
          grossCents: 5_000_000_000,
          taxCents: 1,
          netCents: 4_999_999_999,
          category: "VO",
        },
      ],
    });
    await upsertPeople(db, [p]);
    assert.equal((await contributions(db, p.fiscalCode))[0]?.earningsCents, 9_000_000_000);
    assert.equal((await pensionPayments(db, p.fiscalCode))[0]?.netCents, 4_999_999_999);
  });

  it("replaces a person and their lists on a second upsert (no duplicates)", async () => {
    const p = person({
      contributions: [
        {
          from: "1980-01-01",
          to: "1980-06-30",
          employer: "A",
          kind: "employee",
          weeks: 26,
          earningsCents: 1,
        },
      ],
    });
    await upsertPeople(db, [p]);
    await upsertPeople(db, [
      { ...p, surname: "ROSSI", contributions: [...p.contributions, ...p.contributions] },
    ]);
    assert.equal((await findPerson(db, p.fiscalCode))?.surname, "ROSSI");
    assert.equal((await contributions(db, p.fiscalCode)).length, 2);
    await upsertPeople(db, [{ ...p, contributions: [] }]);
    assert.deepEqual(await contributions(db, p.fiscalCode), []);
  });

  it("loads more people than one batch and lists them by fiscal code", async () => {
    const before = await countPeople(db);
    const many = Array.from({ length: 450 }, () => person());
    await upsertPeople(db, many);
    assert.equal(await countPeople(db), before + 450);
    const page = await listPeople(db, 5);
    const codes = page.map((p) => p.fiscalCode);
    assert.deepEqual(codes, [...codes].sort());
    const next = await listPeople(db, 5, 5);
    assert.ok((next[0]?.fiscalCode ?? "") > (codes[4] ?? ""));
  });
});

describe(`store conformance on ${ENGINE}: accounts and credentials`, () => {
  it("round-trips a credential, its instant to the millisecond", async () => {
    const cf = newFiscalCode();
    const setAt = new Date("2025-09-01T22:33:44.567Z");
    const id = await newCredential(cf, { kind: "operating", setAt });
    const c = await activeCredential(db, cf);
    assert.ok(c !== null);
    assert.deepEqual(c, {
      id,
      fiscalCode: cf,
      kind: "operating",
      level: "ordinary",
      pinHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
      status: "active",
      setAt,
    });
    assert.ok(c.setAt instanceof Date);
  });

  it("allows one active credential per fiscal code: a second insert is a unique violation", async () => {
    const cf = newFiscalCode();
    await newCredential(cf);
    const err: unknown = await newCredential(cf).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err !== undefined, "second active credential was accepted");
    assert.equal(isUniqueViolation(err), true);
    assert.equal(isUniqueViolation(new Error("other")), false);
    assert.equal(isUniqueViolation(null), false);
  });

  it("rolls back a transaction that hit the unique violation, leaving the first credential", async () => {
    const cf = newFiscalCode();
    const first = await newCredential(cf);
    await assert.rejects(
      db.transaction(async (tx) => {
        await insertClaim(tx, claim(cf, { status: "issued" }));
        await insertCredential(tx, {
          id: randomUUID(),
          fiscalCode: cf,
          kind: "initial",
          level: "ordinary",
          pinHash: "x",
          setAt: T0,
          claimId: null,
        });
      }),
      (e: unknown) => isUniqueViolation(e),
    );
    assert.equal((await activeCredential(db, cf))?.id, first);
    assert.equal((await db.query("SELECT 1 FROM claim WHERE fiscal_code = $1", [cf])).length, 0);
  });

  it("ends a credential once: endCredential answers false the second time", async () => {
    const cf = newFiscalCode();
    const id = await newCredential(cf);
    assert.equal(await endCredential(db, id, "consumed", at(1)), true);
    assert.equal(await endCredential(db, id, "superseded", at(2)), false);
    assert.equal(await activeCredential(db, cf), null);
    const [row] = await db.query<{ status: string; ended_at: Date }>(
      "SELECT status, ended_at FROM credential WHERE id = $1",
      [id],
    );
    assert.deepEqual(row, { status: "consumed", ended_at: at(1) });
  });

  it("lets exactly one of two concurrent activations end the initial PIN", async () => {
    const cf = newFiscalCode();
    const id = await newCredential(cf);
    const results = await Promise.all([
      db.transaction((tx) => endCredential(tx, id, "consumed", at(1))),
      db.transaction((tx) => endCredential(tx, id, "consumed", at(1))),
    ]);
    assert.deepEqual([...results].sort(), [false, true]);
  });

  it("accepts a new active credential once the old one has ended", async () => {
    const cf = newFiscalCode();
    const old = await newCredential(cf);
    await endCredential(db, old, "consumed", at(1));
    const next = await newCredential(cf, { kind: "operating", setAt: at(1) });
    assert.equal((await activeCredential(db, cf))?.id, next);
  });

  it("updates contacts but keeps a registered PEC when none is given", async () => {
    const cf = newFiscalCode();
    await upsertAccount(db, cf, { mobile: "+1", email: "a@x.org", pec: "p@pec.it" }, T0);
    await upsertAccount(db, cf, { mobile: "+2", email: "b@x.org", pec: null }, at(1));
    assert.deepEqual(await accountContacts(db, cf), {
      mobile: "+2",
      email: "b@x.org",
      pec: "p@pec.it",
    });
    assert.equal(await accountContacts(db, "NOBODY0000000000"), null);
  });
});

describe(`store conformance on ${ENGINE}: claims`, () => {
  it("allows one pending claim per fiscal code (unique violation on both engines)", async () => {
    const cf = newFiscalCode();
    await insertClaim(db, claim(cf));
    assert.equal(await hasPendingClaim(db, cf), true);
    await assert.rejects(insertClaim(db, claim(cf)), (e: unknown) => isUniqueViolation(e));
    // Issued and rejected claims do not count.
    await insertClaim(db, claim(cf, { status: "issued" }));
    await insertClaim(db, claim(cf, { status: "rejected" }));
  });

  it("does not see a pending claim where there is only an issued one", async () => {
    const cf = newFiscalCode();
    await insertClaim(db, claim(cf, { status: "issued" }));
    assert.equal(await hasPendingClaim(db, cf), false);
  });

  it("keeps the reasons and declared data as JSON and serves the queue oldest first", async () => {
    const a = claim(newFiscalCode(), {
      createdAt: new Date("2000-01-01T00:00:00.001Z"),
      reasons: ["x", "y"],
    });
    const b = claim(newFiscalCode(), { createdAt: new Date("2000-01-01T00:00:00.002Z") });
    await insertClaim(db, b);
    await insertClaim(db, a);
    const queue = await verificationQueue(db, 2);
    assert.deepEqual(queue, [
      { id: a.id, fiscalCode: a.fiscalCode, reasons: ["x", "y"], createdAt: a.createdAt },
      { id: b.id, fiscalCode: b.fiscalCode, reasons: ["surname_mismatch"], createdAt: b.createdAt },
    ]);
    assert.deepEqual(await claimStatus(db, a.id), {
      status: "under_verification",
      reasons: ["x", "y"],
    });
    assert.equal(await claimStatus(db, randomUUID()), null);
    const [row] = await db.query<{ declared: unknown; decided_at: Date | null }>(
      "SELECT declared, decided_at FROM claim WHERE id = $1",
      [a.id],
    );
    assert.deepEqual(row, {
      declared: { surname: "Rossi", nested: { list: [1, 2] } },
      decided_at: null,
    });
  });

  it("stamps an issued claim as decided when it is created", async () => {
    const c = claim(newFiscalCode(), { status: "issued", reasons: [] });
    await insertClaim(db, c);
    const [row] = await db.query<{ decided_at: Date }>(
      "SELECT decided_at FROM claim WHERE id = $1",
      [c.id],
    );
    assert.deepEqual(row?.decided_at, c.createdAt);
  });
});

describe(`store conformance on ${ENGINE}: lockout counters`, () => {
  /** One login attempt as the login flow makes it: reserve, then report the outcome. */
  async function attempt(
    key: string,
    now: Date,
    correct: boolean,
  ): Promise<"locked" | "ok" | "wrong"> {
    const d = await reserveAttempt(db, key, now);
    if (d.kind === "locked") return "locked";
    if (correct) {
      await recordSuccess(db, key, now);
      return "ok";
    }
    await recordFailure(db, key, d.failuresBefore, now);
    return "wrong";
  }

  it("counts an attempt before the PIN is checked and starts a new key at zero", async () => {
    const key = `k-${randomUUID()}`;
    assert.equal(await throttleState(db, key), null);
    assert.deepEqual(await reserveAttempt(db, key, T0), { kind: "attempt", failuresBefore: 0 });
    assert.deepEqual(await throttleState(db, key), { failures: 1, lockedUntil: null });
  });

  it("locks for 5 minutes on the 10th wrong PIN, to the millisecond", async () => {
    const key = `k-${randomUUID()}`;
    for (let i = 0; i < 9; i++) {
      assert.equal(await attempt(key, at(i), false), "wrong");
      assert.equal(
        (await throttleState(db, key))?.lockedUntil,
        null,
        `no lock after ${i + 1} failures`,
      );
    }
    assert.equal(await attempt(key, at(9), false), "wrong");
    assert.deepEqual(await throttleState(db, key), {
      failures: 10,
      lockedUntil: at(9 + LOCKOUT_SECONDS),
    });
  });

  it("refuses even a correct PIN during the lock and restarts the 5 minutes", async () => {
    const key = `k-${randomUUID()}`;
    for (let i = 0; i < 10; i++) await attempt(key, T0, false);
    const d = await reserveAttempt(db, key, at(200));
    assert.deepEqual(d, { kind: "locked", lockedUntil: at(200 + LOCKOUT_SECONDS) });
    assert.deepEqual((await throttleState(db, key))?.lockedUntil, at(500));
    assert.equal(await attempt(key, at(499), true), "locked");
    assert.equal(await attempt(key, at(499 + 300), true), "ok");
    assert.deepEqual(await throttleState(db, key), { failures: 0, lockedUntil: null });
  });

  it("starts counting from zero when the lock ends", async () => {
    const key = `k-${randomUUID()}`;
    for (let i = 0; i < 10; i++) await attempt(key, T0, false);
    assert.deepEqual(await reserveAttempt(db, key, at(300)), {
      kind: "attempt",
      failuresBefore: 0,
    });
    for (let i = 1; i < 9; i++) assert.equal(await attempt(key, at(300 + i), false), "wrong");
    assert.equal((await throttleState(db, key))?.lockedUntil, null);
  });

  it("resets the count on a success", async () => {
    const key = `k-${randomUUID()}`;
    for (let i = 0; i < 9; i++) await attempt(key, T0, false);
    assert.equal(await attempt(key, T0, true), "ok");
    for (let i = 0; i < 9; i++) assert.equal(await attempt(key, T0, false), "wrong");
    assert.equal((await throttleState(db, key))?.lockedUntil, null);
  });

  it("gives exactly 10 'attempt' decisions to 30 concurrent reservations on one key", async () => {
    const key = `k-${randomUUID()}`;
    const decisions = await Promise.all(
      Array.from({ length: 30 }, () => reserveAttempt(db, key, T0)),
    );
    const attempts = decisions.filter((d) => d.kind === "attempt");
    assert.equal(attempts.length, 10);
    assert.deepEqual(
      attempts.map((d) => d.failuresBefore).sort((a, b) => a - b),
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
    assert.equal(decisions.filter((d) => d.kind === "locked").length, 20);
    assert.deepEqual((await throttleState(db, key))?.lockedUntil, at(LOCKOUT_SECONDS));
  });

  it(
    "gives exactly 10 'attempt' decisions across two processes (two connection pools)",
    { skip: ENGINE === "pglite" ? "PGlite is one in-process database" : false },
    async () => {
      const other = postgresDb(tdb.url ?? "", 10);
      try {
        const key = `k-${randomUUID()}`;
        const decisions = await Promise.all(
          Array.from({ length: 40 }, (_, i) => reserveAttempt(i % 2 === 0 ? db : other, key, T0)),
        );
        assert.equal(decisions.filter((d) => d.kind === "attempt").length, 10);
      } finally {
        await other.close();
      }
    },
  );

  it("decides exactly as decideAttempt() on every state, and writes back what the domain implies", async () => {
    const now = at(10_000);
    const locks: (Date | null)[] = [
      null,
      at(10_000 - 300),
      new Date(now.getTime() - 1),
      now,
      new Date(now.getTime() + 1),
      at(10_000 + 299),
    ];
    for (const failures of [0, 1, 5, 8, 9, 10, 11, 15]) {
      for (const lockedUntil of locks) {
        const key = `k-${randomUUID()}`;
        await db.query(
          "INSERT INTO login_throttle (key, failures, locked_until, updated_at) VALUES ($1, $2, $3, $4)",
          [key, failures, lockedUntil, T0],
        );
        const state: ThrottleState = { failures, lockedUntil };
        const label = JSON.stringify(state);
        const expected = decideAttempt(state, now);
        assert.deepEqual(await reserveAttempt(db, key, now), expected, label);
        const written = await throttleState(db, key);
        if (expected.kind === "locked")
          assert.deepEqual(written, { failures, lockedUntil: expected.lockedUntil }, label);
        else
          assert.deepEqual(
            written,
            { failures: expected.failuresBefore + 1, lockedUntil: null },
            label,
          );
      }
    }
  });

  it("keeps separate counters per key", async () => {
    const a = `k-${randomUUID()}`;
    const b = `k-${randomUUID()}`;
    for (let i = 0; i < 10; i++) await attempt(a, T0, false);
    assert.equal(await attempt(b, T0, true), "ok");
    assert.equal(await attempt(a, T0, true), "locked");
  });

  it("follows SPEC.md's lockout rules over random sequences on the real store (property)", async () => {
    type Event = "wrong" | "right" | number;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            { weight: 6, arbitrary: fc.constant<Event>("wrong") },
            { weight: 1, arbitrary: fc.constant<Event>("right") },
            { weight: 2, arbitrary: fc.constantFrom<Event>(1, 60, 299, 300, 301) },
          ),
          { maxLength: 40 },
        ),
        async (events) => {
          const key = `k-${randomUUID()}`;
          let now = T0.getTime();
          let wrong = 0;
          let lockEnd: number | null = null;
          for (const e of events) {
            if (typeof e === "number") {
              now += e * 1000;
              continue;
            }
            let expected: "locked" | "ok" | "wrong";
            if (lockEnd !== null && now < lockEnd) {
              lockEnd = now + 300_000;
              expected = "locked";
            } else {
              if (lockEnd !== null) {
                lockEnd = null;
                wrong = 0;
              }
              if (e === "right") {
                wrong = 0;
                expected = "ok";
              } else {
                wrong++;
                if (wrong === 10) lockEnd = now + 300_000;
                expected = "wrong";
              }
            }
            assert.equal(await attempt(key, new Date(now), e === "right"), expected);
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe(`store conformance on ${ENGINE}: sessions`, () => {
  async function newSession(
    over: { fiscalCode?: string; credentialId?: string; now?: Date; absoluteExpiry?: Date } = {},
  ) {
    const fiscalCode = over.fiscalCode ?? newFiscalCode();
    const credentialId = over.credentialId ?? (await newCredential(fiscalCode));
    const idHash = `h-${randomUUID()}`;
    const now = over.now ?? T0;
    await createSession(db, {
      idHash,
      fiscalCode,
      credentialId,
      state: "pin_change_required",
      level: "ordinary",
      now,
      absoluteExpiry: over.absoluteExpiry ?? new Date(now.getTime() + 8 * 3600_000),
      userAgent: "test",
    });
    return { idHash, fiscalCode, credentialId };
  }

  it("creates and finds a session with the person's name and the PIN's kind and date", async () => {
    const p = person();
    await upsertPeople(db, [p]);
    const s = await newSession({ fiscalCode: p.fiscalCode });
    assert.deepEqual(await findSession(db, s.idHash), {
      idHash: s.idHash,
      fiscalCode: p.fiscalCode,
      credentialId: s.credentialId,
      state: "pin_change_required",
      level: "ordinary",
      createdAt: T0,
      lastSeenAt: T0,
      absoluteExpiry: at(8 * 3600),
      pinCardUntil: null,
      credentialKind: "initial",
      credentialSetAt: T0,
      surname: p.surname,
      givenNames: p.givenNames,
    });
  });

  it("finds a session of someone not in the archive, without a name", async () => {
    const s = await newSession();
    const found = await findSession(db, s.idHash);
    assert.equal(found?.surname, null);
    assert.equal(found.givenNames, null);
    assert.equal(await findSession(db, "h-unknown"), null);
  });

  it("ignores a session whose credential is no longer active", async () => {
    const s = await newSession();
    await endCredential(db, s.credentialId, "revoked", at(1));
    assert.equal(await findSession(db, s.idHash), null);
  });

  it("touches the last-seen instant", async () => {
    const s = await newSession();
    await touchSession(db, s.idHash, at(61.5));
    assert.deepEqual((await findSession(db, s.idHash))?.lastSeenAt, at(61.5));
  });

  it("rotates to a new id, state and credential; the old id stops working", async () => {
    const s = await newSession();
    // A PIN change ends the old credential but keeps the session it moves.
    await endCredential(db, s.credentialId, "consumed", at(5), s.idHash);
    const operating = await newCredential(s.fiscalCode, { kind: "operating", setAt: at(5) });
    const idHash = `h-${randomUUID()}`;
    assert.equal(
      await rotateSession(db, s.idHash, {
        idHash,
        state: "authenticated",
        credentialId: operating,
        now: at(5),
        pinCardUntil: at(605),
      }),
      true,
    );
    assert.equal(await findSession(db, s.idHash), null);
    const found = await findSession(db, idHash);
    assert.equal(found?.state, "authenticated");
    assert.equal(found.credentialKind, "operating");
    assert.deepEqual(found.pinCardUntil, at(605));
    assert.deepEqual(found.createdAt, T0);
    assert.equal(
      await rotateSession(db, s.idHash, {
        idHash: "h-x",
        state: "authenticated",
        credentialId: operating,
        now: at(6),
        pinCardUntil: null,
      }),
      false,
    );
  });

  it("deletes a session", async () => {
    const s = await newSession();
    await deleteSession(db, s.idHash);
    assert.equal(await findSession(db, s.idHash), null);
    await deleteSession(db, s.idHash);
  });

  it("deletes sessions past their absolute expiry or idle too long, to the second", async () => {
    const base = new Date("2030-01-01T00:00:00Z");
    const idle = 15 * 60;
    const old = await newSession({
      now: base,
      absoluteExpiry: new Date(base.getTime() + 3600_000),
    });
    const expiring = await newSession({
      now: base,
      absoluteExpiry: new Date(base.getTime() + 3600_000),
    });
    await touchSession(db, old.idHash, new Date(base.getTime() + 1000));
    await touchSession(db, expiring.idHash, new Date(base.getTime() + 3000_000));
    // Everything created before `base` in this file is also expired at these instants; count ours.
    const ours = async () =>
      (await Promise.all([old, expiring].map((s) => findSession(db, s.idHash)))).filter(
        (s) => s !== null,
      ).length;

    await deleteExpiredSessions(db, new Date(base.getTime() + 1000 + idle * 1000 - 1), idle);
    assert.equal(await ours(), 2, "idle for one millisecond less than the limit: kept");
    await deleteExpiredSessions(db, new Date(base.getTime() + 1000 + idle * 1000), idle);
    assert.equal(await findSession(db, old.idHash), null, "idle for exactly the limit: deleted");
    assert.notEqual(await findSession(db, expiring.idHash), null);
    const n = await deleteExpiredSessions(db, new Date(base.getTime() + 3600_000), idle);
    assert.ok(n >= 1);
    assert.equal(await findSession(db, expiring.idHash), null, "absolute expiry reached: deleted");
  });
});

describe(`store conformance on ${ENGINE}: outbox`, () => {
  async function queue(over: { secret?: string; now?: Date; kind?: string } = {}): Promise<string> {
    const id = randomUUID();
    await enqueue(
      db,
      OUTBOX_KEY,
      {
        id,
        kind: over.kind ?? "pin_first_half",
        channel: "sms",
        recipient: "+5491123456789",
        payload: { lang: "it", fullName: "José D'Angelo", claimReference: "R-1" },
        ...(over.secret === undefined ? {} : { secret: over.secret }),
      },
      over.now ?? T0,
    );
    return id;
  }

  /** Leases everything due at `now` (in this file's database) and keeps only the given ids. */
  async function leaseOnly(
    ids: readonly string[],
    now: Date,
    leaseSeconds = 120,
  ): Promise<LeasedMessage[]> {
    const leased = await leaseDue(db, OUTBOX_KEY, now, 1000, leaseSeconds);
    return leased.filter((m) => ids.includes(m.id));
  }

  // Each test starts with nothing due, so leases only return its own messages.
  async function drainAll(): Promise<void> {
    await db.query("UPDATE outbox SET status = 'sent', secret = NULL WHERE status <> 'sent'");
  }

  it("stores a secret sealed, never in clear, and gives it back decrypted on lease", async () => {
    await drainAll();
    const id = await queue({ secret: "ABCDEFGH" });
    const row = await rowOf(id);
    assert.equal(row.status, "queued");
    assert.equal(typeof row.secret, "string");
    assert.ok(!String(row.secret).includes("ABCDEFGH"));
    assert.ok(!JSON.stringify(row.payload).includes("ABCDEFGH"));
    const [m] = await leaseDue(db, OUTBOX_KEY, T0, 10, 120);
    assert.deepEqual(m, {
      id,
      kind: "pin_first_half",
      channel: "sms",
      recipient: "+5491123456789",
      payload: { lang: "it", fullName: "José D'Angelo", claimReference: "R-1" },
      secret: "ABCDEFGH",
      attempts: 1,
      createdAt: T0,
    });
    const leasedRow = await rowOf(id);
    assert.equal(leasedRow.status, "sending");
    assert.deepEqual(leasedRow.lease_until, at(120));
  });

  it("erases the secret when the message is sent", async () => {
    await drainAll();
    const id = await queue({ secret: "ABCDEFGH" });
    await leaseDue(db, OUTBOX_KEY, T0, 10, 120);
    await markSent(db, id, at(2), "file:x");
    const row = await rowOf(id);
    assert.equal(row.status, "sent");
    assert.equal(row.secret, null);
    assert.equal(row.lease_until, null);
    assert.deepEqual(row.sent_at, at(2));
    assert.equal(row.provider_ref, "file:x");
    assert.deepEqual(await leaseDue(db, OUTBOX_KEY, at(10_000), 10, 120), []);
  });

  it("gives undefined for a message without a secret", async () => {
    await drainAll();
    const id = await queue({ kind: "claim_received" });
    const [m] = await leaseOnly([id], T0);
    assert.equal(m?.secret, undefined);
    assert.equal((await rowOf(id)).secret, null);
  });

  it("leases only what is due (next attempt at or before now), oldest first, up to the limit", async () => {
    await drainAll();
    const late = await queue({ now: at(10) });
    const early = await queue({ now: at(5) });
    const due = await queue({ now: at(7) });
    assert.deepEqual(await leaseDue(db, OUTBOX_KEY, at(4.999), 10, 120), []);
    // The oldest two are chosen; RETURNING gives no order, so compare as sets.
    assert.deepEqual(
      (await leaseDue(db, OUTBOX_KEY, at(10), 2, 120)).map((m) => m.id).sort(),
      [early, due].sort(),
    );
    assert.deepEqual(
      (await leaseDue(db, OUTBOX_KEY, at(10), 2, 120)).map((m) => m.id),
      [late],
    );
  });

  it("does not lease a message again while its lease runs, and re-leases it once the lease expires", async () => {
    await drainAll();
    const id = await queue({ secret: "ABCDEFGH" });
    assert.equal((await leaseOnly([id], T0)).length, 1);
    assert.deepEqual(await leaseOnly([id], at(119)), []);
    assert.deepEqual(
      await leaseOnly([id], at(120)),
      [],
      "the lease still holds at its last instant",
    );
    const [again] = await leaseOnly([id], at(120.001));
    assert.equal(again?.attempts, 2);
    assert.equal(again.secret, "ABCDEFGH");
  });

  it("schedules a retry on failure and leases it again when it is due", async () => {
    await drainAll();
    const id = await queue({ secret: "ABCDEFGH" });
    await leaseDue(db, OUTBOX_KEY, T0, 10, 120);
    await markFailed(db, id, "gateway down", at(30));
    const row = await rowOf(id);
    assert.deepEqual(
      [row.status, row.last_error, row.lease_until],
      ["failed", "gateway down", null],
    );
    assert.deepEqual(row.next_attempt_at, at(30));
    assert.notEqual(row.secret, null, "a retry still needs the secret");
    assert.deepEqual(await leaseOnly([id], at(29.999)), []);
    const [m] = await leaseOnly([id], at(30));
    assert.equal(m?.attempts, 2);
    assert.equal(m.secret, "ABCDEFGH");
  });

  it("abandons a message and erases its secret", async () => {
    await drainAll();
    const id = await queue({ secret: "ABCDEFGH" });
    await leaseDue(db, OUTBOX_KEY, T0, 10, 120);
    await markFailed(db, id, "x".repeat(2000), null);
    const row = await rowOf(id);
    assert.equal(row.status, "abandoned");
    assert.equal(row.secret, null);
    assert.equal(String(row.last_error).length, 500);
    assert.deepEqual(await leaseOnly([id], at(100_000)), []);
  });

  it("ignores a late markSent or markFailed for a message no longer being sent", async () => {
    await drainAll();
    const id = await queue({ secret: "ABCDEFGH" });
    await leaseDue(db, OUTBOX_KEY, T0, 10, 120);
    await markFailed(db, id, "boom", null);
    await markSent(db, id, at(1), "late");
    await markFailed(db, id, "again", at(5));
    const row = await rowOf(id);
    assert.deepEqual([row.status, row.provider_ref, row.last_error], ["abandoned", null, "boom"]);
  });

  it("never gives the same message to two concurrent callers", async () => {
    await drainAll();
    const ids = new Set<string>();
    for (let i = 0; i < 120; i++) ids.add(await queue({ secret: `S${i}` }));
    const seen = new Map<string, number>();
    // Rounds of 6 concurrent leasers with small batches until everything is leased.
    for (let round = 0; round < 40 && seen.size < ids.size; round++) {
      const batches = await Promise.all(
        Array.from({ length: 6 }, () => leaseDue(db, OUTBOX_KEY, at(1), 7, 120)),
      );
      for (const m of batches.flat()) seen.set(m.id, (seen.get(m.id) ?? 0) + 1);
    }
    assert.equal(seen.size, ids.size);
    const twice = [...seen].filter(([, n]) => n > 1);
    assert.deepEqual(twice, []);
    const counts = await outboxCounts(db);
    assert.ok(counts.sending >= 120);
  });

  it("does not let one unreadable secret hold back the other messages", async () => {
    await drainAll();
    const good = await queue({ secret: "GOODGOOD" });
    const bad = await queue({ secret: "BADBADBA" });
    // A sealed value moved from another row (or sealed with an old key) cannot be opened.
    await db.query("UPDATE outbox SET secret = $2 WHERE id = $1", [
      bad,
      seal(OUTBOX_KEY, "BADBADBA", randomUUID()),
    ]);
    const leased = await leaseOnly([good, bad], T0);
    assert.deepEqual(leased.map((m) => m.id).sort(), [good, bad].sort());
    assert.equal(leased.find((m) => m.id === good)?.secret, "GOODGOOD");
    const poisoned = leased.find((m) => m.id === bad);
    assert.equal(poisoned?.secret, undefined);
    assert.match(poisoned?.secretError ?? "", /secret/u);
  });

  it("counts messages by status", async () => {
    await drainAll();
    const before = await outboxCounts(db);
    await queue();
    const after = await outboxCounts(db);
    assert.equal(after.queued, before.queued + 1);
    assert.deepEqual(Object.keys(after).sort(), [
      "abandoned",
      "failed",
      "queued",
      "sending",
      "sent",
    ]);
  });
});

describe(`store conformance on ${ENGINE}: timestamps`, () => {
  it("round-trips instants exactly (Date equality) through timestamptz, including sub-second ones", async () => {
    const instants = [
      new Date("1970-01-01T00:00:00.000Z"),
      new Date("2021-09-30T22:30:00.001Z"),
      new Date("2026-03-29T01:00:00.999Z"),
      new Date("2099-12-31T23:59:59.999Z"),
    ];
    for (const t of instants) {
      const cf = newFiscalCode();
      await newCredential(cf, { setAt: t });
      const c = await activeCredential(db, cf);
      assert.ok(c?.setAt instanceof Date);
      assert.equal(c.setAt.getTime(), t.getTime(), t.toISOString());
    }
  });
});

/**
 * Archive repository contract (src/store/repos/archive.ts) on PGlite and PostgreSQL: a person
 * round-trips field for field (optional fields come back undefined, not null), contributions
 * oldest first and pension payments newest first, amounts in cents exact beyond 32 bits, an
 * upsert replaces a person and their lists, bulk loads go beyond one batch.
 */
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import type { ContributionPeriod, PensionPayment } from "../../src/domain/archive.ts";
import type { Db } from "../../src/store/db.ts";
import {
  contributions,
  countPeople,
  findPerson,
  listPeople,
  pensionPayments,
  upsertPeople,
} from "../../src/store/repos/archive.ts";
import { aFiscalCode, aPerson } from "../helpers/builders.ts";
import { createTestDb, ENGINE, type TestDb } from "../helpers/db.ts";

let tdb: TestDb;
let db: Db;
before(async () => {
  tdb = await createTestDb();
  db = tdb.db;
});
after(() => tdb.drop());

function aPeriod(over: Partial<ContributionPeriod> = {}): ContributionPeriod {
  return {
    from: "1980-01-01",
    to: "1980-06-30",
    employer: "A",
    kind: "employee",
    weeks: 26,
    earningsCents: 700_000,
    ...over,
  };
}

function aPayment(over: Partial<PensionPayment> = {}): PensionPayment {
  return {
    month: "2026-01",
    grossCents: 100_000,
    taxCents: 20_000,
    netCents: 80_000,
    category: "VO",
    ...over,
  };
}

describe(`archive repository on ${ENGINE}`, () => {
  it("round-trips a person with every field", async () => {
    const p = aPerson();
    await upsertPeople(db, [p]);
    const { contributions: _c, pensionPayments: _p, ...identity } = p;
    assert.deepEqual(await findPerson(db, p.fiscalCode), identity);
  });

  it("gives undefined (not null) for every optional field left out", async () => {
    const p = aPerson({
      residence: { line1: "Hauptstraße 5", city: "Berlin", postalCode: "10115", country: "DE" },
      healthCard: undefined,
      mobile: undefined,
      email: undefined,
      pec: undefined,
      italianIdOnFile: true,
    });
    await upsertPeople(db, [p]);
    assert.deepEqual(await findPerson(db, p.fiscalCode), {
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
      italianIdOnFile: true,
      healthCard: undefined,
      mobile: undefined,
      email: undefined,
      pec: undefined,
    });
  });

  it("answers null, and empty lists, for an unknown fiscal code", async () => {
    const unknown = aFiscalCode();
    assert.equal(await findPerson(db, unknown), null);
    assert.deepEqual(await contributions(db, unknown), []);
    assert.deepEqual(await pensionPayments(db, unknown), []);
  });

  it("orders contributions oldest first and pension payments newest first", async () => {
    const p = aPerson({
      contributions: [
        aPeriod({ from: "1990-01-01", to: "1990-12-31", employer: "B", weeks: 52 }),
        aPeriod({ from: "1980-01-01", to: "1980-06-30", employer: "A" }),
        aPeriod({
          from: "1985-03-01",
          to: "1985-03-31",
          employer: "C",
          kind: "voluntary",
          earningsCents: 0,
        }),
      ],
      pensionPayments: [
        aPayment({ month: "2025-11" }),
        aPayment({ month: "2026-01", grossCents: 101_000, taxCents: 20_200, netCents: 80_800 }),
        aPayment({ month: "2025-12", grossCents: 100_500 }),
      ],
    });
    await upsertPeople(db, [p]);
    assert.deepEqual(
      await contributions(db, p.fiscalCode),
      [...p.contributions].sort((a, b) => a.from.localeCompare(b.from)),
    );
    assert.deepEqual(
      (await contributions(db, p.fiscalCode)).map((c) => c.employer),
      ["A", "C", "B"],
    );
    const payments = await pensionPayments(db, p.fiscalCode);
    assert.deepEqual(
      payments.map((m) => m.month),
      ["2026-01", "2025-12", "2025-11"],
    );
    assert.deepEqual(payments[0], p.pensionPayments[1]);
  });

  it("keeps large amounts in cents exactly (beyond 32 bits)", async () => {
    const p = aPerson({
      contributions: [aPeriod({ earningsCents: 9_000_000_000 })],
      pensionPayments: [
        aPayment({ grossCents: 5_000_000_000, taxCents: 1, netCents: 4_999_999_999 }),
      ],
    });
    await upsertPeople(db, [p]);
    assert.equal((await contributions(db, p.fiscalCode))[0]?.earningsCents, 9_000_000_000);
    assert.deepEqual((await pensionPayments(db, p.fiscalCode))[0], p.pensionPayments[0]);
  });

  it("replaces a person and their lists on a second upsert (no duplicates)", async () => {
    const p = aPerson({ contributions: [aPeriod()], pensionPayments: [aPayment()] });
    await upsertPeople(db, [p]);
    await upsertPeople(db, [
      { ...p, surname: "ROSSI", contributions: [aPeriod(), aPeriod({ employer: "B" })] },
    ]);
    assert.equal((await findPerson(db, p.fiscalCode))?.surname, "ROSSI");
    assert.equal((await contributions(db, p.fiscalCode)).length, 2);
    assert.equal((await pensionPayments(db, p.fiscalCode)).length, 1);
    await upsertPeople(db, [{ ...p, contributions: [], pensionPayments: [] }]);
    assert.deepEqual(await contributions(db, p.fiscalCode), []);
    assert.deepEqual(await pensionPayments(db, p.fiscalCode), []);
  });

  it("loads more people than one batch and lists them by fiscal code, page by page", async () => {
    const before = await countPeople(db);
    const many = Array.from({ length: 450 }, () =>
      aPerson({ contributions: [aPeriod()], pensionPayments: [aPayment()] }),
    );
    await upsertPeople(db, many);
    assert.equal(await countPeople(db), before + 450);
    assert.equal((await contributions(db, many[449]!.fiscalCode)).length, 1);
    const page = await listPeople(db, 5);
    const codes = page.map((p) => p.fiscalCode);
    assert.deepEqual(codes, [...codes].sort());
    const next = await listPeople(db, 5, 5);
    assert.equal(next.length, 5);
    assert.ok((next[0]?.fiscalCode ?? "") > (codes[4] ?? ""));
  });
});

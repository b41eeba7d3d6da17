/**
 * Claims repository contract (src/store/repos/claims.ts) on PGlite and PostgreSQL: several
 * claims may wait for verification for one fiscal code; a claim that passes every check
 * supersedes exactly the pending ones (with the reason and the superseding claim); the
 * outcome summary gives the destination of the chosen delivery and the letter's country only
 * for issued claims; the verification queue is served oldest first; JSON round-trips.
 */
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { Db } from "../../src/store/db.ts";
import { upsertPeople } from "../../src/store/repos/archive.ts";
import {
  claimStatus,
  claimSummary,
  insertClaim,
  supersedePendingClaims,
  verificationQueue,
} from "../../src/store/repos/claims.ts";
import { aClaim, aFiscalCode, aPerson, at, T0 } from "../helpers/builders.ts";
import { createTestDb, ENGINE, type TestDb } from "../helpers/db.ts";

let tdb: TestDb;
let db: Db;
before(async () => {
  tdb = await createTestDb();
  db = tdb.db;
});
after(() => tdb.drop());

interface ClaimRow {
  status: string;
  decided_at: Date | null;
  closed_reason: string | null;
  superseded_by: string | null;
}
async function rowOf(id: string): Promise<ClaimRow | undefined> {
  const rows = await db.query<ClaimRow>(
    "SELECT status, decided_at, closed_reason, superseded_by FROM claim WHERE id = $1",
    [id],
  );
  return rows[0];
}

/** Whether a claim for this fiscal code waits for verification. */
async function hasPendingClaim(cf: string): Promise<boolean> {
  const rows = await db.query<{ one: number }>(
    "SELECT 1 AS one FROM claim WHERE fiscal_code = $1 AND status = 'under_verification'",
    [cf],
  );
  return rows.length > 0;
}

describe(`claims on ${ENGINE}`, () => {
  it("accepts several pending claims for one fiscal code", async () => {
    const cf = aFiscalCode();
    assert.equal(await hasPendingClaim(cf), false);
    await insertClaim(db, aClaim({ fiscalCode: cf }));
    await insertClaim(db, aClaim({ fiscalCode: cf, createdAt: at(1) }));
    assert.equal(await hasPendingClaim(cf), true);
    const [row] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM claim WHERE fiscal_code = $1 AND status = 'under_verification'",
      [cf],
    );
    assert.equal(row?.n, 2);
  });

  it("does not count issued or rejected claims as pending", async () => {
    const cf = aFiscalCode();
    await insertClaim(db, aClaim({ fiscalCode: cf, status: "issued", reasons: [] }));
    await insertClaim(db, aClaim({ fiscalCode: cf, status: "rejected" }));
    assert.equal(await hasPendingClaim(cf), false);
  });

  it("stamps a claim decided when it is created issued, and leaves a pending one undecided", async () => {
    const issued = aClaim({ status: "issued", reasons: [], createdAt: at(3.5) });
    const pending = aClaim();
    await insertClaim(db, issued);
    await insertClaim(db, pending);
    assert.deepEqual((await rowOf(issued.id))?.decided_at, at(3.5));
    assert.equal((await rowOf(pending.id))?.decided_at, null);
  });

  it("supersedes only the pending claims of the fiscal code, with the reason and the new claim", async () => {
    const cf = aFiscalCode();
    const pending = [aClaim({ fiscalCode: cf }), aClaim({ fiscalCode: cf, createdAt: at(1) })];
    const rejected = aClaim({ fiscalCode: cf, status: "rejected" });
    const someoneElse = aClaim();
    const valid = aClaim({ fiscalCode: cf, status: "issued", reasons: [], createdAt: at(60) });
    for (const c of [...pending, rejected, someoneElse, valid]) await insertClaim(db, c);

    const closed = await supersedePendingClaims(db, cf, valid.id, at(61));
    assert.deepEqual([...closed].sort(), pending.map((c) => c.id).sort());
    for (const c of pending) {
      assert.deepEqual(await rowOf(c.id), {
        status: "superseded",
        decided_at: at(61),
        closed_reason: "superseded_by_valid_claim",
        superseded_by: valid.id,
      });
    }
    assert.equal((await rowOf(rejected.id))?.status, "rejected");
    assert.equal((await rowOf(rejected.id))?.superseded_by, null);
    assert.equal((await rowOf(valid.id))?.status, "issued");
    assert.equal((await rowOf(someoneElse.id))?.status, "under_verification");
    assert.equal(await hasPendingClaim(cf), false);
    assert.deepEqual((await claimStatus(db, pending[0]!.id))?.status, "superseded");
  });

  it("supersedes nothing (an empty list) when no claim is pending", async () => {
    assert.deepEqual(await supersedePendingClaims(db, aFiscalCode(), randomUUID(), T0), []);
  });

  it("summarises a claim with the number or address its delivery went to", async () => {
    const sms = aClaim({ delivery: "sms", createdAt: at(2) });
    const email = aClaim({ delivery: "email" });
    const nothingTyped = aClaim({ delivery: "email", declared: { surname: "X" } });
    for (const c of [sms, email, nothingTyped]) await insertClaim(db, c);
    assert.deepEqual(await claimSummary(db, sms.id), {
      id: sms.id,
      status: "under_verification",
      delivery: "sms",
      destination: "+5491123456789",
      letterCountry: null,
      createdAt: at(2),
    });
    assert.equal((await claimSummary(db, email.id))?.destination, "jose@example.com");
    assert.equal((await claimSummary(db, nothingTyped.id))?.destination, null);
    assert.equal(await claimSummary(db, randomUUID()), null);
  });

  it("gives the letter's country (residence on file) only for an issued claim", async () => {
    const p = aPerson({
      residence: {
        line1: "Rua Augusta 10",
        city: "São Paulo",
        postalCode: "01305-000",
        country: "BR",
      },
    });
    await upsertPeople(db, [p]);
    const issued = aClaim({ fiscalCode: p.fiscalCode, status: "issued", reasons: [] });
    const pending = aClaim({ fiscalCode: p.fiscalCode });
    const notInArchive = aClaim({ status: "issued", reasons: [] });
    for (const c of [issued, pending, notInArchive]) await insertClaim(db, c);
    assert.equal((await claimSummary(db, issued.id))?.letterCountry, "BR");
    assert.equal((await claimSummary(db, pending.id))?.letterCountry, null);
    assert.equal((await claimSummary(db, notInArchive.id))?.letterCountry, null);
  });

  it("keeps declared data and reasons as JSON and serves the queue oldest first", async () => {
    // Older than every other claim of this file (they are created at T0, in 2026).
    const a = aClaim({
      createdAt: new Date("2000-01-01T00:00:00.001Z"),
      reasons: ["x", "y"],
      declared: { surname: "Rossi", nested: { list: [1, 2] } },
    });
    const b = aClaim({ createdAt: new Date("2000-01-01T00:00:00.002Z") });
    const issued = aClaim({ status: "issued", reasons: [], createdAt: new Date(0) });
    for (const c of [b, issued, a]) await insertClaim(db, c);
    assert.deepEqual(await verificationQueue(db, 2), [
      { id: a.id, fiscalCode: a.fiscalCode, reasons: ["x", "y"], createdAt: a.createdAt },
      { id: b.id, fiscalCode: b.fiscalCode, reasons: ["surname_mismatch"], createdAt: b.createdAt },
    ]);
    assert.deepEqual(await claimStatus(db, a.id), {
      status: "under_verification",
      reasons: ["x", "y"],
    });
    assert.equal(await claimStatus(db, randomUUID()), null);
    const rows = await db.query("SELECT declared FROM claim WHERE id = $1", [a.id]);
    assert.deepEqual(rows, [{ declared: { surname: "Rossi", nested: { list: [1, 2] } } }]);
  });
});

import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  mayClaimNewPin,
  mayUseExistingPin,
  PIN_POLICY,
  policyOn,
  romeDate,
  type HolderFacts,
  type PolicyPeriod,
} from "../../src/domain/eligibility.ts";

const abroadNoItalianId: HolderFacts = { residentAbroad: true, italianIdOnFile: false };
const abroadWithItalianId: HolderFacts = { residentAbroad: true, italianIdOnFile: true };
const inItalyNoItalianId: HolderFacts = { residentAbroad: false, italianIdOnFile: false };
const inItalyWithItalianId: HolderFacts = { residentAbroad: false, italianIdOnFile: true };
const EVERYONE = [abroadNoItalianId, abroadWithItalianId, inItalyNoItalianId, inItalyWithItalianId];

describe("eligibility: until 2020-09-30 anyone", () => {
  for (const day of ["2015-06-01", "2020-09-30"]) {
    it(`lets anybody claim and use a PIN on ${day}`, () => {
      for (const f of EVERYONE) {
        assert.equal(mayClaimNewPin(day, f), true);
        assert.equal(mayUseExistingPin(day, f), true);
      }
    });
  }
});

describe("eligibility: transition 2020-10-01 .. 2021-09-30", () => {
  for (const day of ["2020-10-01", "2021-03-15", "2021-09-30"]) {
    it(`on ${day} issues new PINs only to people who cannot obtain SPID (no Italian identity document)`, () => {
      assert.equal(mayClaimNewPin(day, abroadNoItalianId), true);
      assert.equal(mayClaimNewPin(day, inItalyNoItalianId), true);
      assert.equal(mayClaimNewPin(day, abroadWithItalianId), false);
      assert.equal(mayClaimNewPin(day, inItalyWithItalianId), false);
    });

    it(`on ${day} keeps every existing PIN valid and renewable`, () => {
      for (const f of EVERYONE) assert.equal(mayUseExistingPin(day, f), true);
    });
  }
});

describe("eligibility: from 2021-10-01 only residents abroad without an Italian document", () => {
  for (const day of ["2021-10-01", "2026-03-02", "2099-12-31"]) {
    it(`on ${day} lets only residents abroad without an Italian document claim and use a PIN`, () => {
      for (const f of EVERYONE) {
        const expected = f.residentAbroad && !f.italianIdOnFile;
        assert.equal(mayClaimNewPin(day, f), expected, JSON.stringify(f));
        assert.equal(mayUseExistingPin(day, f), expected, JSON.stringify(f));
      }
    });
  }
});

describe("eligibility: the policy is dated data", () => {
  it("has three periods in date order starting on 2020-10-01 and 2021-10-01", () => {
    assert.deepEqual(
      PIN_POLICY.map((p) => p.from),
      ["0000-01-01", "2020-10-01", "2021-10-01"],
    );
    assert.equal(policyOn("2020-09-30"), PIN_POLICY[0]);
    assert.equal(policyOn("2020-10-01"), PIN_POLICY[1]);
    assert.equal(policyOn("2021-09-30"), PIN_POLICY[1]);
    assert.equal(policyOn("2021-10-01"), PIN_POLICY[2]);
  });

  it("changes only at the two boundaries, for any day and any holder (property)", () => {
    const day = fc
      .date({
        min: new Date("1990-01-01T00:00:00Z"),
        max: new Date("2040-12-31T00:00:00Z"),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.constantFrom(...EVERYONE), (d, f) => {
        const before = d < "2020-10-01";
        const transition = d >= "2020-10-01" && d < "2021-10-01";
        const expectedClaim =
          before || (transition ? !f.italianIdOnFile : f.residentAbroad && !f.italianIdOnFile);
        const expectedUse = before || transition || (f.residentAbroad && !f.italianIdOnFile);
        return mayClaimNewPin(d, f) === expectedClaim && mayUseExistingPin(d, f) === expectedUse;
      }),
    );
  });

  it("reads another calendar when given one", () => {
    const custom: PolicyPeriod[] = [
      {
        from: "0000-01-01",
        newPins: "resident_abroad_without_italian_id",
        existingPins: "everyone",
      },
      { from: "2030-01-01", newPins: "everyone", existingPins: "everyone" },
    ];
    assert.equal(policyOn("2029-12-31", custom).newPins, "resident_abroad_without_italian_id");
    assert.equal(policyOn("2030-01-01", custom).newPins, "everyone");
  });
});

describe("romeDate: policy days start at midnight in Rome", () => {
  it("turns to the next day at 22:00 UTC in summer (CEST, UTC+2)", () => {
    assert.equal(romeDate(new Date("2021-09-30T21:59:59.999Z")), "2021-09-30");
    assert.equal(romeDate(new Date("2021-09-30T22:00:00.000Z")), "2021-10-01");
    assert.equal(romeDate(new Date("2021-09-30T22:30:00Z")), "2021-10-01");
  });

  it("turns to the next day at 23:00 UTC in winter (CET, UTC+1)", () => {
    assert.equal(romeDate(new Date("2020-12-31T22:59:59.999Z")), "2020-12-31");
    assert.equal(romeDate(new Date("2020-12-31T23:30:00Z")), "2021-01-01");
  });

  it("handles the nights the clocks change", () => {
    // 2021-03-28: 02:00 CET → 03:00 CEST. 2020-10-25: 03:00 CEST → 02:00 CET.
    assert.equal(romeDate(new Date("2021-03-27T22:59:59Z")), "2021-03-27");
    assert.equal(romeDate(new Date("2021-03-27T23:00:00Z")), "2021-03-28");
    assert.equal(romeDate(new Date("2021-03-28T21:59:59Z")), "2021-03-28");
    assert.equal(romeDate(new Date("2021-03-28T22:00:00Z")), "2021-03-29");
    assert.equal(romeDate(new Date("2020-10-24T21:59:59Z")), "2020-10-24");
    assert.equal(romeDate(new Date("2020-10-24T22:00:00Z")), "2020-10-25");
    assert.equal(romeDate(new Date("2020-10-25T22:59:59Z")), "2020-10-25");
    assert.equal(romeDate(new Date("2020-10-25T23:00:00Z")), "2020-10-26");
  });

  it("makes the 2021-10-01 cut at Italian midnight, not UTC midnight", () => {
    // A resident of Italy without an Italian document could claim during the transition only.
    const lastMinute = new Date("2021-09-30T21:59:00Z");
    const halfPastMidnightInRome = new Date("2021-09-30T22:30:00Z");
    assert.equal(mayClaimNewPin(romeDate(lastMinute), inItalyNoItalianId), true);
    assert.equal(mayClaimNewPin(romeDate(halfPastMidnightInRome), inItalyNoItalianId), false);
  });

  it("makes the 2020-10-01 cut at Italian midnight (summer time)", () => {
    assert.equal(
      mayClaimNewPin(romeDate(new Date("2020-09-30T21:59:59Z")), abroadWithItalianId),
      true,
    );
    assert.equal(
      mayClaimNewPin(romeDate(new Date("2020-09-30T22:00:00Z")), abroadWithItalianId),
      false,
    );
  });

  it("formats as YYYY-MM-DD whatever the process locale (property)", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1900-01-01T00:00:00Z"),
          max: new Date("2200-01-01T00:00:00Z"),
          noInvalidDate: true,
        }),
        (d) => {
          const r = romeDate(d);
          assert.match(r, /^\d{4}-\d{2}-\d{2}$/u);
          // Rome is between UTC+0:50 (LMT before 1893, not in range) and UTC+2: same or next UTC day.
          const utc = d.toISOString().slice(0, 10);
          const next = new Date(d.getTime() + 86_400_000).toISOString().slice(0, 10);
          assert.ok(r === utc || r === next, `${d.toISOString()} → ${r}`);
        },
      ),
    );
  });
});

/** The delegation rules (domain/delegations.ts): forms and their documents, a minor's end. */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  delegationStatus,
  eighteenthBirthday,
  isMinorOn,
  minorEndDate,
  REQUIRED_DOCUMENTS,
} from "../../src/domain/delegations.ts";

describe("delegations", () => {
  it("requires the seed's documents for each form", () => {
    assert.deepEqual(REQUIRED_DOCUMENTS.AA08, ["signed_form", "delegator_id_copy"]);
    assert.deepEqual(REQUIRED_DOCUMENTS.AA09, [
      "signed_form",
      "health_certificate",
      "delegator_id_original",
      "delegate_id_copy",
    ]);
    assert.deepEqual(REQUIRED_DOCUMENTS.AA10, [
      "signed_form",
      "applicant_id_copy",
      "authority_proof",
    ]);
  });

  it("ends a minor's delegation the day before the 18th birthday, at the latest", () => {
    assert.equal(eighteenthBirthday("2015-06-10"), "2033-06-10");
    assert.equal(minorEndDate("2015-06-10", null), "2033-06-09");
    assert.equal(minorEndDate("2015-06-10", "2040-01-01"), "2033-06-09");
    assert.equal(minorEndDate("2015-06-10", "2030-01-01"), "2030-01-01");
    // Born on 29 February: 18 on 1 March of a common year.
    assert.equal(eighteenthBirthday("2012-02-29"), "2030-03-01");
    assert.equal(minorEndDate("2012-02-29", null), "2030-02-28");
  });

  it("tells a minor from an adult on a date", () => {
    assert.equal(isMinorOn("2008-03-02", "2026-03-01"), true);
    assert.equal(isMinorOn("2008-03-02", "2026-03-02"), false);
  });

  it("derives the status from the dates and the ending", () => {
    const d = { startDate: "2026-03-10", endDate: "2026-12-31", endedAt: null };
    assert.equal(delegationStatus(d, "2026-03-09"), "scheduled");
    assert.equal(delegationStatus(d, "2026-03-10"), "active");
    assert.equal(delegationStatus(d, "2026-12-31"), "active");
    assert.equal(delegationStatus(d, "2027-01-01"), "expired");
    assert.equal(delegationStatus({ ...d, endedAt: new Date() }, "2026-06-01"), "ended");
  });
});

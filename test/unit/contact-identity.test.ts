/** The caller's identity check: what must match, and the health card that the fiscal code cannot give. */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { checkIdentityAnswers, type IdentityFacts } from "../../src/domain/contact-identity.ts";

const residence = {
  line1: "Avenida Corrientes 1234",
  city: "Buenos Aires",
  postalCode: "C1043",
  country: "AR" as const,
};
const person: IdentityFacts = {
  birthDate: "1950-02-17",
  birthPlaceCode: "Z600",
  residence,
  healthCard: { number: "80380000000000000001", expiry: "2030-01-01" },
};
const answers = { birthDate: "1950-02-17", birthPlace: "Argentina", address: residence };

describe("identity check of a caller", () => {
  it("passes when every question matches, the health card on file included", () => {
    const r = checkIdentityAnswers(
      { ...answers, healthCardNumber: "80380000000000000001" },
      person,
    );
    assert.equal(r.passed, true);
    assert.ok(r.questions.includes("health_card"));
  });

  it("fails without the health card when one is on file: birth date and place are in the fiscal code", () => {
    assert.equal(checkIdentityAnswers(answers, person).passed, false);
  });

  it("fails on a health card given for a person without one on file", () => {
    const noCard: IdentityFacts = { ...person, healthCard: undefined };
    assert.equal(checkIdentityAnswers(answers, noCard).passed, true);
    const r = checkIdentityAnswers(
      { ...answers, healthCardNumber: "80380000000000000001" },
      noCard,
    );
    assert.equal(r.passed, false);
  });

  it("fails for a wrong address or a person not on file", () => {
    const moved = { ...answers, address: { ...residence, line1: "Calle Florida 1" } };
    assert.equal(
      checkIdentityAnswers({ ...moved, healthCardNumber: "80380000000000000001" }, person).passed,
      false,
    );
    assert.equal(checkIdentityAnswers(answers, null).passed, false);
  });
});

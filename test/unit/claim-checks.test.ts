import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  birthPlaceMatches,
  checkClaim,
  type ArchiveFacts,
  type CheckReason,
  type DeclaredIdentity,
} from "../../src/domain/claim-checks.ts";
import type { PostalAddress } from "../../src/domain/archive.ts";

const TODAY = "2026-03-02";

const BUENOS_AIRES: PostalAddress = {
  line1: "Avenida Corrientes 1234",
  line2: "Piso 5",
  city: "Buenos Aires",
  postalCode: "C1043AAZ",
  country: "AR",
};

/** An archive person born in Forlì (D704), living in Buenos Aires, no Italian document. */
function person(overrides: Partial<ArchiveFacts> = {}): ArchiveFacts {
  return {
    surname: "D'ANGELO",
    givenNames: "JOSÉ MARÍA",
    sex: "M",
    birthDate: "1950-02-17",
    birthPlaceCode: "D704",
    residence: { ...BUENOS_AIRES },
    italianIdOnFile: false,
    ...overrides,
  };
}

/** What that person declares, matching the archive. */
function declared(overrides: Partial<DeclaredIdentity> = {}): DeclaredIdentity {
  return {
    surname: "D'Angelo",
    givenNames: "José María",
    sex: "M",
    birthDate: "1950-02-17",
    birthCountry: "IT",
    birthMunicipality: "Forlì",
    residence: { ...BUENOS_AIRES },
    ...overrides,
  };
}

function reasons(d: DeclaredIdentity, p: ArchiveFacts | null, today = TODAY): CheckReason[] {
  return checkClaim(d, p, today);
}

describe("claim checks: a matching claim", () => {
  it("passes with no reasons, so the PIN is issued at once", () => {
    assert.deepEqual(reasons(declared(), person()), []);
  });
});

describe("claim checks: each failure reason on its own", () => {
  it("fiscal_code_unknown when the archive has nobody with the code", () => {
    assert.deepEqual(reasons(declared(), null), ["fiscal_code_unknown"]);
  });

  it("surname_mismatch", () => {
    assert.deepEqual(reasons(declared({ surname: "De Angelis" }), person()), ["surname_mismatch"]);
  });

  it("given_names_mismatch", () => {
    assert.deepEqual(reasons(declared({ givenNames: "José" }), person()), ["given_names_mismatch"]);
  });

  it("sex_mismatch", () => {
    assert.deepEqual(reasons(declared({ sex: "F" }), person()), ["sex_mismatch"]);
  });

  it("birth_date_mismatch", () => {
    assert.deepEqual(reasons(declared({ birthDate: "1950-02-18" }), person()), [
      "birth_date_mismatch",
    ]);
  });

  it("birth_place_mismatch for another Italian municipality", () => {
    assert.deepEqual(reasons(declared({ birthMunicipality: "Forlimpopoli" }), person()), [
      "birth_place_mismatch",
    ]);
  });

  it("birth_place_mismatch for a foreign birth when the archive says an Italian municipality", () => {
    assert.deepEqual(
      reasons(declared({ birthCountry: "AR", birthMunicipality: undefined }), person()),
      ["birth_place_mismatch"],
    );
  });

  it("residence_mismatch for another street, city, postal code or country abroad", () => {
    const cases: PostalAddress[] = [
      { ...BUENOS_AIRES, line1: "Avenida Corrientes 1235" },
      { ...BUENOS_AIRES, city: "Rosario" },
      { ...BUENOS_AIRES, postalCode: "C1044AAZ" },
      { line1: "Hauptstraße 5", city: "Berlin", postalCode: "10115", country: "DE" },
    ];
    for (const residence of cases) {
      assert.deepEqual(
        reasons(declared({ residence }), person()),
        ["residence_mismatch"],
        JSON.stringify(residence),
      );
    }
  });

  it("residence_in_italy_on_file when the archive places the person in Italy (and today's policy refuses them)", () => {
    const inRome: PostalAddress = {
      line1: "Via Roma 1",
      city: "Roma",
      postalCode: "00184",
      country: "IT",
    };
    assert.deepEqual(reasons(declared(), person({ residence: inRome })), [
      "residence_in_italy_on_file",
      "not_eligible_on_date",
    ]);
  });

  it("italian_id_on_file when an Italian identity document is recorded (and today's policy refuses them)", () => {
    assert.deepEqual(reasons(declared(), person({ italianIdOnFile: true })), [
      "italian_id_on_file",
      "not_eligible_on_date",
    ]);
  });

  it("not_eligible_on_date follows the calendar: the same person could claim before 2020-10-01", () => {
    assert.deepEqual(reasons(declared(), person({ italianIdOnFile: true }), "2020-09-30"), [
      "italian_id_on_file",
    ]);
    assert.deepEqual(reasons(declared(), person({ italianIdOnFile: true }), "2020-10-01"), [
      "italian_id_on_file",
      "not_eligible_on_date",
    ]);
  });

  it("lists every reason when several checks fail", () => {
    assert.deepEqual(
      reasons(
        declared({
          surname: "Rossi",
          givenNames: "Mario",
          sex: "F",
          birthDate: "1960-01-01",
          birthMunicipality: "Roma",
        }),
        person(),
      ),
      [
        "surname_mismatch",
        "given_names_mismatch",
        "sex_mismatch",
        "birth_date_mismatch",
        "birth_place_mismatch",
      ],
    );
  });
});

describe("claim checks: names are compared case and accent insensitively", () => {
  it("matches whatever the case, accents, apostrophe style and spacing", () => {
    const variants: [string, string][] = [
      ["d'angelo", "jose maria"],
      ["D’ANGELO", "JOSE MARIA"],
      ["D'Àngelo", "Jose  María"],
      ["  d'angelo ", "JOSÉ MARÍA"],
    ];
    for (const [surname, givenNames] of variants) {
      assert.deepEqual(
        reasons(declared({ surname, givenNames }), person()),
        [],
        `${surname} / ${givenNames}`,
      );
    }
  });

  it("matches German and Nordic letters folded the usual way", () => {
    const p = person({ surname: "MÜLLER-STRAßE", givenNames: "BJØRN" });
    assert.deepEqual(reasons(declared({ surname: "Muller-Strasse", givenNames: "Bjorn" }), p), []);
  });

  it("still tells different names apart (property: upper/lower-casing never changes the outcome)", () => {
    const name = fc.stringMatching(/^[A-Za-zÀ-ÖØ-öø-ÿ' -]{1,20}$/u);
    fc.assert(
      fc.property(name, name, (a, b) => {
        const p = person({ surname: a.toUpperCase() });
        const same = reasons(declared({ surname: a.toLowerCase() }), p).includes(
          "surname_mismatch",
        );
        assert.equal(same, false, `${a} should match itself in any case`);
        const other = reasons(declared({ surname: b }), p).includes("surname_mismatch");
        const other2 = reasons(declared({ surname: b.toUpperCase() }), p).includes(
          "surname_mismatch",
        );
        assert.equal(other, other2);
      }),
    );
  });
});

describe("claim checks: birth place", () => {
  it("matches an Italian municipality by name, ignoring case and accents", () => {
    for (const name of ["Forlì", "FORLI", "forli'", " Forlì "]) {
      assert.equal(birthPlaceMatches(declared({ birthMunicipality: name }), "D704"), true, name);
    }
    assert.equal(birthPlaceMatches(declared({ birthMunicipality: "L'Aquila" }), "A345"), true);
    assert.equal(birthPlaceMatches(declared({ birthMunicipality: "l’aquila" }), "A345"), true);
    assert.equal(birthPlaceMatches(declared({ birthMunicipality: "Torino" }), "L219"), true);
  });

  it("refuses another municipality, a missing one, or an Italian birth against a foreign code", () => {
    assert.equal(
      birthPlaceMatches(declared({ birthMunicipality: "Forlì del Sannio" }), "D704"),
      false,
    );
    assert.equal(birthPlaceMatches(declared({ birthMunicipality: undefined }), "D704"), false);
    assert.equal(birthPlaceMatches(declared({ birthMunicipality: "Buenos Aires" }), "Z600"), false);
    assert.equal(birthPlaceMatches(declared({ birthMunicipality: "Nowhere" }), "X999"), false);
  });

  it("matches a foreign birth by country: the archive's Z code is the country's", () => {
    const abroad = (birthCountry: string) =>
      declared({ birthCountry, birthMunicipality: undefined });
    assert.equal(birthPlaceMatches(abroad("AR"), "Z600"), true);
    assert.equal(birthPlaceMatches(abroad("DE"), "Z112"), true);
    assert.equal(birthPlaceMatches(abroad("US"), "Z404"), true);
    assert.equal(birthPlaceMatches(abroad("DE"), "Z600"), false);
    assert.equal(birthPlaceMatches(abroad("AR"), "D704"), false);
  });

  it("ignores a municipality typed for a foreign birth", () => {
    assert.equal(
      birthPlaceMatches(declared({ birthCountry: "AR", birthMunicipality: "Forlì" }), "Z600"),
      true,
    );
  });

  it("passes a whole claim by someone born abroad", () => {
    const p = person({ birthPlaceCode: "Z600" });
    assert.deepEqual(
      reasons(declared({ birthCountry: "AR", birthMunicipality: undefined }), p),
      [],
    );
  });
});

describe("claim checks: residence", () => {
  it("matches the address on file once normalised (abbreviations, case, postal code format)", () => {
    const residence: PostalAddress = {
      line1: "av. corrientes 1234",
      line2: "piso 5",
      city: "BUENOS AIRES",
      postalCode: "c1043aaz",
      country: "AR",
    };
    assert.deepEqual(reasons(declared({ residence }), person()), []);
  });
});

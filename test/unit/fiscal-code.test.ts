import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  encodeFiscalCode,
  fiscalCodeCheckCharacter,
  givenNameCode,
  normalizeFiscalCode,
  omocodeVariant,
  parseFiscalCode,
  surnameCode,
  canonicalFiscalCode,
  OMOCODE_POSITIONS,
} from "../../src/domain/fiscal-code.ts";
import type { FiscalCodeError } from "../../src/domain/fiscal-code.ts";
import {
  belfioreCodeForCountry,
  listBelfiorePlaces,
  lookupBelfiore,
} from "../../src/domain/belfiore.ts";

const TODAY = "2026-01-01";

function errorOf(code: string, today = TODAY): FiscalCodeError | undefined {
  const r = parseFiscalCode(code, today);
  return r.ok ? undefined : r.error;
}

function valueOf(code: string, today = TODAY) {
  const r = parseFiscalCode(code, today);
  assert.ok(r.ok, `${code} should be valid, got ${r.ok ? "" : r.error}`);
  return r.value;
}

/** Appends the right check character to a 15-character body. */
function withCheck(body: string): string {
  return body + fiscalCodeCheckCharacter(body);
}

describe("fiscal code: public vectors", () => {
  it("accepts the published examples", () => {
    assert.deepEqual(valueOf("CCCFBA85D03L219P"), {
      code: "CCCFBA85D03L219P",
      canonical: "CCCFBA85D03L219P",
      sex: "M",
      birthDate: "1985-04-03",
      birthPlaceCode: "L219",
      omocode: false,
    });
    const rossi = valueOf("RSSMRA50B17A558W");
    assert.equal(rossi.birthDate, "1950-02-17");
    assert.equal(rossi.birthPlaceCode, "A558");
    const abroad = valueOf("THDSDA95P08Z330H");
    assert.equal(abroad.birthDate, "1995-09-08");
    assert.equal(abroad.birthPlaceCode, "Z330");
    assert.equal(lookupBelfiore(abroad.birthPlaceCode)?.iso2, "MA");
  });

  it("rejects a wrong check character", () => {
    assert.equal(errorOf("CCCFBA85D03L219B"), "check_character");
  });

  it("normalises spaces and case", () => {
    assert.equal(normalizeFiscalCode("  cccfba 85d03 l219p\t"), "CCCFBA85D03L219P");
    assert.equal(valueOf(" cccfba85d03 L219p ").code, "CCCFBA85D03L219P");
  });
});

describe("fiscal code: structural errors", () => {
  it("reports length", () => {
    assert.equal(errorOf(""), "length");
    assert.equal(errorOf("CCCFBA85D03L219"), "length");
    assert.equal(errorOf("CCCFBA85D03L219PX"), "length");
  });

  it("reports format", () => {
    assert.equal(errorOf("CCCFBA85D03L21-P"), "format");
    assert.equal(errorOf("1CCFBA85D03L219P"), "format");
    assert.equal(errorOf("CCCFBA85Z03L219P"), "format"); // Z is no month letter
    assert.equal(errorOf("CCCFBA85D03L2A9P"), "format"); // A is no omocodia letter
  });

  it("requires omocodia to replace digits from the right", () => {
    // Position 6 replaced while the place digits are still digits.
    assert.equal(errorOf(withCheck("RSSMRAR0B17A558")), "format");
    assert.equal(errorOf(withCheck("RSSMRA50B17A55T")) === undefined, true);
  });

  it("checks that the date exists", () => {
    assert.equal(errorOf(withCheck("RSSMRA80D31H501")), "birth_date"); // 31 April
    assert.equal(errorOf(withCheck("RSSMRA81B29H501")), "birth_date"); // 1981 not leap
    assert.equal(valueOf(withCheck("RSSMRA80B29H501")).birthDate, "1980-02-29");
    assert.equal(valueOf(withCheck("RSSMRA00B29H501")).birthDate, "2000-02-29");
    assert.equal(errorOf(withCheck("RSSMRA80A00H501")), "birth_date");
    assert.equal(errorOf(withCheck("RSSMRA80A32H501")), "birth_date");
    assert.equal(errorOf(withCheck("RSSMRA80A40H501")), "birth_date");
    assert.equal(errorOf(withCheck("RSSMRA80A72H501")), "birth_date");
    assert.equal(errorOf(withCheck("RSSMRA80A99H501")), "birth_date");
  });

  it("reads women's days (+40)", () => {
    const v = valueOf(withCheck("BNCLRA80A41H501"));
    assert.equal(v.sex, "F");
    assert.equal(v.birthDate, "1980-01-01");
    assert.equal(valueOf(withCheck("BNCLRA80A71H501")).birthDate, "1980-01-31");
  });

  it("resolves the century against today", () => {
    assert.equal(valueOf(withCheck("RSSMRA25A01H501")).birthDate, "2025-01-01");
    assert.equal(valueOf(withCheck("RSSMRA26A01H501")).birthDate, "2026-01-01");
    assert.equal(valueOf(withCheck("RSSMRA26A02H501")).birthDate, "1926-01-02");
    assert.equal(valueOf(withCheck("RSSMRA30A01H501")).birthDate, "1930-01-01");
    assert.equal(valueOf(withCheck("RSSMRA30A01H501"), "2031-06-01").birthDate, "2030-01-01");
  });

  it("checks the birth place exists, ceased places included", () => {
    assert.equal(errorOf(withCheck("RSSMRA80A01Z999")), "birth_place");
    assert.equal(errorOf(withCheck("RSSMRA80A01A000")), "birth_place");
    // Porretta Terme (A558) merged into Alto Reno Terme in 2016; its code stays valid.
    assert.equal(lookupBelfiore("A558")?.ceased, "2016-01-01");
    assert.equal(valueOf(withCheck("RSSMRA80A01A558")).birthPlaceCode, "A558");
  });
});

describe("fiscal code: encoding", () => {
  it("encodes surnames", () => {
    assert.equal(surnameCode("Rossi"), "RSS");
    assert.equal(surnameCode("D'Angelo"), "DNG");
    assert.equal(surnameCode("De Luca"), "DLC");
    assert.equal(surnameCode("Fo"), "FOX");
    assert.equal(surnameCode("Ai"), "AIX");
    assert.equal(surnameCode("O"), "OXX");
    assert.equal(surnameCode("Hu"), "HUX");
    assert.equal(surnameCode("Bianchi-Müller"), "BNC");
    assert.equal(surnameCode("Ëa"), "EAX");
  });

  it("encodes given names with the 1st-3rd-4th consonant rule", () => {
    assert.equal(givenNameCode("Mario"), "MRA");
    assert.equal(givenNameCode("Gianfranco"), "GFR");
    assert.equal(givenNameCode("Maria Cristina"), "MCR");
    assert.equal(givenNameCode("Niccolò"), "NCL");
    assert.equal(givenNameCode("Luca"), "LCU");
    assert.equal(givenNameCode("Ugo"), "GUO");
    assert.equal(givenNameCode("Li"), "LIX");
    assert.equal(givenNameCode("Fabrizio"), "FRZ");
  });

  it("produces the published vectors", () => {
    assert.equal(
      encodeFiscalCode({
        surname: "Rossi",
        givenNames: "Mario",
        sex: "M",
        birthDate: "1950-02-17",
        birthPlaceCode: "A558",
      }),
      "RSSMRA50B17A558W",
    );
    const woman = encodeFiscalCode({
      surname: "Bianchi",
      givenNames: "Laura",
      sex: "F",
      birthDate: "1980-01-05",
      birthPlaceCode: "h501",
    });
    assert.equal(woman.slice(0, 15), "BNCLRA80A45H501");
  });

  it("rejects impossible input", () => {
    const base = {
      surname: "Rossi",
      givenNames: "Mario",
      sex: "M" as const,
      birthPlaceCode: "H501",
    };
    assert.throws(() => encodeFiscalCode({ ...base, birthDate: "1981-02-29" }), RangeError);
    assert.throws(() => encodeFiscalCode({ ...base, birthDate: "1981-2-1" }), RangeError);
    assert.throws(
      () => encodeFiscalCode({ ...base, birthDate: "1981-01-01", birthPlaceCode: "H5O1" }),
      RangeError,
    );
    assert.throws(() => fiscalCodeCheckCharacter("short"), RangeError);
  });
});

describe("fiscal code: omocodia", () => {
  it("builds variants level by level", () => {
    assert.equal(omocodeVariant("RSSMRA50B17A558W", 0), "RSSMRA50B17A558W");
    const one = omocodeVariant("RSSMRA50B17A558W", 1);
    assert.equal(one.slice(0, 15), "RSSMRA50B17A55U");
    const seven = omocodeVariant("RSSMRA50B17A558W", 7);
    assert.equal(seven.slice(0, 15), "RSSMRARLBMTARRU");
    assert.equal(canonicalFiscalCode(seven), "RSSMRA50B17A558W");
    assert.equal(omocodeVariant(seven, 2), omocodeVariant("RSSMRA50B17A558W", 2));
    const v = valueOf(seven);
    assert.equal(v.omocode, true);
    assert.equal(v.canonical, "RSSMRA50B17A558W");
    assert.equal(v.code, seven);
    assert.throws(() => omocodeVariant("RSSMRA50B17A558W", 8), RangeError);
    assert.throws(() => omocodeVariant("nonsense", 1), RangeError);
  });

  it("has seven substitutable positions", () => {
    assert.deepEqual(
      [...OMOCODE_POSITIONS].sort((a, b) => a - b),
      [6, 7, 9, 10, 12, 13, 14],
    );
  });
});

describe("belfiore", () => {
  it("maps ISO countries to Z codes", () => {
    const expected: Record<string, string> = {
      AR: "Z600",
      MA: "Z330",
      DE: "Z112",
      US: "Z404",
      BR: "Z602",
      CH: "Z133",
      GB: "Z114",
      AU: "Z700",
      CA: "Z401",
      VE: "Z614",
      UY: "Z613",
      FR: "Z110",
      BE: "Z103",
    };
    for (const [iso, code] of Object.entries(expected)) {
      assert.equal(belfioreCodeForCountry(iso), code, iso);
      assert.equal(lookupBelfiore(code)?.iso2, iso);
      assert.equal(lookupBelfiore(code)?.kind, "country");
    }
    assert.equal(belfioreCodeForCountry("gb"), "Z114");
    assert.equal(belfioreCodeForCountry("IT"), undefined);
  });

  it("covers the main countries of Italian emigration", () => {
    const iso =
      "AR BR DE CH FR BE GB US CA AU VE UY ES NL AT CL PE ZA LU SE MX CO MA IE DK NO PT PY EC DO CR IL AE CN JP PL RO HR SI TN EG NZ GR TR IN RU SG HU CZ";
    for (const c of iso.split(" ")) assert.ok(belfioreCodeForCountry(c), c);
  });

  it("knows municipalities, ceased ones too", () => {
    assert.deepEqual(lookupBelfiore("l219"), {
      code: "L219",
      name: "Torino",
      kind: "municipality",
      province: "TO",
    });
    assert.equal(lookupBelfiore("H501")?.name, "Roma");
    assert.equal(lookupBelfiore("Z105")?.ceased, "1993-01-01"); // Czechoslovakia
    const places = listBelfiorePlaces();
    assert.ok(
      places.filter((p) => p.kind === "municipality" && p.ceased === undefined).length > 7800,
    );
    assert.ok(places.filter((p) => p.kind === "country").length > 200);
    assert.equal(new Set(places.map((p) => p.code)).size, places.length);
  });
});

// Property tests.

const today = TODAY;
const placeCodes = listBelfiorePlaces().map((p) => p.code);
const nameArb = fc.oneof(
  fc.string({ minLength: 0, maxLength: 20 }),
  fc.constantFrom(
    "D'Angelo",
    "Niccolò",
    "De Santis",
    "Lo Iacono",
    "Öztürk",
    "Ng",
    "O",
    "Müller-Lüdenscheidt",
    "Zoë",
  ),
);
const dateArb = fc
  .date({
    min: new Date("1926-01-02T00:00:00Z"),
    max: new Date(`${today}T00:00:00Z`),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const personArb = fc.record({
  surname: nameArb,
  givenNames: nameArb,
  sex: fc.constantFrom("M" as const, "F" as const),
  birthDate: dateArb,
  birthPlaceCode: fc.constantFrom(...placeCodes),
});
const validCodeArb = fc
  .tuple(personArb, fc.integer({ min: 0, max: 7 }))
  .map(([p, level]) => omocodeVariant(encodeFiscalCode(p), level));

describe("fiscal code: properties", () => {
  it("encode -> parse round-trips", () => {
    fc.assert(
      fc.property(personArb, (p) => {
        const code = encodeFiscalCode(p);
        const v = valueOf(code);
        assert.equal(v.canonical, code);
        assert.equal(v.sex, p.sex);
        assert.equal(v.birthDate, p.birthDate);
        assert.equal(v.birthPlaceCode, p.birthPlaceCode);
        assert.equal(v.omocode, false);
        assert.equal(code.slice(0, 3), surnameCode(p.surname));
        assert.equal(code.slice(3, 6), givenNameCode(p.givenNames));
      }),
      { numRuns: 500 },
    );
  });

  it("every omocode variant parses to the same person", () => {
    fc.assert(
      fc.property(personArb, (p) => {
        const canonical = encodeFiscalCode(p);
        const seen = new Set<string>();
        for (let level = 0; level <= 7; level++) {
          const variant = omocodeVariant(canonical, level);
          seen.add(variant);
          const v = valueOf(variant);
          assert.equal(v.canonical, canonical);
          assert.equal(v.sex, p.sex);
          assert.equal(v.birthDate, p.birthDate);
          assert.equal(v.birthPlaceCode, p.birthPlaceCode);
          assert.equal(v.omocode, level > 0);
        }
        assert.equal(seen.size, 8);
      }),
      { numRuns: 200 },
    );
  });

  it("rejects any single-character change", () => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".split("");
    fc.assert(
      fc.property(
        validCodeArb,
        fc.integer({ min: 0, max: 15 }),
        fc.constantFrom(...alphabet),
        (code, pos, ch) => {
          fc.pre(code.charAt(pos) !== ch);
          const changed = code.slice(0, pos) + ch + code.slice(pos + 1);
          assert.equal(parseFiscalCode(changed, today).ok, false, `${code} -> ${changed}`);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("never throws on random input", () => {
    const fcChars = fc.constantFrom(..."ABCDEHLMPRSTUVXZ0123456789 a".split(""));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: "grapheme" }),
          fc.string({ unit: fcChars, minLength: 14, maxLength: 18 }),
        ),
        fc.oneof(fc.constant(today), fc.string()),
        (s, t) => {
          const r = parseFiscalCode(s, t);
          assert.equal(typeof r.ok, "boolean");
        },
      ),
      { numRuns: 2000 },
    );
  });
});

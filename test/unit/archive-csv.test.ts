import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { ARCHIVE_CSV_COLUMNS, parseArchiveCsv, readCsvRecords } from "../../src/archive/csv.ts";

const TODAY = "2026-01-01";
const HEADER = ARCHIVE_CSV_COLUMNS.join(",");
const fixture = readFileSync(new URL("../fixtures/archive-sample.csv", import.meta.url), "utf8");

/** A valid row; `over` replaces columns by name. */
function row(over: Partial<Record<(typeof ARCHIVE_CSV_COLUMNS)[number], string>> = {}): string {
  const base: Record<(typeof ARCHIVE_CSV_COLUMNS)[number], string> = {
    fiscal_code: "BNCLRA80A45H501Q",
    surname: "Bianchi",
    given_names: "Laura",
    sex: "F",
    birth_date: "1980-01-05",
    birth_place_code: "H501",
    residence_line1: "Königstraße 12",
    residence_line2: "",
    residence_city: "Stuttgart",
    residence_region: "",
    residence_postal_code: "70173",
    residence_country: "DE",
    italian_id_on_file: "false",
    health_card_number: "",
    health_card_expiry: "",
    mobile: "+4915123456789",
    email: "laura.bianchi@example.net",
    pec: "",
  };
  const merged = { ...base, ...over };
  return ARCHIVE_CSV_COLUMNS.map((c) => merged[c]).join(",");
}

function parse(...rows: string[]) {
  return parseArchiveCsv([HEADER, ...rows].join("\n"), TODAY);
}

describe("archive CSV: fixture", () => {
  const result = parseArchiveCsv(fixture, TODAY);

  it("keeps the good rows", () => {
    assert.deepEqual(
      result.people.map((p) => p.fiscalCode),
      [
        "RSSMRA50B17A558W",
        "BNCLRA80A45H501Q",
        "DNGNCL72S30Z600K",
        "MLLNMR64H52F839T",
        "LPRGPP46C19G27PK",
      ],
    );
  });

  it("maps every column", () => {
    const [rossi, bianchi, dangelo, muller, lopresti] = result.people;
    assert.ok(rossi && bianchi && dangelo && muller && lopresti);
    assert.deepEqual(rossi, {
      fiscalCode: "RSSMRA50B17A558W",
      surname: "Rossi",
      givenNames: "Mario",
      sex: "M",
      birthDate: "1950-02-17",
      birthPlaceCode: "A558",
      residence: {
        line1: "Avenida Corrientes 1234",
        line2: "Piso 5, Depto. B",
        city: "Buenos Aires",
        region: "Ciudad Autónoma de Buenos Aires",
        postalCode: "C1043AAZ",
        country: "AR",
      },
      italianIdOnFile: false,
      healthCard: { number: "80380001200123456789", expiry: "2027-05-31" },
      mobile: "+5491145671234",
      email: "mario.rossi@example.com",
      contributions: [],
      pensionPayments: [],
    });
    assert.equal(bianchi.pec, "laura.bianchi@example.org");
    assert.equal(bianchi.residence.line2, undefined);
    assert.equal(dangelo.surname, "D'Angelo");
    assert.equal(dangelo.givenNames, "Niccolò");
    assert.equal(dangelo.residence.line1, "Rua Augusta, 500");
    assert.equal(dangelo.residence.line2, 'Edificio "La Torre", apto 42');
    assert.equal(dangelo.mobile, "+5511987654321");
    assert.equal(muller.italianIdOnFile, true);
    assert.equal(muller.mobile, undefined);
    assert.equal(lopresti.fiscalCode, "LPRGPP46C19G27PK"); // an omocode, kept as given
    assert.equal(lopresti.mobile, "+61412345678");
  });

  it("reports the bad rows with line and field", () => {
    const pairs = result.errors.map((e) => `${e.line}:${e.field ?? ""}`);
    assert.deepEqual(pairs, [
      "7:fiscal_code",
      "8:residence_postal_code",
      "8:italian_id_on_file",
      "8:mobile",
      "8:email",
      "9:fiscal_code",
    ]);
    assert.match(result.errors[0]?.message ?? "", /check character/);
    assert.match(result.errors[5]?.message ?? "", /duplicate of line 2/);
  });
});

describe("archive CSV: format", () => {
  it("accepts a BOM, LF or CRLF, and blank lines", () => {
    const lf = parse(
      row(),
      "",
      row({
        fiscal_code: "RSSMRA50B17A558W",
        surname: "Rossi",
        given_names: "Mario",
        sex: "M",
        birth_date: "1950-02-17",
        birth_place_code: "A558",
      }),
    );
    assert.equal(lf.errors.length, 0);
    assert.equal(lf.people.length, 2);
    const crlf = parseArchiveCsv("\uFEFF" + [HEADER, row()].join("\r\n") + "\r\n", TODAY);
    assert.deepEqual(crlf.errors, []);
    assert.deepEqual(crlf.people, parse(row()).people);
  });

  it("counts physical lines across quoted line breaks", () => {
    const multi = row({ residence_line2: '"Bloco B\nApto 12"' });
    const bad = row({ fiscal_code: "BNCLRA80A45H501B" });
    const r = parse(multi, bad, row({ residence_line2: '"Bloco B, Apto 12"' }));
    // An address line must be one line: the record is read, then rejected.
    assert.deepEqual(
      r.errors.map((e) => `${e.line}:${e.field ?? ""}:${e.message}`),
      [
        "2:residence_line2:contains control characters",
        "4:fiscal_code:fiscal code check character does not match",
      ],
    );
    assert.equal(r.people[0]?.residence.line2, "Bloco B, Apto 12");
  });

  it("accepts columns in any order and leaves out optional ones", () => {
    const text = [
      "residence_country,fiscal_code,surname,given_names,sex,birth_date,birth_place_code,residence_line1,residence_city,residence_postal_code",
      "DE,BNCLRA80A45H501Q,Bianchi,Laura,F,1980-01-05,H501,Königstraße 12,Stuttgart,70173",
    ].join("\n");
    const r = parseArchiveCsv(text, TODAY);
    assert.deepEqual(r.errors, []);
    const p = r.people[0];
    assert.ok(p);
    assert.equal(p.italianIdOnFile, false);
    assert.equal(p.mobile, undefined);
  });

  it("rejects a missing header, a missing column and a repeated column", () => {
    assert.deepEqual(parseArchiveCsv("", TODAY), {
      people: [],
      errors: [{ line: 1, message: "the file is empty: a header row is required" }],
    });
    const noHeader = parseArchiveCsv(row(), TODAY);
    assert.equal(noHeader.people.length, 0);
    assert.ok(noHeader.errors.some((e) => e.line === 1 && e.field === "fiscal_code"));
    const missing = parseArchiveCsv(HEADER.replace(",residence_city", "") + "\n" + row(), TODAY);
    assert.equal(missing.people.length, 0);
    assert.deepEqual(
      missing.errors.filter((e) => e.field === "residence_city").map((e) => e.line),
      [1],
    );
    const twice = parseArchiveCsv(HEADER + ",sex\n" + row() + ",F", TODAY);
    assert.equal(twice.people.length, 0);
  });

  it("ignores unknown columns with a warning", () => {
    const r = parseArchiveCsv(HEADER + ",notes\n" + row() + ",hello", TODAY);
    assert.equal(r.people.length, 1);
    assert.deepEqual(r.errors, [{ line: 1, field: "notes", message: "unknown column, ignored" }]);
  });

  it("reports wrong field counts and bad quoting", () => {
    const r = parse(
      "a,b,c",
      row().replace("Bianchi", 'Bian"chi'),
      row().replace("Bianchi", '"Bianchi"x'),
      row(),
    );
    assert.deepEqual(
      r.errors.map((e) => e.line),
      [2, 3, 4],
    );
    assert.match(r.errors[0]?.message ?? "", /expected 18 fields, found 3/);
    assert.equal(r.people.length, 1);
    const open = parse(row().replace("Bianchi", '"Bianchi'));
    assert.deepEqual(
      open.errors.map((e) => e.message),
      ["unterminated quoted field"],
    );
  });
});

describe("archive CSV: field validation", () => {
  function errorsOf(over: Parameters<typeof row>[0]): string[] {
    return parse(row(over)).errors.map((e) => `${e.field ?? ""}: ${e.message}`);
  }

  it("checks the data against the fiscal code", () => {
    assert.deepEqual(errorsOf({ birth_date: "1980-01-06" }), [
      "birth_date: does not match the fiscal code (1980-01-05)",
    ]);
    assert.deepEqual(errorsOf({ sex: "m" }), ["sex: does not match the fiscal code"]);
    assert.deepEqual(errorsOf({ birth_place_code: "F205" }), [
      "birth_place_code: does not match the fiscal code (H501)",
    ]);
    // Names are deliberately not compared with the code.
    assert.deepEqual(errorsOf({ surname: "Bianco" }), []);
  });

  it("checks each field", () => {
    assert.deepEqual(errorsOf({ fiscal_code: "" }), ["fiscal_code: is required"]);
    assert.deepEqual(errorsOf({ fiscal_code: "BNCLRA80A45H501" }), [
      "fiscal_code: fiscal code must have 16 characters",
    ]);
    assert.deepEqual(errorsOf({ surname: " " }), ["surname: is required"]);
    assert.deepEqual(errorsOf({ sex: "X" }), ['sex: must be M or F, got "X"']);
    assert.deepEqual(errorsOf({ birth_date: "1980-02-30" }), [
      'birth_date: must be a date YYYY-MM-DD, got "1980-02-30"',
    ]);
    assert.deepEqual(errorsOf({ birth_place_code: "Z999" }), [
      'birth_place_code: unknown Belfiore code "Z999"',
    ]);
    assert.deepEqual(errorsOf({ residence_country: "XX" }).length, 1);
    assert.deepEqual(errorsOf({ residence_country: "DEU" }).length, 1);
    assert.deepEqual(errorsOf({ residence_postal_code: "7017" }), [
      'residence_postal_code: "7017" is not a valid postal code for DE',
    ]);
    assert.deepEqual(errorsOf({ health_card_number: "80380001200123456789" }), [
      'health_card_expiry: must be a date YYYY-MM-DD, got ""',
    ]);
    assert.deepEqual(errorsOf({ health_card_number: "1234", health_card_expiry: "2030-01-01" }), [
      "health_card_number: must be 20 digits starting with 80380",
    ]);
    assert.deepEqual(errorsOf({ mobile: "+49 30 12345678" }), ["mobile: is not a mobile number"]);
    assert.deepEqual(errorsOf({ pec: "a@b" }), ['pec: "a@b" is not an e-mail address']);
    assert.deepEqual(errorsOf({ email: "two@@example.com" }).length, 1);
  });

  it("normalises values", () => {
    const r = parse(
      row({
        fiscal_code: "bnclra80a45 h501q",
        residence_country: "de",
        mobile: "0151 23456789",
        email: "Laura.Bianchi@EXAMPLE.NET",
        italian_id_on_file: "YES",
        birth_place_code: "h501",
      }),
    );
    assert.deepEqual(r.errors, []);
    const p = r.people[0];
    assert.ok(p);
    assert.equal(p.fiscalCode, "BNCLRA80A45H501Q");
    assert.equal(p.residence.country, "DE");
    assert.equal(p.mobile, "+4915123456789");
    assert.equal(p.email, "Laura.Bianchi@example.net");
    assert.equal(p.italianIdOnFile, true);
    assert.equal(p.birthPlaceCode, "H501");
  });

  it("keeps omocode variants as different people, rejects exact duplicates", () => {
    const r = parse(
      row(),
      row({ fiscal_code: "BNCLRA80A45H50MI" }),
      row({ fiscal_code: " bnclra80a45h501q " }),
    );
    assert.deepEqual(
      r.people.map((p) => p.fiscalCode),
      ["BNCLRA80A45H501Q", "BNCLRA80A45H50MI"],
    );
    assert.deepEqual(r.errors, [{ line: 4, field: "fiscal_code", message: "duplicate of line 2" }]);
  });
});

describe("archive CSV: properties", () => {
  it("reads back any table written with RFC 4180 quoting", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "b", ",", '"', "\n", "\r\n", " ", "é") });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom("\n", "\r\n"),
        (table, eol) => {
          const text = table
            .map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(","))
            .join(eol);
          const records = readCsvRecords(text);
          assert.deepEqual(
            records.map((r) => r.fields),
            table,
          );
          assert.ok(records.every((r) => r.error === undefined));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("never throws and reports lines inside the file", () => {
    const csvish = fc.string({
      unit: fc.constantFrom("a", "1", ",", '"', "\n", "\r", "\uFEFF", "-", "@", "+", "Z", "é"),
      maxLength: 300,
    });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          csvish,
          csvish.map((s) => HEADER + "\n" + s),
        ),
        (text) => {
          const r = parseArchiveCsv(text, TODAY);
          const lines = text.split(/\r\n|\r|\n/).length;
          for (const e of r.errors)
            assert.ok(e.line >= 1 && e.line <= lines, `${e.line} > ${lines}`);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("never throws on random rows under a valid header", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 18, maxLength: 18 }), (fields) => {
        const r = parse(fields.map((f) => `"${f.replace(/"/g, '""')}"`).join(","));
        assert.ok(r.people.length + r.errors.length >= 1);
      }),
      { numRuns: 500 },
    );
  });
});

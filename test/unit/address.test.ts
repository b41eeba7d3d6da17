import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  addressesMatch,
  countryName,
  formatPostalAddress,
  isCountryCode,
  isValidPostalCode,
  listCountries,
  normalizeForMatch,
  normalizePostalCode,
  postalCodeRequired,
} from "../../src/domain/address.ts";
import type { PostalAddress } from "../../src/domain/archive.ts";

const anyString = fc.string({ unit: "binary", maxLength: 60 });
const countryCodes = listCountries("en").map((c) => c.code);

describe("countries", () => {
  it("lists every ISO country, Italy included, sorted by localized name", () => {
    for (const lang of ["it", "en"] as const) {
      const list = listCountries(lang);
      assert.ok(list.length >= 249);
      assert.ok(list.some((c) => c.code === "IT"));
      assert.equal(new Set(list.map((c) => c.code)).size, list.length);
      const collator = new Intl.Collator(lang, { sensitivity: "base" });
      for (let i = 1; i < list.length; i++) {
        assert.ok(
          collator.compare(list[i - 1]!.name, list[i]!.name) <= 0,
          `${list[i - 1]!.name} / ${list[i]!.name}`,
        );
      }
      for (const c of list) assert.ok(isCountryCode(c.code), c.code);
    }
    assert.equal(listCountries("it").find((c) => c.code === "DE")?.name, "Germania");
  });

  it("names countries and recognises codes", () => {
    assert.equal(countryName("AR", "it"), "Argentina");
    assert.equal(countryName("DE", "en"), "Germany");
    assert.equal(countryName("de", "it"), "Germania");
    assert.equal(countryName("ZZ", "it"), "ZZ");
    assert.equal(isCountryCode("AU"), true);
    assert.equal(isCountryCode("au"), false);
    assert.equal(isCountryCode("ZZ"), false);
    assert.equal(isCountryCode("ITA"), false);
  });

  it("returns copies that callers may mutate", () => {
    const a = listCountries("it");
    a[0]!.name = "x";
    assert.notEqual(listCountries("it")[0]!.name, "x");
  });
});

describe("postal codes", () => {
  const cases: [string, string, string][] = [
    ["GB", "sw1a1aa", "SW1A 1AA"],
    ["GB", " SW1A  1AA ", "SW1A 1AA"],
    ["GB", "w85tt", "W8 5TT"],
    ["CA", "k1a0b1", "K1A 0B1"],
    ["BR", "01310100", "01310-100"],
    ["BR", "01310-100", "01310-100"],
    ["JP", "1000001", "100-0001"],
    ["PL", "00950", "00-950"],
    ["PT", "1000001", "1000-001"],
    ["NL", "1234ab", "1234 AB"],
    ["SE", "SE-12345", "123 45"],
    ["CZ", "11000", "110 00"],
    ["US", "123456789", "12345-6789"],
    ["US", "02110", "02110"],
    ["DE", "D-80331", "80331"],
    ["DE", " 80331 ", "80331"],
    ["CH", "CH-8001", "8001"],
    ["FR", "75 001", "75001"],
    ["LV", "1050", "LV-1050"],
    ["AR", "c1043aaz", "C1043AAZ"],
    ["AR", "1043", "1043"],
    ["IE", "d02x285", "D02 X285"],
    ["AU", "2000", "2000"],
    ["AE", "", ""],
  ];
  it("normalises to the canonical form", () => {
    for (const [country, input, expected] of cases) {
      assert.equal(normalizePostalCode(country, input), expected, `${country} ${input}`);
      assert.ok(isValidPostalCode(country, input), `${country} ${input} valid`);
    }
  });

  it("validates per country", () => {
    assert.equal(isValidPostalCode("DE", "8033"), false);
    assert.equal(isValidPostalCode("DE", ""), false);
    assert.equal(isValidPostalCode("GB", "12345"), false);
    assert.equal(isValidPostalCode("AR", "C1043"), true);
    assert.equal(isValidPostalCode("AR", "104"), false);
    assert.equal(isValidPostalCode("AU", "20000"), false);
    assert.equal(isValidPostalCode("ZZ", "12345"), false);
    assert.equal(isValidPostalCode("it", "00144"), true);
  });

  it("accepts an empty code for countries without postal codes", () => {
    for (const c of ["AE", "QA", "HK", "BO", "JM", "AO"]) {
      assert.equal(isValidPostalCode(c, ""), true, c);
      assert.equal(isValidPostalCode(c, "  "), true, c);
      assert.equal(postalCodeRequired(c), false, c);
      assert.equal(isValidPostalCode(c, "#!?"), false, c);
    }
    for (const c of ["DE", "AR", "AU", "GB", "US", "BR"])
      assert.equal(postalCodeRequired(c), true, c);
  });

  it("never throws and normalisation is idempotent (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...countryCodes, "ZZ", "", "x"), anyString, (country, input) => {
        const once = normalizePostalCode(country, input);
        assert.equal(normalizePostalCode(country, once), once);
        assert.equal(typeof isValidPostalCode(country, input), "boolean");
      }),
      { numRuns: 2000 },
    );
  });
});

describe("normalizeForMatch", () => {
  it("folds case, accents, apostrophes and punctuation", () => {
    assert.equal(normalizeForMatch("  L'Aquila "), "l aquila");
    assert.equal(normalizeForMatch("D’Alessandro"), "d alessandro");
    assert.equal(normalizeForMatch("GROSSE Straße"), "grosse strasse");
    assert.equal(normalizeForMatch("Ñandú,   José-María"), "nandu jose maria");
    assert.equal(normalizeForMatch("Łukasz Żółć"), "lukasz zolc");
    assert.equal(normalizeForMatch("Ștefan Țăran"), "stefan taran");
    assert.equal(normalizeForMatch("IŞIK İstanbul"), "isik istanbul");
    assert.equal(normalizeForMatch("Åsa Øster"), "asa oster");
    assert.equal(normalizeForMatch(""), "");
  });

  it("is idempotent and never throws (property)", () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const once = normalizeForMatch(s);
        assert.equal(normalizeForMatch(once), once);
        assert.equal(once, once.trim());
        assert.doesNotMatch(once, /\s{2}/);
      }),
      { numRuns: 3000 },
    );
  });

  it("is case-insensitive (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (s) => {
        // Skip the few characters whose case mapping does not round-trip.
        fc.pre(s.toUpperCase().toLowerCase() === s.toLowerCase());
        assert.equal(normalizeForMatch(s.toUpperCase()), normalizeForMatch(s.toLowerCase()));
      }),
      { numRuns: 2000 },
    );
    const letters =
      "abcdefghijklmnopqrstuvwxyzàáâãäåçèéêëìíîïñòóôõöùúûüýÿąćęłńśźżșțăğışčďěňřšťůžőűß '-.,";
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...Array.from(letters)), maxLength: 40 }),
        (s) => {
          assert.equal(normalizeForMatch(s.toUpperCase()), normalizeForMatch(s));
        },
      ),
    );
  });

  it("is accent-insensitive (property)", () => {
    const base = fc.constantFrom(
      ...Array.from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 "),
    );
    const mark = fc.integer({ min: 0x300, max: 0x36f }).map((cp) => String.fromCodePoint(cp));
    const accented = fc.array(fc.tuple(base, fc.array(mark, { maxLength: 2 })), { maxLength: 30 });
    fc.assert(
      fc.property(accented, (chars) => {
        const plain = chars.map(([c]) => c).join("");
        const withMarks = chars.map(([c, marks]) => c + marks.join("")).join("");
        assert.equal(normalizeForMatch(withMarks.normalize("NFC")), normalizeForMatch(plain));
        assert.equal(normalizeForMatch(withMarks), normalizeForMatch(plain));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("addressesMatch", () => {
  const addr = (
    line1: string,
    city: string,
    postalCode: string,
    country: string,
    line2?: string,
  ): PostalAddress => ({
    line1,
    line2,
    city,
    postalCode,
    country,
  });

  it("accepts the same address written differently", () => {
    const pairs: [PostalAddress, PostalAddress][] = [
      [
        addr("Av. Corrientes 1234", "CABA", "C1043AAZ", "AR"),
        addr("Avenida Corrientes Nº 1234", "Ciudad Autónoma de Buenos Aires", "1043", "AR"),
      ],
      [
        addr("Avda. Rivadavia 5000", "Buenos Aires", "1406", "AR"),
        addr("AVENIDA RIVADAVIA 5000", "Capital Federal", "C1406GLN", "AR"),
      ],
      [
        addr("Hauptstr. 5", "Muenchen", "80331", "DE"),
        addr("Hauptstraße 5", "München", "D-80331", "DE"),
      ],
      [
        addr("Haupt Strasse 5", "München", "80331", "DE"),
        addr("Hauptstraße 5", "MÜNCHEN", "80331", "DE"),
      ],
      [
        addr("12 George St", "Sydney", "2000", "AU"),
        addr("12 George Street", "SYDNEY", "2000", "AU"),
      ],
      [
        addr("R. Augusta, 100", "São Paulo", "01310100", "BR"),
        addr("Rua Augusta 100", "Sao Paulo", "01310-100", "BR"),
      ],
      [addr("C/ Mayor 3", "Madrid", "28013", "ES"), addr("Calle Mayor 3", "Madrid", "28013", "ES")],
      [
        addr("10 Downing St", "London", "sw1a2aa", "GB"),
        addr("10 Downing Street", "London", "SW1A 2AA", "GB"),
      ],
      [
        addr("Str. Mihai Eminescu 10", "București", "010511", "RO"),
        addr("Strada Mihai Eminescu 10", "Bucuresti", "010511", "RO"),
      ],
      [
        addr("Rue St-Honoré 5", "Paris", "75001", "FR"),
        addr("Rue Saint Honoré 5", "Paris", "75 001", "FR"),
      ],
      [
        addr("Avenida Corrientes 1234", "Buenos Aires", "1043", "AR", "Piso 5"),
        addr("Avenida Corrientes 1234 Piso 5", "Buenos Aires", "1043", "AR"),
      ],
      [
        addr("Sheikh Zayed Rd 1", "Dubai", "", "AE"),
        addr("Sheikh Zayed Road 1", "Dubai", "", "AE"),
      ],
    ];
    for (const [a, b] of pairs) {
      assert.ok(addressesMatch(a, b), `${JSON.stringify(a)} ~ ${JSON.stringify(b)}`);
      assert.ok(addressesMatch(b, a), `${JSON.stringify(b)} ~ ${JSON.stringify(a)}`);
    }
  });

  it("rejects a different country, postal code, city or street", () => {
    const onFile = addr("Hauptstraße 5", "München", "80331", "DE");
    assert.equal(addressesMatch(addr("Hauptstraße 5", "München", "80331", "AT"), onFile), false);
    assert.equal(addressesMatch(addr("Hauptstraße 5", "München", "80333", "DE"), onFile), false);
    assert.equal(addressesMatch(addr("Hauptstraße 5", "Berlin", "80331", "DE"), onFile), false);
    assert.equal(addressesMatch(addr("Hauptstraße 7", "München", "80331", "DE"), onFile), false);
    assert.equal(addressesMatch(addr("Nebenstraße 5", "München", "80331", "DE"), onFile), false);
    assert.equal(
      addressesMatch(addr("", "München", "80331", "DE"), addr("", "München", "80331", "DE")),
      false,
    );
    assert.equal(
      addressesMatch(
        addr("Calle Mayor 3", "Buenos Aires", "1043", "AR"),
        addr("Calle Mayor 3", "Córdoba", "1043", "AR"),
      ),
      false,
    );
  });

  it("matches an address against its upper-cased, accent-free copy (property)", () => {
    const text = fc.string({
      unit: fc.constantFrom(...Array.from("abcdefghijklmnopqrstuvwxyzàéíóúñçăşțłż0123456789 .,'-")),
      minLength: 1,
      maxLength: 30,
    });
    const strip = (s: string): string => s.normalize("NFKD").replace(/\p{M}/gu, "").toUpperCase();
    fc.assert(
      fc.property(
        text,
        text,
        fc.constantFrom("DE", "AR", "BR", "AU", "AE"),
        (line1, city, country) => {
          fc.pre(/[a-z0-9]/i.test(strip(line1)));
          const a = addr(line1, city, "", country);
          const b = addr(strip(line1), strip(city), "", country);
          assert.ok(addressesMatch(a, a));
          assert.ok(addressesMatch(a, b));
        },
      ),
    );
  });

  it("never throws (property)", () => {
    const anyAddr = fc.record({
      line1: anyString,
      line2: fc.option(anyString, { nil: undefined }),
      city: anyString,
      region: fc.option(anyString, { nil: undefined }),
      postalCode: anyString,
      country: fc.constantFrom(...countryCodes, "ZZ", ""),
    });
    fc.assert(
      fc.property(anyAddr, anyAddr, (a, b) => {
        assert.equal(typeof addressesMatch(a, b), "boolean");
        assert.ok(Array.isArray(formatPostalAddress("X", a)));
      }),
      { numRuns: 500 },
    );
  });
});

describe("formatPostalAddress", () => {
  const R = "Mario Rossi";
  it("lays out Argentina: street, unit, CPA and city, country", () => {
    assert.deepEqual(
      formatPostalAddress(R, {
        line1: "Avenida Corrientes 1234",
        line2: "Piso 5, Dto B",
        city: "Buenos Aires",
        postalCode: "c1043aaz",
        country: "AR",
      }),
      [R, "Avenida Corrientes 1234", "Piso 5, Dto B", "C1043AAZ Buenos Aires", "ARGENTINA"],
    );
  });
  it("lays out Germany: postal code before the city", () => {
    assert.deepEqual(
      formatPostalAddress(R, {
        line1: "Hauptstraße 5",
        city: "München",
        postalCode: "80331",
        region: "Bayern",
        country: "DE",
      }),
      [R, "Hauptstraße 5", "80331 München", "GERMANIA"],
    );
  });
  it("lays out the United States: city, state abbreviation and ZIP on one line", () => {
    assert.deepEqual(
      formatPostalAddress(R, {
        line1: "301 Hamilton Avenue",
        city: "Palo Alto",
        postalCode: "94303",
        region: "California",
        country: "US",
      }),
      [R, "301 Hamilton Avenue", "Palo Alto, CA 94303", "STATI UNITI D'AMERICA"],
    );
  });
  it("lays out the United Kingdom: town then postcode on its own line", () => {
    assert.deepEqual(
      formatPostalAddress(R, {
        line1: "10 Downing Street",
        city: "London",
        postalCode: "sw1a2aa",
        country: "GB",
      }),
      [R, "10 Downing Street", "London", "SW1A 2AA", "REGNO UNITO"],
    );
  });
  it("lays out Brazil: district, city - state, CEP", () => {
    assert.deepEqual(
      formatPostalAddress(R, {
        line1: "Avenida Paulista 1000",
        line2: "Bela Vista",
        city: "São Paulo",
        region: "SP",
        postalCode: "01310100",
        country: "BR",
      }),
      [R, "Avenida Paulista 1000", "Bela Vista", "São Paulo - SP", "01310-100", "BRASILE"],
    );
  });
  it("lays out Australia: locality, state and postcode on one line", () => {
    assert.deepEqual(
      formatPostalAddress(R, {
        line1: "12 George Street",
        city: "Sydney",
        region: "NSW",
        postalCode: "2000",
        country: "AU",
      }),
      [R, "12 George Street", "Sydney NSW 2000", "AUSTRALIA"],
    );
  });
  it("lays out Japan: street, then city with postal code", () => {
    const lines = formatPostalAddress(R, {
      line1: "1-2-3 Chiyoda",
      city: "Chiyoda-ku",
      region: "Tokyo",
      postalCode: "1000001",
      country: "JP",
    });
    assert.equal(lines[0], R);
    assert.equal(lines[1], "1-2-3 Chiyoda");
    assert.match(lines[2]!, /Chiyoda-ku.*100-0001/);
    assert.equal(lines.at(-1), "GIAPPONE");
  });
  it("puts the upper-case country last, also with no postal code or template", () => {
    const ae = formatPostalAddress(R, {
      line1: "Sheikh Zayed Road 1",
      city: "Dubai",
      postalCode: "",
      country: "AE",
    });
    assert.deepEqual(ae, [R, "Sheikh Zayed Road 1", "Dubai", "EMIRATI ARABI UNITI"]);
    const aq = formatPostalAddress(R, {
      line1: "Base Concordia",
      city: "Dome C",
      postalCode: "",
      country: "AQ",
    });
    assert.deepEqual(aq, [R, "Base Concordia", "Dome C", "ANTARTIDE"]);
    const en = formatPostalAddress(
      R,
      { line1: "Hauptstraße 5", city: "München", postalCode: "80331", country: "DE" },
      { countryNameLang: "en" },
    );
    assert.equal(en.at(-1), "GERMANY");
  });
});

describe("formatPostalAddress: regions", () => {
  it("spells out regions where the formatter would print an ISO subdivision code the post does not use", () => {
    const lines = formatPostalAddress("Mario Rossi", {
      line1: "Avenida Urdaneta 12",
      city: "Caracas",
      region: "Distrito Capital",
      postalCode: "1010",
      country: "VE",
    });
    assert.deepEqual(lines, [
      "Mario Rossi",
      "Avenida Urdaneta 12",
      "Caracas 1010, Distrito Capital",
      "VENEZUELA",
    ]);
  });
});

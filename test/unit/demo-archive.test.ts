import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { postcodeValidator } from "postcode-validator";
import { isValidPhoneNumber, parsePhoneNumberFromString } from "libphonenumber-js/max";
import {
  DEMO_ARCHIVE_DATE,
  DEMO_ARCHIVE_SEED,
  generateDemoArchive,
  isDemoEligible,
  PENSION_CATEGORIES,
} from "../../src/archive/demo.ts";
import { encodeFiscalCode, parseFiscalCode } from "../../src/domain/fiscal-code.ts";
import { lookupBelfiore } from "../../src/domain/belfiore.ts";
import type { ArchivePerson } from "../../src/domain/archive.ts";

const people = generateDemoArchive();

function ageAt(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

function isDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s)
  );
}

describe("demo archive: generation", () => {
  it("is deterministic for a seed", () => {
    assert.deepEqual(generateDemoArchive({ seed: DEMO_ARCHIVE_SEED }), people);
    const other = generateDemoArchive({ seed: 7, size: 200 });
    assert.deepEqual(generateDemoArchive({ seed: 7, size: 200 }), other);
    assert.notDeepEqual(
      other.map((p) => p.fiscalCode),
      people.slice(0, 200).map((p) => p.fiscalCode),
    );
  });

  it("gives a prefix for a smaller size", () => {
    assert.deepEqual(generateDemoArchive({ size: 60 }), people.slice(0, 60));
    assert.deepEqual(generateDemoArchive({ size: 0 }), []);
  });

  it("has the requested number of people", () => {
    assert.equal(people.length, 1200);
    assert.equal(generateDemoArchive({ size: 1500, seed: 3 }).length, 1500);
  });

  it("spreads residences over at least 20 countries, weighted", () => {
    const counts = new Map<string, number>();
    for (const p of people)
      counts.set(p.residence.country, (counts.get(p.residence.country) ?? 0) + 1);
    assert.ok(counts.size >= 20, `only ${counts.size} countries`);
    assert.ok((counts.get("AR") ?? 0) > (counts.get("MA") ?? 0));
    for (const iso of ["AR", "BR", "DE", "CH", "FR", "BE", "GB", "US", "CA", "AU", "VE", "UY"]) {
      assert.ok((counts.get(iso) ?? 0) >= 10, iso);
    }
  });
});

describe("demo archive: identities", () => {
  it("has valid, unique fiscal codes matching each person", () => {
    const codes = new Set<string>();
    for (const p of people) {
      const r = parseFiscalCode(p.fiscalCode, DEMO_ARCHIVE_DATE);
      assert.ok(r.ok, `${p.fiscalCode}: ${r.ok ? "" : r.error}`);
      assert.equal(r.value.canonical, encodeFiscalCode(p));
      assert.equal(r.value.sex, p.sex);
      assert.equal(r.value.birthDate, p.birthDate);
      assert.equal(r.value.birthPlaceCode, p.birthPlaceCode);
      assert.ok(!codes.has(p.fiscalCode), `duplicate ${p.fiscalCode}`);
      codes.add(p.fiscalCode);
    }
  });

  it("contains omocodes, for twins with identical data", () => {
    const omocodes = people.filter((p) => {
      const r = parseFiscalCode(p.fiscalCode, DEMO_ARCHIVE_DATE);
      return r.ok && r.value.omocode;
    });
    assert.ok(omocodes.length >= 4, `only ${omocodes.length} omocodes`);
    const byCanonical = new Map<string, ArchivePerson[]>();
    for (const p of people) {
      const key = encodeFiscalCode(p);
      byCanonical.set(key, [...(byCanonical.get(key) ?? []), p]);
    }
    assert.ok([...byCanonical.values()].some((group) => group.length >= 3));
    const mauro = people.find((p) => p.givenNames === "Mauro" && p.surname === "Esposito");
    const mario = people.find((p) => p.givenNames === "Mario" && p.surname === "Esposito");
    assert.ok(mauro && mario);
    assert.equal(encodeFiscalCode(mauro), mario.fiscalCode);
    assert.notEqual(mauro.fiscalCode, mario.fiscalCode);
  });

  it("has women, men, birth dates 1935-2000 and accented names", () => {
    const women = people.filter((p) => p.sex === "F").length;
    assert.ok(women > 400 && women < 800, `${women} women`);
    for (const p of people) {
      assert.ok(isDate(p.birthDate), p.birthDate);
      assert.ok(p.birthDate >= "1935-01-01" && p.birthDate <= "2000-12-31", p.birthDate);
    }
    assert.ok(people.some((p) => p.surname.includes("'")));
    assert.ok(people.some((p) => /[àèéìòùáíóúñüöäçãõ]/i.test(p.givenNames + p.surname)));
  });

  it("has people born in Italy and abroad, with known places", () => {
    const abroad = people.filter((p) => p.birthPlaceCode.startsWith("Z"));
    assert.ok(abroad.length > 100);
    assert.ok(people.length - abroad.length > 400);
    assert.ok(new Set(abroad.map((p) => p.birthPlaceCode)).size >= 10);
    for (const p of people) {
      const place = lookupBelfiore(p.birthPlaceCode);
      assert.ok(place, p.birthPlaceCode);
      assert.equal(place.ceased, undefined, `${p.birthPlaceCode} is ceased`);
      assert.equal(place.kind, p.birthPlaceCode.startsWith("Z") ? "country" : "municipality");
    }
  });
});

describe("demo archive: contacts and residence", () => {
  it("has postal codes valid for the country and regions where used", () => {
    for (const p of people) {
      const a = p.residence;
      assert.ok(postcodeValidator(a.postalCode, a.country), `${a.postalCode} ${a.country}`);
      assert.ok(a.line1.length > 3 && a.city.length > 1);
      if (["US", "CA", "AU", "BR", "AR"].includes(a.country))
        assert.ok(a.region, `${a.country} region`);
    }
  });

  it("has mobiles valid for the residence country in E.164", () => {
    let withMobile = 0;
    for (const p of people) {
      if (p.mobile === undefined) continue;
      withMobile++;
      assert.match(p.mobile, /^\+[1-9]\d{6,14}$/);
      assert.ok(isValidPhoneNumber(p.mobile), p.mobile);
      const parsed = parsePhoneNumberFromString(p.mobile);
      assert.equal(parsed?.country, p.residence.country, p.mobile);
      assert.ok(["MOBILE", "FIXED_LINE_OR_MOBILE"].includes(parsed.getType() ?? ""), p.mobile);
    }
    assert.ok(withMobile > 1000);
  });

  it("uses only example domains for e-mail and PEC", () => {
    const domains = new Set(["example.com", "example.org", "example.net"]);
    const emails = people.flatMap((p) => (p.email ? [p.email] : []));
    assert.ok(emails.length > 900);
    assert.equal(new Set(emails).size, emails.length);
    const pecs = people.flatMap((p) => (p.pec ? [p.pec] : []));
    assert.ok(pecs.length > 10);
    for (const e of [...emails, ...pecs]) {
      assert.match(e, /^[a-z0-9.]+@[a-z.]+$/);
      assert.ok(domains.has(e.split("@")[1] ?? ""), e);
    }
  });

  it("has health cards for some", () => {
    const cards = people.flatMap((p) => (p.healthCard ? [p.healthCard] : []));
    assert.ok(cards.length > 200 && cards.length < people.length);
    for (const c of cards) {
      assert.match(c.number, /^80380\d{15}$/);
      assert.ok(isDate(c.expiry), c.expiry);
    }
  });
});

describe("demo archive: eligibility groups", () => {
  it("has the two ineligible groups", () => {
    const inItaly = people.filter((p) => p.residence.country === "IT");
    const withId = people.filter((p) => p.italianIdOnFile);
    assert.equal(inItaly.length, 8);
    assert.equal(withId.length, 8);
    for (const p of inItaly) {
      assert.deepEqual(isDemoEligible(p), { eligible: false, reason: "resident_in_italy" });
      assert.match(p.residence.postalCode, /^\d{5}$/);
    }
    for (const p of withId) {
      assert.notEqual(p.residence.country, "IT");
      assert.deepEqual(isDemoEligible(p), { eligible: false, reason: "italian_id_on_file" });
    }
    const eligible = people.filter((p) => isDemoEligible(p).eligible);
    assert.equal(eligible.length, people.length - 16);
  });

  it("starts with five easy eligible demo people", () => {
    assert.deepEqual(
      people.slice(0, 5).map((p) => p.residence.country),
      ["AR", "BR", "DE", "US", "AU"],
    );
    for (const p of people.slice(0, 5)) {
      assert.deepEqual(isDemoEligible(p), { eligible: true });
      assert.ok(p.surname.length <= 6 && p.givenNames.length <= 6, p.surname);
      assert.match(p.surname + p.givenNames, /^[A-Za-z]+$/);
      assert.ok(p.mobile && p.email && p.healthCard);
    }
  });
});

describe("demo archive: contributions and pensions", () => {
  it("has plausible contribution periods", () => {
    const withWork = people.filter((p) => p.contributions.length > 0);
    assert.ok(withWork.length > 500);
    for (const p of withWork) {
      for (const c of p.contributions) {
        assert.ok(isDate(c.from) && isDate(c.to) && c.from <= c.to, `${c.from} ${c.to}`);
        assert.ok(c.from > p.birthDate);
        assert.ok(c.weeks >= 1 && c.weeks <= 52, String(c.weeks));
        assert.ok(c.earningsCents >= 0 && Number.isInteger(c.earningsCents));
        assert.ok(c.employer.length > 0 && c.kind.length > 0);
      }
    }
  });

  it("pays pensions only to people aged 67 or more, for the last 24 months", () => {
    const pensioners = people.filter((p) => p.pensionPayments.length > 0);
    assert.ok(pensioners.length > 100);
    for (const p of people) {
      if (p.pensionPayments.length === 0) continue;
      assert.ok(ageAt(p.birthDate, DEMO_ARCHIVE_DATE) >= 67);
      assert.equal(p.pensionPayments.length, 24);
      assert.equal(p.pensionPayments[0]?.month, "2024-01");
      assert.equal(p.pensionPayments[23]?.month, "2025-12");
      for (const pay of p.pensionPayments) {
        assert.equal(pay.netCents, pay.grossCents - pay.taxCents);
        assert.ok(pay.grossCents > 5_000 && pay.grossCents < 600_000, String(pay.grossCents));
        assert.ok(pay.category in PENSION_CATEGORIES);
      }
    }
  });
});

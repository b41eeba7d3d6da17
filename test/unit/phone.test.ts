import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { maskEmail, maskPhone, normalizeMobile } from "../../src/domain/phone.ts";

describe("normalizeMobile", () => {
  it("accepts international, 00-prefixed and national mobile numbers", () => {
    assert.deepEqual(normalizeMobile("+54 9 11 2345-6789"), {
      ok: true,
      e164: "+5491123456789",
      country: "AR",
    });
    assert.deepEqual(normalizeMobile("0049 170 1234567"), {
      ok: true,
      e164: "+491701234567",
      country: "DE",
    });
    assert.deepEqual(normalizeMobile("00491701234567", "US"), {
      ok: true,
      e164: "+491701234567",
      country: "DE",
    });
    assert.deepEqual(normalizeMobile("0170 1234567", "DE"), {
      ok: true,
      e164: "+491701234567",
      country: "DE",
    });
    assert.deepEqual(normalizeMobile("011 15 2345-6789", "AR"), {
      ok: true,
      e164: "+5491123456789",
      country: "AR",
    });
    assert.deepEqual(normalizeMobile("0412 345 678", "au"), {
      ok: true,
      e164: "+61412345678",
      country: "AU",
    });
    assert.deepEqual(normalizeMobile("+39 333 123 4567"), {
      ok: true,
      e164: "+393331234567",
      country: "IT",
    });
    assert.deepEqual(normalizeMobile("+55 11 91234-5678"), {
      ok: true,
      e164: "+5511912345678",
      country: "BR",
    });
  });

  it("accepts numbers that may be mobile (FIXED_LINE_OR_MOBILE)", () => {
    assert.deepEqual(normalizeMobile("+1 212 555 0123"), {
      ok: true,
      e164: "+12125550123",
      country: "US",
    });
  });

  it("refuses fixed lines and other non-mobile types", () => {
    assert.deepEqual(normalizeMobile("+54 11 2345-6789"), { ok: false, error: "not_mobile" });
    assert.deepEqual(normalizeMobile("+49 30 123456"), { ok: false, error: "not_mobile" });
    assert.deepEqual(normalizeMobile("+39 06 164164"), { ok: false, error: "not_mobile" });
    assert.deepEqual(normalizeMobile("+61 2 9876 5432"), { ok: false, error: "not_mobile" });
    assert.deepEqual(normalizeMobile("+44 800 123 4567"), { ok: false, error: "not_mobile" });
  });

  it("refuses what is not a valid number", () => {
    for (const s of [
      "",
      "   ",
      "abc",
      "12",
      "+54 9 11 2345",
      "+999 123456789",
      "0170 1234567",
      "9".repeat(300),
    ]) {
      assert.deepEqual(normalizeMobile(s), { ok: false, error: "invalid" }, s);
    }
    assert.deepEqual(normalizeMobile("0170 1234567", "not-a-country"), {
      ok: false,
      error: "invalid",
    });
  });

  it("never throws and returns E.164 when ok (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 40 }),
        fc.option(fc.string({ maxLength: 3 }), { nil: undefined }),
        (s, c) => {
          const r = normalizeMobile(s, c);
          if (r.ok) assert.match(r.e164, /^\+[1-9]\d{6,14}$/);
        },
      ),
      { numRuns: 3000 },
    );
    const digits = fc.string({
      unit: fc.constantFrom(...Array.from("0123456789 -+()")),
      maxLength: 20,
    });
    fc.assert(
      fc.property(digits, fc.constantFrom(undefined, "AR", "DE", "AU", "US", "BR"), (s, c) => {
        const r = normalizeMobile(s, c);
        if (r.ok) {
          assert.match(r.e164, /^\+[1-9]\d{6,14}$/);
          // Normalising the E.164 form again gives the same number.
          assert.deepEqual(normalizeMobile(r.e164), r);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe("maskPhone", () => {
  it("keeps the country code and the last 2 digits", () => {
    assert.equal(maskPhone("+5491123456789"), "+54*********89");
    assert.equal(maskPhone("+491701234567"), "+49********67");
    assert.equal(maskPhone("+12125550123"), "+1********23");
  });
  it("masks anything else down to the last 2 digits", () => {
    assert.equal(maskPhone(""), "***");
    assert.equal(maskPhone("abc"), "***");
    assert.equal(maskPhone("12"), "***");
    assert.equal(maskPhone("+999 1234 5678"), "*********78");
  });
  it("never throws and never shows more than the country code and 2 digits (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (s) => {
        const m = maskPhone(s);
        const shown = m.replace(/\D/g, "");
        assert.ok(shown.length <= 5, m);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("maskEmail", () => {
  it("keeps the first and last character of the local part and the domain", () => {
    assert.equal(maskEmail("mario.rossi@example.com"), "m***i@example.com");
    assert.equal(maskEmail("marco@example.com"), "m***o@example.com");
    assert.equal(maskEmail("mo@example.com"), "m***@example.com");
    assert.equal(maskEmail("m@example.com"), "m***@example.com");
    assert.equal(maskEmail(" Łukasz@example.pl "), "Ł***z@example.pl");
  });
  it("gives *** for what is not an address", () => {
    for (const s of ["", "abc", "@example.com", "mario@"]) assert.equal(maskEmail(s), "***", s);
  });
  it("never throws and hides the middle of the local part (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (s) => {
        const m = maskEmail(s);
        assert.ok(m === "***" || m.includes("***@"), m);
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.emailAddress(), (e) => {
        const m = maskEmail(e);
        const domain = e.slice(e.lastIndexOf("@") + 1);
        assert.ok(
          m.endsWith(`***@${domain}`) || m.endsWith(`***${e[e.lastIndexOf("@") - 1]}@${domain}`),
          m,
        );
        assert.ok(m.length <= e.length + 3);
      }),
    );
  });
});

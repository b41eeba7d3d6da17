import { describe, it } from "node:test";
import { UPLOAD_REFUSALS } from "../../src/security/uploads.ts";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { generateDemoArchive, isDemoEligible } from "../../src/archive/demo.ts";
import { ERROR_CODES, ERROR_STATUS, AppError } from "../../src/domain/errors.ts";
import { fiscalCodeCheckCharacter, type FiscalCodeError } from "../../src/domain/fiscal-code.ts";
import { KNOWN_CODES, validateClaim } from "../../src/flows/claim-input.ts";
import { validateLogin } from "../../src/flows/login.ts";
import { claimFor } from "../../src/dev/people.ts";
import { catalogues, LANGS, t, tField, type Lang } from "../../src/i18n/index.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const TODAY = "2026-03-02";

/** Every leaf of a catalogue as "a.b.c" → text. */
function leaves(o: object, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(o) as [string, unknown][]) {
    if (typeof v === "object" && v !== null)
      for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
    else out.set(`${prefix}${k}`, v);
  }
  return out;
}

function fieldMessage(lang: Lang, code: string): string | undefined {
  return (catalogues[lang].field as Record<string, string | undefined>)[code];
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== "i18n") out.push(...sourceFiles(path));
    } else if (name.endsWith(".ts")) out.push(path);
  }
  return out;
}

/** One fiscal code per parse error; the type makes this list complete at compile time. */
const FISCAL_CODE_SAMPLES = {
  length: "RSSMRA50B17A558",
  format: "RSSMRA5XB17A558W",
  check_character: "CCCFBA85D03L219B",
  birth_date: `RSSMRA50B00A558${fiscalCodeCheckCharacter("RSSMRA50B00A558")}`,
  birth_place: `RSSMRA50B17Z999${fiscalCodeCheckCharacter("RSSMRA50B17Z999")}`,
} satisfies Record<FiscalCodeError, string>;

/**
 * Field codes the code base can produce, read from the source: literals after `code:` in
 * flows, HTTP and web code, and the zod messages of the claim form.
 */
function fieldCodesInSource(): {
  literal: Set<string>;
  templates: Set<string>;
  zodMessages: Set<string>;
} {
  const literal = new Set<string>();
  const templates = new Set<string>();
  for (const file of ["flows", "http", "web", "auth", "staff"].flatMap((d) => {
    try {
      return sourceFiles(join(ROOT, "src", d));
    } catch {
      return [];
    }
  })) {
    const src = readFileSync(file, "utf8");
    for (const m of src.matchAll(/\bcode:\s*([^,}]*)/gu)) {
      const expr = m[1] ?? "";
      // `code: { type: "string" }` is a JSON schema, not a field code.
      if (expr.startsWith("{")) continue;
      for (const lit of expr.matchAll(/"([a-z][a-z_]*)"/gu))
        if (lit[1] !== undefined) literal.add(lit[1]);
      for (const tpl of expr.matchAll(/`([a-z_]*)\$\{/gu))
        if (tpl[1] !== undefined) templates.add(tpl[1]);
    }
  }
  const zodMessages = new Set<string>();
  const claimInput = readFileSync(join(ROOT, "src/flows/claim-schema.ts"), "utf8");
  for (const line of claimInput.split("\n")) {
    if (line.includes("get(") || line.includes("issues.push")) continue;
    for (const m of line.matchAll(/(?:error:\s*|,\s*|z\.email\()"([a-z][a-z_]*)"\s*[)}]/gu)) {
      if (m[1] !== undefined) zodMessages.add(m[1]);
    }
  }
  return { literal, templates, zodMessages };
}

function codesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err.fields.map((f) => f.code);
    throw err;
  }
  return [];
}

describe("i18n: error codes", () => {
  for (const lang of LANGS) {
    it(`has a title and a detail for every error code in ${lang}`, () => {
      const errors = catalogues[lang].errors as Record<
        string,
        { title?: unknown; detail?: unknown } | undefined
      >;
      for (const code of ERROR_CODES) {
        const e = errors[code];
        assert.ok(e !== undefined, `${lang}: errors.${code} missing`);
        assert.equal(typeof e.title, "string", `${lang}: errors.${code}.title`);
        assert.equal(typeof e.detail, "string", `${lang}: errors.${code}.detail`);
        assert.ok(
          String(e.title).trim().length > 0 && String(e.detail).trim().length > 0,
          `${lang}: ${code} empty`,
        );
      }
    });

    it(`has no message for an error code that does not exist (${lang})`, () => {
      assert.deepEqual(Object.keys(catalogues[lang].errors).sort(), [...ERROR_CODES].sort());
    });
  }

  it("maps every error code to an HTTP error status", () => {
    for (const code of ERROR_CODES) {
      const status = ERROR_STATUS[code];
      assert.ok(status >= 400 && status <= 599, `${code} → ${status}`);
    }
  });
});

describe("i18n: field codes", () => {
  const { literal, templates, zodMessages } = fieldCodesInSource();
  const fiscalCodeCodes = Object.keys(FISCAL_CODE_SAMPLES).map((e) => `fiscal_code_${e}`);

  it("finds the field codes in the source (the scan itself works)", () => {
    for (const c of [
      "required",
      "pin_length",
      "pin_characters",
      "invalid_postal_code",
      "resident_in_italy",
    ]) {
      assert.ok(literal.has(c), `scan missed ${c}`);
    }
    assert.ok(
      zodMessages.has("invalid_name") &&
        zodMessages.has("invalid_sex") &&
        zodMessages.has("too_long"),
    );
  });

  it("builds field codes from templates only for fiscal-code errors", () => {
    assert.deepEqual(
      [...templates],
      ["fiscal_code_", "upload_"],
      "a new computed field code needs its messages listed here",
    );
  });

  it("passes every zod message of the claim form through to the client (none silently becomes 'invalid')", () => {
    for (const m of zodMessages)
      assert.ok(KNOWN_CODES.has(m) || m === "invalid", `zod message ${m} is not in KNOWN_CODES`);
  });

  for (const lang of LANGS) {
    it(`has a message for every field code produced anywhere (${lang})`, () => {
      const all = new Set([
        ...KNOWN_CODES,
        ...literal,
        ...zodMessages,
        ...fiscalCodeCodes,
        ...UPLOAD_REFUSALS.map((r) => `upload_${r}`),
        "invalid",
        "invalid_type",
      ]);
      const missing = [...all].filter((c) => (fieldMessage(lang, c) ?? "").trim() === "");
      assert.deepEqual(missing, [], `${lang}: field messages missing`);
    });
  }

  it("has a message for every code the login and claim validators actually return", () => {
    const produced = new Set<string>();
    const add = (codes: string[]) => {
      for (const c of codes) produced.add(c);
    };
    for (const fiscalCode of ["", ...Object.values(FISCAL_CODE_SAMPLES)]) {
      add(codesOf(() => validateLogin({ fiscalCode, pin: "" }, TODAY)));
    }
    for (const pin of ["ABC", "0000000O", "ABCDEFGH"])
      add(codesOf(() => validateLogin({ fiscalCode: "", pin }, TODAY)));

    const person = generateDemoArchive({ size: 40 }).find((p) => isDemoEligible(p).eligible);
    assert.ok(person !== undefined);
    const good = claimFor(person);
    assert.doesNotThrow(() => validateClaim(good, TODAY), "the demo claim is valid");
    const bad: Record<string, unknown>[] = [
      {},
      {
        ...good,
        fiscalCode: FISCAL_CODE_SAMPLES.check_character,
        surname: "R0ssi",
        sex: "X",
        birthDate: "2030-01-01",
      },
      {
        ...good,
        birthDate: "1950-02-30",
        birthCountry: "IT",
        birthMunicipality: "",
        email: "no",
        delivery: "fax",
      },
      {
        ...good,
        residence: { ...(good.residence as object), postalCode: "??", country: "ZZ" },
        mobile: "12",
      },
      { ...good, residence: { ...(good.residence as object), postalCode: "" }, mobile: "" },
      {
        ...good,
        document: { type: "card", number: "!", issuingCountry: "XX" },
        givenNames: "x".repeat(200),
      },
      { ...good, residence: { ...(good.residence as object), country: "it" } },
      { ...good, document: { ...(good.document as object), issuingCountry: "IT" } },
      { ...good, surname: 42, residence: "nowhere", document: null },
    ];
    for (const body of bad) add(codesOf(() => validateClaim(body, TODAY)));
    for (const fiscalCode of Object.values(FISCAL_CODE_SAMPLES))
      add(codesOf(() => validateClaim({ ...good, fiscalCode }, TODAY)));

    assert.ok(
      produced.size >= 15,
      `only ${produced.size} codes exercised: ${[...produced].join(", ")}`,
    );
    for (const lang of LANGS) {
      for (const c of produced)
        assert.ok(fieldMessage(lang, c) !== undefined, `${lang}: field.${c} missing`);
    }
  });

  it("falls back to the generic message for an unknown code, in each language", () => {
    assert.equal(tField("it", "no_such_code"), catalogues.it.field.invalid);
    assert.equal(tField("en", "no_such_code"), catalogues.en.field.invalid);
    assert.equal(tField("en", "pin_length"), catalogues.en.field.pin_length);
  });
});

describe("i18n: catalogues", () => {
  const it_ = leaves(catalogues.it);
  const en = leaves(catalogues.en);

  it("have identical key sets in Italian and English (checked at run time too)", () => {
    const onlyIt = [...it_.keys()].filter((k) => !en.has(k));
    const onlyEn = [...en.keys()].filter((k) => !it_.has(k));
    assert.deepEqual({ onlyIt, onlyEn }, { onlyIt: [], onlyEn: [] });
  });

  it("have a non-empty string for every key", () => {
    for (const [lang, map] of [
      ["it", it_],
      ["en", en],
    ] as const) {
      for (const [k, v] of map)
        assert.ok(typeof v === "string" && v.trim() !== "", `${lang}: ${k}`);
    }
  });

  it("use the same placeholders in both languages", () => {
    const vars = (s: unknown) =>
      [...String(s).matchAll(/\{\{\s*(\w+)\s*\}\}/gu)].map((m) => m[1]).sort();
    for (const [k, v] of it_) assert.deepEqual(vars(en.get(k)), vars(v), k);
  });

  it("are really translated: most English texts differ from the Italian ones", () => {
    const same = [...it_].filter(([k, v]) => en.get(k) === v).map(([k]) => k);
    assert.ok(same.length < it_.size / 10, `untranslated: ${same.join(", ")}`);
  });
});

describe("i18n: lookup and interpolation", () => {
  it("interpolates variables in each language", () => {
    assert.equal(
      t("en", "claimDone.reference", { reference: "AB-12" }),
      "Claim reference number: AB-12. Please note it: you will need it if you call the Contact Centre.",
    );
    assert.ok(t("it", "claimDone.reference", { reference: "AB-12" }).includes("AB-12"));
    assert.equal(t("en", "area.welcome", { name: "José" }), "Welcome, José.");
    const total = t("en", "contributions.total", { weeks: 52, years: 1, months: 0 });
    assert.equal(total, "Total: 52 weeks (1 years and 0 months).");
  });

  it("leaves no placeholder behind when every variable is given", () => {
    for (const lang of LANGS) {
      for (const [k, v] of leaves(catalogues[lang])) {
        const names = [...String(v).matchAll(/\{\{\s*(\w+)\s*\}\}/gu)].map((m) => m[1] ?? "");
        if (names.length === 0) continue;
        const vars = Object.fromEntries(names.map((n) => [n, "X"]));
        // Keys come from the catalogue itself, so the cast only widens a known key.
        const text = t(lang, k as Parameters<typeof t>[1], vars);
        assert.ok(!text.includes("{{"), `${lang}: ${k} → ${text}`);
      }
    }
  });

  it("returns the text unescaped: escaping is the HTML template's job", () => {
    assert.equal(t("en", "area.welcome", { name: "<b>&" }), "Welcome, <b>&.");
  });

  it("returns each language's own text", () => {
    assert.equal(t("it", "login.submit"), catalogues.it.login.submit);
    assert.equal(t("en", "login.submit"), catalogues.en.login.submit);
    assert.notEqual(t("it", "login.submit"), t("en", "login.submit"));
  });
});

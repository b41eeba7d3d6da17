/**
 * Online claim (POST /api/v1/claims), SPEC.md claim channel 1: the issued path and its split
 * delivery, every failed automatic check behind one neutral answer, the refusals, malformed
 * input, duplicates (also concurrent), and the eligibility calendar read from the clock.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { LightMyRequestResponse } from "fastify";
import type { ArchivePerson } from "../../src/domain/archive.ts";
import { encodeFiscalCode, fiscalCodeCheckCharacter } from "../../src/domain/fiscal-code.ts";
import { groupPin } from "../../src/domain/pin.ts";
import { claimReference } from "../../src/flows/claim-online.ts";
import { listDevOutbox } from "../../src/notifications/dev-outbox.ts";
import {
  api,
  claimBody,
  initialPinFromOutbox,
  personWithPin,
  START,
  startService,
  type TestService,
} from "../helpers/app.ts";
import { count, People, problemOf, rows } from "../helpers/journeys.ts";
import { aPerson } from "../helpers/builders.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u;

interface ClaimRow {
  status: string;
  reasons: string[];
  channel: string;
  delivery: string;
  declared: Record<string, unknown>;
}

async function claimRows(s: TestService, fiscalCode: string): Promise<ClaimRow[]> {
  return rows<ClaimRow>(
    s,
    "SELECT status, reasons, channel, delivery, declared FROM claim WHERE fiscal_code = $1",
    [fiscalCode],
  );
}

function residenceOf(p: ArchivePerson): Record<string, unknown> {
  return claimBody(p).residence as Record<string, unknown>;
}

function documentOf(p: ArchivePerson): Record<string, unknown> {
  return claimBody(p).document as Record<string, unknown>;
}

/** A person of the archive with contacts of their own (the builders' default ones are shared). */
let contactSerial = 0;
function someone(overrides: Partial<ArchivePerson> = {}): ArchivePerson {
  const n = contactSerial++;
  return aPerson({
    mobile: `+54911${String(20000000 + n)}`,
    email: `claimant${n}@example.org`,
    ...overrides,
  });
}

/** The people the tests below use by what they are, built rather than picked by position. */
const CORRIENTES = someone({
  surname: "Ferrari",
  givenNames: "Ana",
  sex: "F",
  residence: {
    line1: "Avenida Corrientes 1234",
    line2: "Piso 5, Depto. B",
    city: "Buenos Aires",
    region: "CABA",
    postalCode: "C1043AAZ",
    country: "AR",
  },
});
const ACCENTED = [
  someone({
    surname: "Silvestri",
    givenNames: "Nicolò",
    residence: {
      line1: "Calle Falsa 123",
      city: "Rosario",
      region: "Santa Fe",
      postalCode: "S2000",
      country: "AR",
    },
  }),
  someone({
    surname: "Pirrò",
    givenNames: "Maëlle",
    sex: "F",
    residence: {
      line1: "Calle Falsa 124",
      city: "Rosario",
      region: "Santa Fe",
      postalCode: "S2000",
      country: "AR",
    },
  }),
  someone({
    surname: "D'Agostino",
    givenNames: "Lucia",
    sex: "F",
    residence: {
      line1: "Calle Falsa 125",
      city: "Rosario",
      region: "Santa Fe",
      postalCode: "S2000",
      country: "AR",
    },
  }),
];
const RESIDENT_IN_ITALY = someone({
  residence: { line1: "Via del Corso 1", city: "Roma", postalCode: "00186", country: "IT" },
});
const ITALIAN_ID = [
  someone({ italianIdOnFile: true }),
  someone({ italianIdOnFile: true }),
  someone({ italianIdOnFile: true }),
];

describe("online claim", () => {
  let s: TestService;
  let people: People;
  before(async () => {
    s = await startService({
      archiveSize: 120,
      extraPeople: [CORRIENTES, ...ACCENTED, RESIDENT_IN_ITALY, ...ITALIAN_ID],
    });
    people = new People(s, [CORRIENTES, ...ACCENTED]);
  });
  after(async () => {
    await s.close();
  });

  describe("when every automatic check passes", () => {
    it("answers 202 {claimId, status: issued}, stores an ordinary initial PIN, and sends nothing before the worker runs", async () => {
      const p = people.next();
      const res = await api(s, "POST", "/api/v1/claims", claimBody(p));
      assert.equal(res.statusCode, 202);
      assert.match(String(res.headers["content-type"]), /^application\/json/u);
      const body = res.json<{ claimId: string; status: string }>();
      assert.deepEqual(Object.keys(body).sort(), ["claimId", "status"]);
      assert.equal(body.status, "issued");
      assert.match(body.claimId, UUID);

      const [claim, ...more] = await claimRows(s, p.fiscalCode);
      assert.equal(more.length, 0);
      assert.equal(claim?.status, "issued");
      assert.deepEqual(claim.reasons, []);
      assert.equal(claim.channel, "online");

      const creds = await rows<{
        kind: string;
        level: string;
        status: string;
        pin_hash: string;
        claim_id: string;
      }>(
        s,
        "SELECT kind, level, status, pin_hash, claim_id FROM credential WHERE fiscal_code = $1",
        [p.fiscalCode],
      );
      assert.equal(creds.length, 1);
      assert.deepEqual(
        {
          kind: creds[0]!.kind,
          level: creds[0]!.level,
          status: creds[0]!.status,
          claim: creds[0]!.claim_id,
        },
        { kind: "initial", level: "ordinary", status: "active", claim: body.claimId },
      );
      assert.match(creds[0]!.pin_hash, /^\$argon2id\$/u, "only an argon2id hash is stored");

      // Queued in the same transaction, sealed, and not delivered yet.
      const queued = await rows<{ kind: string; status: string; secret: string | null }>(
        s,
        "SELECT kind, status, secret FROM outbox WHERE payload->>'claimReference' = $1 ORDER BY kind",
        [claimReference(body.claimId)],
      );
      assert.deepEqual(
        queued.map((m) => [m.kind, m.status, m.secret !== null]),
        [
          ["pin_first_half", "queued", true],
          ["pin_second_half_letter", "queued", true],
        ],
      );
      const delivered = await listDevOutbox(s.outboxDir);
      assert.equal(
        delivered.filter((e) => e.to === p.mobile || e.to.includes(p.residence.line1)).length,
        0,
        "no message leaves before the worker delivers it",
      );
    });

    it("sends the first 8 characters by SMS and the last 8 in a letter PDF to the residence on file, then erases both halves", async () => {
      const p = people.next();
      const res = await api(s, "POST", "/api/v1/claims", claimBody(p, { delivery: "sms" }));
      assert.equal(res.json<{ status: string }>().status, "issued");
      const ref = claimReference(res.json<{ claimId: string }>().claimId);

      const outbox = await s.deliver();
      const mine = outbox.filter((e) => e.text.includes(ref) || e.to === p.mobile);
      const sms = mine.find((e) => e.channel === "sms");
      const letter = mine.find((e) => e.channel === "letter");
      assert.ok(sms !== undefined && letter !== undefined, "an SMS and a letter were sent");
      assert.equal(sms.kind, "pin_first_half");
      assert.equal(sms.to, p.mobile);
      assert.equal(sms.subject, undefined);
      assert.equal(mine.filter((e) => e.channel === "email").length, 0);

      assert.equal(letter.kind, "pin_second_half_letter");
      assert.match(letter.to, new RegExp(p.residence.city, "u"));
      assert.ok(
        letter.to.includes(p.residence.line1),
        `letter to the address on file: ${letter.to}`,
      );
      assert.ok(letter.text.length > 0, "the letter's text is in the outbox too");
      assert.ok(letter.pdfUrl !== undefined);
      const pdf = await s.app.inject({ method: "GET", url: letter.pdfUrl });
      assert.equal(pdf.statusCode, 200);
      assert.match(String(pdf.headers["content-type"]), /^application\/pdf/u);
      assert.equal(pdf.rawPayload.subarray(0, 5).toString("latin1"), "%PDF-");

      const pin = initialPinFromOutbox(outbox, { mobile: p.mobile }, p.fiscalCode);
      assert.match(pin, /^[2-9A-HJKMNP-Z]{16}$/u);
      assert.ok(sms.text.includes(groupPin(pin.slice(0, 8))), "the SMS carries the first half");
      assert.ok(!sms.text.includes(groupPin(pin.slice(8))), "and not the second");
      assert.ok(
        !letter.text.includes(groupPin(pin.slice(0, 8))),
        "the letter does not carry the first half",
      );

      // After delivery nothing in the outbox table holds a PIN half, sealed or not.
      const stored = await rows<Record<string, unknown>>(
        s,
        "SELECT * FROM outbox WHERE payload->>'claimReference' = $1",
        [ref],
      );
      assert.equal(stored.length, 2);
      for (const m of stored) {
        assert.equal(m.status, "sent");
        assert.equal(m.secret, null, "the sealed half is erased once delivered");
        const text = JSON.stringify(m);
        for (const half of [pin.slice(0, 8), pin.slice(8)]) {
          assert.ok(
            !text.includes(half) && !text.includes(groupPin(half)),
            "no PIN half left in the outbox row",
          );
        }
      }

      const login = await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin });
      assert.equal(login.statusCode, 200, "the two halves make the PIN");
    });

    it("sends the first half by e-mail when the citizen chooses e-mail", async () => {
      const p = people.next();
      const res = await api(
        s,
        "POST",
        "/api/v1/claims",
        claimBody(p, { delivery: "email", lang: "en" }),
      );
      assert.equal(res.json<{ status: string }>().status, "issued");
      const outbox = await s.deliver();
      const mail = outbox.find((e) => e.to === p.email);
      assert.ok(mail !== undefined);
      assert.equal(mail.channel, "email");
      assert.equal(mail.kind, "pin_first_half");
      assert.equal(mail.subject, "Your INPS PIN - first part");
      assert.equal(outbox.filter((e) => e.to === p.mobile).length, 0, "no SMS");
      const pin = initialPinFromOutbox(outbox, { email: p.email }, p.fiscalCode);
      assert.match(pin, /^[2-9A-HJKMNP-Z]{16}$/u);
    });

    it("accepts a differently written address that matches the one on file, and still writes to the one on file", async () => {
      const p = CORRIENTES;
      const res = await api(
        s,
        "POST",
        "/api/v1/claims",
        claimBody(p, {
          residence: {
            country: "ar",
            line1: "av. corrientes 1234",
            line2: "PISO 5 DPTO B",
            city: "CABA",
            postalCode: "1043",
          },
        }),
      );
      assert.equal(res.json<{ status: string }>().status, "issued");
      const letter = (await s.deliver()).find(
        (e) => e.channel === "letter" && e.to.includes(`${p.givenNames} ${p.surname}`),
      );
      assert.ok(letter !== undefined);
      assert.ok(letter.to.includes("Avenida Corrientes 1234"), letter.to);
      assert.ok(letter.to.includes("C1043AAZ"), letter.to);
      assert.ok(!letter.to.includes("av. corrientes"), "never the spelling typed in the claim");
    });

    it("matches identity case- and accent-insensitively (Nicolò/nicolo, Pirrò/PIRRO, D'Agostino/d’agostino)", async () => {
      const cases: [ArchivePerson, Record<string, unknown>][] = [
        [ACCENTED[0]!, { surname: "SILVESTRI", givenNames: "nicolo" }],
        [ACCENTED[1]!, { surname: "pirro", givenNames: "MAELLE" }],
        [ACCENTED[2]!, { surname: "d’agostino", givenNames: "LUCIA" }],
      ];
      for (const [p, overrides] of cases) {
        const res = await api(s, "POST", "/api/v1/claims", claimBody(p, overrides));
        assert.equal(res.statusCode, 202);
        assert.equal(
          res.json<{ status: string }>().status,
          "issued",
          `${p.surname} ${p.givenNames}`,
        );
      }
    });
  });

  describe("when an automatic check fails", () => {
    const unknownCode = encodeFiscalCode({
      surname: "Zappacosta",
      givenNames: "Ermenegildo",
      sex: "M",
      birthDate: "1961-03-14",
      birthPlaceCode: "Z404",
    });

    it("answers the same neutral 202 under_verification for every reason, and stores the reasons for operators", async () => {
      const bornAbroad = () => {
        for (;;) {
          const p = people.next();
          if (p.birthPlaceCode.startsWith("Z")) return p;
        }
      };
      const bornInItaly = () => {
        for (;;) {
          const p = people.next();
          if (!p.birthPlaceCode.startsWith("Z")) return p;
        }
      };
      const abroad = bornAbroad();
      const italyBorn = bornInItaly();
      const anyone = () => people.next();
      const residentInItaly = RESIDENT_IN_ITALY;
      const italianId = ITALIAN_ID[0]!;
      const p0 = s.people[0]!;
      const cases: {
        name: string;
        p: ArchivePerson;
        body: Record<string, unknown>;
        reasons: string[];
      }[] = [];
      const add = (
        name: string,
        p: ArchivePerson,
        overrides: Record<string, unknown>,
        reasons: string[],
      ) => {
        cases.push({ name, p, body: claimBody(p, overrides), reasons });
      };
      {
        const p = anyone();
        add("unknown fiscal code", { ...p, fiscalCode: unknownCode }, { fiscalCode: unknownCode }, [
          "fiscal_code_unknown",
        ]);
      }
      {
        const p = anyone();
        add("surname", p, { surname: "Rossini" }, ["surname_mismatch"]);
      }
      {
        const p = anyone();
        add("given names", p, { givenNames: "Evaristo" }, ["given_names_mismatch"]);
      }
      {
        const p = anyone();
        add("sex", p, { sex: p.sex === "M" ? "F" : "M" }, ["sex_mismatch"]);
      }
      {
        const p = anyone();
        const d = new Date(`${p.birthDate}T00:00:00Z`);
        d.setUTCDate(d.getUTCDate() + 1);
        add("birth date", p, { birthDate: d.toISOString().slice(0, 10) }, ["birth_date_mismatch"]);
      }
      add(
        "birth country",
        abroad,
        { birthCountry: abroad.residence.country === "CH" ? "AT" : "CH" },
        ["birth_place_mismatch"],
      );
      add("birth municipality", italyBorn, { birthCountry: "IT", birthMunicipality: "Canicattì" }, [
        "birth_place_mismatch",
      ]);
      {
        const p = anyone();
        add("address", p, { residence: { ...residenceOf(p), line1: "Nowhere Lane 999" } }, [
          "residence_mismatch",
        ]);
      }
      add("Italian ID on file", italianId, {}, ["italian_id_on_file", "not_eligible_on_date"]);
      add(
        "residence in Italy on file",
        residentInItaly,
        { residence: residenceOf(p0), mobile: p0.mobile, document: { ...documentOf(p0) } },
        ["residence_in_italy_on_file", "not_eligible_on_date"],
      );

      const answers: LightMyRequestResponse[] = [];
      for (const c of cases) {
        const res = await api(s, "POST", "/api/v1/claims", c.body);
        assert.equal(res.statusCode, 202, `${c.name}: ${res.body}`);
        const body = res.json<{ claimId: string; status: string }>();
        assert.deepEqual(Object.keys(body).sort(), ["claimId", "status"], c.name);
        assert.equal(body.status, "under_verification", c.name);
        assert.match(body.claimId, UUID);
        answers.push(res);

        const stored = await claimRows(s, c.p.fiscalCode);
        assert.equal(stored.length, 1, c.name);
        assert.equal(stored[0]!.status, "under_verification", c.name);
        assert.deepEqual(stored[0]!.reasons, c.reasons, c.name);
        assert.equal(
          stored[0]!.declared.surname,
          c.body.surname,
          `${c.name}: what the citizen declared is kept`,
        );
        assert.equal(
          await count(s, "SELECT 1 FROM credential WHERE fiscal_code = $1", [c.p.fiscalCode]),
          0,
          `${c.name}: no PIN`,
        );
      }

      // The same answer whatever the reason: identical bodies but for the id, identical headers.
      const neutral = (r: LightMyRequestResponse) =>
        r.body.replace(/"claimId":"[^"]+"/u, '"claimId":"-"');
      const headers = (r: LightMyRequestResponse) => {
        const { date: _date, ...rest } = r.headers;
        return rest;
      };
      for (const r of answers.slice(1)) {
        assert.equal(neutral(r), neutral(answers[0]!));
        assert.deepEqual(headers(r), headers(answers[0]!));
      }

      // The citizen's acknowledgement (by the chosen channel) says the same whatever the reason.
      const outbox = await s.deliver();
      const texts = cases.map((c, i) => {
        const ref = claimReference(answers[i]!.json<{ claimId: string }>().claimId);
        const mail = outbox.find((e) => e.kind === "claim_received" && e.text.includes(ref));
        assert.ok(mail !== undefined, `${c.name}: acknowledgement sent`);
        assert.equal(mail.to, c.body.delivery === "sms" ? c.body.mobile : c.body.email);
        return mail.text
          .replace(ref, "REF")
          .replace(`${String(c.body.givenNames)} ${String(c.body.surname)}`, "NAME");
      });
      for (const t of texts) assert.equal(t, texts[0]);
      for (const word of ["mismatch", "archiv", "Italian", "italiano"])
        assert.ok(!texts[0]!.includes(word));
    });
  });

  describe("refusals", () => {
    it("refuses a declared residence in Italy at once (422 RESIDENT_IN_ITALY) pointing to SPID, CIE and CNS", async () => {
      const p = people.next();
      for (const country of ["IT", " it "]) {
        const res = await api(
          s,
          "POST",
          "/api/v1/claims",
          claimBody(p, {
            residence: { country, line1: "Via Roma 1", city: "Roma", postalCode: "00184" },
          }),
        );
        const problem = problemOf(res, 422);
        assert.equal(problem.code, "RESIDENT_IN_ITALY");
        for (const scheme of ["SPID", "CIE", "CNS"])
          assert.match(problem.detail, new RegExp(scheme, "u"));
        assert.deepEqual(
          problem.errors?.map((e) => e.field),
          ["residence.country"],
        );
      }
      const en = await s.app.inject({
        method: "POST",
        url: "/api/v1/claims",
        headers: { "content-type": "application/json", "accept-language": "en-GB,en;q=0.9" },
        payload: JSON.stringify(claimBody(p, { residence: { ...residenceOf(p), country: "IT" } })),
      });
      assert.match(problemOf(en, 422).detail, /Residents of Italy .*SPID/u);
      assert.equal(
        await count(s, "SELECT 1 FROM claim WHERE fiscal_code = $1", [p.fiscalCode]),
        0,
        "nothing stored",
      );
    });

    it("refuses an Italian identity document (422 ITALIAN_DOCUMENT_DECLARED) and stores nothing", async () => {
      const p = people.next();
      const res = await api(
        s,
        "POST",
        "/api/v1/claims",
        claimBody(p, { document: { ...documentOf(p), issuingCountry: "it" } }),
      );
      const problem = problemOf(res, 422);
      assert.equal(problem.code, "ITALIAN_DOCUMENT_DECLARED");
      assert.match(problem.detail, /SPID/u);
      assert.deepEqual(
        problem.errors?.map((e) => e.field),
        ["document.issuingCountry"],
      );
      assert.equal(await count(s, "SELECT 1 FROM claim WHERE fiscal_code = $1", [p.fiscalCode]), 0);
    });
  });

  describe("malformed input", () => {
    it("answers 400 to a body that is not a JSON object: scalars, null, arrays, invalid JSON", async () => {
      const before = await count(s, "SELECT 1 FROM claim");
      const valid = JSON.stringify(claimBody(s.people[1]!));
      for (const payload of [
        '"a claim"',
        "42",
        "true",
        "null",
        "[]",
        `[${valid}]`,
        '{"fiscalCode":',
        "{'a':1}",
      ]) {
        const res = await s.app.inject({
          method: "POST",
          url: "/api/v1/claims",
          headers: { "content-type": "application/json" },
          payload,
        });
        const problem = problemOf(res, 400);
        assert.equal(problem.code, "MALFORMED_REQUEST", payload);
      }
      // An empty JSON body is an empty object: every required field is named.
      const empty = await s.app.inject({
        method: "POST",
        url: "/api/v1/claims",
        headers: { "content-type": "application/json" },
        payload: "",
      });
      assert.ok((problemOf(empty, 422).errors ?? []).length >= 8);
      assert.equal(await count(s, "SELECT 1 FROM claim"), before);
    });

    it("answers 422 naming every bad field at once, each with a message", async () => {
      const p = s.people.find(
        (x) => x.residence.country === "DE" && x.fiscalCode !== s.people[2]!.fiscalCode,
      )!;
      const good = p.fiscalCode.slice(0, 15);
      const wrongCheck = good + (fiscalCodeCheckCharacter(good) === "A" ? "B" : "A");
      const { surname: _surname, ...withoutSurname } = claimBody(p);
      const res = await api(s, "POST", "/api/v1/claims", {
        ...withoutSurname,
        fiscalCode: wrongCheck,
        residence: { ...residenceOf(p), postalCode: "ABCDE" },
        mobile: "+49 30 12345678", // a Berlin landline
        email: "someone-at-example.com",
        document: { type: "passport", issuingCountry: "DE" },
      });
      const problem = problemOf(res, 422);
      assert.equal(problem.code, "VALIDATION_FAILED");
      const byField = new Map((problem.errors ?? []).map((e) => [e.field, e.code]));
      assert.deepEqual(
        [...byField].sort(([a], [b]) => a.localeCompare(b)),
        [
          ["document.number", "required"],
          ["email", "invalid_email"],
          ["fiscalCode", "fiscal_code_check_character"],
          ["mobile", "not_mobile"],
          ["residence.postalCode", "invalid_postal_code"],
          ["surname", "required"],
        ],
      );
      for (const e of problem.errors ?? [])
        assert.ok(e.detail.length > 0, `${e.field} has a message`);
    });

    it("answers 422 for wrong values of every enumerated or dated field", async () => {
      const p = s.people[1]!;
      const res = await api(
        s,
        "POST",
        "/api/v1/claims",
        claimBody(p, {
          sex: "X",
          birthDate: "1975-02-30",
          delivery: "fax",
          document: { type: "visa", number: "12", issuingCountry: "XX" },
          residence: { ...residenceOf(p), country: "ZZ" },
          givenNames: "Ana3",
        }),
      );
      const fields = (problemOf(res, 422).errors ?? []).map((e) => e.field).sort();
      assert.deepEqual(fields, [
        "birthDate",
        "delivery",
        "document.issuingCountry",
        "document.number",
        "document.type",
        "givenNames",
        "residence.country",
        "sex",
      ]);
      const future = await api(
        s,
        "POST",
        "/api/v1/claims",
        claimBody(p, { birthDate: "2031-01-01" }),
      );
      assert.deepEqual(
        problemOf(future, 422).errors?.map((e) => [e.field, e.code]),
        [["birthDate", "date_in_future"]],
      );
    });

    it("answers 422 (not a database error) to control characters or lone surrogates in free-text fields", async () => {
      const p = people.next();
      const before = await count(s, "SELECT 1 FROM claim");
      const fields: [string, (v: string) => Record<string, unknown>][] = [
        ["birthMunicipality", (v) => ({ birthMunicipality: v })],
        ["residence.line1", (v) => ({ residence: { ...residenceOf(p), line1: v } })],
        ["residence.line2", (v) => ({ residence: { ...residenceOf(p), line2: v } })],
        ["residence.city", (v) => ({ residence: { ...residenceOf(p), city: v } })],
        ["residence.region", (v) => ({ residence: { ...residenceOf(p), region: v } })],
      ];
      for (const [field, override] of fields) {
        for (const bad of ["Via\u0000Roma", "Via \ud800 Roma", "Bell\u0007", "\u001b[31mred"]) {
          const res = await api(s, "POST", "/api/v1/claims", claimBody(p, override(bad)));
          const problem = problemOf(res, 422);
          assert.deepEqual(
            problem.errors?.map((e) => e.field),
            [field],
            `${field} ${JSON.stringify(bad)}`,
          );
        }
      }
      assert.equal(await count(s, "SELECT 1 FROM claim"), before);
    });

    it("answers 415 to any content type but JSON, and stores nothing", async () => {
      const before = await count(s, "SELECT 1 FROM claim");
      const p = s.people[1]!;
      const cases: [string, string][] = [
        ["text/plain", JSON.stringify(claimBody(p))],
        ["application/x-www-form-urlencoded", "fiscalCode=x&surname=y"],
        ["application/xml", "<claim/>"],
        ["multipart/form-data; boundary=x", "--x--"],
      ];
      for (const [type, payload] of cases) {
        const res = await s.app.inject({
          method: "POST",
          url: "/api/v1/claims",
          headers: { "content-type": type },
          payload,
        });
        assert.equal(problemOf(res, 415).code, "UNSUPPORTED_MEDIA_TYPE", type);
      }
      assert.equal(await count(s, "SELECT 1 FROM claim"), before);
    });
  });

  describe("a second claim", () => {
    it("answers 409 PIN_ALREADY_ACTIVE only to a claim that passes every check, with no second credential or message", async () => {
      const initial = people.next();
      assert.equal((await api(s, "POST", "/api/v1/claims", claimBody(initial))).statusCode, 202);
      await s.deliver();
      const operating = people.next();
      await personWithPin(s, operating);

      for (const p of [initial, operating]) {
        const credentials = await count(s, "SELECT 1 FROM credential WHERE fiscal_code = $1", [
          p.fiscalCode,
        ]);
        const messages = await count(s, "SELECT 1 FROM outbox");
        for (const overrides of [{}, { delivery: "email" }]) {
          const res = await api(s, "POST", "/api/v1/claims", claimBody(p, overrides));
          assert.equal(problemOf(res, 409).code, "PIN_ALREADY_ACTIVE");
        }
        assert.equal(
          await count(s, "SELECT 1 FROM credential WHERE fiscal_code = $1", [p.fiscalCode]),
          credentials,
        );
        assert.equal(await count(s, "SELECT 1 FROM outbox"), messages, "no message queued");
        assert.equal(
          await count(s, "SELECT 1 FROM claim WHERE fiscal_code = $1", [p.fiscalCode]),
          1,
        );
      }
    });

    it("tells a stranger who fails the checks nothing about an existing PIN: the same neutral 202", async () => {
      const holder = people.next();
      await personWithPin(s, holder);
      const stranger = await api(
        s,
        "POST",
        "/api/v1/claims",
        claimBody(holder, { surname: "Someone Else", delivery: "email", email: "x@example.net" }),
      );
      const unknown = await api(
        s,
        "POST",
        "/api/v1/claims",
        claimBody(people.next(), { surname: "Someone Else" }),
      );
      assert.equal(stranger.statusCode, 202);
      assert.equal(stranger.json<{ status: string }>().status, "under_verification");
      assert.equal(unknown.json<{ status: string }>().status, "under_verification");
      const neutral = (r: LightMyRequestResponse) =>
        r.body.replace(/"claimId":"[^"]+"/u, '"claimId":"-"');
      assert.equal(neutral(stranger), neutral(unknown));
      assert.equal(
        await count(s, "SELECT 1 FROM credential WHERE fiscal_code = $1 AND status = 'active'", [
          holder.fiscalCode,
        ]),
        1,
        "the holder's PIN is untouched",
      );
    });

    it("lets a claim that passes every check supersede the failed claims waiting for the same person", async () => {
      const p = people.next();
      const junk = await api(s, "POST", "/api/v1/claims", claimBody(p, { givenNames: "Nobody" }));
      const junk2 = await api(s, "POST", "/api/v1/claims", claimBody(p, { surname: "Altro" }));
      for (const r of [junk, junk2])
        assert.equal(r.json<{ status: string }>().status, "under_verification");
      const real = await api(s, "POST", "/api/v1/claims", claimBody(p));
      assert.equal(real.statusCode, 202, real.body);
      const realId = real.json<{ claimId: string; status: string }>();
      assert.equal(realId.status, "issued");
      const closed = await rows<{
        id: string;
        status: string;
        superseded_by: string;
        closed_reason: string;
      }>(
        s,
        "SELECT id, status, superseded_by, closed_reason FROM claim WHERE fiscal_code = $1 AND id <> $2 ORDER BY created_at",
        [p.fiscalCode, realId.claimId],
      );
      assert.deepEqual(
        closed.map((c) => [c.status, c.superseded_by, c.closed_reason]),
        [
          ["superseded", realId.claimId, "superseded_by_valid_claim"],
          ["superseded", realId.claimId, "superseded_by_valid_claim"],
        ],
      );
      assert.equal(
        await count(s, "SELECT 1 FROM audit_event WHERE type = 'claim.superseded'"),
        2,
        "each closure audited",
      );
    });

    it("sent concurrently with identical ones issues exactly one PIN", async () => {
      const p = people.next();
      const results = await Promise.all(
        Array.from({ length: 5 }, () => api(s, "POST", "/api/v1/claims", claimBody(p))),
      );
      const statuses = results.map((r) => r.statusCode).sort();
      assert.deepEqual(statuses, [202, 409, 409, 409, 409]);
      for (const r of results.filter((x) => x.statusCode === 409))
        assert.equal(problemOf(r).code, "PIN_ALREADY_ACTIVE");
      const winner = results
        .find((r) => r.statusCode === 202)!
        .json<{ claimId: string; status: string }>();
      assert.equal(winner.status, "issued");
      assert.equal(
        await count(s, "SELECT 1 FROM credential WHERE fiscal_code = $1", [p.fiscalCode]),
        1,
      );
      assert.equal(await count(s, "SELECT 1 FROM claim WHERE fiscal_code = $1", [p.fiscalCode]), 1);
      assert.equal(
        await count(s, "SELECT 1 FROM outbox WHERE payload->>'claimReference' = $1", [
          claimReference(winner.claimId),
        ]),
        2,
      );
      assert.equal(
        await count(s, "SELECT 1 FROM account WHERE fiscal_code = $1", [p.fiscalCode]),
        1,
      );
    });

    it("queues every failed claim for an operator, each with its own neutral acknowledgement", async () => {
      const p = people.next();
      const results = await Promise.all(
        Array.from({ length: 3 }, () =>
          api(s, "POST", "/api/v1/claims", claimBody(p, { surname: "Altro" })),
        ),
      );
      assert.deepEqual(
        results.map((r) => r.statusCode),
        [202, 202, 202],
      );
      assert.equal(
        await count(
          s,
          "SELECT 1 FROM claim WHERE fiscal_code = $1 AND status = 'under_verification'",
          [p.fiscalCode],
        ),
        3,
      );
      assert.equal(
        await count(s, "SELECT 1 FROM outbox WHERE kind = 'claim_received' AND recipient = $1", [
          p.mobile!,
        ]),
        3,
      );
    });
  });

  describe("the eligibility calendar, read from the service clock", () => {
    after(() => {
      s.clock.set(START);
    });

    it("refers a claim by someone with an Italian ID to an operator; from 2020-10-01 the calendar also says no new PIN", async () => {
      // Until 2020-09-30 anyone could claim: the only reason left is the channel's own check.
      s.clock.set("2020-06-01T10:00:00Z");
      const early = ITALIAN_ID[1]!;
      const r1 = await api(s, "POST", "/api/v1/claims", claimBody(early));
      assert.equal(r1.json<{ status: string }>().status, "under_verification");
      assert.deepEqual((await claimRows(s, early.fiscalCode))[0]!.reasons, ["italian_id_on_file"]);

      // Transition (2020-10-01 .. 2021-09-30): no new PINs for those who can obtain SPID.
      s.clock.set("2021-03-15T10:00:00Z");
      const transition = ITALIAN_ID[2]!;
      await api(s, "POST", "/api/v1/claims", claimBody(transition));
      assert.deepEqual((await claimRows(s, transition.fiscalCode))[0]!.reasons, [
        "italian_id_on_file",
        "not_eligible_on_date",
      ]);
    });

    it("issues to a resident abroad without an Italian ID in every period", async () => {
      for (const at of ["2020-06-01T10:00:00Z", "2021-03-15T10:00:00Z", "2026-03-02T09:00:00Z"]) {
        s.clock.set(at);
        const p = people.next();
        const res = await api(s, "POST", "/api/v1/claims", claimBody(p));
        assert.equal(res.json<{ status: string }>().status, "issued", at);
      }
    });

    it("lets an existing PIN of someone with an Italian ID work until 2021-09-30 and refuses it from 2021-10-01 (Rome time)", async () => {
      s.clock.set("2021-09-20T10:00:00Z");
      const p = people.next();
      const { pin } = await personWithPin(s, p);
      await s.rt.db.query(
        "UPDATE archive_person SET italian_id_on_file = true WHERE fiscal_code = $1",
        [p.fiscalCode],
      );

      s.clock.set("2021-09-30T21:59:00Z"); // 23:59 in Rome on 30 September
      const lastDay = await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin });
      assert.equal(lastDay.statusCode, 200);
      assert.equal(lastDay.json<{ status: string }>().status, "authenticated");

      s.clock.set("2021-09-30T22:00:00Z"); // midnight in Rome: 1 October 2021
      const firstDay = await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin });
      assert.equal(problemOf(firstDay, 403).code, "PIN_NOT_ELIGIBLE");

      await s.rt.db.query(
        "UPDATE archive_person SET italian_id_on_file = false WHERE fiscal_code = $1",
        [p.fiscalCode],
      );
      const abroadOnly = await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin });
      assert.equal(
        abroadOnly.statusCode,
        200,
        "a resident abroad without an Italian ID keeps using it",
      );
    });
  });
});

/**
 * The office desk over HTTP (issue 7): form MV35 issues a dispositive initial PIN in person
 * (replacing an active one, refusing without the applicant present, with an expired document
 * or for a person who may not hold a PIN), its printout is one download by the clerk who
 * issued it, and the conversion in person makes the PIN dispositive and releases the waiting
 * benefit claims. Delegations: test/http/staff-desk-delegations.test.ts.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import type { ArchivePerson } from "../../src/domain/archive.ts";
import { api, Jar, startService, type TestService } from "../helpers/app.ts";
import { aPerson } from "../helpers/builders.ts";
import { CLAIM_BODY, conversionKit, type ConversionKit } from "../helpers/conversion.ts";
import { auditTypesOf, problemOf, rows } from "../helpers/journeys.ts";
import { staffSession } from "../helpers/staff.ts";

interface Issued {
  pin: string;
  pdfUrl: string;
  level: string;
  replaced: boolean;
}

const passport = {
  type: "passport",
  number: "AR1234567",
  issuingCountry: "AR",
  expiry: "2030-01-31",
};
const visit = { kind: "appointment", ref: "BOOK-2026-0042" };

function mv35Body(p: ArchivePerson, over: Record<string, unknown> = {}) {
  return {
    fiscalCode: p.fiscalCode,
    document: passport,
    mobile: "+5491187654321",
    email: "desk@example.com",
    applicantPresent: true,
    reason: visit,
    ...over,
  };
}

function pdfText(bytes: Buffer): string {
  return execFileSync("pdftotext", ["-layout", "-", "-"], { input: bytes }).toString("utf8");
}

describe("the office desk: MV35 and the conversion in person", () => {
  let s: TestService;
  let k: ConversionKit;
  let clerk: Jar;
  let otherClerk: Jar;
  const inItaly = aPerson({
    residence: { line1: "Via Roma 1", city: "Roma", postalCode: "00100", country: "IT" },
  });
  const italianId = aPerson({ italianIdOnFile: true });

  before(async () => {
    s = await startService({ archiveSize: 40, extraPeople: [inItaly, italianId] });
    k = conversionKit(s);
    clerk = (await staffSession(s, { role: "office_clerk", officeId: "roma-eur" })).jar;
    otherClerk = (await staffSession(s, { role: "office_clerk", officeId: "roma-eur" })).jar;
  });
  after(async () => {
    await s.close();
  });

  const mv35 = (body: unknown, jar = clerk) => api(s, "POST", "/api/v1/staff/desk/mv35", body, jar);

  it("issues a 16-character dispositive initial PIN: the first login sets the operating PIN", async () => {
    const p = k.people.next();
    const res = await mv35(mv35Body(p));
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.headers["cache-control"], "no-store");
    const issued = res.json<Issued>();
    assert.match(issued.pin, /^[2-9A-HJKMNP-Z]{16}$/u);
    assert.equal(issued.level, "dispositive");
    assert.equal(issued.replaced, false);
    const [claim] = await rows<{ channel: string; delivery: string; status: string }>(
      s,
      "SELECT channel, delivery, status FROM claim WHERE fiscal_code = $1",
      [p.fiscalCode],
    );
    assert.deepEqual(claim, { channel: "desk", delivery: "in_person", status: "issued" });
    const [cred] = await rows<{ kind: string; level: string }>(
      s,
      "SELECT kind, level FROM credential WHERE fiscal_code = $1 AND status = 'active'",
      [p.fiscalCode],
    );
    assert.deepEqual(cred, { kind: "initial", level: "dispositive" });
    // The PIN is never stored in clear, only sealed for the printout.
    const sealed = await rows<{ sealed: string }>(s, "SELECT sealed FROM desk_pin_handover", []);
    assert.ok(sealed.every((r) => !r.sealed.includes(issued.pin)));

    const jar = new Jar();
    const login = await api(
      s,
      "POST",
      "/api/v1/session",
      { fiscalCode: p.fiscalCode, pin: issued.pin },
      jar,
    );
    assert.equal(login.statusCode, 200, login.body);
    const act = await api(s, "POST", "/api/v1/pin/activate", undefined, jar);
    assert.equal(act.statusCode, 201, act.body);
    assert.equal(act.json<{ level: string }>().level, "dispositive");
    const contacts = await rows<{ mobile: string; email: string }>(
      s,
      "SELECT mobile, email FROM account WHERE fiscal_code = $1",
      [p.fiscalCode],
    );
    assert.deepEqual(contacts[0], { mobile: "+5491187654321", email: "desk@example.com" });
    const types = await auditTypesOf(s, p.fiscalCode);
    assert.ok(types.includes("desk.pin_issued") && types.includes("claim.received"), types.join());
  });

  it("replaces an active PIN: the old one and its sessions stop working", async () => {
    const h = await k.holder();
    const res = await mv35(mv35Body(h.p));
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json<Issued>().replaced, true);
    assert.equal((await api(s, "GET", "/api/v1/me", undefined, h.jar)).statusCode, 401);
    const old = await api(s, "POST", "/api/v1/session", { fiscalCode: h.p.fiscalCode, pin: h.pin });
    assert.equal(old.statusCode, 401);
    const ended = await rows<{ status: string }>(
      s,
      "SELECT status FROM credential WHERE fiscal_code = $1 ORDER BY set_at",
      [h.p.fiscalCode],
    );
    assert.ok(ended.some((r) => r.status === "superseded"));
    assert.equal(ended.filter((r) => r.status === "active").length, 1);
  });

  it("refuses without the applicant present: a delegate may never claim", async () => {
    const p = k.people.next();
    for (const applicantPresent of [undefined, false, "true"]) {
      const pr = problemOf(await mv35(mv35Body(p, { applicantPresent })), 422);
      assert.deepEqual(
        pr.errors?.map((e) => e.field),
        ["applicantPresent"],
      );
    }
    assert.equal(
      (await rows(s, "SELECT 1 FROM credential WHERE fiscal_code = $1", [p.fiscalCode])).length,
      0,
    );
  });

  it("refuses an expired document, and an Italian one", async () => {
    const p = k.people.next();
    const expired = problemOf(
      await mv35(mv35Body(p, { document: { ...passport, expiry: "2026-03-01" } })),
      422,
    );
    assert.deepEqual(
      expired.errors?.map((e) => e.field),
      ["document.expiry"],
    );
    assert.match(JSON.stringify(expired.errors), /scaduto/u);
    const italian = problemOf(
      await mv35(mv35Body(p, { document: { ...passport, issuingCountry: "IT" } })),
      422,
    );
    assert.deepEqual(
      italian.errors?.map((e) => e.field),
      ["document.issuingCountry"],
    );
  });

  it("refuses a person who may not hold a PIN, naming the reasons to the clerk (audited)", async () => {
    for (const [p, reason] of [
      [inItaly, "residence_in_italy_on_file"],
      [italianId, "italian_id_on_file"],
      [aPerson(), "fiscal_code_unknown"],
    ] as const) {
      const pr = problemOf(await mv35(mv35Body(p)), 422);
      assert.equal(pr.code, "DESK_NOT_ELIGIBLE");
      assert.match(String((pr as { reasons?: unknown }).reasons), new RegExp(reason, "u"));
    }
    assert.ok((await auditTypesOf(s, inItaly.fiscalCode)).includes("desk.mv35_refused"));
  });

  it("prints the PIN once, for the clerk who issued it only", async () => {
    const p = k.people.next();
    const issued = (await mv35(mv35Body(p))).json<Issued>();
    const stranger = await api(s, "GET", issued.pdfUrl, undefined, otherClerk);
    assert.equal(stranger.statusCode, 404);
    const head = await s.app.inject({
      method: "HEAD",
      url: issued.pdfUrl,
      headers: { cookie: clerk.header() },
    });
    assert.notEqual(head.statusCode, 200, "no automatic HEAD spends the download");
    const pdf = await api(s, "GET", issued.pdfUrl, undefined, clerk);
    assert.equal(pdf.statusCode, 200, pdf.body);
    assert.equal(pdf.headers["content-type"], "application/pdf");
    assert.equal(pdf.headers["cache-control"], "no-store");
    const text = pdfText(pdf.rawPayload);
    const grouped = issued.pin.match(/.{4}/gu)?.join(" ") ?? "";
    assert.ok(text.includes(grouped), `the PIN ${grouped} on the sheet`);
    assert.ok(!text.includes(p.fiscalCode), "the fiscal code is masked");
    assert.ok(!pdf.rawPayload.toString("latin1").includes(issued.pin), "not in the metadata");
    const again = await api(s, "GET", issued.pdfUrl, undefined, clerk);
    assert.equal(again.statusCode, 404);
    const left = await rows<{ sealed: string | null }>(
      s,
      "SELECT sealed FROM desk_pin_handover WHERE fiscal_code = $1",
      [p.fiscalCode],
    );
    assert.deepEqual(left, [{ sealed: null }]);
    const types = await auditTypesOf(s, p.fiscalCode);
    assert.ok(types.includes("desk.pin_printed"));
  });

  it("lets the printout lapse after 5 minutes, erasing the sealed PIN", async () => {
    const p = k.people.next();
    const issued = (await mv35(mv35Body(p))).json<Issued>();
    s.clock.advance(5 * 60 + 1);
    assert.equal((await api(s, "GET", issued.pdfUrl, undefined, clerk)).statusCode, 404);
    const report = await s.rt.worker.runHousekeeping();
    assert.ok((report?.deskHandovers ?? 0) >= 1, "housekeeping erases what lapsed");
    const left = await rows<{ sealed: string | null }>(
      s,
      "SELECT sealed FROM desk_pin_handover WHERE fiscal_code = $1",
      [p.fiscalCode],
    );
    assert.deepEqual(left, [{ sealed: null }]);
  });

  it("never issues a second PIN for a resubmitted form (same request key)", async () => {
    const p = k.people.next();
    const body = mv35Body(p, { requestKey: "form-0123456789abcdef" });
    const first = await mv35(body);
    assert.equal(first.statusCode, 201, first.body);
    const again = problemOf(await mv35(body), 409);
    assert.equal(again.code, "DESK_ALREADY_ISSUED");
    const creds = await rows(s, "SELECT 1 FROM credential WHERE fiscal_code = $1", [p.fiscalCode]);
    assert.equal(creds.length, 1);
  });

  it("leaves one active PIN and one printout under parallel requests", async () => {
    const p = k.people.next();
    const answers = await Promise.all([mv35(mv35Body(p)), mv35(mv35Body(p)), mv35(mv35Body(p))]);
    for (const a of answers) assert.ok([201, 409].includes(a.statusCode), a.body);
    const active = await rows(
      s,
      "SELECT 1 FROM credential WHERE fiscal_code = $1 AND status = 'active'",
      [p.fiscalCode],
    );
    assert.equal(active.length, 1);
    // Only the PIN that stayed active can be printed; a fresh one, by three parallel clicks:
    const issued = (await mv35(mv35Body(k.people.next()))).json<Issued>();
    const downloads = await Promise.all(
      [1, 2, 3].map(() => api(s, "GET", issued.pdfUrl, undefined, clerk)),
    );
    assert.deepEqual(downloads.map((d) => d.statusCode).sort(), [200, 404, 404]);
    const keyed = mv35Body(k.people.next(), { requestKey: "parallel-0123456789abcdef" });
    const twice = await Promise.all([mv35(keyed), mv35(keyed)]);
    assert.deepEqual(twice.map((a) => a.statusCode).sort(), [201, 409]);
  });

  it("converts in person: the PIN becomes dispositive, a waiting claim goes to processing", async () => {
    const h = await k.holder();
    const filed = await api(s, "POST", "/api/v1/me/benefit-claims", CLAIM_BODY, h.jar);
    assert.equal(filed.statusCode, 201, filed.body);
    assert.equal(filed.json<{ status: string }>().status, "waiting_for_dispositive");
    const sent = await k.upload(h.jar, await k.goodParts());
    assert.equal(sent.statusCode, 202, sent.body);
    const res = await api(
      s,
      "POST",
      "/api/v1/staff/desk/conversion",
      { fiscalCode: h.p.fiscalCode, document: passport, reason: visit },
      clerk,
    );
    assert.equal(res.statusCode, 200, res.body);
    const done = res.json<{ level: string; claimsReleased: string[]; requestsClosed: string[] }>();
    assert.equal(done.level, "dispositive");
    assert.equal(done.claimsReleased.length, 1);
    assert.equal(done.requestsClosed.length, 1);
    const claims = await api(s, "GET", "/api/v1/me/benefit-claims", undefined, h.jar);
    assert.equal(
      claims.json<{ claims: { status: string }[] }>().claims[0]?.status,
      "in_processing",
    );
    const status = await api(s, "GET", "/api/v1/me/conversion", undefined, h.jar);
    assert.equal(status.json<{ status: string }>().status, "approved");
    // The new level counts from the next login.
    const jar = new Jar();
    await api(s, "POST", "/api/v1/session", { fiscalCode: h.p.fiscalCode, pin: h.pin }, jar);
    assert.equal(
      (await api(s, "GET", "/api/v1/me", undefined, jar)).json<{ level: string }>().level,
      "dispositive",
    );
    const again = problemOf(
      await api(
        s,
        "POST",
        "/api/v1/staff/desk/conversion",
        { fiscalCode: h.p.fiscalCode, document: passport, reason: visit },
        clerk,
      ),
      409,
    );
    assert.equal(again.code, "ALREADY_DISPOSITIVE");
    const types = await auditTypesOf(s, h.p.fiscalCode);
    for (const t of ["desk.converted", "benefit_claim.released", "conversion.approved"])
      assert.ok(types.includes(t), t);
    const notices = (await k.delivered()).filter((m) => m.kind === "desk_notice");
    assert.ok(notices.length > 0);
  });

  it("never leaves a claim waiting when it is filed while the clerk converts", async () => {
    const h = await k.holder();
    const [filed, converted] = await Promise.all([
      api(s, "POST", "/api/v1/me/benefit-claims", CLAIM_BODY, h.jar),
      api(
        s,
        "POST",
        "/api/v1/staff/desk/conversion",
        { fiscalCode: h.p.fiscalCode, document: passport, reason: visit },
        clerk,
      ),
    ]);
    assert.equal(filed.statusCode, 201, filed.body);
    assert.equal(converted.statusCode, 200, converted.body);
    const claims = await api(s, "GET", "/api/v1/me/benefit-claims", undefined, h.jar);
    assert.deepEqual(
      claims.json<{ claims: { status: string }[] }>().claims.map((c) => c.status),
      ["in_processing"],
    );
  });

  it("refuses the conversion without a reason, an active PIN or a valid document", async () => {
    const p = k.people.next();
    const noReason = problemOf(
      await api(
        s,
        "POST",
        "/api/v1/staff/desk/conversion",
        { fiscalCode: p.fiscalCode, document: passport },
        clerk,
      ),
      422,
    );
    assert.deepEqual(
      noReason.errors?.map((e) => e.field),
      ["reason"],
    );
    const noPin = problemOf(
      await api(
        s,
        "POST",
        "/api/v1/staff/desk/conversion",
        { fiscalCode: p.fiscalCode, document: passport, reason: visit },
        clerk,
      ),
      409,
    );
    assert.equal(noPin.code, "DESK_NO_PIN");
  });
});

/**
 * Delegations at the office desk over HTTP (issue 7, forms AA08, AA09, AA10): refused without
 * each document its form requires, registered with the documents sealed, a minor's delegation
 * ending the day before the 18th birthday, read by the clerk for a reason (audited), ended at
 * the desk (audited for both people), and shown to both people at /api/v1/me/delegations.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { LightMyRequestResponse } from "fastify";
import { REQUIRED_DOCUMENTS, DOCUMENT_FIELDS } from "../../src/domain/delegations.ts";
import type { PersonDelegations } from "../../src/flows/staff/desk-delegation-views.ts";
import type { Jar } from "../helpers/app.ts";
import { api, startService, type TestService } from "../helpers/app.ts";
import { aPerson } from "../helpers/builders.ts";
import { conversionKit, type ConversionKit } from "../helpers/conversion.ts";
import { auditTypesOf, problemOf, rows } from "../helpers/journeys.ts";
import { staffSession } from "../helpers/staff.ts";
import * as files from "../helpers/uploads.ts";

const FORMS = ["AA08", "AA09", "AA10"] as const;

describe("delegations at the office desk", () => {
  let s: TestService;
  let k: ConversionKit;
  let clerk: Jar;
  // Born 2015-06-10: a minor on 2026-03-02 (the service's start), 18 on 2033-06-10.
  const minor = aPerson({ birthDate: "2015-06-10", givenNames: "LUCIA" });

  before(async () => {
    s = await startService({ archiveSize: 40, extraPeople: [minor] });
    k = conversionKit(s);
    clerk = (await staffSession(s, { role: "office_clerk", officeId: "roma-eur" })).jar;
  });
  after(async () => {
    await s.close();
  });

  async function register(
    text: Record<string, string>,
    docs: readonly string[],
  ): Promise<LightMyRequestResponse> {
    const scan = await files.pdf();
    const body = files.multipartBody([
      ...Object.entries({ reasonKind: "appointment", reasonRef: "BOOK-77", ...text }).map(
        ([name, data]) => ({ name, data }),
      ),
      ...docs.map((name) => ({
        name,
        fileName: `${name}.pdf`,
        contentType: "application/pdf",
        data: scan,
      })),
    ]);
    return s.app.inject({
      method: "POST",
      url: "/api/v1/staff/desk/delegations",
      headers: { "content-type": body.contentType, cookie: clerk.header() },
      payload: body.payload,
    });
  }
  const fieldsOf = (form: (typeof FORMS)[number]) =>
    REQUIRED_DOCUMENTS[form].map((r) => DOCUMENT_FIELDS[r]);

  it("refuses each form without each of its required documents, storing nothing", async () => {
    const delegator = k.people.next();
    const delegate = k.people.next();
    for (const form of FORMS) {
      const required = fieldsOf(form);
      for (const missing of required) {
        const res = await register(
          {
            fiscalCode: form === "AA10" ? minor.fiscalCode : delegator.fiscalCode,
            delegateFiscalCode: delegate.fiscalCode,
            form,
            ...(form === "AA10" ? { authority: "parent" } : { endDate: "2027-03-01" }),
          },
          required.filter((f) => f !== missing),
        );
        const pr = problemOf(res, 422);
        assert.deepEqual(
          pr.errors?.map((e) => [e.field, e.code]),
          [[missing, "file_required"]],
          `${form} without ${missing}`,
        );
      }
    }
    assert.equal((await rows(s, "SELECT 1 FROM delegation", [])).length, 0);
    assert.equal((await rows(s, "SELECT 1 FROM delegation_document", [])).length, 0);
  });

  it("refuses a file that is not a document, naming it", async () => {
    const body = files.multipartBody([
      { name: "fiscalCode", data: k.people.next().fiscalCode },
      { name: "delegateFiscalCode", data: k.people.next().fiscalCode },
      { name: "form", data: "AA08" },
      { name: "endDate", data: "2027-03-01" },
      { name: "reasonKind", data: "appointment" },
      { name: "reasonRef", data: "BOOK-78" },
      { name: "signedForm", fileName: "form.pdf", data: await files.pdf() },
      { name: "delegatorIdCopy", fileName: "id.exe", data: files.executable() },
    ]);
    const res = await s.app.inject({
      method: "POST",
      url: "/api/v1/staff/desk/delegations",
      headers: { "content-type": body.contentType, cookie: clerk.header() },
      payload: body.payload,
    });
    const pr = problemOf(res, 422);
    assert.deepEqual(
      pr.errors?.map((e) => e.field),
      ["delegatorIdCopy"],
    );
    assert.match(JSON.stringify(pr.errors), /id\.exe/u);
  });

  it("ends a minor's delegation (AA10, parent) the day before the 18th birthday", async () => {
    const parent = k.people.next();
    const capped = await register(
      {
        fiscalCode: minor.fiscalCode,
        delegateFiscalCode: parent.fiscalCode,
        form: "AA10",
        authority: "parent",
        endDate: "2040-01-01",
      },
      fieldsOf("AA10"),
    );
    assert.equal(capped.statusCode, 201, capped.body);
    assert.equal(capped.json<{ endDate: string }>().endDate, "2033-06-09");
    const stored = await rows<{ n: number }>(
      s,
      "SELECT count(*)::int AS n FROM delegation_document WHERE delegation_id = $1",
      [capped.json<{ id: string }>().id],
    );
    assert.equal(stored[0]?.n, 3);
    // The scans are sealed: no PDF header in clear.
    const bodies = await rows<{ body: Buffer }>(s, "SELECT body FROM delegation_document", []);
    assert.ok(bodies.every((b) => !b.body.includes("%PDF-")));
    // An adult cannot be represented as a minor.
    const adult = problemOf(
      await register(
        {
          fiscalCode: k.people.next().fiscalCode,
          delegateFiscalCode: parent.fiscalCode,
          form: "AA10",
          authority: "parent",
        },
        fieldsOf("AA10"),
      ),
      422,
    );
    assert.deepEqual(
      adult.errors?.map((e) => e.code),
      ["delegator_not_minor"],
    );
  });

  it("registers a pair once when the same form is sent several times at once", async () => {
    const delegator = await k.holder();
    const delegate = await k.holder();
    const text = {
      fiscalCode: delegator.p.fiscalCode,
      delegateFiscalCode: delegate.p.fiscalCode,
      form: "AA08",
      endDate: "2027-03-01",
    };
    const answers = await Promise.all([1, 2, 3, 4].map(() => register(text, fieldsOf("AA08"))));
    assert.deepEqual(
      answers.map((a) => a.statusCode).sort(),
      [201, 409, 409, 409],
      answers.map((a) => a.body.slice(0, 120)).join(" | "),
    );
  });

  it("registers, shows both people their delegation, and ends it at the desk", async () => {
    const delegator = await k.holder();
    const delegate = await k.holder();
    const res = await register(
      {
        fiscalCode: delegator.p.fiscalCode,
        delegateFiscalCode: delegate.p.fiscalCode,
        form: "AA09",
        startDate: "2026-03-02",
        endDate: "2027-03-01",
      },
      fieldsOf("AA09"),
    );
    assert.equal(res.statusCode, 201, res.body);
    const id = res.json<{ id: string }>().id;
    const twice = problemOf(
      await register(
        {
          fiscalCode: delegator.p.fiscalCode,
          delegateFiscalCode: delegate.p.fiscalCode,
          form: "AA08",
          endDate: "2027-03-01",
        },
        fieldsOf("AA08"),
      ),
      409,
    );
    assert.equal(twice.code, "DELEGATION_EXISTS");

    const given = (
      await api(s, "GET", "/api/v1/me/delegations", undefined, delegator.jar)
    ).json<PersonDelegations>();
    assert.deepEqual(
      given.given.map((d) => [d.id, d.delegateFiscalCode, d.status]),
      [[id, delegate.p.fiscalCode, "active"]],
    );
    assert.deepEqual(given.received, []);
    const received = (
      await api(s, "GET", "/api/v1/me/delegations", undefined, delegate.jar)
    ).json<PersonDelegations>();
    assert.deepEqual(
      received.received.map((d) => [d.id, d.delegatorFiscalCode, d.form]),
      [[id, delegator.p.fiscalCode, "AA09"]],
    );
    assert.equal((await api(s, "GET", "/api/v1/me/delegations")).statusCode, 401);

    const url = `/api/v1/staff/desk/delegations?fiscalCode=${delegator.p.fiscalCode}`;
    assert.equal(
      problemOf(await api(s, "GET", url, undefined, clerk), 422).errors?.[0]?.field,
      "reason",
    );
    const listed = await api(
      s,
      "GET",
      `${url}&reasonKind=appointment&reasonRef=BOOK-79`,
      undefined,
      clerk,
    );
    assert.equal(listed.statusCode, 200, listed.body);
    assert.equal(listed.json<PersonDelegations>().given.length, 1);
    assert.ok((await auditTypesOf(s, delegator.p.fiscalCode)).includes("delegation.listed"));

    const end = (reason?: unknown) =>
      api(s, "POST", `/api/v1/staff/desk/delegations/${id}/end`, { reason }, clerk);
    assert.equal(problemOf(await end(), 422).errors?.[0]?.field, "reason");
    const ended = await end({ kind: "appointment", ref: "BOOK-80" });
    assert.equal(ended.statusCode, 200, ended.body);
    assert.equal(
      problemOf(await end({ kind: "appointment", ref: "BOOK-80" }), 409).code,
      "DELEGATION_ENDED",
    );
    const after = (
      await api(s, "GET", "/api/v1/me/delegations", undefined, delegate.jar)
    ).json<PersonDelegations>();
    assert.equal(after.received[0]?.status, "ended");
    // The data export (GDPR Art. 15) lists it, the other person's fiscal code masked.
    const exported = await api(s, "GET", "/api/v1/me/export", undefined, delegator.jar);
    const section = exported.json<{
      sections: { delegations: { person: string; status: string }[] };
    }>().sections.delegations;
    assert.deepEqual(
      section.map((d) => [d.person.length, d.person.includes(delegate.p.fiscalCode), d.status]),
      [[16, false, "ended"]],
    );
    for (const p of [delegator.p, delegate.p]) {
      const types = await auditTypesOf(s, p.fiscalCode);
      assert.ok(
        types.includes("delegation.registered") && types.includes("delegation.ended"),
        types.join(),
      );
    }
    assert.equal(
      problemOf(
        await api(
          s,
          "POST",
          "/api/v1/staff/desk/delegations/not-an-id/end",
          { reason: { kind: "appointment", ref: "x" } },
          clerk,
        ),
        404,
      ).code,
      "NOT_FOUND",
    );
  });
});

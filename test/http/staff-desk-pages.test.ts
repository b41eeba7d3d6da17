/**
 * The office desk's pages without JavaScript (issue 7): the clerk's menu, form MV35 showing the
 * PIN once with its one printout, a resubmitted form never issuing a second PIN, refusals next
 * to their fields, the conversion in person, delegations registered through a multipart form,
 * looked up and ended; the holder's delegations page linked from the personal area.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { LightMyRequestResponse } from "fastify";
import { api, type Jar, startService, type TestService } from "../helpers/app.ts";
import { conversionKit, type ConversionKit } from "../helpers/conversion.ts";
import { csrfOf, formPost, page, rows } from "../helpers/journeys.ts";
import { staffSession } from "../helpers/staff.ts";
import * as files from "../helpers/uploads.ts";

const hidden = (html: string, name: string): string =>
  new RegExp(`name="${name}" value="([^"]+)"`, "u").exec(html)?.[1] ?? "";

const documentFields = {
  "document.type": "passport",
  "document.number": "AR7654321",
  "document.issuingCountry": "AR",
  "document.expiry": "2031-05-31",
  reasonKind: "appointment",
  reasonRef: "BOOK-101",
};

describe("the office desk's pages", () => {
  let s: TestService;
  let k: ConversionKit;
  let clerk: Jar;

  before(async () => {
    s = await startService({ archiveSize: 40 });
    k = conversionKit(s);
    clerk = (await staffSession(s, { role: "office_clerk", officeId: "roma-eur" })).jar;
  });
  after(async () => {
    await s.close();
  });

  it("lists the desk's functions for a clerk, and for no one else", async () => {
    const home = await page(s, "/operatori", clerk);
    for (const href of [
      "/operatori/sportello/mv35",
      "/operatori/sportello/conversione",
      "/operatori/sportello/deleghe",
    ])
      assert.ok(home.body.includes(`href="${href}"`), href);
    for (const [path, title] of [
      ["/operatori/sportello/mv35?lang=en", "Dispositive PIN claimed in person (form MV35)"],
      ["/operatori/sportello/conversione?lang=en", "Converting the PIN to dispositive at the desk"],
      ["/operatori/sportello/deleghe?lang=en", "Digital identity delegations"],
      ["/operatori/sportello/deleghe/nuova?lang=en", "Registering a delegation"],
    ] as const) {
      const res = await page(s, path, clerk);
      assert.equal(res.statusCode, 200, path);
      assert.ok(res.body.includes(`<h1>${title}</h1>`), path);
      assert.equal(res.headers["cache-control"], "no-store");
    }
    const agent = (await staffSession(s, { role: "contact_centre_agent" })).jar;
    assert.ok(!(await page(s, "/operatori", agent)).body.includes("/operatori/sportello/"));
  });

  it("issues a PIN through the form: shown once, printed once, a resubmission issues nothing", async () => {
    const p = k.people.next();
    const form = await page(s, "/operatori/sportello/mv35", clerk);
    assert.equal(form.statusCode, 200);
    const fields = {
      _csrf: csrfOf(form.body),
      requestKey: hidden(form.body, "requestKey"),
      fiscalCode: p.fiscalCode,
      mobile: "+5491100001111",
      email: "sportello@example.com",
      applicantPresent: "yes",
      ...documentFields,
    };
    const res = await formPost(s, "/operatori/sportello/mv35", fields, clerk);
    assert.equal(res.statusCode, 201, res.body.slice(0, 500));
    assert.equal(res.headers["cache-control"], "no-store");
    const pin = /data-testid="desk-pin"><strong>([2-9A-Z ]{19})</u.exec(res.body)?.[1];
    assert.ok(pin, "the PIN is on the page");
    const pdfHref =
      /href="(\/operatori\/sportello\/mv35\/[0-9a-f-]{36}\/pin\.pdf)"/u.exec(res.body)?.[1] ?? "";
    const pdf = await page(s, pdfHref, clerk);
    assert.equal(pdf.headers["content-type"], "application/pdf");
    const gone = await page(s, pdfHref, clerk);
    assert.equal(gone.statusCode, 404);
    assert.match(gone.body, /non è più disponibile/u);
    // The browser resubmits the same form (a reload): the same key, no second PIN.
    const again = await formPost(s, "/operatori/sportello/mv35", fields, clerk);
    assert.equal(again.statusCode, 409);
    assert.ok(!again.body.includes(pin));
    assert.equal(
      (await rows(s, "SELECT 1 FROM credential WHERE fiscal_code = $1", [p.fiscalCode])).length,
      1,
    );
  });

  it("shows refusals next to their fields, the applicant's presence first", async () => {
    const form = await page(s, "/operatori/sportello/mv35", clerk);
    const res = await formPost(
      s,
      "/operatori/sportello/mv35",
      {
        _csrf: csrfOf(form.body),
        fiscalCode: k.people.next().fiscalCode,
        mobile: "+5491100001111",
        email: "x@example.com",
        ...documentFields,
        "document.expiry": "2020-01-01",
      },
      clerk,
    );
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /href="#f-applicantPresent"/u);
    assert.match(res.body, /href="#f-document-expiry"/u);
    assert.match(res.body, /id="f-applicantPresent"[^>]*aria-invalid="true"/u);
  });

  it("converts a PIN to dispositive through the form", async () => {
    const h = await k.holder();
    const form = await page(s, "/operatori/sportello/conversione", clerk);
    const res = await formPost(
      s,
      "/operatori/sportello/conversione",
      { _csrf: csrfOf(form.body), fiscalCode: h.p.fiscalCode, ...documentFields },
      clerk,
    );
    assert.equal(res.statusCode, 200, res.body.slice(0, 400));
    assert.match(res.body, /Il PIN ora è dispositivo/u);
  });

  it("registers a delegation through the multipart form, looks it up and ends it; both people see it", async () => {
    const delegator = await k.holder();
    const delegate = await k.holder();
    const form = await page(s, "/operatori/sportello/deleghe/nuova", clerk);
    const scan = await files.pdf();
    const blank = { fileName: "", contentType: "application/octet-stream", data: "" };
    const body = files.multipartBody([
      { name: "_csrf", data: csrfOf(form.body) },
      { name: "fiscalCode", data: delegator.p.fiscalCode },
      { name: "delegateFiscalCode", data: delegate.p.fiscalCode },
      { name: "form", data: "AA08" },
      { name: "authority", data: "" },
      { name: "startDate", data: "" },
      { name: "endDate", data: "2027-12-31" },
      { name: "reasonKind", data: "appointment" },
      { name: "reasonRef", data: "BOOK-102" },
      { name: "signedForm", fileName: "aa08.pdf", contentType: "application/pdf", data: scan },
      { name: "delegatorIdCopy", fileName: "id.pdf", contentType: "application/pdf", data: scan },
      ...[
        "healthCertificate",
        "delegatorIdOriginal",
        "delegateIdCopy",
        "applicantIdCopy",
        "authorityProof",
      ].map((name) => ({ name, ...blank })),
    ]);
    const res: LightMyRequestResponse = await s.app.inject({
      method: "POST",
      url: "/operatori/sportello/deleghe/nuova",
      headers: { "content-type": body.contentType, cookie: clerk.header(), accept: "text/html" },
      payload: body.payload,
    });
    assert.equal(res.statusCode, 201, res.body.slice(0, 600));
    assert.match(res.body, /Delega registrata/u);

    const search = await page(s, "/operatori/sportello/deleghe", clerk);
    const found = await formPost(
      s,
      "/operatori/sportello/deleghe",
      {
        _csrf: csrfOf(search.body),
        fiscalCode: delegator.p.fiscalCode,
        reasonKind: "appointment",
        reasonRef: "BOOK-103",
      },
      clerk,
    );
    assert.equal(found.statusCode, 200);
    assert.match(found.body, /<caption>/u);
    assert.ok(found.body.includes(delegate.p.fiscalCode));
    const endAction =
      /action="(\/operatori\/sportello\/deleghe\/[0-9a-f-]{36}\/termina)"/u.exec(found.body)?.[1] ??
      "";
    const ended = await formPost(
      s,
      endAction,
      { _csrf: csrfOf(found.body), reasonKind: "appointment", reasonRef: "BOOK-104" },
      clerk,
    );
    assert.equal(ended.statusCode, 200);
    assert.match(ended.body, /Delega terminata/u);

    const area = await page(s, "/area-personale", delegate.jar);
    assert.ok(area.body.includes('href="/area-personale/deleghe"'));
    const mine = await page(s, "/area-personale/deleghe", delegate.jar);
    assert.equal(mine.statusCode, 200);
    assert.ok(mine.body.includes(delegator.p.fiscalCode));
    assert.match(mine.body, /Terminata/u);
    const api1 = await api(s, "GET", "/api/v1/me/delegations", undefined, delegator.jar);
    assert.equal(api1.json<{ given: unknown[] }>().given.length, 1);
  });
});

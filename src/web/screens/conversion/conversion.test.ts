/**
 * The dispositive PIN and benefit claim pages: linked from the personal area; the upload as a
 * multipart form with its CSRF token, a refused file named next to its field, the request's
 * status once sent; a claim form built from the catalogue with errors tied to its fields, the
 * claim listed with its receipt.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  api,
  Jar,
  personWithPin,
  startService,
  type TestService,
} from "../../../../test/helpers/app.ts";
import { csrfOf, formPost, page, People } from "../../../../test/helpers/journeys.ts";
import * as files from "../../../../test/helpers/uploads.ts";

describe("dispositive PIN and benefit claim pages", () => {
  let s: TestService;
  let people: People;
  before(async () => {
    s = await startService({ archiveSize: 20 });
    people = new People(s);
  });
  after(async () => {
    await s.close();
  });

  const holder = async () => {
    const p = people.next();
    const { pin } = await personWithPin(s, p);
    const jar = new Jar();
    await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin }, jar);
    return { p, jar };
  };
  const post = async (jar: Jar, csrf: string, parts: files.Part[]) => {
    const body = files.multipartBody([{ name: "_csrf", data: csrf }, ...parts]);
    const res = await s.app.inject({
      method: "POST",
      url: "/area-personale/pin-dispositivo",
      headers: {
        "content-type": body.contentType,
        accept: "text/html",
        cookie: jar.header(),
      },
      payload: body.payload,
    });
    jar.update(res);
    return res;
  };

  it("uploads the signed form and the document from a page, naming a refused file", async () => {
    const { jar } = await holder();
    const area = await page(s, "/area-personale", jar);
    assert.match(area.body, /href="\/area-personale\/pin-dispositivo"/u);
    assert.match(area.body, /href="\/area-personale\/domande"/u);

    const form = await page(s, "/area-personale/pin-dispositivo", jar);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /enctype="multipart\/form-data"/u);
    assert.match(form.body, /href="\/area-personale\/pin-dispositivo\/modulo.pdf"/u);
    const pdf = await page(s, "/area-personale/pin-dispositivo/modulo.pdf", jar);
    assert.equal(pdf.headers["content-type"], "application/pdf");

    const bad = await post(jar, csrfOf(form.body), [
      { name: "signedForm", fileName: "virus.pdf", data: files.executable() },
      { name: "identityDocument", fileName: "", data: "" },
    ]);
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /id="cv-signedForm-error"[^>]*>[^<]*virus\.pdf/u);
    assert.match(bad.body, /id="cv-identityDocument-error"/u);

    const noToken = await post(jar, "forged", [
      { name: "signedForm", fileName: "f.pdf", data: await files.pdf() },
      { name: "identityDocument", fileName: "id.png", data: await files.png() },
    ]);
    assert.equal(noToken.statusCode, 403);

    const ok = await post(jar, csrfOf(bad.body), [
      { name: "signedForm", fileName: "modulo.pdf", data: await files.pdf() },
      { name: "identityDocument", fileName: "id.png", data: await files.png() },
    ]);
    assert.equal(ok.statusCode, 303, ok.body);
    const after = await page(s, String(ok.headers.location), jar);
    assert.match(after.body, /role="alert"/u);
    assert.match(after.body, /CD-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{5}/u);
    assert.doesNotMatch(after.body, /enctype="multipart/u, "no second upload while one is open");
  });

  it("files a claim from its form; errors are tied to the fields; the receipt downloads", async () => {
    const { jar } = await holder();
    const list = await page(s, "/area-personale/domande", jar);
    assert.match(list.body, /href="\/area-personale\/domande\/nuova\/payment_abroad"/u);
    const form = await page(s, "/area-personale/domande/nuova/payment_abroad", jar);
    assert.match(form.body, /name="fields.bankCountry"/u);
    const bad = await formPost(
      s,
      "/area-personale/domande/nuova/payment_abroad",
      {
        _csrf: csrfOf(form.body),
        "fields.pensionNumber": "",
        "fields.bankCountry": "AR",
        "fields.paymentIban": "AR00",
      },
      jar,
    );
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /id="b-pensionNumber-error"/u);
    assert.match(bad.body, /id="b-paymentIban-error"/u);
    assert.match(bad.body, /<option value="AR" selected>/u, "what was typed is kept");
    const submission = /name="submission" value="([^"]+)"/u.exec(bad.body)?.[1] ?? "";
    assert.ok(submission.length >= 8, "the form carries its own id");
    const filed = {
      _csrf: csrfOf(bad.body),
      submission,
      "fields.pensionNumber": "VO 1234567",
      "fields.bankCountry": "DE",
      "fields.paymentIban": "DE89 3704 0044 0532 0130 00",
    };
    const ok = await formPost(s, "/area-personale/domande/nuova/payment_abroad", filed, jar);
    assert.equal(ok.statusCode, 303, ok.body);
    // Sent again (a double click): the same claim.
    const twice = await formPost(s, "/area-personale/domande/nuova/payment_abroad", filed, jar);
    assert.equal(twice.headers.location, ok.headers.location);
    const done = await page(s, String(ok.headers.location), jar);
    const protocol = /INPS\.2026\.\d{7}/u.exec(done.body)?.[0];
    assert.ok(protocol);
    assert.match(done.body, /In attesa del PIN dispositivo/u);
    const receipt = await page(s, `/area-personale/domande/${protocol}/ricevuta.pdf`, jar);
    assert.equal(receipt.headers["content-type"], "application/pdf");
    assert.equal((await page(s, "/area-personale/domande/nuova/lottery", jar)).statusCode, 404);
  });
});

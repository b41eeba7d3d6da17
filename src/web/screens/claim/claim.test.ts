/**
 * The claim form as a browser without JavaScript uses it: the contact of the chosen delivery
 * is required and the other optional, an empty form names every missing field at once, and
 * the language switch keeps what was typed.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { escapeHtml } from "../../html.ts";
import { tField } from "../../../i18n/index.ts";
import { claimBody, Jar, startService, type TestService } from "../../../../test/helpers/app.ts";
import { count, csrfOf, formPost, page, People } from "../../../../test/helpers/journeys.ts";
import { claimBodyToForm } from "./form-mapping.ts";

describe("claim screen", () => {
  let s: TestService;
  let people: People;
  before(async () => {
    s = await startService({ archiveSize: 30 });
    people = new People(s);
  });
  after(async () => {
    await s.close();
  });

  async function post(fields: Record<string, string>, jar = new Jar()) {
    const get = await page(s, "/richiedi-pin", jar);
    return formPost(s, "/richiedi-pin", { ...fields, _csrf: csrfOf(get.body) }, jar);
  }

  const summaryLinks = (html: string) =>
    [...html.matchAll(/<li><a href="#(f-[^"]+)">/gu)].map((m) => m[1] ?? "");

  it("names every missing required field of an empty form at once", async () => {
    const res = await post({});
    assert.equal(res.statusCode, 422);
    const links = summaryLinks(res.body);
    for (const id of [
      "f-fiscalCode",
      "f-surname",
      "f-givenNames",
      "f-sex-0",
      "f-birthDay",
      "f-birthCountry",
      "f-residence-country",
      "f-residence-line1",
      "f-residence-city",
      "f-residence-postalCode",
      "f-delivery-0",
      "f-document-type",
      "f-document-number",
      "f-document-issuingCountry",
    ])
      assert.ok(links.includes(id), `${id} listed: ${links.join(", ")}`);
    // With SMS chosen, the missing mobile is named too (and the e-mail is not).
    const sms = await post({ delivery: "sms" });
    assert.ok(summaryLinks(sms.body).includes("f-mobile"));
    assert.ok(sms.body.includes(escapeHtml(tField("it", "required_for_sms"))));
    assert.ok(!summaryLinks(sms.body).includes("f-email"));
    const email = await post({ delivery: "email" });
    assert.ok(summaryLinks(email.body).includes("f-email"));
    assert.ok(!summaryLinks(email.body).includes("f-mobile"));
  });

  it("issues a PIN by SMS to a pensioner without e-mail, and by e-mail to one without a mobile", async () => {
    for (const [delivery, drop] of [
      ["sms", "email"],
      ["email", "mobile"],
    ] as const) {
      const p = people.next();
      const fields = { ...claimBodyToForm(claimBody(p, { delivery })), [drop]: "" };
      const res = await post(fields);
      assert.equal(res.statusCode, 303, `${delivery} without ${drop}: ${res.body.slice(0, 200)}`);
      assert.equal(
        await count(s, "SELECT 1 FROM claim WHERE fiscal_code = $1 AND status = 'issued'", [
          p.fiscalCode,
        ]),
        1,
      );
    }
  });

  it("keeps what was typed when the language is switched, and stores nothing", async () => {
    const p = people.next();
    const typed = {
      ...claimBodyToForm(claimBody(p)),
      surname: "D'Angelo <b>",
      "residence.line1": "",
    };
    const claims = await count(s, "SELECT 1 FROM claim");
    const jar = new Jar();
    const res = await post({ ...typed, _lang: "en" }, jar);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html lang="en"/u);
    assert.ok(
      res.body.includes(`value="${escapeHtml("D'Angelo <b>")}"`),
      "typed text kept, escaped",
    );
    assert.ok(res.body.includes(`value="${escapeHtml(p.givenNames)}"`));
    assert.ok(!res.body.includes("error-summary"), "no errors for a form not yet sent");
    assert.equal(jar.cookies.get("lang"), "en", "the choice is remembered");
    assert.equal(await count(s, "SELECT 1 FROM claim"), claims);
    // The switch is a button of the form (works without JavaScript).
    assert.match(res.body, /<button type="submit" form="claim-form" name="_lang" value="it"/u);
  });
});

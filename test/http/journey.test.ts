import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  api,
  claimBody,
  initialPinFromOutbox,
  Jar,
  startService,
  type TestService,
} from "../helpers/app.ts";

describe("core PIN lifecycle over the API", () => {
  let s: TestService;
  before(async () => {
    s = await startService();
  });
  after(async () => {
    await s.close();
  });

  it("claims, delivers the two halves, forces the PIN change, and consults the archive", async () => {
    const p = s.eligible[0]!;
    const claim = await api(s, "POST", "/api/v1/claims", claimBody(p));
    assert.equal(claim.statusCode, 202);
    assert.equal(claim.json<{ status: string }>().status, "issued");

    const outbox = await s.deliver();
    const sms = outbox.find((e) => e.channel === "sms");
    const letter = outbox.find((e) => e.channel === "letter");
    assert.ok(sms && letter, "an SMS and a letter were sent");
    assert.equal(sms.to, p.mobile);
    assert.ok(letter.pdfUrl?.endsWith(".pdf"));
    assert.match(letter.to, new RegExp(p.residence.city));

    const pin16 = initialPinFromOutbox(outbox, { mobile: p.mobile });
    const jar = new Jar();
    const login = await api(
      s,
      "POST",
      "/api/v1/session",
      { fiscalCode: p.fiscalCode, pin: pin16 },
      jar,
    );
    assert.equal(login.statusCode, 200);
    assert.equal(login.json<{ status: string }>().status, "pin_change_required");

    const blocked = await api(s, "GET", "/api/v1/me", undefined, jar);
    assert.equal(blocked.statusCode, 403);
    assert.equal(blocked.json<{ code: string }>().code, "PIN_CHANGE_REQUIRED");

    const act = await api(s, "POST", "/api/v1/pin/activate", undefined, jar);
    assert.equal(act.statusCode, 201);
    const pin8 = act.json<{ pin: string }>().pin;
    assert.match(pin8, /^[2-9A-HJKMNP-Z]{8}$/u);

    const me = await api(s, "GET", "/api/v1/me", undefined, jar);
    assert.equal(me.statusCode, 200);
    assert.equal(me.json<{ fiscalCode: string; level: string }>().level, "ordinary");

    const again16 = await api(s, "POST", "/api/v1/session", {
      fiscalCode: p.fiscalCode,
      pin: pin16,
    });
    assert.equal(again16.statusCode, 401, "the 16-character PIN never works again");

    const jar2 = new Jar();
    const login8 = await api(
      s,
      "POST",
      "/api/v1/session",
      { fiscalCode: p.fiscalCode, pin: pin8 },
      jar2,
    );
    assert.equal(login8.json<{ status: string }>().status, "authenticated");
    const contributions = await api(s, "GET", "/api/v1/me/contributions", undefined, jar2);
    assert.equal(contributions.statusCode, 200);
    const slips = await api(s, "GET", "/api/v1/me/pension-slips", undefined, jar2);
    assert.equal(slips.statusCode, 200);
  });
});

/**
 * Benefit claims and the conversion's edges over HTTP (issue 6 §5–6): a claim's fields checked
 * against the catalogue; protocols distinct under parallel filing; an approval kept when the PIN
 * is then replaced in a session opened before it; a revocation closing the open request;
 * retention deleting only the documents of requests decided long enough ago.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { housekeeping } from "../../src/flows/housekeeping.ts";
import { api, startService, type TestService } from "../helpers/app.ts";
import { CLAIM_BODY, conversionKit, type ConversionKit } from "../helpers/conversion.ts";
import { count, problemOf } from "../helpers/journeys.ts";

describe("benefit claims and the conversion's edges", () => {
  let s: TestService;
  let k: ConversionKit;
  before(async () => {
    s = await startService({ archiveSize: 40 });
    k = conversionKit(s);
  });
  after(async () => {
    await s.close();
  });
  const holder = (pick?: Parameters<ConversionKit["holder"]>[0]) => k.holder(pick);
  const requestOf = async (jar: Parameters<ConversionKit["upload"]>[0]) => {
    const sent = await k.upload(jar, await k.goodParts());
    assert.equal(sent.statusCode, 202, sent.body);
    return sent.json<{ requestId: string }>().requestId;
  };

  it("checks a claim's fields against the catalogue", async () => {
    const { jar } = await holder();
    const unknown = problemOf(
      await api(
        s,
        "POST",
        "/api/v1/me/benefit-claims",
        { benefitType: "lottery", fields: {} },
        jar,
      ),
      422,
    );
    assert.deepEqual(
      unknown.errors?.map((e) => e.field),
      ["benefitType"],
    );
    const bad = problemOf(
      await api(
        s,
        "POST",
        "/api/v1/me/benefit-claims",
        {
          benefitType: "survivors_pension",
          fields: {
            dateOfDeath: "2031-02-30",
            relationship: "cousin",
            paymentIban: "GB00 0000",
            deceasedFiscalCode: 7,
          },
        },
        jar,
      ),
      422,
    );
    assert.deepEqual(
      bad.errors?.map((e) => [e.field, e.code]),
      [
        ["fields.deceasedFiscalCode", "invalid_type"],
        ["fields.dateOfDeath", "invalid_date"],
        ["fields.relationship", "invalid_option"],
        ["fields.paymentIban", "invalid_iban"],
      ],
    );
    const nul = await api(
      s,
      "POST",
      "/api/v1/me/benefit-claims",
      { ...CLAIM_BODY, fields: { ...CLAIM_BODY.fields, deceasedFiscalCode: "RSS\u0000MRA" } },
      jar,
    );
    assert.equal(problemOf(nul, 422).errors?.[0]?.field, "fields.deceasedFiscalCode");
    assert.equal(
      problemOf(
        await api(
          s,
          "GET",
          "/api/v1/me/benefit-claims/INPS.2026.0000001/receipt.pdf",
          undefined,
          jar,
        ),
        404,
      ).code,
      "NOT_FOUND",
    );
    assert.equal((await api(s, "GET", "/api/v1/me/benefit-claims")).statusCode, 401);
  });

  it("gives distinct protocols to claims filed in parallel", async () => {
    const { jar } = await holder();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        api(s, "POST", "/api/v1/me/benefit-claims", CLAIM_BODY, jar),
      ),
    );
    const protocols = answers.map((a) => a.json<{ protocol: string }>().protocol);
    assert.ok(answers.every((a) => a.statusCode === 201));
    assert.equal(new Set(protocols).size, 20);
  });

  it("files one claim for a filing sent again with the same Idempotency-Key", async () => {
    const { p, jar } = await holder();
    const send = (key: string) =>
      s.app.inject({
        method: "POST",
        url: "/api/v1/me/benefit-claims",
        headers: {
          "content-type": "application/json",
          "idempotency-key": key,
          cookie: jar.header(),
        },
        payload: JSON.stringify(CLAIM_BODY),
      });
    const answers = await Promise.all(Array.from({ length: 10 }, () => send("retry-0001")));
    assert.ok(answers.every((a) => a.statusCode === 201));
    assert.equal(new Set(answers.map((a) => a.json<{ protocol: string }>().protocol)).size, 1);
    assert.equal((await send("retry-0002")).statusCode, 201);
    assert.equal(
      await count(s, "SELECT 1 FROM benefit_claim WHERE fiscal_code = $1", [p.fiscalCode]),
      2,
    );
    const bad = problemOf(await send("no"), 422);
    assert.deepEqual(
      bad.errors?.map((e) => e.field),
      ["idempotencyKey"],
    );
  });

  it("keeps the approval when the PIN is replaced in a session opened before it", async () => {
    const { p, pin, jar, shown } = await holder();
    const requestId = await requestOf(jar);
    assert.equal(await k.cli("approve", requestId), 0);
    // The activation's session (PIN shown) asks for a replacement: the new PIN stays dispositive.
    const replaced = await api(s, "POST", "/api/v1/pin/replace", { confirm: true }, shown);
    assert.equal(replaced.statusCode, 201, replaced.body);
    assert.equal(replaced.json<{ level: string }>().level, "dispositive");
    const again = await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin }, jar);
    assert.equal(again.statusCode, 401, "the replaced PIN no longer works");
    assert.equal(
      await count(
        s,
        "SELECT 1 FROM credential WHERE fiscal_code = $1 AND status = 'active' AND level = 'dispositive'",
        [p.fiscalCode],
      ),
      1,
    );
  });

  it("closes an open request when the PIN is revoked; it can no longer be approved", async () => {
    const { p, jar } = await holder((x) => x.healthCard !== undefined);
    const requestId = await requestOf(jar);
    const card = p.healthCard;
    assert.ok(card !== undefined);
    const asked = await api(s, "POST", "/api/v1/revocation", {
      fiscalCode: p.fiscalCode,
      healthCardNumber: card.number,
      healthCardExpiry: card.expiry,
      email: "me@example.org",
    });
    assert.equal(asked.statusCode, 202);
    const link = (await k.delivered()).find((m) => m.kind === "revocation_link");
    const token = /token=([A-Za-z0-9_-]{43})/u.exec(link?.text ?? "")?.[1];
    assert.ok(token !== undefined);
    const confirmed = await api(s, "POST", "/api/v1/revocation/confirm", { token });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal(
      await count(s, "SELECT 1 FROM conversion_request WHERE id = $1 AND status = 'cancelled'", [
        requestId,
      ]),
      1,
    );
    assert.equal(await k.cli("approve", requestId), 1);
  });

  it("deletes documents only of requests decided longer ago than the retention", async () => {
    const open = await requestOf((await holder()).jar);
    const decided = await requestOf((await holder()).jar);
    assert.equal(await k.cli("reject", decided, "--reason", "illeggibile"), 0);
    const docs = (id: string) => count(s, "SELECT 1 FROM document WHERE request_id = $1", [id]);
    const sweep = () =>
      housekeeping({
        uow: s.rt.ctx.uow,
        clock: s.clock,
        idleSeconds: 900,
        outboxRetentionDays: 30,
        documentRetentionDays: 90,
      });
    s.clock.advance(30 * 86_400);
    await sweep();
    assert.deepEqual([await docs(open), await docs(decided)], [2, 2]);
    s.clock.advance(61 * 86_400);
    await sweep();
    assert.deepEqual([await docs(open), await docs(decided)], [2, 0], "the undecided one stays");
  });
});

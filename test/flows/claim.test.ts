/**
 * The online claim's rules on in-memory fakes: issued when every check passes, otherwise the
 * same neutral answer and a place in the verification queue; a 409 only for someone who passed
 * every check; a valid claim supersedes junk ones; limits per source and per destination;
 * everything audited, in the claim's own transaction.
 */
import { beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { claimFor } from "../../src/dev/people.ts";
import { AppError } from "../../src/domain/errors.ts";
import * as claimOnline from "../../src/flows/claim-online.ts";
import { aPerson } from "../helpers/builders.ts";
import { citizenAt, flowWorld, type FlowWorld } from "../fakes/deps.ts";

describe("online claim flow (in memory)", () => {
  let w: FlowWorld;
  beforeEach(() => {
    w = flowWorld();
  });
  const person = () => {
    const p = aPerson();
    w.state.people.set(p.fiscalCode, p);
    return p;
  };
  const claim = (body: Record<string, unknown>, ip?: string) =>
    claimOnline.run(w, { by: citizenAt(ip), body });

  it("issues an ordinary initial PIN: first half by the chosen channel, second by letter", async () => {
    const p = person();
    const r = await claim(claimFor(p));
    assert.equal(r.status, "issued");
    const cred = [...w.state.credentials.values()];
    assert.deepEqual(
      cred.map((c) => [c.kind, c.level, c.status]),
      [["initial", "ordinary", "active"]],
    );
    assert.deepEqual(
      w.state.outbox.map((m) => [m.kind, m.channel]),
      [
        ["pin_first_half", "sms"],
        ["pin_second_half_letter", "letter"],
      ],
    );
    assert.deepEqual(
      w.state.audit.map((e) => e.type),
      ["claim.received", "claim.issued"],
    );
  });

  it("queues a failed claim with the reasons, answering the same whatever they are", async () => {
    const p = person();
    const r = await claim({ ...claimFor(p), surname: "Altro" });
    assert.equal(r.status, "under_verification");
    const stored = w.state.claims.get(r.claimId);
    assert.deepEqual(stored?.reasons, ["surname_mismatch"]);
    assert.deepEqual(
      w.state.outbox.map((m) => m.kind),
      ["claim_received"],
    );
    assert.deepEqual(
      w.state.audit.map((e) => e.type),
      ["claim.received", "claim.queued_for_verification"],
    );
  });

  it("answers 409 to a holder only once every check passes; a stranger gets the neutral answer", async () => {
    const p = person();
    await claim(claimFor(p));
    const stranger = await claim({ ...claimFor(p), givenNames: "Qualcuno" });
    assert.equal(stranger.status, "under_verification");
    await assert.rejects(
      claim(claimFor(p)),
      (e: unknown) => e instanceof AppError && e.code === "PIN_ALREADY_ACTIVE",
    );
    assert.equal([...w.state.credentials.values()].length, 1);
  });

  it("lets a valid claim close the junk claims waiting for the same fiscal code", async () => {
    const p = person();
    const junk = await claim({ ...claimFor(p), givenNames: "Qualcuno" });
    const real = await claim(claimFor(p));
    assert.equal(real.status, "issued");
    assert.equal(w.state.claims.get(junk.claimId)?.status, "superseded");
    assert.ok(w.state.audit.some((e) => e.type === "claim.superseded"));
  });

  it("refuses a residence in Italy at once, audited, with nothing stored", async () => {
    const p = person();
    const body = claimFor(p);
    await assert.rejects(
      claim({ ...body, residence: { ...(body.residence as object), country: "IT" } }),
      (e: unknown) => e instanceof AppError && e.code === "RESIDENT_IN_ITALY",
    );
    assert.equal(w.state.claims.size, 0);
    assert.deepEqual(
      w.state.audit.map((e) => [e.type, e.outcome]),
      [["claim.refused", "refused"]],
    );
  });

  it("sends at most 3 greetings a day to one contact, queuing further claims without one (no mail-bombing, no blocking)", async () => {
    const body = {
      ...claimFor(person()),
      surname: "Altro",
      delivery: "email",
      email: "victim@example.org",
    };
    // The same inbox written five ways.
    const spellings = [
      "victim@example.org",
      "Victim@Example.org",
      "victim+1@example.org",
      "victim+a@example.org",
      " VICTIM+x@example.org",
    ];
    for (let i = 0; i < 5; i++) {
      const r = await claim(
        { ...body, email: spellings[i], fiscalCode: aPerson().fiscalCode },
        `198.51.100.${i}`,
      );
      assert.equal(r.status, "under_verification", "the same answer every time");
    }
    assert.equal(w.state.outbox.filter((m) => m.kind === "claim_received").length, 3);
    assert.equal(
      [...w.state.claims.values()].filter((c) => c.status === "under_verification").length,
      5,
    );
    assert.equal(
      w.state.audit.filter((e) => e.type === "rate_limit.exceeded").length,
      1,
      "audited once",
    );
  });

  it("limits claims per source address before anything else, refusals included", async () => {
    w = flowWorld({ limits: { claim_source: { max: 2, windowSeconds: 3600 } } });
    const body = claimFor(person());
    const italy = { ...body, residence: { ...(body.residence as object), country: "IT" } };
    for (let i = 0; i < 2; i++) await claim(italy).catch(() => undefined);
    await assert.rejects(
      claim(italy),
      (e: unknown) => e instanceof AppError && e.code === "RATE_LIMITED",
    );
    assert.equal(
      w.state.audit.filter((e) => e.type === "claim.refused").length,
      2,
      "no more audit writes past the limit",
    );
  });
});

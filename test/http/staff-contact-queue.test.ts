/**
 * The outbound verification queue over HTTP (issue 7): claims that failed the automatic
 * checks, oldest first, leased to one agent at a time — two agents polling in parallel never
 * get the same claim, an expired lease gives it back — and the call outcomes: validated (the
 * PIN issued as online, the claimant logs in), rejected (the claimant told by e-mail), no
 * answer (due again the next working day; the third, on a third day, closes it as unreachable
 * and tells the claimant). The queue hands nothing out while the centre is closed.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { ArchivePerson } from "../../src/domain/archive.ts";
import { claimOutcome } from "../../src/flows/claim-outcome.ts";
import type { DevOutboxEntry } from "../../src/notifications/dev-outbox.ts";
import {
  api,
  claimBody,
  initialPinFromOutbox,
  startService,
  type Jar,
  type TestService,
} from "../helpers/app.ts";
import { auditDetails, auditVerifies, queuedClaim } from "../helpers/contact.ts";
import { newMessages, People, problemOf } from "../helpers/journeys.ts";
import { loginStaff, staffSession, type TestStaff } from "../helpers/staff.ts";

interface Leased {
  claimId: string;
  fiscalCode: string;
  reasons: string[];
  attempt: number;
  declared: Record<string, unknown>;
}

describe("contact centre: the outbound verification queue", () => {
  let s: TestService;
  let people: People;
  let a: { staff: TestStaff; jar: Jar };
  let b: { staff: TestStaff; jar: Jar };
  let delivered: () => Promise<DevOutboxEntry[]>;

  before(async () => {
    s = await startService({ archiveSize: 90 });
    people = new People(s);
    delivered = newMessages(s);
    a = await staffSession(s, { role: "contact_centre_agent" });
    b = await staffSession(s, { role: "supervisor" });
  });
  after(async () => {
    await s.close();
  });

  const next = (jar: Jar) => api(s, "POST", "/api/v1/staff/verification-queue/next", {}, jar);
  const outcome = (jar: Jar, claimId: string, body: Record<string, unknown>) =>
    api(s, "POST", `/api/v1/staff/verification-queue/${claimId}/outcome`, body, jar);
  const take = async (jar: Jar): Promise<Leased> => {
    const r = await next(jar);
    assert.equal(r.statusCode, 200, r.body);
    return r.json<Leased>();
  };
  /** Both agents log in again (the clock moved past their idle time). */
  const relogin = async () => {
    a.jar = await loginStaff(s, a.staff);
    b.jar = await loginStaff(s, b.staff);
  };
  const status = async (claimId: string) =>
    (
      await s.rt.db.query<{ status: string }>("SELECT status FROM claim WHERE id = $1", [claimId])
    )[0]?.status;
  /** Moves the clock to an instant (never backwards) and logs the agents in again. */
  const moveTo = async (iso: string) => {
    const dt = (new Date(iso).getTime() - s.clock.now().getTime()) / 1000;
    assert.ok(dt >= 0, `the clock only moves forward (to ${iso})`);
    s.clock.advance(dt);
    await relogin();
  };

  it("hands 20 claims to two agents polling in parallel, each claim exactly once, oldest first", async () => {
    const queued: string[] = [];
    for (let i = 0; i < 20; i++) {
      queued.push(await queuedClaim(s, people.next()));
      s.clock.advance(1);
    }
    const summary = await api(s, "GET", "/api/v1/staff/verification-queue", undefined, a.jar);
    assert.deepEqual(
      { ...summary.json<Record<string, unknown>>(), oldest: undefined },
      { waiting: 20, due: 20, leased: 0, open: true, opensAt: null, oldest: undefined },
    );
    const drain = async (jar: Jar): Promise<string[]> => {
      const got: string[] = [];
      for (;;) {
        const r = await next(jar);
        if (r.statusCode === 204) return got;
        assert.equal(r.statusCode, 200, r.body);
        const c = r.json<Leased>();
        assert.deepEqual(c.reasons, ["surname_mismatch"]);
        got.push(c.claimId);
        const o = await outcome(jar, c.claimId, { outcome: "no_answer" });
        assert.equal(o.statusCode, 200, o.body);
      }
    };
    const [byA, byB] = await Promise.all([drain(a.jar), drain(b.jar)]);
    const all = [...byA, ...byB];
    assert.equal(all.length, 20, `handed out ${all.length}`);
    assert.equal(new Set(all).size, 20, "no claim twice");
    assert.deepEqual([...all].sort(), [...queued].sort());
    // Each agent got its claims oldest first.
    for (const got of [byA, byB])
      assert.deepEqual(
        got,
        queued.filter((id) => got.includes(id)),
      );
    const leased = await auditDetails(s, "verification.leased");
    assert.equal(leased.length, 20);
  });

  it("does not hand out a no-answer claim again until the next working day", async () => {
    assert.equal((await next(a.jar)).statusCode, 204);
    await moveTo("2026-03-03T07:00:00Z"); // Tuesday 08:00 Rome
    const again = await take(a.jar);
    assert.equal(again.attempt, 2);
    const o = await outcome(a.jar, again.claimId, { outcome: "rejected", reason: "test cleanup" });
    assert.equal(o.statusCode, 200, o.body);
  });

  it("gives a claim back when its lease expires: another agent takes it, the first can no longer decide it", async () => {
    // Clear what is due today so that the next claim is the new one.
    for (;;) {
      const r = await next(b.jar);
      if (r.statusCode === 204) break;
      const c = r.json<Leased>();
      await outcome(b.jar, c.claimId, { outcome: "rejected", reason: "test cleanup" });
    }
    const id = await queuedClaim(s, people.next());
    const first = await take(a.jar);
    assert.equal(first.claimId, id);
    assert.equal((await next(b.jar)).statusCode, 204, "held by A");
    assert.equal((await take(a.jar)).claimId, id, "A asking again gets the same claim");
    s.clock.advance(15 * 60 + 1);
    await relogin();
    const second = await take(b.jar);
    assert.equal(second.claimId, id);
    const late = await outcome(a.jar, id, { outcome: "validated" });
    assert.equal(problemOf(late, 409).code, "VERIFICATION_NOT_LEASED");
    const ok = await outcome(b.jar, id, { outcome: "rejected", reason: "test cleanup" });
    assert.equal(ok.statusCode, 200, ok.body);
    const unknown = await outcome(b.jar, "00000000-0000-4000-8000-000000000000", {
      outcome: "no_answer",
    });
    assert.equal(problemOf(unknown, 404).code, "NOT_FOUND");
  });

  it("validates a claim: the first half by the claimant's SMS, the second by letter, and the claimant logs in with the 16 characters", async () => {
    const p = people.next();
    const id = await queuedClaim(s, p);
    const c = await take(a.jar);
    assert.equal(c.claimId, id);
    assert.equal(c.fiscalCode, p.fiscalCode);
    assert.equal(c.declared.surname, "Nonesuch");
    const r = await outcome(a.jar, id, { outcome: "validated" });
    assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual(r.json(), { claimId: id, outcome: "validated", attempt: 1, nextCallAt: null });
    const pin = initialPinFromOutbox(await delivered(), { mobile: p.mobile }, p.fiscalCode);
    const login = await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin });
    assert.equal(login.statusCode, 200, login.body);
    assert.equal(await status(id), "issued");
    assert.deepEqual(await auditDetails(s, "verification.outcome", { claimId: id }), [
      { claimId: id, outcome: "validated", attempt: 1 },
    ]);
    assert.equal((await claimOutcome(s.rt.ctx.uow, id))?.status, "issued");
  });

  it("rejects a claim only with a reason, and tells the claimant by e-mail", async () => {
    const p = people.next();
    const id = await queuedClaim(s, p);
    await take(a.jar);
    const noReason = await outcome(a.jar, id, { outcome: "rejected" });
    assert.deepEqual(
      problemOf(noReason, 422).errors?.map((e) => e.field),
      ["reason"],
    );
    const r = await outcome(a.jar, id, {
      outcome: "rejected",
      reason: "the claimant did not confirm the address",
    });
    assert.equal(r.statusCode, 200, r.body);
    const mail = (await delivered()).find((m) => m.kind === "claim_rejected");
    assert.ok(mail !== undefined, "the claimant is told");
    assert.equal(mail.to, p.email);
    assert.equal(mail.channel, "email");
    assert.match(mail.text, /the claimant did not confirm the address/u);
    assert.equal(await status(id), "rejected");
    assert.deepEqual(await auditDetails(s, "verification.outcome", { claimId: id }), [
      { claimId: id, outcome: "rejected", attempt: 1 },
    ]);
  });

  it("closes a claim as unreachable after no answer on three different working days, and tells the claimant", async () => {
    const p: ArchivePerson = people.next();
    const id = await queuedClaim(s, p);
    const days: string[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const c = await take(a.jar);
      assert.equal(c.claimId, id);
      assert.equal(c.attempt, attempt);
      days.push(s.clock.now().toISOString().slice(0, 10));
      const r = await outcome(a.jar, id, { outcome: "no_answer" });
      assert.equal(r.statusCode, 200, r.body);
      const o = r.json<{ outcome: string; nextCallAt: string | null }>();
      if (attempt < 3) {
        assert.equal(o.outcome, "no_answer");
        assert.equal((await next(a.jar)).statusCode, 204, "not again the same day");
        assert.ok(o.nextCallAt !== null);
        await moveTo(o.nextCallAt);
      } else assert.deepEqual(o, { ...o, outcome: "unreachable", nextCallAt: null });
    }
    assert.equal(new Set(days).size, 3, `three different days: ${days.join()}`);
    assert.equal(await status(id), "unreachable");
    const told = (await delivered()).find((m) => m.kind === "claim_unreachable");
    assert.equal(told?.to, p.email);
    assert.deepEqual(
      (await auditDetails(s, "verification.outcome", { claimId: id })).map((d) => [
        d.outcome,
        d.attempt,
      ]),
      [
        ["no_answer", 1],
        ["no_answer", 2],
        ["unreachable", 3],
      ],
    );
    // The claimant's outcome page keeps working (a closed claim shows as it was answered).
    assert.equal((await claimOutcome(s.rt.ctx.uow, id))?.status, "under_verification");
    // A new claim is accepted afterwards.
    const again = await api(s, "POST", "/api/v1/claims", claimBody(p));
    assert.equal(again.statusCode, 202, again.body);
  });

  it("hands nothing out while the centre is closed (Saturday afternoon, Sunday), saying when it opens", async () => {
    await queuedClaim(s, people.next());
    // Saturday 7 March 2026, 15:00 Rome.
    await moveTo("2026-03-07T14:00:00Z");
    const closed = await next(a.jar);
    const problem = problemOf(closed, 409);
    assert.equal(problem.code, "CONTACT_CENTRE_CLOSED");
    assert.equal((problem as unknown as { opensAt: string }).opensAt, "2026-03-09T07:00:00.000Z");
    const summary = await api(s, "GET", "/api/v1/staff/verification-queue", undefined, a.jar);
    assert.equal(summary.json<{ open: boolean }>().open, false);
    await moveTo("2026-03-08T10:00:00Z"); // Sunday
    assert.equal(problemOf(await next(a.jar), 409).code, "CONTACT_CENTRE_CLOSED");
    await moveTo("2026-03-09T07:00:00Z"); // Monday 08:00 Rome
    assert.equal((await next(a.jar)).statusCode, 200);
  });

  it("keeps the audit chain verifiable", async () => {
    await auditVerifies(s);
  });
});

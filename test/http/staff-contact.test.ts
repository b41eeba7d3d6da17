/**
 * The contact centre over HTTP (issue 7): a caller's identity checked against the archive
 * (only the verdict, failures limited per fiscal code), an inbound claim issuing the PIN with
 * its first half shown once and its second half by letter, and the actions for a caller —
 * each refused without a passed check of this agent for that fiscal code, each audited with
 * the person as subject in a chain that still verifies.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { ArchivePerson } from "../../src/domain/archive.ts";
import { lookupBelfiore } from "../../src/domain/belfiore.ts";
import type { DevOutboxEntry } from "../../src/notifications/dev-outbox.ts";
import {
  api,
  claimBody,
  initialPinFromOutbox,
  startService,
  type Jar,
  type TestService,
} from "../helpers/app.ts";
import {
  auditDetails,
  answersOf,
  auditVerifies,
  CALL,
  identityCheck,
  passedCheck,
} from "../helpers/contact.ts";
import { auditTypesOf, newMessages, People, problemOf } from "../helpers/journeys.ts";
import { loginStaff, staffSession, type TestStaff } from "../helpers/staff.ts";

describe("contact centre: identity checks, inbound claims, actions for a caller", () => {
  let s: TestService;
  let people: People;
  let agent: { staff: TestStaff; jar: Jar };
  let other: { staff: TestStaff; jar: Jar };
  let delivered: () => Promise<DevOutboxEntry[]>;

  before(async () => {
    s = await startService({ archiveSize: 70 });
    people = new People(s);
    delivered = newMessages(s);
    agent = await staffSession(s, { role: "contact_centre_agent" });
    other = await staffSession(s, { role: "contact_centre_agent" });
  });
  after(async () => {
    await s.close();
  });

  /** Registers an inbound claim for p after a check; returns the answer and the full PIN. */
  const inbound = async (p: ArchivePerson) => {
    const checkId = await passedCheck(s, agent.jar, p);
    const r = await api(
      s,
      "POST",
      "/api/v1/staff/claims",
      { ...claimBody(p), identityCheck: { checkId } },
      agent.jar,
    );
    assert.equal(r.statusCode, 201, r.body);
    const out = r.json<{ claimId: string; firstHalf: string; delivery: string }>();
    const pin = initialPinFromOutbox(await delivered(), { mobile: p.mobile }, p.fiscalCode);
    return { ...out, pin, checkId };
  };

  it("passes a check whose answers match the archive, whatever the case and accents, and says nothing else", async () => {
    const p = people.next();
    const r = await api(
      s,
      "POST",
      "/api/v1/staff/identity-checks",
      { fiscalCode: p.fiscalCode.toLowerCase(), reason: CALL, answers: answersOf(p) },
      agent.jar,
    );
    assert.equal(r.statusCode, 200, r.body);
    const body = r.json<Record<string, unknown>>();
    assert.deepEqual(Object.keys(body).sort(), ["checkId", "expiresAt", "passed"]);
    assert.equal(body.passed, true);
    assert.equal(body.expiresAt, new Date(s.clock.now().getTime() + 30 * 60_000).toISOString());
    const [event] = (await auditDetails(s, "identity.checked")).filter(
      (d) => d.checkId === body.checkId,
    );
    assert.deepEqual(event, {
      checkId: body.checkId,
      passed: true,
      method: "archive_questions",
      questions: ["birth_date", "birth_place", "address", ...(p.healthCard ? ["health_card"] : [])],
      reason: "call",
      ref: CALL.ref,
    });
    assert.ok(!JSON.stringify(event).includes(p.birthDate), "no answer in the trail");
  });

  it("accepts the birth place as a caller says it and an address without its second line", async () => {
    for (let i = 0; i < 3; i++) {
      const p = people.next();
      const place = lookupBelfiore(p.birthPlaceCode);
      const { line2: _line2, ...address } = answersOf(p).address;
      const said = place?.iso2 ?? place?.name.toUpperCase() ?? "";
      const c = await identityCheck(s, agent.jar, p, answersOf(p, { birthPlace: said, address }));
      assert.equal(c.passed, true, `${p.fiscalCode} born in ${said}`);
    }
  });

  it("fails a check with one wrong answer without saying which, and refuses the fourth try in 24 hours", async () => {
    const p = people.next();
    for (const wrong of [
      { birthDate: "1901-01-01" },
      { birthPlace: "Atlantis" },
      { address: { ...answersOf(p).address, line1: "Somewhere Else 1" } },
    ]) {
      const c = await identityCheck(s, agent.jar, p, answersOf(p, wrong));
      assert.equal(c.passed, false);
    }
    const refused = await api(
      s,
      "POST",
      "/api/v1/staff/identity-checks",
      { fiscalCode: p.fiscalCode, reason: CALL, answers: answersOf(p) },
      agent.jar,
    );
    assert.equal(problemOf(refused, 429).code, "IDENTITY_CHECKS_EXHAUSTED");
    const types = await auditTypesOf(s, p.fiscalCode);
    assert.deepEqual(types.slice(-4), [
      "identity.checked",
      "identity.checked",
      "identity.checked",
      "identity.check_refused",
    ]);
  });

  it("answers a check of a fiscal code not in the archive like a wrong answer", async () => {
    const stranger = { ...people.next(), fiscalCode: "RSSMRA80A01H501U" };
    const c = await identityCheck(s, agent.jar, stranger);
    assert.equal(c.passed, false);
  });

  it("names the bad fields of a malformed check and asks for the reason", async () => {
    const p = people.next();
    const bad = await api(
      s,
      "POST",
      "/api/v1/staff/identity-checks",
      { fiscalCode: "XX", reason: CALL, answers: { birthDate: "31/12/1950" } },
      agent.jar,
    );
    const fields = (problemOf(bad, 422).errors ?? []).map((e) => e.field).sort();
    assert.deepEqual(fields, [
      "answers.address.city",
      "answers.address.country",
      "answers.address.line1",
      "answers.birthDate",
      "answers.birthPlace",
      "fiscalCode",
    ]);
    const noReason = await api(
      s,
      "POST",
      "/api/v1/staff/identity-checks",
      { fiscalCode: p.fiscalCode, answers: answersOf(p) },
      agent.jar,
    );
    assert.equal(problemOf(noReason, 422).errors?.[0]?.field, "reason");
  });

  it("registers an inbound claim: the first half is answered once, the same PIN's second half goes by letter, and it logs in", async () => {
    const p = people.next();
    const r = await inbound(p);
    assert.match(r.firstHalf, /^[2-9A-HJKMNP-Z]{8}$/u);
    assert.equal(r.delivery, "sms");
    assert.equal(r.pin.slice(0, 8), r.firstHalf, "the SMS carries the half read out");
    const login = await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin: r.pin });
    assert.equal(login.statusCode, 200, login.body);
    const [claim] = await s.rt.db.query<{ channel: string; status: string }>(
      "SELECT channel, status FROM claim WHERE id = $1",
      [r.claimId],
    );
    assert.deepEqual(claim, { channel: "contact_centre", status: "issued" });
    const again = await api(
      s,
      "POST",
      "/api/v1/staff/claims",
      { ...claimBody(p), identityCheck: { checkId: r.checkId } },
      agent.jar,
    );
    assert.equal(problemOf(again, 409).code, "PIN_ALREADY_ACTIVE");
    const types = await auditTypesOf(s, p.fiscalCode);
    assert.ok(types.includes("claim.received") && types.includes("claim.issued"), types.join());
  });

  it("refuses an inbound claim without a passed check of this agent for this fiscal code", async () => {
    const p = people.next();
    const q = people.next();
    const body = claimBody(p);
    const none = await api(s, "POST", "/api/v1/staff/claims", body, agent.jar);
    assert.equal(problemOf(none, 403).code, "IDENTITY_CHECK_REQUIRED");
    const forQ = await passedCheck(s, agent.jar, q);
    const wrongPerson = await api(
      s,
      "POST",
      "/api/v1/staff/claims",
      { ...body, identityCheck: { checkId: forQ } },
      agent.jar,
    );
    assert.equal(problemOf(wrongPerson, 403).code, "IDENTITY_CHECK_REQUIRED");
    const forP = await passedCheck(s, agent.jar, p);
    const otherAgent = await api(
      s,
      "POST",
      "/api/v1/staff/claims",
      { ...body, identityCheck: { checkId: forP } },
      other.jar,
    );
    assert.equal(problemOf(otherAgent, 403).code, "IDENTITY_CHECK_REQUIRED");
    const failed = await identityCheck(s, agent.jar, p, answersOf(p, { birthDate: "1901-01-01" }));
    const notPassed = await api(
      s,
      "POST",
      "/api/v1/staff/claims",
      { ...body, identityCheck: { checkId: failed.checkId } },
      agent.jar,
    );
    assert.equal(problemOf(notPassed, 403).code, "IDENTITY_CHECK_REQUIRED");
    assert.equal((await delivered()).filter((m) => m.kind === "pin_first_half").length, 0);
  });

  it("tells the agent which declared fields do not match the archive, and issues nothing", async () => {
    const p = people.next();
    const checkId = await passedCheck(s, agent.jar, p);
    const r = await api(
      s,
      "POST",
      "/api/v1/staff/claims",
      { ...claimBody(p, { surname: "Nonesuch" }), identityCheck: { checkId } },
      agent.jar,
    );
    const problem = problemOf(r, 422);
    assert.equal(problem.code, "CLAIM_CHECKS_FAILED");
    assert.deepEqual(
      problem.errors?.map((e) => e.field),
      ["surname"],
    );
    assert.equal(
      (await s.rt.db.query("SELECT 1 FROM claim WHERE fiscal_code = $1", [p.fiscalCode])).length,
      0,
    );
  });

  it("adds a contact of a kind not registered yet and tells the registered ones; refuses a second one of that kind", async () => {
    const p = people.next();
    await inbound(p);
    const checkId = await passedCheck(s, agent.jar, p);
    const pec = `pec.${p.fiscalCode.toLowerCase()}@pec.example.org`;
    const noCheck = await api(
      s,
      "POST",
      "/api/v1/staff/callers/contacts",
      { kind: "pec", value: pec },
      agent.jar,
    );
    assert.equal(problemOf(noCheck, 403).code, "IDENTITY_CHECK_REQUIRED");
    const r = await api(
      s,
      "POST",
      "/api/v1/staff/callers/contacts",
      { checkId, kind: "pec", value: pec },
      agent.jar,
    );
    assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual(r.json(), { kind: "pec", noticesSent: 2 });
    const notices = (await delivered()).filter((m) => m.kind === "contact_added");
    assert.deepEqual(notices.map((m) => m.to).sort(), [p.email, p.mobile].sort());
    const [account] = await s.rt.db.query<{ pec: string }>(
      "SELECT pec FROM account WHERE fiscal_code = $1",
      [p.fiscalCode],
    );
    assert.equal(account?.pec, pec);
    const twice = await api(
      s,
      "POST",
      "/api/v1/staff/callers/contacts",
      { checkId, kind: "pec", value: "other@pec.example.org" },
      agent.jar,
    );
    assert.equal(problemOf(twice, 409).code, "CONTACT_ALREADY_REGISTERED");
    const noAccount = people.next();
    const noAccountCheck = await passedCheck(s, agent.jar, noAccount);
    const none = await api(
      s,
      "POST",
      "/api/v1/staff/callers/contacts",
      { checkId: noAccountCheck, kind: "pec", value: pec },
      agent.jar,
    );
    assert.equal(problemOf(none, 409).code, "NO_CONTACT_REGISTERED");
  });

  it("lifts a lock and revokes a PIN for a checked caller; the revoked PIN never works again", async () => {
    const p = people.next();
    const { pin } = await inbound(p);
    const checkId = await passedCheck(s, agent.jar, p);
    const lift = await api(s, "POST", "/api/v1/staff/callers/lockout-lift", { checkId }, agent.jar);
    assert.equal(lift.statusCode, 200, lift.body);
    const revoke = await api(s, "POST", "/api/v1/staff/callers/revocation", { checkId }, agent.jar);
    assert.equal(revoke.statusCode, 200, revoke.body);
    assert.ok((await delivered()).some((m) => m.kind === "revocation_notice" && m.to === p.mobile));
    const login = await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin });
    assert.equal(problemOf(login, 403).code, "PIN_REVOKED");
    const twice = await api(s, "POST", "/api/v1/staff/callers/revocation", { checkId }, agent.jar);
    assert.equal(problemOf(twice, 409).code, "NO_ACTIVE_PIN");
    const types = await auditTypesOf(s, p.fiscalCode);
    assert.ok(types.includes("lock.lifted") && types.includes("pin.revoked"), types.join());
    const [revoked] = await s.rt.db.query<{ actor_kind: string; actor_id: string }>(
      "SELECT actor_kind, actor_id FROM audit_event WHERE type = 'pin.revoked' ORDER BY seq DESC LIMIT 1",
    );
    assert.deepEqual(revoked, { actor_kind: "staff", actor_id: agent.staff.id });
  });

  it("resends the letter by phone once it is overdue (the check replaces the first half), and a check expires after 30 minutes", async () => {
    const p = people.next();
    const { pin: old } = await inbound(p);
    const checkId = await passedCheck(s, agent.jar, p);
    const early = await api(
      s,
      "POST",
      "/api/v1/staff/callers/letter-resend",
      { checkId },
      agent.jar,
    );
    const problem = problemOf(early, 409);
    assert.equal(problem.code, "LETTER_RESEND_REFUSED");
    assert.equal((problem as unknown as { reason: string }).reason, "not_overdue");
    s.clock.advance(21 * 86_400);
    agent.jar = await loginStaff(s, agent.staff);
    const stale = await api(
      s,
      "POST",
      "/api/v1/staff/callers/letter-resend",
      { checkId },
      agent.jar,
    );
    assert.equal(problemOf(stale, 403).code, "IDENTITY_CHECK_REQUIRED", "the check expired");
    const fresh = await passedCheck(s, agent.jar, p);
    const r = await api(
      s,
      "POST",
      "/api/v1/staff/callers/letter-resend",
      { checkId: fresh },
      agent.jar,
    );
    assert.equal(r.statusCode, 200, r.body);
    const pin = initialPinFromOutbox(await delivered(), { mobile: p.mobile }, p.fiscalCode);
    assert.notEqual(pin, old);
    const oldLogin = await api(s, "POST", "/api/v1/session", {
      fiscalCode: p.fiscalCode,
      pin: old,
    });
    assert.equal(oldLogin.statusCode, 401);
    const login = await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin });
    assert.equal(login.statusCode, 200, login.body);
    other.jar = await loginStaff(s, other.staff);
  });

  it("lets a supervisor check a caller but no other role", async () => {
    const p = people.next();
    const sup = await staffSession(s, { role: "supervisor" });
    assert.equal((await identityCheck(s, sup.jar, p)).passed, true);
    const clerk = await staffSession(s, { role: "office_clerk" });
    const r = await api(
      s,
      "POST",
      "/api/v1/staff/identity-checks",
      { fiscalCode: p.fiscalCode, reason: CALL, answers: answersOf(p) },
      clerk.jar,
    );
    assert.equal(problemOf(r, 403).code, "STAFF_FORBIDDEN");
  });

  it("removes identity checks two days old at housekeeping; the audit trail keeps them", async () => {
    const before = await s.rt.db.query("SELECT 1 FROM identity_check");
    const report = await s.rt.worker.runHousekeeping();
    assert.ok((report?.identityChecks ?? 0) > 0, "the checks of three weeks ago");
    const left = await s.rt.db.query<{ created_at: Date }>("SELECT created_at FROM identity_check");
    assert.ok(left.length < before.length);
    for (const r of left)
      assert.ok(s.clock.now().getTime() - r.created_at.getTime() < 2 * 86_400_000);
    assert.ok((await auditDetails(s, "identity.checked")).length >= before.length);
  });

  it("keeps the audit chain verifiable", async () => {
    await auditVerifies(s);
  });
});

/**
 * Housekeeping in the worker (SPEC.md "Retention"): expired sessions, stale lockout counters
 * and finished rate-limit windows are removed; delivered messages keep their row (for counts
 * and audits) but lose their recipient and payload once the retention period has passed.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  api,
  claimBody,
  Jar,
  personWithPin,
  startService,
  type TestService,
} from "../helpers/app.ts";
import { staffSession } from "../helpers/staff.ts";
import { count, People, rows } from "../helpers/journeys.ts";

describe("housekeeping", () => {
  let s: TestService;
  let people: People;
  before(async () => {
    s = await startService({ archiveSize: 30 });
    people = new People(s);
  });
  after(async () => {
    await s.close();
  });

  it("removes expired sessions, stale counters and old rate-limit windows, and keeps live ones", async () => {
    const p = people.next();
    const { pin } = await personWithPin(s, p);
    const q = people.next();
    await api(s, "POST", "/api/v1/session", { fiscalCode: q.fiscalCode, pin: "ABCDEFGH" });
    const sessions = await count(s, "SELECT 1 FROM session");
    assert.ok(sessions >= 1);
    assert.ok((await count(s, "SELECT 1 FROM login_throttle")) >= 1);
    assert.ok((await count(s, "SELECT 1 FROM rate_limit")) >= 1);

    const staff = await staffSession(s, { role: "supervisor" });
    const report = await s.rt.worker.runHousekeeping();
    assert.deepEqual(
      report && { ...report, scrubbedMessages: 0 },
      {
        sessions: 0,
        handovers: 0,
        links: 0,
        contactChanges: 0,
        counters: 0,
        devices: 0,
        rateLimits: 0,
        scrubbedMessages: 0,
        documents: 0,
        staffSessions: 0,
        identityChecks: 0,
        appointmentReminders: 0,
        appointments: 0,
        deskHandovers: 0,
        smsReportSignatures: 0,
      },
      "nothing is stale yet",
    );

    s.clock.advance(91 * 86400);
    const live = new Jar();
    await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin }, live);
    const later = await s.rt.worker.runHousekeeping();
    assert.ok(later !== null);
    assert.equal(later.sessions, sessions, "every old session gone");
    assert.ok(later.handovers >= 1, "the PIN change's stored answer too");
    assert.equal(
      await count(
        s,
        "SELECT 1 FROM audit_event WHERE type = 'session.ended' AND actor_id = 'housekeeping'",
      ),
      sessions,
      "each ending audited",
    );
    assert.ok(later.counters >= 1, "the old counter with a failure gone after 90 days");
    assert.ok(later.rateLimits >= 1);
    assert.equal(later.staffSessions, 1, "the staff session, idle for 91 days");
    assert.equal((await api(s, "GET", "/api/v1/staff/me", undefined, staff.jar)).statusCode, 401);
    assert.equal(
      (await api(s, "GET", "/api/v1/me", undefined, live)).statusCode,
      200,
      "the live one stays",
    );
  });

  it("scrubs the recipient and payload of messages delivered longer ago than the retention period", async () => {
    const p = people.next();
    await api(s, "POST", "/api/v1/claims", claimBody(p));
    await s.deliver();
    const queuedLater = people.next();
    s.clock.advance(29 * 86400);
    await api(s, "POST", "/api/v1/claims", claimBody(queuedLater)); // not delivered
    assert.equal((await s.rt.worker.runHousekeeping())?.scrubbedMessages, 0, "29 days: kept");
    s.clock.advance(2 * 86400);
    const report = await s.rt.worker.runHousekeeping();
    assert.ok((report?.scrubbedMessages ?? 0) >= 2);
    const mine = await rows<{
      recipient: string;
      payload: Record<string, unknown>;
      status: string;
      scrubbed_at: Date | null;
    }>(
      s,
      "SELECT recipient, payload, status, scrubbed_at FROM outbox WHERE payload->>'claimReference' IS NOT NULL OR scrubbed_at IS NOT NULL",
    );
    const scrubbed = mine.filter((m) => m.scrubbed_at !== null);
    assert.ok(
      scrubbed.every(
        (m) => m.recipient === "" && Object.keys(m.payload).length === 0 && m.status === "sent",
      ),
    );
    assert.equal(
      await count(
        s,
        "SELECT 1 FROM outbox WHERE status = 'queued' AND recipient <> '' AND scrubbed_at IS NULL",
      ),
      2,
      "queued messages are never scrubbed",
    );
    assert.equal((await s.rt.worker.runHousekeeping())?.scrubbedMessages, 0, "idempotent");
  });
});

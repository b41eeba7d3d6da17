/**
 * Abandoned messages for supervisors (issue 8): a PIN claim whose messages the providers
 * refused stays visible (masked recipients, no secret), a supervisor resends it with a reason
 * (audited), the worker delivers it with the right PIN halves; what cannot be resent (already
 * sent, content scrubbed or erased) answers 409 with its own code; the page does the same
 * without JavaScript (CSRF, reason required).
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { PermanentDeliveryError, type ChannelSet } from "../../src/notifications/channel.ts";
import { createOutboxWorker } from "../../src/notifications/worker.ts";
import { scrubDelivered } from "../../src/store/repos/outbox.ts";
import type { Jar } from "../helpers/app.ts";
import {
  api,
  claimBody,
  initialPinFromOutbox,
  startService,
  type TestService,
} from "../helpers/app.ts";
import { csrfOf, formPost, page, problemOf, rows } from "../helpers/journeys.ts";
import { staffSession, type TestStaff } from "../helpers/staff.ts";

interface Listed {
  id: string;
  kind: string;
  channel: string;
  recipient: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  abandonedAt: string;
  resendable: boolean;
}

const refusing: ChannelSet = Object.fromEntries(
  (["sms", "email", "pec", "letter"] as const).map((c) => [
    c,
    { send: () => Promise.reject(new PermanentDeliveryError("550 mailbox unavailable")) },
  ]),
) as unknown as ChannelSet;

describe("abandoned messages for supervisors", () => {
  let s: TestService;
  let sup: { staff: TestStaff; jar: Jar };
  let reviewer: { staff: TestStaff; jar: Jar };
  before(async () => {
    s = await startService({ archiveSize: 30 });
    sup = await staffSession(s, { role: "supervisor" });
    reviewer = await staffSession(s, { role: "back_office_reviewer" });
  });
  after(async () => {
    await s.close();
  });

  /** A claim whose messages every provider refused: the ids of its abandoned messages. */
  const abandonedClaim = async (index: number) => {
    const p = s.eligible[index]!;
    const res = await api(s, "POST", "/api/v1/claims", claimBody(p));
    assert.ok(res.statusCode < 300, res.body);
    const w = createOutboxWorker({
      db: s.rt.db,
      uow: s.rt.uow,
      clock: s.clock,
      channels: refusing,
      outboxKey: s.rt.config.outboxKey,
    });
    while ((await w.runOnce()) > 0) {
      // every message abandoned at its first attempt
    }
    return p;
  };
  const list = async (jar = sup.jar): Promise<Listed[]> => {
    const res = await api(s, "GET", "/api/v1/staff/outbox/abandoned", undefined, jar);
    assert.equal(res.statusCode, 200, res.body);
    return res.json<{ messages: Listed[] }>().messages;
  };
  const auditCount = async (type: string): Promise<number> =>
    (
      await rows<{ n: number }>(s, "SELECT count(*)::int AS n FROM audit_event WHERE type = $1", [
        type,
      ])
    )[0]?.n ?? 0;

  it("lists abandoned messages with masked recipients and no secret, audited", async () => {
    const p = await abandonedClaim(0);
    const before = await auditCount("staff.abandoned_listed");
    const messages = await list();
    const first = messages.find((m) => m.kind === "pin_first_half");
    const letter = messages.find((m) => m.kind === "pin_second_half_letter");
    assert.ok(first !== undefined && letter !== undefined, JSON.stringify(messages));
    assert.equal(first.lastError, "550 mailbox unavailable");
    assert.equal(first.attempts, 1);
    assert.equal(first.resendable, true);
    const body = JSON.stringify(messages);
    for (const clear of [p.mobile, p.email, p.fiscalCode].filter(
      (v) => v !== undefined && v !== "",
    ))
      assert.ok(!body.includes(String(clear)), `${clear} in the list`);
    assert.ok(!/secret/iu.test(Object.keys(first).join(",")));
    assert.match(letter.recipient, /^[A-Z0-9]{3}\*{9}[A-Z0-9]{4}$/u);
    assert.equal(await auditCount("staff.abandoned_listed"), before + 1);
  });

  it("resends with a reason: queued again, attempts reset, audited with the supervisor, delivered with the right PIN", async () => {
    const p = await abandonedClaim(1);
    const mine = (await list()).filter((m) =>
      ["pin_first_half", "pin_second_half_letter"].includes(m.kind),
    );
    const noReason = await api(
      s,
      "POST",
      `/api/v1/staff/outbox/${mine[0]!.id}/resend`,
      {},
      sup.jar,
    );
    assert.equal(problemOf(noReason, 422).errors?.[0]?.field, "reason");
    for (const m of mine) {
      const res = await api(
        s,
        "POST",
        `/api/v1/staff/outbox/${m.id}/resend`,
        { reason: "SMS gateway fixed (ticket 4711)" },
        sup.jar,
      );
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json<Listed>().attempts, 0);
    }
    const [row] = await rows<{ status: string; attempts: number; abandoned_at: Date | null }>(
      s,
      "SELECT status, attempts, abandoned_at FROM outbox WHERE id = $1",
      [mine[0]!.id],
    );
    assert.deepEqual([row?.status, row?.attempts, row?.abandoned_at], ["queued", 0, null]);
    const [audit] = await rows<{
      actor_kind: string;
      actor_id: string;
      details: { reason: string };
    }>(
      s,
      "SELECT actor_kind, actor_id, details FROM audit_event WHERE type = 'staff.message_resent' ORDER BY seq DESC LIMIT 1",
    );
    assert.equal(audit?.actor_kind, "staff");
    assert.equal(audit.actor_id, sup.staff.id);
    assert.equal(audit.details.reason, "SMS gateway fixed (ticket 4711)");
    // The worker (development channels) delivers them: the PIN is whole again.
    const outbox = await s.deliver();
    const pin = initialPinFromOutbox(outbox, { mobile: p.mobile, email: p.email }, p.fiscalCode);
    assert.match(pin, /^[2-9A-Z]{16}$/u);
    assert.ok(!(await list()).some((m) => mine.some((x) => x.id === m.id)));
    // Sent now: a second resend is refused.
    const again = await api(
      s,
      "POST",
      `/api/v1/staff/outbox/${mine[0]!.id}/resend`,
      { reason: "again" },
      sup.jar,
    );
    assert.equal(problemOf(again, 409).code, "MESSAGE_NOT_ABANDONED");
  });

  it("refuses what has lost its content: scrubbed by retention, or erased before this version", async () => {
    await abandonedClaim(2);
    const [erased, scrubbed] = (await list()).filter(
      (m) => m.kind === "pin_first_half" || m.kind === "pin_second_half_letter",
    );
    assert.ok(erased !== undefined && scrubbed !== undefined);
    // Abandoned by an older version, which erased the secret.
    await s.rt.db.query("UPDATE outbox SET secret = NULL WHERE id = $1", [erased.id]);
    assert.equal((await list()).find((m) => m.id === erased.id)?.resendable, false);
    const r1 = await api(
      s,
      "POST",
      `/api/v1/staff/outbox/${erased.id}/resend`,
      { reason: "x" },
      sup.jar,
    );
    assert.equal(problemOf(r1, 409).code, "MESSAGE_SECRET_GONE");
    // Retention: scrubbed, no longer listed, and not resendable.
    await s.rt.db.query("UPDATE outbox SET abandoned_at = $2 WHERE id = $1", [
      scrubbed.id,
      new Date(0),
    ]);
    assert.ok((await scrubDelivered(s.rt.db, new Date(1000), s.clock.now())) >= 1);
    assert.ok(!(await list()).some((m) => m.id === scrubbed.id));
    const [row] = await rows<{ secret: string | null }>(
      s,
      "SELECT secret FROM outbox WHERE id = $1",
      [scrubbed.id],
    );
    assert.equal(row?.secret, null, "the scrub erases the sealed secret");
    const r2 = await api(
      s,
      "POST",
      `/api/v1/staff/outbox/${scrubbed.id}/resend`,
      { reason: "x" },
      sup.jar,
    );
    assert.equal(problemOf(r2, 409).code, "MESSAGE_SECRET_GONE");
  });

  it("answers 404 for an unknown or malformed id, and 403 to other roles", async () => {
    for (const id of [randomUUID(), "nope"]) {
      const res = await api(
        s,
        "POST",
        `/api/v1/staff/outbox/${id}/resend`,
        { reason: "x" },
        sup.jar,
      );
      assert.equal(res.statusCode, 404, id);
    }
    const res = await api(s, "GET", "/api/v1/staff/outbox/abandoned", undefined, reviewer.jar);
    assert.equal(res.statusCode, 403);
  });

  it("the page lists them and resends through a form (CSRF, reason required), in Italian and English", async () => {
    await abandonedClaim(3);
    const home = await page(s, "/operatori", sup.jar);
    assert.match(home.body, /href="\/operatori\/supervisione\/messaggi"/u);
    const res = await page(s, "/operatori/supervisione/messaggi", sup.jar);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Messaggi non recapitati/u);
    const id = /action="\/operatori\/supervisione\/messaggi\/([0-9a-f-]{36})\/reinvia"/u.exec(
      res.body,
    )?.[1];
    assert.ok(id !== undefined);
    const url = `/operatori/supervisione/messaggi/${id}/reinvia`;
    const csrf = csrfOf(res.body);
    const noCsrf = await formPost(s, url, { reason: "fixed" }, sup.jar);
    assert.equal(noCsrf.statusCode, 403);
    const empty = await formPost(s, url, { _csrf: csrf, reason: "" }, sup.jar);
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /id="r-[0-9a-f-]{36}-error"/u);
    const done = await formPost(s, url, { _csrf: csrfOf(empty.body), reason: "fixed" }, sup.jar);
    assert.equal(done.statusCode, 200, done.body.slice(0, 300));
    assert.match(done.body, /di nuovo in coda/u);
    const [row] = await rows<{ status: string }>(s, "SELECT status FROM outbox WHERE id = $1", [
      id,
    ]);
    assert.equal(row?.status, "queued");
    const en = await page(s, "/operatori/supervisione/messaggi?lang=en", sup.jar);
    assert.match(en.body, /Undelivered messages/u);
  });
});

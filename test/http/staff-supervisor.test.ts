/**
 * The supervisors' tools over HTTP (issue 7): the audit trail searched by fiscal code (its
 * keyed hash), by member of staff, by event type and by period, exported as CSV and JSON — each
 * search and export audited; staff accounts added (one-time link), disabled (sessions end at
 * once), enabled, reset; the queues' figures (waiting, oldest, handled per Rome day).
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { AuditRecord } from "../../src/domain/audit.ts";
import { systemActor } from "../../src/domain/actor.ts";
import { lastRomeDays, romeDayStart } from "../../src/domain/review.ts";
import { auditCsv } from "../../src/flows/staff/supervisor-audit.ts";
import { verifyAudit } from "../../src/store/audit.ts";
import { advance, api, Jar, startService, type TestService } from "../helpers/app.ts";
import { conversionKit, type ConversionKit } from "../helpers/conversion.ts";
import { problemOf, rows } from "../helpers/journeys.ts";
import { loginStaff, staffSession, type TestStaff } from "../helpers/staff.ts";

interface Row {
  seq: number;
  at: string;
  type: string;
  actorId: string | null;
  actorUsername: string | null;
  subjectHint: string | null;
}
interface Figures {
  waiting: number;
  oldestAt: string | null;
  handledPerDay: { date: string; count: number }[];
}

describe("supervisors' tools", () => {
  let s: TestService;
  let k: ConversionKit;
  let sup: { staff: TestStaff; jar: Jar };
  let reviewer: { staff: TestStaff; jar: Jar };
  before(async () => {
    // A Monday morning in winter (Rome = UTC+1).
    s = await startService({ archiveSize: 30, start: "2026-03-02T09:00:00Z" });
    k = conversionKit(s);
    sup = await staffSession(s, { role: "supervisor" });
    reviewer = await staffSession(s, { role: "back_office_reviewer" });
  });
  after(async () => {
    await s.close();
  });
  const search = (q: string, jar = sup.jar) =>
    api(s, "GET", `/api/v1/staff/audit?${q}`, undefined, jar);
  const eventsOf = async (q: string): Promise<Row[]> => {
    const res = await search(q);
    assert.equal(res.statusCode, 200, res.body);
    return res.json<{ events: Row[] }>().events;
  };
  const countOf = async (type: string): Promise<number> =>
    (
      await rows<{ n: number }>(s, "SELECT count(*)::int AS n FROM audit_event WHERE type = $1", [
        type,
      ])
    )[0]?.n ?? 0;

  it("searches by fiscal code, by staff member, by type and by period — and audits each search", async () => {
    const { p, jar, pin } = await k.holder();
    const id = (await k.upload(jar, await k.goodParts())).json<{ requestId: string }>().requestId;
    await api(s, "GET", `/api/v1/staff/review-queue/${id}`, undefined, reviewer.jar);
    const other = await k.holder();

    const byCode = await eventsOf(`fiscalCode=${p.fiscalCode.toLowerCase()}`);
    assert.ok(byCode.length > 0);
    assert.ok(
      byCode.every(
        (e) => e.subjectHint !== null && e.subjectHint.slice(0, 3) === p.fiscalCode.slice(0, 3),
      ),
    );
    assert.ok(byCode.some((e) => e.type === "conversion.submitted"));
    assert.ok(!JSON.stringify(byCode).includes(other.p.fiscalCode));
    // Newest first.
    assert.deepEqual(
      byCode.map((e) => e.seq),
      [...byCode.map((e) => e.seq)].sort((a, b) => b - a),
    );

    const byStaff = await eventsOf(`staff=${reviewer.staff.username.toUpperCase()}`);
    assert.ok(byStaff.length > 0);
    assert.ok(byStaff.every((e) => e.actorId === reviewer.staff.id));
    assert.ok(byStaff.some((e) => e.type === "staff.record_opened"));
    assert.equal(byStaff[0]?.actorUsername, reviewer.staff.username);

    const byType = await eventsOf("type=conversion.submitted");
    assert.ok(byType.length >= 1 && byType.every((e) => e.type === "conversion.submitted"));

    const both = await eventsOf(`staff=${reviewer.staff.username}&fiscalCode=${p.fiscalCode}`);
    assert.deepEqual([...new Set(both.map((e) => e.type))].sort(), ["staff.record_opened"]);

    // Period: Rome days, both ends included. The next day's events are not in today.
    advance(s, 24 * 3600);
    sup.jar = await loginStaff(s, sup.staff);
    reviewer.jar = await loginStaff(s, reviewer.staff);
    await api(s, "GET", `/api/v1/staff/review-queue/${id}`, undefined, reviewer.jar);
    const day1 = await eventsOf(
      `staff=${reviewer.staff.username}&from=2026-03-02&to=2026-03-02&type=staff.record_opened`,
    );
    const day2 = await eventsOf(
      `staff=${reviewer.staff.username}&from=2026-03-03&to=2026-03-03&type=staff.record_opened`,
    );
    const both2 = await eventsOf(
      `staff=${reviewer.staff.username}&from=2026-03-02&to=2026-03-03&type=staff.record_opened`,
    );
    assert.equal(day1.length, 1);
    assert.equal(day2.length, 1);
    assert.equal(both2.length, 2);
    assert.ok(day2[0] !== undefined && day2[0].at.startsWith("2026-03-03"));

    const searched = await rows<{
      actor_id: string;
      subject_key: string | null;
      details: Record<string, unknown>;
    }>(
      s,
      "SELECT actor_id, subject_key, details FROM audit_event WHERE type = 'audit.searched' ORDER BY seq",
    );
    assert.equal(searched.length, 7);
    assert.ok(searched.every((r) => r.actor_id === sup.staff.id));
    const first = searched[0];
    assert.ok(first !== undefined);
    assert.equal(first.details.byFiscalCode, true);
    assert.notEqual(first.subject_key, null, "a search by fiscal code has the person as subject");
    assert.ok(!JSON.stringify(searched).includes(p.fiscalCode), "never the fiscal code itself");
    // The person sees that their trail was searched (by a supervisor, no name).
    const again = new Jar();
    await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin }, again);
    const activity = await api(s, "GET", "/api/v1/me/activity?limit=100", undefined, again);
    const seen = activity.json<{ events: { type: string; staffRole: string | null }[] }>().events;
    assert.ok(seen.some((e) => e.type === "audit.searched" && e.staffRole === "supervisor"));
    assert.ok(!activity.body.includes(sup.staff.username));
  });

  it("refuses bad filters by name and an unknown staff member", async () => {
    const bad = problemOf(
      await search("fiscalCode=XYZ&type=DROP TABLE&from=2026-02-30&to=2026-01-01"),
      422,
    );
    assert.deepEqual(bad.errors?.map((e) => e.field).sort(), ["fiscalCode", "from", "type"]);
    const order = problemOf(await search("from=2026-03-05&to=2026-03-01"), 422);
    assert.deepEqual(
      order.errors?.map((e) => e.field),
      ["to"],
    );
    const nobody = problemOf(await search("staff=nobody.here"), 422);
    assert.deepEqual(
      nobody.errors?.map((e) => e.field),
      ["staff"],
    );
    assert.equal(problemOf(await search("format=xml"), 422).errors?.[0]?.field, "format");
  });

  it("exports CSV and JSON as downloads, each export audited", async () => {
    const before = await countOf("audit.exported");
    const csv = await search(`type=staff.created&format=csv`);
    assert.equal(csv.statusCode, 200, csv.body);
    assert.match(String(csv.headers["content-type"]), /^text\/csv/u);
    assert.match(
      String(csv.headers["content-disposition"]),
      /^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"/u,
    );
    assert.equal(csv.headers["cache-control"], "no-store");
    const lines = csv.body.trim().split("\r\n");
    assert.equal(
      lines[0],
      "seq,at,type,outcome,actorKind,actorId,actorRole,actorUsername,subjectHint,sourceIp,requestId,details",
    );
    assert.ok(lines.length >= 3);
    assert.ok(lines.slice(1).every((l) => l.split(",")[2] === "staff.created"));
    const json = await search(`type=staff.created&format=json`);
    assert.match(String(json.headers["content-disposition"]), /\.json"/u);
    const parsed = JSON.parse(json.body) as { events: Row[] };
    assert.equal(parsed.events.length, lines.length - 1);
    assert.equal(await countOf("audit.exported"), before + 2);
    const formats = await rows<{ details: { format: string; results: number } }>(
      s,
      "SELECT details FROM audit_event WHERE type = 'audit.exported' ORDER BY seq DESC LIMIT 2",
    );
    assert.deepEqual(
      formats.map((f) => f.details.format),
      ["json", "csv"],
    );
  });

  it("writes CSV cells a spreadsheet cannot run as formulas", () => {
    const csv = auditCsv([
      {
        seq: 1,
        at: new Date("2026-03-02T09:00:00Z"),
        type: "staff.record_opened",
        outcome: "success",
        actorKind: "staff",
        actorId: "x",
        actorRole: "supervisor",
        actorUsername: '=HYPERLINK("http://evil")',
        subjectHint: null,
        sourceIp: "10.0.0.1",
        requestId: null,
        details: { ref: "a,b" },
      },
    ]);
    const cells = csv.split("\r\n")[1] ?? "";
    assert.match(cells, /,"'=HYPERLINK\(""http:\/\/evil""\)",/u);
    assert.match(cells, /"\{""ref"":""a,b""\}"$/u);
  });

  it("is for supervisors only", async () => {
    for (const url of ["/api/v1/staff/audit", "/api/v1/staff/accounts", "/api/v1/staff/queues"]) {
      const res = await api(s, "GET", url, undefined, reviewer.jar);
      assert.equal(problemOf(res, 403).code, "STAFF_FORBIDDEN");
    }
  });

  it("adds an account with a one-time link, disables it (its session ends at once), enables and resets it", async () => {
    const added = await api(
      s,
      "POST",
      "/api/v1/staff/accounts",
      { username: "Mario.Rossi", role: "office_clerk", officeId: "roma-eur" },
      sup.jar,
    );
    assert.equal(added.statusCode, 201, added.body);
    const link = added.json<{ staffId: string; username: string; enrolmentUrl: string }>();
    assert.equal(link.username, "mario.rossi");
    const url = new URL(link.enrolmentUrl);
    assert.equal(url.origin, new URL(s.rt.ctx.config.publicUrl).origin);
    assert.equal(url.pathname, "/operatori/attivazione");
    assert.match(url.searchParams.get("token") ?? "", /^[\w-]{30,}$/u);
    const taken = await api(
      s,
      "POST",
      "/api/v1/staff/accounts",
      { username: "mario.rossi", role: "supervisor" },
      sup.jar,
    );
    assert.equal(problemOf(taken, 409).code, "USERNAME_TAKEN");
    const invalid = await api(
      s,
      "POST",
      "/api/v1/staff/accounts",
      { username: "x", role: "boss" },
      sup.jar,
    );
    assert.deepEqual(
      problemOf(invalid, 422)
        .errors?.map((e) => e.field)
        .sort(),
      ["role", "username"],
    );

    const victim = await staffSession(s, { role: "contact_centre_agent" });
    assert.equal((await api(s, "GET", "/api/v1/staff/me", undefined, victim.jar)).statusCode, 200);
    const disabled = await api(
      s,
      "POST",
      `/api/v1/staff/accounts/${victim.staff.id}/disable`,
      {},
      sup.jar,
    );
    assert.equal(disabled.statusCode, 200, disabled.body);
    const next = await api(s, "GET", "/api/v1/staff/me", undefined, victim.jar);
    assert.equal(next.statusCode, 401);
    const list = await api(s, "GET", "/api/v1/staff/accounts", undefined, sup.jar);
    const accounts = list.json<{ accounts: { id: string; status: string }[] }>().accounts;
    assert.equal(accounts.find((a) => a.id === victim.staff.id)?.status, "disabled");
    assert.equal(accounts.find((a) => a.id === link.staffId)?.status, "enrolling");

    const enabled = await api(
      s,
      "POST",
      `/api/v1/staff/accounts/${victim.staff.id}/enable`,
      {},
      sup.jar,
    );
    assert.equal(enabled.statusCode, 200);
    advance(s, 31); // a TOTP code is accepted once: the next one
    await loginStaff(s, victim.staff);
    const reset = await api(
      s,
      "POST",
      `/api/v1/staff/accounts/${victim.staff.id}/reset`,
      {},
      sup.jar,
    );
    assert.equal(reset.statusCode, 200);
    assert.match(
      reset.json<{ enrolmentUrl: string }>().enrolmentUrl,
      /\/operatori\/attivazione\?token=/u,
    );

    const self = await api(
      s,
      "POST",
      `/api/v1/staff/accounts/${sup.staff.id}/disable`,
      {},
      sup.jar,
    );
    assert.equal(problemOf(self, 409).code, "STAFF_OWN_ACCOUNT");
    const missing = await api(
      s,
      "POST",
      `/api/v1/staff/accounts/${randomUUID()}/disable`,
      {},
      sup.jar,
    );
    assert.equal(problemOf(missing, 404).code, "NOT_FOUND");
    const types = await rows<{ type: string }>(
      s,
      "SELECT type FROM audit_event WHERE actor_id = $1 AND type LIKE 'staff.%' ORDER BY seq",
      [sup.staff.id],
    );
    for (const t of [
      "staff.created",
      "staff.disabled",
      "staff.accounts_listed",
      "staff.enabled",
      "staff.enrolment_reset",
    ])
      assert.ok(
        types.some((r) => r.type === t),
        t,
      );
  });

  it("counts the queues: waiting, the oldest, and handled per Rome day", async () => {
    // A fresh service: only this test's items.
    const q = await startService({ archiveSize: 20, start: "2026-03-02T09:00:00Z" });
    try {
      const qk = conversionKit(q);
      const boss = await staffSession(q, { role: "supervisor" });
      const rev = await staffSession(q, { role: "back_office_reviewer" });
      const empty = (await api(q, "GET", "/api/v1/staff/queues?days=3", undefined, boss.jar)).json<{
        verification: Figures;
        review: Figures;
      }>();
      assert.deepEqual(empty.review, {
        waiting: 0,
        oldestAt: null,
        handledPerDay: [
          { date: "2026-02-28", count: 0 },
          { date: "2026-03-01", count: 0 },
          { date: "2026-03-02", count: 0 },
        ],
      });
      // Three requests on Monday; two decided on Monday, one waits.
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const { jar } = await qk.holder();
        ids.push(
          (await qk.upload(jar, await qk.goodParts())).json<{ requestId: string }>().requestId,
        );
        advance(q, 60);
      }
      rev.jar = await loginStaff(q, rev.staff);
      for (const id of ids.slice(1))
        assert.equal(
          (
            await api(
              q,
              "POST",
              `/api/v1/staff/review-queue/${id}/decision`,
              { decision: "approve" },
              rev.jar,
            )
          ).statusCode,
          200,
        );
      // Two claims waiting for verification, the older from Sunday; outcomes recorded by the
      // verification flow (by its event name): one late on Sunday (Rome), two on Monday.
      const insertClaim = (at: string) =>
        q.rt.db.query(
          `INSERT INTO claim (id, fiscal_code, channel, status, declared, delivery, created_at)
           VALUES ($1, $2, 'online', 'under_verification', '{}', 'sms', $3)`,
          [randomUUID(), `CLAIM${randomUUID().slice(0, 11)}`, at],
        );
      await insertClaim("2026-03-01T10:00:00Z");
      await insertClaim("2026-03-02T08:00:00Z");
      const outcome = async (at: string) => {
        q.clock.set(at);
        await q.rt.ctx.uow.run(async (r) => {
          r.audit.record({
            type: "verification.outcome",
            outcome: "success",
            ...systemActor("test"),
            details: {},
          } as unknown as AuditRecord);
        });
      };
      await outcome("2026-03-01T22:30:00Z"); // 23:30 in Rome, Sunday
      await outcome("2026-03-01T23:30:00Z"); // 00:30 in Rome, Monday
      await outcome("2026-03-02T09:30:00Z");
      q.clock.set("2026-03-02T09:40:00Z");
      boss.jar = await loginStaff(q, boss.staff);
      const res = await api(q, "GET", "/api/v1/staff/queues?days=3", undefined, boss.jar);
      assert.equal(res.statusCode, 200, res.body);
      const f = res.json<{ verification: Figures; review: Figures }>();
      assert.equal(f.review.waiting, 1);
      assert.equal(f.review.oldestAt, "2026-03-02T09:00:00.000Z");
      assert.deepEqual(
        f.review.handledPerDay.map((d) => d.count),
        [0, 0, 2],
      );
      assert.equal(f.verification.waiting, 2);
      assert.equal(f.verification.oldestAt, "2026-03-01T10:00:00.000Z");
      assert.deepEqual(f.verification.handledPerDay, [
        { date: "2026-02-28", count: 0 },
        { date: "2026-03-01", count: 1 },
        { date: "2026-03-02", count: 2 },
      ]);
      assert.equal(
        problemOf(await api(q, "GET", "/api/v1/staff/queues?days=99", undefined, boss.jar), 422)
          .errors?.[0]?.field,
        "days",
      );
      const verdict = await verifyAudit(q.rt.db, q.rt.auditKeys.chain);
      assert.equal(verdict.ok, true, JSON.stringify(verdict));
    } finally {
      await q.close();
    }
  });

  it("counts Rome days across the clock changes", () => {
    assert.equal(romeDayStart("2026-03-02").toISOString(), "2026-03-01T23:00:00.000Z");
    // The last Sunday of March: midnight is still winter time; the day has 23 hours.
    assert.equal(romeDayStart("2026-03-29").toISOString(), "2026-03-28T23:00:00.000Z");
    assert.equal(romeDayStart("2026-03-30").toISOString(), "2026-03-29T22:00:00.000Z");
    assert.equal(romeDayStart("2026-10-25").toISOString(), "2026-10-24T22:00:00.000Z");
    assert.equal(romeDayStart("2026-10-26").toISOString(), "2026-10-25T23:00:00.000Z");
    assert.deepEqual(lastRomeDays(new Date("2026-03-01T23:30:00Z"), 2), [
      "2026-03-01",
      "2026-03-02",
    ]);
  });

  it("keeps the audit chain whole", async () => {
    const verdict = await verifyAudit(s.rt.db, s.rt.auditKeys.chain);
    assert.equal(verdict.ok, true, JSON.stringify(verdict));
  });
});

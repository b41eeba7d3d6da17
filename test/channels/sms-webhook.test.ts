/**
 * The SMS delivery-report webhook (POST /hooks/sms/status, src/http/hooks/sms-status.ts) on a
 * whole service listening on 127.0.0.1, reports posted by the fake gateway: signature and
 * timestamp checked over the raw body, replays refused, outbox rows marked (delivered wins),
 * unknown ids answered like known ones, bad JSON a 400, never a 500.
 */
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { deliveries } from "../../src/observability/metrics.ts";
import { startService, type TestService } from "../helpers/app.ts";
import {
  signSmsReport,
  startSmsTestGateway,
  type SmsTestGateway,
} from "../helpers/sms-test-gateway.ts";

const SECRET = "webhook-secret-0123456789abcdef";

let s: TestService;
let gw: SmsTestGateway;
let hook: string;

before(async () => {
  gw = await startSmsTestGateway();
  s = await startService({
    envOverrides: {
      SMS_GATEWAY_URL: gw.url,
      SMS_GATEWAY_TOKEN: gw.token,
      SMS_SENDER: "INPS",
      SMS_WEBHOOK_SECRET: SECRET,
      RATE_LIMIT_SMS_WEBHOOK_REFUSED: "12/10m",
    },
  });
  const address = await s.app.listen({ port: 0, host: "127.0.0.1" });
  hook = `${address}/hooks/sms/status`;
});
after(async () => {
  await s.close();
  await gw.close();
});

/** Unix seconds of the service clock (the webhook's window is measured on it). */
const now = (offset = 0) => String(Math.floor(s.clock.now().getTime() / 1000) + offset);

async function message(channel: "sms" | "email" = "sms"): Promise<string> {
  const id = randomUUID();
  await s.tdb.db.query(
    `INSERT INTO outbox (id, kind, channel, recipient, payload, status, next_attempt_at, created_at, sent_at)
     VALUES ($1, 'claim_received', $2, '+5491123456789', '{"lang":"it","claimReference":"X"}'::jsonb, 'sent', $3, $3, $3)`,
    [id, channel, s.clock.now()],
  );
  return id;
}

interface Delivery {
  delivery_status: string | null;
  delivery_reported_at: Date | null;
  delivery_error: string | null;
}

async function delivery(id: string): Promise<Delivery> {
  const rows = await s.tdb.db.query<Delivery>(
    "SELECT delivery_status, delivery_reported_at, delivery_error FROM outbox WHERE id = $1",
    [id],
  );
  assert.ok(rows[0] !== undefined);
  return rows[0];
}

function problemCode(body: string): unknown {
  const parsed: unknown = JSON.parse(body);
  return typeof parsed === "object" && parsed !== null && "code" in parsed
    ? parsed.code
    : undefined;
}

async function counted(outcome: string): Promise<number> {
  const m = await deliveries.get();
  return (
    m.values.find((v) => v.labels.channel === "sms" && v.labels.outcome === outcome)?.value ?? 0
  );
}

describe("SMS delivery-report webhook", () => {
  it("marks an SMS delivered, counts it, and refuses the same report again (409)", async () => {
    const id = await message();
    const before = await counted("delivered");
    const ts = now();
    const report = { id, status: "delivered" as const, at: "2026-03-02T09:00:05Z" };
    const res = await gw.sendReport(hook, SECRET, report, { timestamp: ts });
    assert.equal(res.status, 200, res.body);
    assert.deepEqual(JSON.parse(res.body), { status: "ok" });
    assert.deepEqual(await delivery(id), {
      delivery_status: "delivered",
      delivery_reported_at: new Date("2026-03-02T09:00:05Z"),
      delivery_error: null,
    });
    assert.equal(await counted("delivered"), before + 1);

    const replay = await gw.sendReport(hook, SECRET, report, { timestamp: ts });
    assert.equal(replay.status, 409);
    assert.equal(problemCode(replay.body), "WEBHOOK_REPLAYED");
    assert.equal(await counted("delivered"), before + 1, "a replay counts nothing");
  });

  it("delivered wins over failed, never the reverse; only a short reason code is kept", async () => {
    const id = await message();
    const failed = await gw.sendReport(
      hook,
      SECRET,
      { id, status: "rejected", reason: "unknown subscriber +54 9 11 2345 6789" },
      { timestamp: now() },
    );
    assert.equal(failed.status, 200);
    assert.equal((await delivery(id)).delivery_status, "failed");
    assert.equal((await delivery(id)).delivery_error, "rejected", "free text is not kept");
    const other = await message();
    await gw.sendReport(
      hook,
      SECRET,
      { id: other, status: "rejected", reason: "unknown_subscriber" },
      { timestamp: now(2) },
    );
    assert.equal((await delivery(other)).delivery_error, "rejected: unknown_subscriber");
    await gw.sendReport(hook, SECRET, { id, status: "delivered" }, { timestamp: now() });
    assert.equal((await delivery(id)).delivery_status, "delivered");
    await gw.sendReport(hook, SECRET, { id, status: "expired" }, { timestamp: now(1) });
    const after = await delivery(id);
    assert.equal(after.delivery_status, "delivered", "a late failure does not undo a delivery");
  });

  it("takes a batch of reports", async () => {
    const a = await message();
    const b = await message();
    const res = await gw.sendReport(
      hook,
      SECRET,
      {
        reports: [
          { id: a, status: "delivered" },
          { id: b, status: "expired" },
        ],
      },
      { timestamp: now() },
    );
    assert.equal(res.status, 200);
    assert.equal((await delivery(a)).delivery_status, "delivered");
    assert.deepEqual(
      [(await delivery(b)).delivery_status, (await delivery(b)).delivery_error],
      ["failed", "expired"],
    );
  });

  it("an unknown id, a foreign id or an e-mail's id: 200 and nothing changes", async () => {
    const email = await message("email");
    for (const id of [randomUUID(), "not-a-uuid", email]) {
      const res = await gw.sendReport(hook, SECRET, { id, status: "failed" }, { timestamp: now() });
      assert.equal(res.status, 200, id);
    }
    assert.equal((await delivery(email)).delivery_status, null, "never touches a non-SMS row");
  });

  it("refuses a missing, wrong or stale signature with 401 and changes nothing", async () => {
    const id = await message();
    const raw = JSON.stringify({ id, status: "failed" });
    const cases: { timestamp?: string; signature?: string | null; rawBody?: string }[] = [
      { signature: null },
      { signature: "sha256=" + "0".repeat(64) },
      { signature: "sha256=abc" },
      { signature: signSmsReport("another-secret-0123456789", now(), raw) },
      { timestamp: now(-301) },
      { timestamp: now(301) },
      { timestamp: "yesterday" },
      // Signed for another body.
      { signature: signSmsReport(SECRET, now(), raw.replace("failed", "delivered")) },
    ];
    for (const tamper of cases) {
      const res = await gw.sendReport(
        hook,
        SECRET,
        { id, status: "failed" },
        {
          timestamp: now(),
          ...tamper,
        },
      );
      assert.equal(res.status, 401, JSON.stringify(tamper));
      assert.equal(problemCode(res.body), "WEBHOOK_SIGNATURE_INVALID");
    }
    assert.equal((await delivery(id)).delivery_status, null);
    const edge = await gw.sendReport(
      hook,
      SECRET,
      { id, status: "failed" },
      { timestamp: now(-299) },
    );
    assert.equal(edge.status, 200, "inside the window");
  });

  it("answers 400, never 500, to a signed body that is not a report", async () => {
    for (const rawBody of ["{not json", "[]", '{"id":"x","status":"read"}', "", '{"reports":[]}']) {
      const res = await gw.sendReport(
        hook,
        SECRET,
        { id: "x", status: "failed" },
        {
          timestamp: now(),
          rawBody,
        },
      );
      assert.equal(res.status, 400, rawBody);
      assert.equal(problemCode(res.body), "MALFORMED_REQUEST");
    }
  });

  it("housekeeping forgets signatures past the replay window", async () => {
    const id = await message();
    await gw.sendReport(hook, SECRET, { id, status: "delivered" }, { timestamp: now() });
    const count = async () =>
      (
        await s.tdb.db.query<{ n: number }>("SELECT count(*)::int AS n FROM sms_report_signature")
      )[0]?.n ?? 0;
    assert.ok((await count()) > 0);
    s.clock.advance(16 * 60);
    const report = await s.rt.worker.runHousekeeping();
    assert.ok((report?.smsReportSignatures ?? 0) > 0);
    assert.equal(await count(), 0);
  });
  it("slows down a source that keeps sending forged reports (429), never the signed ones", async () => {
    const id = await message();
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await gw.sendReport(
        hook,
        "not-the-secret",
        { id, status: "failed" },
        {
          timestamp: now(),
        },
      );
      statuses.push(r.status);
    }
    assert.ok(statuses.includes(401) && statuses.at(-1) === 429, statuses.join(","));
    const signed = await gw.sendReport(
      hook,
      SECRET,
      { id, status: "delivered" },
      {
        timestamp: now(3),
      },
    );
    assert.equal(signed.status, 200, "the gateway's own reports still go through");
    assert.equal((await delivery(id)).delivery_status, "delivered");
  });
});

describe("without an SMS gateway", () => {
  it("the webhook does not exist", async () => {
    const plain = await startService();
    try {
      const res = await plain.app.inject({ method: "POST", url: "/hooks/sms/status", payload: {} });
      assert.equal(res.statusCode, 404);
    } finally {
      await plain.close();
    }
  });
});

/**
 * GET /metrics: who may read it (bearer token compared in constant time; without a token only
 * loopback callers not behind a proxy), and what it says — HTTP durations by route pattern,
 * logins, claims and audit events by type counted after commit, outbox depth and oldest age per
 * channel and status (scrape time), deliveries, abandoned messages, circuits, hash queue, pool,
 * default process metrics — with no personal data in any label.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { api, claimBody, startService, type TestService } from "../helpers/app.ts";
import { problemOf } from "../helpers/journeys.ts";

/** The value of one sample (labels in any order), or 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const wanted = Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`));
    if (wanted) return Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return 0;
}

describe("GET /metrics", () => {
  let s: TestService;
  let withToken: TestService;
  const TOKEN = "metrics-token-0123456789abcdef";
  before(async () => {
    s = await startService({ archiveSize: 20 });
    withToken = await startService({ archiveSize: 5, envOverrides: { METRICS_TOKEN: TOKEN } });
  });
  after(async () => {
    await withToken.close();
    await s.close();
  });
  const scrape = async (svc = s) => {
    const res = await svc.app.inject({ method: "GET", url: "/metrics" });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers["content-type"]), /^text\/plain/u);
    return res.body;
  };

  it("without a token answers only loopback callers that came through no proxy", async () => {
    await scrape();
    const remote = await s.app.inject({
      method: "GET",
      url: "/metrics",
      remoteAddress: "10.1.2.3",
    });
    assert.equal(problemOf(remote, 403).code, "METRICS_LOOPBACK_ONLY");
    const proxied = await s.app.inject({
      method: "GET",
      url: "/metrics",
      headers: { "x-forwarded-for": "203.0.113.9" },
    });
    assert.equal(problemOf(proxied, 403).code, "METRICS_LOOPBACK_ONLY");
  });

  it("with a token requires it, from anywhere", async () => {
    const none = await withToken.app.inject({ method: "GET", url: "/metrics" });
    assert.equal(problemOf(none, 401).code, "METRICS_TOKEN_REQUIRED");
    for (const authorization of [
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(1)}`,
      TOKEN,
      "Bearer ",
    ]) {
      const res = await withToken.app.inject({
        method: "GET",
        url: "/metrics",
        headers: { authorization },
      });
      assert.equal(res.statusCode, 401, authorization);
    }
    const ok = await withToken.app.inject({
      method: "GET",
      url: "/metrics",
      remoteAddress: "10.1.2.3",
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    assert.equal(ok.statusCode, 200);
    assert.match(ok.body, /process_cpu_user_seconds_total/u);
  });

  it("is not in the OpenAPI document", async () => {
    const doc = await s.app.inject({ method: "GET", url: "/api/docs/json" });
    assert.ok(!doc.body.includes('"/metrics"'));
  });

  it("counts requests by route pattern, claims, logins and audit events, and the outbox by channel and status", async () => {
    const p = s.eligible[0]!;
    const before = await scrape();
    const claim = await api(s, "POST", "/api/v1/claims", claimBody(p));
    assert.ok(claim.statusCode < 300, claim.body);
    await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin: "ZZZZZZZZZZZZZZZZ" });
    const id = randomUUID();
    await s.app.inject({ method: "GET", url: `/api/v1/staff/outbox/abandoned?x=${p.fiscalCode}` });
    await s.app.inject({ method: "POST", url: `/api/v1/staff/outbox/${id}/resend`, payload: {} });
    await s.app.inject({ method: "GET", url: `/nowhere/${p.fiscalCode}` });
    s.clock.advance(90);
    const text = await scrape();

    const delta = (name: string, labels: Record<string, string> = {}) =>
      sample(text, name, labels) - sample(before, name, labels);
    assert.equal(
      delta("inps_http_request_duration_seconds_count", {
        route: "/api/v1/claims",
        method: "POST",
      }),
      1,
    );
    assert.equal(
      delta("inps_http_request_duration_seconds_count", {
        route: "/api/v1/staff/outbox/:id/resend",
        status: "401",
      }),
      1,
    );
    assert.equal(
      delta("inps_http_request_duration_seconds_count", { route: "unmatched", status: "404" }),
      1,
    );
    assert.equal(delta("inps_claims_total", { outcome: "received" }), 1);
    assert.equal(delta("inps_audit_events_total", { type: "claim.received" }), 1);
    assert.equal(delta("inps_logins_total", { outcome: "wrong_pin" }), 1);
    assert.ok(sample(text, "inps_outbox_messages", { channel: "letter", status: "queued" }) >= 1);
    assert.ok(
      sample(text, "inps_outbox_oldest_age_seconds", { channel: "letter", status: "queued" }) >= 90,
    );
    assert.match(text, /inps_outbox_abandoned \d+/u);
    assert.match(text, /inps_hash_queue\{state="waiting"\} 0/u);
    if (s.rt.db.kind === "postgres")
      assert.match(text, /inps_db_pool_connections\{pool="main",state="total"\}/u);
    // No personal data or raw URL in any label.
    for (const clear of [p.fiscalCode, id, "/nowhere"]) assert.ok(!text.includes(clear), clear);

    await s.deliver();
    const after = await scrape();
    assert.equal(sample(after, "inps_outbox_messages", { channel: "letter", status: "queued" }), 0);
    assert.ok(
      sample(after, "inps_outbox_deliveries_total", { channel: "letter", outcome: "sent" }) >= 1,
    );
    assert.match(after, /inps_outbox_circuit_state\{channel="sms"\} 0/u);
  });
});

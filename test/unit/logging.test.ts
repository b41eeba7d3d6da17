/**
 * Logs through pino: every request's completion line carries its request id (a UUID made
 * here, never a client's), its route pattern, status, duration and the ids of the audit events
 * it wrote; a login's line names the login's audit event. No PIN, PIN half or fiscal code in
 * any line. The worker logs through pino too.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { pino } from "pino";
import { createApp } from "../../src/main.ts";
import { createOutboxWorker } from "../../src/notifications/worker.ts";
import { devChannels } from "../../src/notifications/dev-outbox.ts";
import { loggerOptions } from "../../src/observability/logger.ts";
import {
  api,
  claimBody,
  initialPinFromOutbox,
  startService,
  type TestService,
} from "../helpers/app.ts";
import { rows } from "../helpers/journeys.ts";

interface Line {
  msg: string;
  reqId?: string;
  route?: string;
  status?: number;
  ms?: number;
  auditEventIds?: string[];
  [k: string]: unknown;
}

function capture(): { stream: Writable; lines: () => Line[]; text: () => string } {
  let text = "";
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      text += chunk.toString();
      cb();
    },
  });
  return {
    stream,
    text: () => text,
    lines: () =>
      text
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => JSON.parse(l) as Line),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u;

describe("structured logs", () => {
  let s: TestService;
  let app: FastifyInstance;
  const web = capture();
  before(async () => {
    s = await startService({ archiveSize: 20 });
    app = await createApp(s.rt, { logger: { level: "info", stream: web.stream } });
    await app.ready();
  });
  after(async () => {
    await app.close();
    await s.close();
  });

  it("logs a login with its request id and its audit event id, and no PIN or fiscal code", async () => {
    const p = s.eligible[0]!;
    await api(s, "POST", "/api/v1/claims", claimBody(p));
    const pin = initialPinFromOutbox(
      await s.deliver(),
      { mobile: p.mobile, email: p.email },
      p.fiscalCode,
    );
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/session",
      headers: {
        "content-type": "application/json",
        "request-id": "client-chosen",
        "x-request-id": "client-chosen",
      },
      payload: JSON.stringify({ fiscalCode: p.fiscalCode, pin }),
    });
    assert.ok(res.statusCode < 300, res.body);
    const line = web
      .lines()
      .find((l) => l.msg === "request completed" && l.route === "/api/v1/session");
    assert.ok(line !== undefined, web.text());
    assert.match(line.reqId ?? "", UUID, "a UUID made by the service, not the client's");
    assert.equal(line.status, res.statusCode);
    assert.equal(typeof line.ms, "number");
    const [event] = await rows<{ id: string; request_id: string }>(
      s,
      "SELECT id, request_id FROM audit_event WHERE type = 'login.succeeded' ORDER BY seq DESC LIMIT 1",
    );
    assert.ok(event !== undefined);
    assert.deepEqual(line.auditEventIds, [event.id]);
    assert.equal(event.request_id, line.reqId, "the audit event names the same request");
    for (const secret of [p.fiscalCode, pin, pin.slice(0, 8), pin.slice(8)])
      assert.ok(!web.text().includes(secret), "a secret in the logs");
  });

  it("gives every request its own id and logs the route pattern, never the URL", async () => {
    const p = s.eligible[1]!;
    await app.inject({ method: "GET", url: `/healthz?cf=${p.fiscalCode}` });
    await app.inject({ method: "GET", url: "/healthz" });
    const lines = web.lines().filter((l) => l.route === "/healthz");
    assert.equal(lines.length, 2);
    assert.notEqual(lines[0]?.reqId, lines[1]?.reqId);
    assert.deepEqual(lines[0]?.auditEventIds, []);
    assert.ok(!web.text().includes(p.fiscalCode));
  });

  it("the worker logs through pino: ids, kinds and channels, no recipient", async () => {
    const out = capture();
    const p = s.eligible[2]!;
    await api(s, "POST", "/api/v1/claims", claimBody(p));
    const w = createOutboxWorker({
      db: s.rt.db,
      uow: s.rt.uow,
      clock: s.clock,
      channels: devChannels(s.outboxDir),
      outboxKey: s.rt.config.outboxKey,
      log: pino(loggerOptions("info", "worker"), out.stream),
    });
    while ((await w.runOnce()) > 0) {
      // drain
    }
    const sent = out.lines().filter((l) => l.msg === "outbox.sent");
    assert.ok(sent.length >= 2);
    for (const l of sent) {
      assert.equal(l.name, "worker");
      assert.match(String(l.id), UUID);
      assert.equal(typeof l.channel, "string");
    }
    for (const clear of [p.fiscalCode, p.mobile, p.email].filter(
      (v) => typeof v === "string" && v !== "",
    ))
      assert.ok(!out.text().includes(String(clear)), String(clear));
  });
});

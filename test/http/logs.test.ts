/**
 * Secrets never reach the logs: a whole journey (claim, first access, activation, wrong and
 * right logins, dev pages with the fiscal code in the URL) with info-level logging captured.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { createApp } from "../../src/main.ts";
import {
  api,
  claimBody,
  initialPinFromOutbox,
  Jar,
  startService,
  type TestService,
} from "../helpers/app.ts";
import type { FastifyInstance } from "fastify";

describe("logs", () => {
  let s: TestService;
  let logged = "";
  let app: FastifyInstance;
  before(async () => {
    s = await startService();
    const stream = new Writable({
      write(chunk: Buffer, _enc, cb) {
        logged += chunk.toString();
        cb();
      },
    });
    app = await createApp(s.rt, { logger: { level: "trace", stream } });
    await app.ready();
  });
  after(async () => {
    await app.close();
    await s.close();
  });

  it("carry no PIN, PIN half, session token or full fiscal code", async () => {
    const p = s.eligible[1]!;
    const logged_s: TestService = { ...s, app };
    await api(logged_s, "POST", "/api/v1/claims", claimBody(p));
    const outbox = await s.deliver();
    const pin16 = initialPinFromOutbox(outbox, { mobile: p.mobile });
    const jar = new Jar();
    await api(logged_s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin: "ZZZZZZZZ" });
    await api(logged_s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin: pin16 }, jar);
    const act = await api(logged_s, "POST", "/api/v1/pin/activate", undefined, jar);
    const pin8 = act.json<{ pin: string }>().pin;
    await api(logged_s, "GET", "/api/v1/me", undefined, jar);
    await app.inject({ method: "GET", url: `/dev/richiedi-pin?cf=${p.fiscalCode}` });
    await app.inject({ method: "GET", url: `/api/v1/me?fiscalCode=${p.fiscalCode}` });

    assert.ok(logged.length > 500, "requests were logged");
    const secrets = {
      fiscalCode: p.fiscalCode,
      pin16,
      firstHalf: pin16.slice(0, 8),
      secondHalf: pin16.slice(8),
      pin8,
      ...Object.fromEntries([...jar.cookies].map(([k, v]) => [`cookie ${k}`, v])),
    };
    for (const [what, value] of Object.entries(secrets)) {
      assert.ok(!logged.includes(value), `${what} appears in the logs`);
    }
  });
});

/**
 * /readyz: the database and each configured channel's check (fake checks here). A provider
 * down is `degraded` with 200 (the outbox waits; web instances stay in the load balancer);
 * only the database down answers 503. Checks are cached and bounded by a timeout.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/app.ts";
import type { AppContext } from "../../src/http/context.ts";
import { bounded, readinessProbe } from "../../src/http/readiness.ts";
import type { Db } from "../../src/store/db.ts";
import { startService, type TestService } from "../helpers/app.ts";

describe("GET /readyz", () => {
  let s: TestService;
  const apps: FastifyInstance[] = [];
  before(async () => {
    s = await startService({ archiveSize: 5 });
  });
  after(async () => {
    for (const a of apps) await a.close();
    await s.close();
  });
  const appWith = async (over: Partial<AppContext>): Promise<FastifyInstance> => {
    const app = await buildApp({ ...s.rt.ctx, ...over });
    apps.push(app);
    return app;
  };

  it("reports only the database when no channel has a check (development)", async () => {
    const res = await s.app.inject({ method: "GET", url: "/readyz" });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: "ok", checks: { database: "ok" } });
  });

  it("reports each configured channel; a provider down is degraded, still 200", async () => {
    const app = await appWith({
      channelChecks: {
        email: () => Promise.resolve(),
        sms: () => Promise.reject(new Error("gateway 503")),
        letters: () => Promise.resolve(),
      },
    });
    const res = await app.inject({ method: "GET", url: "/readyz" });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), {
      status: "degraded",
      checks: { database: "ok", email: "ok", sms: "unavailable", letters: "ok" },
    });
  });

  it("answers 503 when the database is down", async () => {
    const broken: Db = { ...s.rt.db, query: () => Promise.reject(new Error("connection refused")) };
    const app = await appWith({ db: broken, channelChecks: { email: () => Promise.resolve() } });
    const res = await app.inject({ method: "GET", url: "/readyz" });
    assert.equal(res.statusCode, 503);
    assert.deepEqual(res.json(), {
      status: "unavailable",
      checks: { database: "unavailable", email: "ok" },
    });
  });

  it("caches each channel's verdict for the time given", async () => {
    let calls = 0;
    let up = true;
    const probe = readinessProbe(
      {
        ...s.rt.ctx,
        channelChecks: {
          pec: async () => {
            calls++;
            if (!up) throw new Error("down");
          },
        },
      },
      { ttlMs: 60_000 },
    );
    assert.equal((await probe()).checks.pec, "ok");
    up = false;
    assert.equal((await probe()).checks.pec, "ok", "cached");
    assert.equal(calls, 1);
    const fresh = readinessProbe(
      { ...s.rt.ctx, channelChecks: { pec: () => Promise.reject(new Error("down")) } },
      { ttlMs: 0 },
    );
    assert.equal((await fresh()).checks.pec, "unavailable");
  });

  it("bounds a check that hangs", async () => {
    const hanging = () => new Promise<void>(() => undefined);
    assert.equal(await bounded(hanging, 5), "unavailable");
    assert.equal(await bounded(() => Promise.resolve(), 1000), "ok");
  });
});

/**
 * The back office's guard on every registered staff route (collected as fastify registers
 * them, no hand-written list) × every role, and without a staff session: a role the route
 * declares gets past the guard, any other gets 403 STAFF_FORBIDDEN; without a session the API
 * answers 401 and a page sends to the staff login. The service refuses to start when a route
 * under /operatori/ or /api/v1/staff/ declares no roles.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { LightMyRequestResponse } from "fastify";
import { STAFF_ROLES, type StaffRole } from "../../src/domain/staff.ts";
import { staffMayReach } from "../../src/http/staff-guard.ts";
import { createApp } from "../../src/main.ts";
import { Jar, startService, type TestService } from "../helpers/app.ts";
import { staffSession } from "../helpers/staff.ts";

function concreteUrl(url: string): string {
  return url.replace(/:([A-Za-z_]\w*)/gu, "x").replace(/\*/gu, "x");
}

/** A request that gets past the guard but changes nothing (no CSRF token, no JSON body). */
function probe(
  s: TestService,
  method: string,
  url: string,
  jar: Jar,
): Promise<LightMyRequestResponse> {
  const harmless = method !== "GET" && method !== "HEAD";
  return s.app.inject({
    method: method as "GET",
    url,
    headers: {
      accept: url.startsWith("/api/") ? "application/json" : "text/html",
      ...(jar.cookies.size > 0 ? { cookie: jar.header() } : {}),
      ...(harmless ? { "content-type": "text/plain" } : {}),
    },
    ...(harmless ? { payload: "probe" } : {}),
  });
}

const isGuardDenial = (res: LightMyRequestResponse): boolean =>
  (res.statusCode === 403 && res.body.includes("STAFF_FORBIDDEN")) ||
  (res.statusCode === 401 && res.body.includes("STAFF_AUTHENTICATION_REQUIRED")) ||
  (res.statusCode === 303 && (res.headers.location ?? "").startsWith("/operatori/accedi"));

describe("the staff guard on every staff route × every role", () => {
  let s: TestService;
  const jars = new Map<StaffRole, Jar>();

  before(async () => {
    s = await startService({ archiveSize: 20 });
    for (const role of STAFF_ROLES) jars.set(role, (await staffSession(s, { role })).jar);
  });
  after(async () => {
    await s.close();
  });

  it("finds the staff routes (API and pages), each with its roles", () => {
    const routes = s.app.journeyRoutes.staffList();
    assert.ok(routes.some((r) => r.url.startsWith("/api/v1/staff/")));
    assert.ok(routes.some((r) => r.url.startsWith("/operatori")));
    for (const r of routes) assert.ok(r.rule === "signed_out" || r.rule.length > 0, r.url);
    // No staff route is reachable through the citizens' journey rules.
    for (const r of s.app.journeyRoutes.list())
      assert.ok(!r.url.startsWith("/operatori") && !r.url.startsWith("/api/v1/staff"), r.url);
  });

  it("lets each role through exactly where the route declares it", async () => {
    const routes = s.app.journeyRoutes.staffList().filter((r) => r.method !== "HEAD");
    let checked = 0;
    for (const r of routes) {
      const url = concreteUrl(r.url);
      for (const role of STAFF_ROLES) {
        const res = await probe(s, r.method, url, jars.get(role) ?? new Jar());
        const label = `${r.method} ${r.url} as ${role}: ${res.statusCode} ${res.body.slice(0, 160)}`;
        if (staffMayReach(role, r.rule)) assert.ok(!isGuardDenial(res), label);
        else {
          assert.equal(res.statusCode, 403, label);
          assert.match(res.body, url.startsWith("/api/") ? /STAFF_FORBIDDEN/u : /<html/u, label);
        }
        assert.ok(res.statusCode < 500, label);
        checked++;
      }
    }
    assert.ok(checked >= routes.length * STAFF_ROLES.length);
  });

  it("asks for a staff login without a session: 401 on the API, the login page for pages", async () => {
    for (const r of s.app.journeyRoutes.staffList()) {
      if (r.rule === "signed_out" || r.method === "HEAD") continue;
      const url = concreteUrl(r.url);
      const res = await probe(s, r.method, url, new Jar());
      const label = `${r.method} ${r.url}: ${res.statusCode}`;
      if (url.startsWith("/api/")) {
        assert.equal(res.statusCode, 401, label);
        assert.match(res.body, /STAFF_AUTHENTICATION_REQUIRED/u, label);
      } else {
        assert.equal(res.statusCode, 303, label);
        assert.match(res.headers.location ?? "", /^\/operatori\/accedi/u, label);
      }
    }
  });

  it("does not take a citizen's session for a staff one, nor the other way round", async () => {
    const jar = jars.get("supervisor") ?? new Jar();
    const me = await probe(s, "GET", "/api/v1/me", jar);
    assert.equal(me.statusCode, 401);
    const citizenCookieOnly = new Jar();
    for (const [k, v] of jar.cookies)
      citizenCookieOnly.cookies.set(k.replace("inps_staff", "inps_session"), v);
    const staffMe = await probe(s, "GET", "/api/v1/staff/me", citizenCookieOnly);
    assert.equal(staffMe.statusCode, 401);
  });

  it("refuses to start when a staff route declares no roles", async () => {
    for (const url of ["/api/v1/staff/forgotten", "/operatori/forgotten"]) {
      const app = await createApp(s.rt);
      app.get(url, { config: { journey: "public" } }, async () => "no roles");
      await assert.rejects(
        async () => {
          await app.ready();
        },
        new RegExp(`GET ${url}`, "u"),
      );
      await app.close().catch(() => undefined);
    }
    const app = await createApp(s.rt);
    app.get("/api/v1/staff/empty", { config: { staff: [] } }, async () => "empty");
    await assert.rejects(async () => {
      await app.ready();
    }, /staff\/empty/u);
    await app.close().catch(() => undefined);
  });
});

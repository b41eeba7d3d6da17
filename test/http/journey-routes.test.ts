/**
 * The journey guard, checked on every registered route (collected as fastify registers them,
 * no hand-written list) in every state of the journey: a route its state may reach gets past
 * the guard; any other answers exactly what the guard answers — 401/403 problem details on the
 * API, a redirect to the state's page for pages. And the service refuses to start when a
 * route declares no journey rule.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { LightMyRequestResponse } from "fastify";
import { ERROR_STATUS } from "../../src/domain/errors.ts";
import { JOURNEY_STATES, mayReach, type JourneyState } from "../../src/domain/journey.ts";
import { denialCode, isApiUrl } from "../../src/http/journey-guard.ts";
import { PAGE_OF_STATE } from "../../src/web/paths.ts";
import { escapeHtml } from "../../src/web/html.ts";
import { t } from "../../src/i18n/index.ts";
import { createApp } from "../../src/main.ts";
import {
  api,
  initialPinFromOutbox,
  Jar,
  personWithPin,
  startService,
  claimBody,
  type TestService,
} from "../helpers/app.ts";
import { People } from "../helpers/journeys.ts";

const SAMPLE_PARAMS: Record<string, string> = { lang: "en", file: "x.pdf", month: "2025-12" };

function concreteUrl(url: string): string {
  return url
    .replace(/:([A-Za-z_]\w*)/gu, (_m, name: string) => SAMPLE_PARAMS[name] ?? "x")
    .replace(/\*/gu, "x");
}

/** A request that gets past the guard but changes nothing (no CSRF token, no JSON body). */
async function probe(
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
      accept: isApiUrl(url) ? "application/json" : "text/html",
      ...(jar.cookies.size > 0 ? { cookie: jar.header() } : {}),
      ...(harmless ? { "content-type": "text/plain" } : {}),
    },
    ...(harmless ? { payload: "probe" } : {}),
  });
}

describe("the journey guard on every registered route × every state", () => {
  let s: TestService;
  const jars = new Map<JourneyState, Jar>();
  /** A session still stored as pin_shown whose 15-minute window is over: it is authenticated. */
  let windowOver: Jar;

  before(async () => {
    s = await startService({ archiveSize: 40 });
    const people = new People(s);
    jars.set("anonymous", new Jar());

    const a = people.next();
    await api(s, "POST", "/api/v1/claims", claimBody(a));
    const initial = initialPinFromOutbox(await s.deliver(), { mobile: a.mobile }, a.fiscalCode);
    const pending = new Jar();
    await api(s, "POST", "/api/v1/session", { fiscalCode: a.fiscalCode, pin: initial }, pending);
    jars.set("pin_change_required", pending);

    const b = people.next();
    jars.set("pin_shown", (await personWithPin(s, b)).jar);

    const c = people.next();
    const { pin } = await personWithPin(s, c);
    const authenticated = new Jar();
    await api(s, "POST", "/api/v1/session", { fiscalCode: c.fiscalCode, pin }, authenticated);
    jars.set("authenticated", authenticated);

    const d = people.next();
    const dPin = (await personWithPin(s, d)).pin;
    await s.rt.db.query(
      "UPDATE credential SET set_at = set_at - interval '7 months' WHERE fiscal_code = $1 AND status = 'active'",
      [d.fiscalCode],
    );
    const expired = new Jar();
    await api(s, "POST", "/api/v1/session", { fiscalCode: d.fiscalCode, pin: dPin }, expired);
    jars.set("renewal_required", expired);

    const e = people.next();
    windowOver = (await personWithPin(s, e)).jar;
    await s.rt.db.query("UPDATE session SET pin_card_until = $2 WHERE fiscal_code = $1", [
      e.fiscalCode,
      new Date(s.clock.now().getTime() - 1000),
    ]);
  });

  after(async () => {
    await s.close();
  });

  it("puts a client in each state of the journey", async () => {
    for (const state of JOURNEY_STATES) assert.ok(jars.has(state), state);
    const me = await api(s, "GET", "/api/v1/me", undefined, jars.get("renewal_required"));
    assert.equal(me.statusCode, 403);
  });

  it("lets each route through in the states that may reach it and answers the guard's refusal in the others", async () => {
    const routes = s.app.journeyRoutes.list();
    assert.ok(routes.length > 30, `routes collected: ${routes.length}`);
    const checked: string[] = [];
    for (const route of routes) {
      const url = concreteUrl(route.url);
      const clients: [JourneyState, Jar, string][] = [
        ...JOURNEY_STATES.map((st): [JourneyState, Jar, string] => [st, jars.get(st)!, st]),
        ["authenticated", windowOver, "pin_shown with its window over"],
      ];
      for (const [state, jar, label] of clients) {
        const res = await probe(s, route.method, url, jar);
        const what = `${route.method} ${route.url} [${route.step}] in ${label}: ${res.statusCode} ${res.headers.location ?? ""}`;
        if (mayReach(state, route.step)) {
          if (isApiUrl(url)) {
            const code =
              res.statusCode >= 400 && res.body !== "" && route.method !== "HEAD"
                ? (JSON.parse(res.body) as { code?: string }).code
                : undefined;
            assert.ok(
              !(
                res.statusCode === 401 ||
                (res.statusCode === 403 && code !== "CROSS_SITE_REQUEST" && code !== "CSRF_INVALID")
              ),
              `allowed, yet refused: ${what} ${res.body}`,
            );
          } else {
            const location = res.headers.location ?? "";
            const guardLike =
              res.statusCode === 303 &&
              state !== "anonymous" &&
              location === PAGE_OF_STATE[state] &&
              route.method !== "POST";
            assert.ok(
              !guardLike && !location.startsWith("/accedi?"),
              `allowed, yet sent away: ${what}`,
            );
            // An allowed form post gets past the guard and stops at the CSRF check (the probe
            // carries no token), which changes nothing; the development aids take no token.
            // (A PIN change re-posted in pin_shown — a reload — gets the question page instead.)
            if (route.method === "POST" && !url.startsWith("/dev/"))
              assert.ok(
                res.statusCode === 403 ||
                  (res.statusCode === 200 &&
                    res.body.includes(escapeHtml(t("it", "newPin.alreadyShownTitle")))),
                `allowed form post, CSRF refused: ${what}`,
              );
          }
        } else if (isApiUrl(url)) {
          const code = denialCode(state, route.step, {
            kind: state === "anonymous" ? "none" : "live",
          } as never);
          assert.equal(res.statusCode, ERROR_STATUS[code], what);
          assert.match(String(res.headers["content-type"]), /^application\/problem\+json/u, what);
          if (route.method !== "HEAD")
            assert.equal((JSON.parse(res.body) as { code: string }).code, code, what);
        } else {
          assert.equal(res.statusCode, 303, what);
          const location = String(res.headers.location);
          if (state === "anonymous") assert.match(location, /^\/accedi(\?|$)/u, what);
          else assert.equal(location, PAGE_OF_STATE[state], what);
        }
        checked.push(what);
      }
    }
    assert.equal(checked.length, routes.length * (JOURNEY_STATES.length + 1));
  });

  it("refuses to start when a route declares no journey rule", async () => {
    const app = await createApp(s.rt);
    app.get("/forgotten", async () => "no rule");
    await assert.rejects(async () => {
      await app.ready();
    }, /GET \/forgotten/u);
    await app.close().catch(() => undefined);
  });
});

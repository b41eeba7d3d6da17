/**
 * Bad input (issue "Must show"): a property-based test throws random and malformed bodies at
 * every endpoint, API and forms, with and without a session: never a 5xx, always a problem
 * details body on the API, and nothing stored. Then a valid claim is mutated field by field:
 * every answer is 202, 409 or 422 (or 400), never anything else.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { encodeFiscalCode } from "../../src/domain/fiscal-code.ts";
import {
  api,
  claimBody,
  Jar,
  personWithPin,
  startService,
  type TestService,
} from "../helpers/app.ts";
import { csrfOf, page, tableCounts } from "../helpers/journeys.ts";

type Method = "GET" | "POST" | "DELETE";

/** Every API endpoint (and the dev clock, which answers the API's way). */
const API_ENDPOINTS: readonly [Method, string][] = [
  ["POST", "/api/v1/claims"],
  ["POST", "/api/v1/session"],
  ["DELETE", "/api/v1/session"],
  ["POST", "/api/v1/pin/activate"],
  ["POST", "/api/v1/pin/renew"],
  ["GET", "/api/v1/me"],
  ["GET", "/api/v1/me/contributions"],
  ["GET", "/api/v1/me/pension-slips"],
  ["POST", "/dev/clock"],
];

const FORM_ENDPOINTS: readonly string[] = [
  "/richiedi-pin",
  "/accedi",
  "/esci",
  "/nuovo-pin",
  "/rinnovo-pin",
  "/pin/tessera.pdf",
];

const CLAIM_FIELDS = [
  "fiscalCode",
  "surname",
  "givenNames",
  "sex",
  "birthDay",
  "birthMonth",
  "birthYear",
  "birthCountry",
  "birthMunicipality",
  "residence.country",
  "residence.line1",
  "residence.line2",
  "residence.city",
  "residence.region",
  "residence.postalCode",
  "mobile",
  "email",
  "delivery",
  "document.type",
  "document.number",
  "document.issuingCountry",
  "pin",
] as const;

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "application/json; charset=latin1",
  "text/plain",
  "text/plain; charset=utf-8",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=xyz",
  "application/xml",
  "application/octet-stream",
  "application/problem+json",
  "text/html",
] as const;

/** JSON.stringify, which answers undefined (not a string) for undefined, functions and symbols. */
function toJson(v: unknown): string {
  return v === undefined || typeof v === "function" || typeof v === "symbol"
    ? "null"
    : JSON.stringify(v);
}

/** Raw request bodies: JSON of anything, random text and bytes, huge and deeply nested ones. */
const rawBody: fc.Arbitrary<string | Buffer> = fc.oneof(
  fc.anything().map(toJson),
  fc.json(),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)),
  fc
    .constantFrom(70_000, 200_000)
    .map((n) => JSON.stringify({ fiscalCode: "A".repeat(n), pin: "B".repeat(n) })),
  fc.integer({ min: 10, max: 5_000 }).map((n) => "[".repeat(n) + "]".repeat(n)),
  fc.integer({ min: 10, max: 3_000 }).map((n) => '{"residence":'.repeat(n) + "{}" + "}".repeat(n)),
  fc.constantFrom(
    "",
    "{",
    "}",
    "[",
    '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{"x":1}}}',
    "\u0000",
    "\ufeff{}",
    "NaN",
  ),
  fc
    .record(
      {
        fiscalCode: fc.oneof(fc.string({ unit: "binary" }), fc.jsonValue()),
        pin: fc.oneof(fc.string({ unit: "binary" }), fc.jsonValue()),
        advanceSeconds: fc.oneof(fc.double(), fc.string(), fc.bigInt().map(String)),
        residence: fc.jsonValue(),
      },
      { requiredKeys: [] },
    )
    .map((o) => JSON.stringify(o)),
);

const contentType: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constantFrom(...CONTENT_TYPES),
  fc.constant(undefined),
  fc.stringMatching(/^[a-z]{1,10}\/[a-z0-9.+-]{1,20}$/u),
);

/** A query string of random parameters (the language switch and outcome page read some). */
const query: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.constantFrom("lang", "next", "stato", "rif", "demo", "x"),
      fc.string({ unit: "binary", maxLength: 40 }),
    ),
    {
      maxLength: 3,
    },
  )
  .map((pairs) => (pairs.length === 0 ? "" : `?${new URLSearchParams(pairs).toString()}`));

function assertProblem(res: LightMyRequestResponse, what: string): void {
  assert.ok(res.statusCode < 500, `${what}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  if (res.statusCode < 400) return;
  assert.match(
    String(res.headers["content-type"]),
    /^application\/problem\+json/u,
    `${what}: problem+json`,
  );
  const body = res.json<{ type: unknown; title: unknown; status: unknown }>();
  assert.equal(typeof body.type, "string", what);
  assert.equal(typeof body.title, "string", what);
  assert.equal(body.status, res.statusCode, what);
}

describe("bad input at every endpoint", () => {
  let s: TestService;
  /** A logged-in citizen whose session is used by some of the runs. */
  let authenticated: Jar;
  /** A browser with a CSRF cookie and a valid token for the forms. */
  let browser: Jar;
  let token: string;

  before(async () => {
    s = await startService({ archiveSize: 30 });
    authenticated = (
      await personWithPin(
        s,
        s.eligible.find((p) => p.mobile !== undefined && p.email !== undefined)!,
      )
    ).jar;
    // Past the 2-minute window in which repeating the PIN change gives a fresh PIN.
    s.clock.advance(180);
    browser = new Jar();
    token = csrfOf((await page(s, "/richiedi-pin", browser)).body);
  });
  after(async () => {
    await s.close();
  });

  it("never answers 5xx to random bodies and content types on the API, always with problem details, and stores nothing", async () => {
    const before = await tableCounts(s);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...API_ENDPOINTS),
        rawBody,
        contentType,
        query,
        fc.boolean(),
        async ([method, url], payload, type, q, withSession) => {
          // Ending the logged-in session would change the session table: DELETE goes without it.
          const cookie = withSession && method !== "DELETE" ? authenticated.header() : undefined;
          const res = await s.app.inject({
            method,
            url: url + q,
            headers: {
              ...(type === undefined ? {} : { "content-type": type }),
              ...(cookie === undefined ? {} : { cookie }),
            },
            ...(method === "GET" ? {} : { payload }),
          });
          assertProblem(res, `${method} ${url}${q} [${type ?? "-"}]`);
          if (res.statusCode < 400) {
            assert.ok(
              (method === "DELETE" && res.statusCode === 204) ||
                (method === "GET" && cookie !== undefined && res.statusCode === 200) ||
                (url === "/dev/clock" && res.statusCode === 200),
              `${method} ${url}: unexpected success ${res.statusCode} ${res.body.slice(0, 200)}`,
            );
          }
        },
      ),
      { numRuns: 400 },
    );
    assert.deepEqual(
      await tableCounts(s),
      before,
      "no claim, credential, account, message, session or counter was created",
    );
  });

  it("never answers 5xx to random form posts, with or without a CSRF token, and stores nothing", async () => {
    const before = await tableCounts(s);
    const formFields = fc.dictionary(
      fc.constantFrom(...CLAIM_FIELDS),
      fc.string({ unit: "binary", maxLength: 200 }),
      {
        maxKeys: CLAIM_FIELDS.length,
      },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FORM_ENDPOINTS),
        fc.oneof(
          formFields.map((f) => ({ kind: "form" as const, f })),
          rawBody.map((raw) => ({ kind: "raw" as const, raw })),
        ),
        fc.constantFrom("valid", "none", "forged"),
        fc.oneof(fc.constant("application/x-www-form-urlencoded"), contentType),
        fc.boolean(),
        async (url, body, csrf, type, withSession) => {
          const cookies = [
            browser.header(),
            ...(withSession && url !== "/esci" ? [authenticated.header()] : []),
          ].join("; ");
          const payload =
            body.kind === "form"
              ? new URLSearchParams({
                  ...body.f,
                  ...(csrf === "valid"
                    ? { _csrf: token }
                    : csrf === "forged"
                      ? { _csrf: `${token.slice(0, -3)}abc` }
                      : {}),
                }).toString()
              : body.raw;
          const res = await s.app.inject({
            method: "POST",
            url,
            headers: {
              accept: "text/html",
              cookie: cookies,
              ...(type === undefined ? {} : { "content-type": type }),
            },
            payload,
          });
          assert.ok(
            res.statusCode < 500,
            `POST ${url} [${type ?? "-"}] csrf=${csrf}: ${res.statusCode} ${res.body.slice(0, 300)}`,
          );
          if (res.statusCode >= 400) {
            assert.match(String(res.headers["content-type"]), /^text\/html/u, "an error page");
          }
        },
      ),
      { numRuns: 300 },
    );
    assert.deepEqual(await tableCounts(s), before);
  });

  it("never answers 5xx to random query strings on the pages", async () => {
    const pages = [
      "/",
      "/accedi",
      "/richiedi-pin",
      "/richiedi-pin/esito",
      "/area-personale",
      "/estratto-conto",
      "/cedolino",
      "/dev",
      "/dev/outbox",
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom(...pages),
          fc.string({ maxLength: 12 }).map((l) => `/lingua/${encodeURIComponent(l)}`),
        ),
        query,
        fc.boolean(),
        async (path, q, withSession) => {
          const res = await s.app.inject({
            method: "GET",
            url: path + q,
            headers: {
              accept: "text/html",
              ...(withSession ? { cookie: authenticated.header() } : {}),
            },
          });
          assert.ok(res.statusCode < 500, `GET ${path}${q}: ${res.statusCode}`);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("answers a valid claim mutated field by field only with 202, 400, 409 or 422", async () => {
    const candidates = s.eligible
      .filter((p) => p.mobile !== undefined && p.email !== undefined)
      .slice(1, 8);
    const replacement = fc.oneof(
      fc.constant(undefined), // the field removed
      fc.anything(),
      fc.jsonValue(),
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.string({ unit: "grapheme", maxLength: 60 }),
      fc.string({ unit: "binary", maxLength: 8 }).map((x) => `Via ${x} 1`), // short enough to pass the length checks
      fc.constantFrom(
        "",
        " ",
        "IT",
        "it",
        "\u0000",
        "\ud800",
        "A".repeat(5_000),
        "sms",
        "email",
        "passport",
        "F",
        "M",
        "1900-01-01",
        "2999-12-31",
      ),
    );
    const PATHS = [
      "fiscalCode",
      "surname",
      "givenNames",
      "sex",
      "birthDate",
      "birthCountry",
      "birthMunicipality",
      "residence",
      "residence.country",
      "residence.line1",
      "residence.line2",
      "residence.city",
      "residence.region",
      "residence.postalCode",
      "mobile",
      "email",
      "delivery",
      "document",
      "document.type",
      "document.number",
      "document.issuingCountry",
      "lang",
      "extra",
    ] as const;
    // One or two fields at a time, so most mutants are otherwise valid and reach the flow.
    const mutation = fc.array(fc.tuple(fc.constantFrom(...PATHS), replacement), {
      minLength: 1,
      maxLength: 2,
    });
    let n = 0;
    const freshCode = () => {
      const d = new Date(Date.UTC(1950, 0, 1) + n++ * 86_400_000);
      return encodeFiscalCode({
        surname: "Mutante",
        givenNames: "Prova",
        sex: "F",
        birthDate: d.toISOString().slice(0, 10),
        birthPlaceCode: "Z600",
      });
    };
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: -1, max: candidates.length - 1 }),
        mutation,
        async (i, m) => {
          // Mostly a fiscal code nobody holds (a fresh one each run), so a mutant that passes the
          // validation reaches the database instead of stopping at "already active".
          const body = structuredClone(claimBody(candidates[Math.max(0, i)]!));
          if (i < 0 || i % 2 === 0) body.fiscalCode = freshCode();
          for (const [path, v] of m) {
            const [head, member] = path.split(".") as [string, string | undefined];
            const target = member === undefined ? body : body[head];
            if (typeof target !== "object" || target === null) continue; // its parent was replaced
            const key = member ?? head;
            if (v === undefined) Reflect.deleteProperty(target, key);
            else (target as Record<string, unknown>)[key] = v;
          }
          const res = await api(s, "POST", "/api/v1/claims", body);
          seen.set(res.statusCode, (seen.get(res.statusCode) ?? 0) + 1);
          assert.ok(
            [202, 400, 409, 422].includes(res.statusCode),
            `${res.statusCode}: ${res.body.slice(0, 300)}\n${JSON.stringify(body).slice(0, 500)}`,
          );
          if (res.statusCode === 202) {
            const ok = res.json<{ status: string }>();
            assert.ok(ok.status === "issued" || ok.status === "under_verification");
          } else {
            assertProblem(res, "mutated claim");
          }
        },
      ),
      { numRuns: 400 },
    );
    assert.ok(
      (seen.get(422) ?? 0) > 0,
      `some mutations were refused: ${JSON.stringify([...seen])}`,
    );
  });
});

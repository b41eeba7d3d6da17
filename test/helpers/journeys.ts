/**
 * Small helpers shared by the HTTP journey files: reading the database behind a service,
 * handing out fresh demo people, problem-details bodies, and the web forms' CSRF token.
 */
import assert from "node:assert/strict";
import type { LightMyRequestResponse } from "fastify";
import type { ArchivePerson } from "../../src/domain/archive.ts";
import type { SqlParam } from "../../src/store/db.ts";
import type { DevOutboxEntry } from "../../src/notifications/dev-outbox.ts";
import { hmacHex } from "../../src/security/crypto.ts";
import type { Jar, TestService } from "./app.ts";

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: { field: string; code: string; detail: string }[];
  remainingAttempts?: number;
}

/** The body of an RFC 9457 answer, after checking its media type and the mandatory members. */
export function problemOf(res: LightMyRequestResponse, status?: number): Problem {
  assert.match(
    String(res.headers["content-type"]),
    /^application\/problem\+json/u,
    `problem+json expected: ${res.body}`,
  );
  const p = res.json<Problem>();
  assert.equal(typeof p.type, "string");
  assert.equal(typeof p.title, "string");
  assert.equal(p.status, res.statusCode);
  if (status !== undefined) assert.equal(res.statusCode, status, res.body);
  return p;
}

export async function rows<R extends object>(
  s: TestService,
  sql: string,
  params: readonly SqlParam[] = [],
): Promise<R[]> {
  return s.rt.db.query<R>(sql, params);
}

export async function count(
  s: TestService,
  sql: string,
  params: readonly SqlParam[] = [],
): Promise<number> {
  const r = await s.rt.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (${sql}) AS x`,
    params,
  );
  return r[0]?.n ?? 0;
}

export const STATE_TABLES = [
  "claim",
  "credential",
  "account",
  "outbox",
  "session",
  "login_throttle",
] as const;

/** Row counts of every table a flow writes to. */
export async function tableCounts(
  s: TestService,
): Promise<Record<(typeof STATE_TABLES)[number], number>> {
  const out = {} as Record<(typeof STATE_TABLES)[number], number>;
  for (const t of STATE_TABLES) out[t] = await count(s, `SELECT 1 FROM ${t}`);
  return out;
}

/**
 * Hands out eligible demo people with both a mobile and an e-mail on file, each once, so the
 * tests of one file never trip over each other's PINs and claims.
 */
export class People {
  readonly #s: TestService;
  readonly #used = new Set<string>();
  constructor(s: TestService, reserved: readonly ArchivePerson[] = []) {
    this.#s = s;
    for (const p of reserved) this.#used.add(p.fiscalCode);
  }
  next(): ArchivePerson {
    const p = this.#s.eligible.find(
      (x) => !this.#used.has(x.fiscalCode) && x.mobile !== undefined && x.email !== undefined,
    );
    if (p === undefined) throw new Error("no fresh eligible person left: raise archiveSize");
    this.#used.add(p.fiscalCode);
    return p;
  }
  /** A given archive person (by index), marked as used. */
  at(index: number): ArchivePerson {
    const p = this.#s.people[index];
    if (p === undefined) throw new Error(`no person at ${index}`);
    this.#used.add(p.fiscalCode);
    return p;
  }
}

/** The CSRF token of the first form on a page. */
export function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/u.exec(html);
  if (m?.[1] === undefined) throw new Error("no CSRF token on the page");
  return m[1];
}

/** A browser-like form post (urlencoded, accepts HTML) through the jar. */
export async function formPost(
  s: TestService,
  url: string,
  fields: Record<string, string>,
  jar: Jar,
): Promise<LightMyRequestResponse> {
  const res = await s.app.inject({
    method: "POST",
    url,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      accept: "text/html,application/xhtml+xml",
      ...(jar.cookies.size > 0 ? { cookie: jar.header() } : {}),
    },
    payload: new URLSearchParams(fields).toString(),
  });
  jar.update(res);
  return res;
}

/** A browser-like page load through the jar. */
export async function page(s: TestService, url: string, jar: Jar): Promise<LightMyRequestResponse> {
  const res = await s.app.inject({
    method: "GET",
    url,
    headers: {
      accept: "text/html,application/xhtml+xml",
      ...(jar.cookies.size > 0 ? { cookie: jar.header() } : {}),
    },
  });
  jar.update(res);
  return res;
}

/** The raw Set-Cookie header lines of a response. */
export function setCookieLines(res: LightMyRequestResponse): string[] {
  const h = res.headers["set-cookie"];
  return h === undefined ? [] : Array.isArray(h) ? h : [h];
}

/** Delivers the outbox and gives the messages sent since the previous call (the folder keeps all). */
export function newMessages(s: TestService): () => Promise<DevOutboxEntry[]> {
  const seen = new Set<string>();
  return async () => {
    const all = await s.deliver();
    const fresh = all.filter((e) => !seen.has(e.id));
    for (const e of all) seen.add(e.id);
    return fresh;
  };
}

/** What a client can observe of an answer, less what differs on every request anyway. */
export function observable(r: LightMyRequestResponse): {
  status: number;
  body: string;
  headers: [string, unknown][];
} {
  const skip = new Set(["date", "x-request-id", "content-length"]);
  return {
    status: r.statusCode,
    body: r.body,
    headers: Object.entries(r.headers).filter(([h]) => !skip.has(h)),
  };
}

/** The audit event types about a person, in order. */
export async function auditTypesOf(s: TestService, fiscalCode: string): Promise<string[]> {
  return (
    await s.rt.db.query<{ type: string }>(
      "SELECT type FROM audit_event WHERE subject_key = $1 ORDER BY seq",
      [hmacHex(s.rt.auditKeys.subject, fiscalCode)],
    )
  ).map((r) => r.type);
}

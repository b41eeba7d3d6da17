/**
 * A whole service for HTTP journeys: real database (see db.ts), real argon2id hasher, real
 * outbox worker writing into a temporary outbox folder, a clock the test moves, and a small
 * deterministic archive. Nothing is mocked; tests only choose the clock and the data.
 */
import { PLACEHOLDER_CHANNELS } from "./placeholder-channels.ts";
import { devChannels } from "../../src/notifications/dev-outbox.ts";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { generateDemoArchive, isDemoEligible } from "../../src/archive/demo.ts";
import { loadConfig, type AppEnv } from "../../src/config.ts";
import { LIMITER_NAMES, limiterEnvName } from "../../src/domain/rate-limits.ts";
import type { ArchivePerson } from "../../src/domain/archive.ts";
import { FixedClock } from "../../src/domain/clock.ts";
import { maskFiscalCode } from "../../src/domain/mask.ts";
import { claimFor } from "../../src/dev/people.ts";
import { createApp, createRuntime, type Runtime } from "../../src/main.ts";
import { listDevOutbox, type DevOutboxEntry } from "../../src/notifications/dev-outbox.ts";
import type { PinHasher } from "../../src/security/hasher.ts";
import { upsertPeople } from "../../src/store/repos/archive.ts";
import type { Db } from "../../src/store/db.ts";
import { createTestDb, type TestDb } from "./db.ts";

export const START = "2026-03-02T09:00:00Z";

export interface TestService {
  app: FastifyInstance;
  rt: Runtime;
  clock: FixedClock;
  tdb: TestDb;
  outboxDir: string;
  people: ArchivePerson[];
  /** Eligible people in archive order. */
  eligible: ArchivePerson[];
  /** Delivers what is queued now and returns the outbox, newest first. */
  deliver(): Promise<DevOutboxEntry[]>;
  close(): Promise<void>;
}

export interface TestServiceOptions {
  env?: AppEnv;
  archiveSize?: number;
  extraPeople?: ArchivePerson[];
  hasher?: PinHasher;
  start?: string;
  /**
   * The per-process session cache (ms). Off by default here so that a session ended directly
   * in the database is refused at once; test/unit/session-cache.test.ts covers the cache.
   */
  sessionCacheMs?: number;
  /**
   * Environment overrides (e.g. RATE_LIMIT_LOGIN_SOURCE). Rate limits are lifted by default so
   * that tests which send many requests from one address test what they say; the rate-limit
   * tests set their own.
   */
  envOverrides?: Record<string, string>;
  /** Run on this database (left open at close) instead of a fresh test database. */
  db?: Db;
}

/** Every named limiter lifted out of the way (tests of other rules send many requests). */
export const NO_RATE_LIMITS: Record<string, string> = Object.fromEntries(
  LIMITER_NAMES.map((n) => [limiterEnvName(n), "1000000/1h"]),
);

export async function startService(opts: TestServiceOptions = {}): Promise<TestService> {
  const outboxDir = await mkdtemp(join(tmpdir(), "inps-outbox-"));
  const env = opts.env ?? "development";
  const config = loadConfig({
    APP_ENV: env,
    DATA_DIR: outboxDir,
    ...(env === "production" ? PLACEHOLDER_CHANNELS : { OUTBOX_DIR: outboxDir }),
    LOG_LEVEL: "silent",
    SESSION_CACHE_MS: String(opts.sessionCacheMs ?? 0),
    PIN_PEPPER: Buffer.alloc(32, 7).toString("base64"),
    OUTBOX_KEY: Buffer.alloc(32, 9).toString("base64"),
    ...(env === "production" ? { DOCUMENT_KEY: Buffer.alloc(32, 11).toString("base64") } : {}),
    ...(env === "production" ? { DATABASE_URL: "postgres://unused.invalid/x" } : {}),
    ...NO_RATE_LIMITS,
    // The neutral answers' floor only slows the tests down; the timing tests set it.
    ANSWER_FLOOR_MS: "0",
    ...opts.envOverrides,
  });
  const tdb: TestDb =
    opts.db === undefined
      ? await createTestDb()
      : { db: opts.db, url: undefined, drop: () => Promise.resolve() };
  const clock = new FixedClock(opts.start ?? START);
  const rt = await createRuntime(config, {
    db: tdb.db,
    clock,
    // Production's channels are configured (placeholders above) but the in-process tests read
    // what was sent from the file outbox; the production journey with real servers is
    // test/e2e/production-journey.test.ts.
    ...(env === "production" ? { channels: devChannels(outboxDir) } : {}),
    ...(opts.hasher ? { hasher: opts.hasher } : {}),
  });
  const people = [
    ...generateDemoArchive({ size: opts.archiveSize ?? 60 }),
    ...(opts.extraPeople ?? []),
  ];
  await tdb.db.transaction((tx) => upsertPeople(tx, people));
  const app = await createApp(rt);
  await app.ready();
  return {
    app,
    rt,
    clock,
    tdb,
    outboxDir,
    people,
    eligible: people.filter((p) => isDemoEligible(p).eligible),
    async deliver() {
      while ((await rt.worker.runOnce()) > 0) {
        // drain
      }
      return listDevOutbox(outboxDir);
    },
    async close() {
      await app.close();
      await rt.close();
      await tdb.drop();
      await rm(outboxDir, { recursive: true, force: true });
    },
  };
}

/** Moves the service clock (the dev clock wraps the fixed clock in development). */
export function advance(s: TestService, seconds: number): void {
  s.clock.advance(seconds);
}

export function claimBody(
  p: ArchivePerson,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return { ...claimFor(p), ...overrides };
}

/** Cookie jar for inject(): keeps the cookies a response sets. */
export class Jar {
  readonly cookies = new Map<string, string>();
  update(res: LightMyRequestResponse): void {
    for (const c of res.cookies) {
      if (
        c.value === "" ||
        (c.maxAge !== undefined && c.maxAge <= 0) ||
        (c.expires !== undefined && c.expires.getTime() < Date.now())
      ) {
        this.cookies.delete(c.name);
      } else this.cookies.set(c.name, c.value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

export async function api(
  s: TestService,
  method: "GET" | "POST" | "DELETE",
  url: string,
  body?: unknown,
  jar?: Jar,
): Promise<LightMyRequestResponse> {
  const res = await s.app.inject({
    method,
    url,
    headers: {
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...(jar !== undefined && jar.cookies.size > 0 ? { cookie: jar.header() } : {}),
    },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
  jar?.update(res);
  return res;
}

/**
 * The 16-character PIN of a person, read from the outbox (first half message + letter). With a
 * fixed clock many letters share one createdAt: pass the fiscal code to pick the person's own
 * letter (it prints the masked code).
 */
export function initialPinFromOutbox(
  entries: DevOutboxEntry[],
  to: { mobile?: string; email?: string },
  fiscalCode?: string,
): string {
  const first = entries.find(
    (e) => e.kind === "pin_first_half" && (e.to === to.mobile || e.to === to.email),
  );
  if (first === undefined) throw new Error("no first-half message in the outbox");
  const firstHalf = /([2-9A-Z]{4}) ([2-9A-Z]{4})/u.exec(first.text);
  const letter = entries.find(
    (e) =>
      e.kind === "pin_second_half_letter" &&
      e.createdAt === first.createdAt &&
      (fiscalCode === undefined || e.text.includes(maskFiscalCode(fiscalCode))),
  );
  if (firstHalf === null || letter === undefined) throw new Error("no letter in the outbox");
  const second = /\n {4}([2-9A-Z]{4}) ([2-9A-Z]{4})\n/u.exec(letter.text);
  if (second === null) throw new Error("no PIN half in the letter text");
  return `${firstHalf[1]}${firstHalf[2]}${second[1]}${second[2]}`;
}

/** Claims a PIN for p, delivers, logs in with the initial PIN and activates: returns the 8-char PIN. */
export async function personWithPin(
  s: TestService,
  p: ArchivePerson,
  jar = new Jar(),
): Promise<{ pin: string; jar: Jar }> {
  const claim = await api(s, "POST", "/api/v1/claims", claimBody(p));
  if (claim.statusCode !== 202 || claim.json<{ status: string }>().status !== "issued") {
    throw new Error(`claim not issued: ${claim.statusCode} ${claim.body}`);
  }
  const initial = initialPinFromOutbox(await s.deliver(), { mobile: p.mobile }, p.fiscalCode);
  const login = await api(
    s,
    "POST",
    "/api/v1/session",
    { fiscalCode: p.fiscalCode, pin: initial },
    jar,
  );
  if (login.statusCode !== 200) throw new Error(`first login failed: ${login.body}`);
  const act = await api(s, "POST", "/api/v1/pin/activate", undefined, jar);
  if (act.statusCode !== 201) throw new Error(`activation failed: ${act.body}`);
  return { pin: act.json<{ pin: string }>().pin, jar };
}

/**
 * Environment → validated, typed configuration. Every variable is documented in README.md
 * (the table there is checked against CONFIG_DOCS by a test).
 */
import { availableParallelism } from "node:os";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import {
  DEFAULT_LIMITS,
  formatLimit,
  LIMITER_NAMES,
  limiterEnvName,
  parseLimit,
  type Limit,
  type LimiterName,
} from "./domain/rate-limits.ts";
import { deriveKey } from "./security/crypto.ts";
import {
  DELIVERY_CONFIG_DOCS,
  deliveryConfig,
  deliverySchema,
  type DeliveryConfig,
} from "./config-delivery.ts";

export type { DeliveryConfig };

export type AppEnv = "development" | "production" | "test";

export interface Config {
  env: AppEnv;
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  dataDir: string;
  outboxDir: string;
  /** argon2id secret ("pepper") and the root of other derived keys. */
  pinPepper: Buffer;
  /** AES-256-GCM key for PIN halves waiting in the outbox. */
  outboxKey: Buffer;
  hashConcurrency: number;
  hashQueueLimit: number;
  sessionIdleSeconds: number;
  sessionAbsoluteSeconds: number;
  sessionCacheMs: number;
  workerInProcess: boolean;
  workerPollMs: number;
  /**
   * Which proxies' X-Forwarded-For to believe: false, every one (true), a number of hops, or
   * the proxies' addresses/CIDRs. The client address it yields keys rate limits and the audit.
   */
  trustProxy: boolean | number | string[];
  logLevel: string;
  /** Named rate limits (RATE_LIMIT_*). */
  limits: Record<LimiterName, Limit>;
  /** Days after delivery before a message's recipient and payload are scrubbed. */
  outboxRetentionDays: number;
  /** Real-time floor of the neutral answers of recovery, revocation and letter resend. */
  answerFloorMs: number;
  /** Days after an initial PIN's issue before its letter counts as overdue (letter resend). */
  letterOverdueDays: number;
  /** How often the worker runs housekeeping. */
  housekeepingMinutes: number;
  /** Key-encryption key of uploaded documents (envelope encryption). */
  documentKey: Buffer;
  /** Earlier key-encryption keys, still opening the documents they wrapped. */
  documentPreviousKeys: Buffer[];
  /** Days after a conversion request is decided before its documents are deleted. */
  documentRetentionDays: number;
  /** Real delivery channels, letter batch time, metrics token (config-delivery.ts). */
  delivery: DeliveryConfig;
}

const LIMIT_DOCS: Record<LimiterName, string> = {
  login_source: "of logins per source address",
  claim_source: "of PIN claims per source address",
  claim_destination:
    'of "claim received" messages per destination contact (mobile or e-mail); past it the claim is queued without a message',
  pin_card: "of PIN card downloads per holder",
  recovery_source: "of PIN recovery requests per source address",
  recovery_subject: "of PIN recovery requests per fiscal code",
  recovery_destination:
    "of recovery messages (instructions) per destination contact; past it the request is answered alike without a message",
  link_confirm_source: "of confirmation-link uses (recovery, revocation) per source address",
  letter_resend_source: "of letter-resend requests per source address",
  letter_resend_subject: "of letter-resend requests per fiscal code",
  revocation_source: "of PIN revocation requests per source address",
  revocation_subject: "of PIN revocation requests per fiscal code",
  contact_code: "of contact-change codes per holder",
  contact_code_destination: "of contact-change codes per new contact; past it the code is not sent",
  revocation_destination:
    "of revocation messages per destination address; past it the request is answered alike without a message",
  conversion_upload: "of conversion uploads (accepted or refused) per holder",
  benefit_claim: "of benefit claims filed per holder",
  staff_login_source: "of staff login attempts per source address",
  staff_login_account: "of staff login attempts per username and source address",
  staff_enrolment_source: "of staff enrolment steps per source address",
  appointment_source: "of desk-appointment bookings per source address",
  appointment_destination: "of desk-appointment bookings per contact (mobile or e-mail)",
  appointment_cancel_source: "of desk-appointment cancellations per source address",
  sms_webhook_refused:
    "of SMS delivery reports refused for a bad signature per source address (the gateway's own, correctly signed reports are never counted)",
};

export const CONFIG_DOCS: Record<string, string> = {
  APP_ENV: "`development` (default: dev pages, PGlite, in-process worker), `production` or `test`.",
  PORT: "HTTP port (default 3000).",
  HOST: "Listen address (default 127.0.0.1; development refuses any non-loopback address; 0.0.0.0 in containers with APP_ENV=production).",
  PUBLIC_URL: "External base URL used in messages (default http://localhost:PORT).",
  DATABASE_URL:
    "PostgreSQL connection string. Empty: embedded PGlite under DATA_DIR (development only).",
  DATABASE_POOL_SIZE: "PostgreSQL pool size per process (default 10).",
  DATA_DIR: "Where PGlite data and development secrets live (default ./var).",
  OUTBOX_DIR: "Development outbox folder for every message sent (default DATA_DIR/outbox).",
  PIN_PEPPER:
    "Secret key mixed into every argon2id PIN hash, base64 of ≥ 32 bytes. Required in production.",
  OUTBOX_KEY:
    "AES-256-GCM key for PIN halves queued in the outbox, base64 of 32 bytes. Required in production.",
  HASH_CONCURRENCY: "Concurrent argon2id computations (default: CPU cores).",
  HASH_QUEUE_LIMIT: "Logins waiting for a hash slot before new ones get 503 (default 256).",
  SESSION_IDLE_MINUTES: "Session idle timeout (default 15).",
  SESSION_ABSOLUTE_HOURS: "Session absolute lifetime (default 8).",
  SESSION_CACHE_MS:
    "Per-process cache of session reads in ms (default 1000; 0 disables). A session ended on another instance stops working here within this time.",
  WORKER_IN_PROCESS:
    "Run the outbox worker inside `serve` (default true in development, false in production).",
  WORKER_POLL_MS: "Outbox worker polling interval (default 500).",
  TRUST_PROXY:
    "Which proxies' X-Forwarded-* to believe (default false): the number of proxies in front (e.g. 1), or their addresses/CIDRs comma-separated (e.g. 10.0.0.0/8); `true` trusts any sender, only safe when nothing but the proxy can reach the service. The client address keys the rate limits and the audit trail.",
  LOG_LEVEL: "pino log level (default info; silent in tests).",
  ANSWER_FLOOR_MS:
    "Milliseconds the neutral answer of a recovery, revocation or letter-resend request waits at least, so that its timing does not tell which way the request went (default 250; 0 turns it off).",
  LETTER_OVERDUE_DAYS:
    "Days after an initial PIN was issued before its letter counts as overdue and the holder of the first half may ask for both halves again (default 20).",
  OUTBOX_RETENTION_DAYS:
    "Days after delivery (or abandonment) before a message's recipient and payload are scrubbed (default 30).",
  DOCUMENT_KEY:
    "AES-256 key-encryption key of uploaded documents (each document is sealed under its own key, wrapped under this one), base64 of 32 bytes. Required in production; development and tests derive one from PIN_PEPPER.",
  DOCUMENT_KEYS_PREVIOUS:
    "Earlier DOCUMENT_KEY values (base64, comma-separated) after a rotation: documents they wrapped still open; new ones use DOCUMENT_KEY.",
  DOCUMENT_RETENTION_DAYS:
    "Days after a conversion request is decided before its uploaded documents are deleted (default 90).",
  HOUSEKEEPING_MINUTES:
    "How often the worker removes expired sessions, stale counters and finished rate-limit windows, and scrubs old messages (default 10).",
  ...DELIVERY_CONFIG_DOCS,
  ...Object.fromEntries(
    LIMITER_NAMES.map((n) => [
      limiterEnvName(n),
      `Rate limit ${LIMIT_DOCS[n]}, as COUNT/PERIOD with s, m, h or d (default ${formatLimit(DEFAULT_LIMITS[n])}).`,
    ]),
  ),
};

const intIn = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const schema = z.object({
  APP_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: intIn(0, 65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().optional(),
  DATABASE_POOL_SIZE: intIn(1, 200).default(10),
  DATA_DIR: z.string().min(1).default("./var"),
  OUTBOX_DIR: z.string().min(1).optional(),
  PIN_PEPPER: z.string().optional(),
  OUTBOX_KEY: z.string().optional(),
  HASH_CONCURRENCY: intIn(1, 256).optional(),
  HASH_QUEUE_LIMIT: intIn(1, 100_000).default(256),
  SESSION_IDLE_MINUTES: intIn(1, 24 * 60).default(15),
  SESSION_ABSOLUTE_HOURS: intIn(1, 72).default(8),
  SESSION_CACHE_MS: intIn(0, 60_000).default(1000),
  WORKER_IN_PROCESS: flag.optional(),
  WORKER_POLL_MS: intIn(10, 60_000).default(500),
  TRUST_PROXY: z
    .string()
    .transform((v): boolean | number | string[] => {
      const t = v.trim();
      if (t === "true") return true;
      if (t === "false" || t === "0") return false;
      if (/^\d{1,2}$/u.test(t)) return Number(t);
      return t
        .split(",")
        .map((x) => x.trim())
        .filter((x) => x !== "");
    })
    .refine(
      (v) =>
        !Array.isArray(v) ||
        (v.length > 0 && v.every((x) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/u.test(x))),
      "expected true, false, a number of proxies, or addresses/CIDRs separated by commas",
    )
    .default(false),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  OUTBOX_RETENTION_DAYS: intIn(1, 3650).default(30),
  DOCUMENT_KEY: z.string().optional(),
  DOCUMENT_KEYS_PREVIOUS: z.string().optional(),
  DOCUMENT_RETENTION_DAYS: intIn(1, 3650).default(90),
  LETTER_OVERDUE_DAYS: intIn(1, 365).default(20),
  ANSWER_FLOOR_MS: intIn(0, 5000).default(250),
  HOUSEKEEPING_MINUTES: intIn(1, 24 * 60).default(10),
  ...deliverySchema,
  ...Object.fromEntries(
    LIMITER_NAMES.map((n) => [
      limiterEnvName(n),
      z
        .string()
        .refine((v) => parseLimit(v) !== undefined, "expected COUNT/PERIOD, e.g. 600/1h")
        .optional(),
    ]),
  ),
});

/** Every variable loadConfig reads (the documentation test compares it with CONFIG_DOCS). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(schema.shape);

function decodeKey(name: string, value: string, minBytes: number, exactBytes?: number): Buffer {
  const buf = Buffer.from(value, "base64");
  if (buf.length < minBytes || (exactBytes !== undefined && buf.length !== exactBytes)) {
    throw new Error(`${name} must be base64 of ${exactBytes ?? `at least ${minBytes}`} bytes`);
  }
  return buf;
}

/**
 * Development keeps generated secrets in DATA_DIR so PINs and queued messages survive a
 * restart; production refuses to start without real ones.
 */
function devSecrets(dataDir: string): { pinPepper: string; outboxKey: string } {
  const file = join(dataDir, "dev-secrets.json");
  try {
    const parsed = z
      .object({ pinPepper: z.string(), outboxKey: z.string() })
      .parse(JSON.parse(readFileSync(file, "utf8")));
    return parsed;
  } catch {
    const fresh = {
      pinPepper: randomBytes(32).toString("base64"),
      outboxKey: randomBytes(32).toString("base64"),
    };
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(fresh), { mode: 0o600 });
    return fresh;
  }
}

/**
 * node --test marks the processes it runs (NODE_TEST_CONTEXT): only there may APP_ENV=test use
 * its fixed keys, so a deployment mistakenly set to "test" refuses to start instead of
 * hashing PINs with a key printed in this repository.
 */
function underTestRunner(env: NodeJS.ProcessEnv): boolean {
  return (env.NODE_TEST_CONTEXT ?? "") !== "";
}

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(["127.0.0.1", "::1", "localhost"]);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`PORT=` in an env file) means "not set": coerced, "" would be port 0.
  const parsed = schema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "")),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const production = e.APP_ENV === "production";
  // Development serves the demo archive and every PIN half at /dev: never on a network.
  if (e.APP_ENV === "development" && !LOOPBACK_HOSTS.has(e.HOST)) {
    throw new Error(
      `APP_ENV=development only listens on loopback (HOST=${e.HOST} refused); set APP_ENV=production for a real deployment`,
    );
  }
  const dataDir = resolve(e.DATA_DIR);
  if (production) {
    const missing = (["DATABASE_URL", "PIN_PEPPER", "OUTBOX_KEY", "DOCUMENT_KEY"] as const).filter(
      (k) => (e[k] ?? "") === "",
    );
    if (missing.length > 0) throw new Error(`production requires ${missing.join(", ")}`);
  }
  const delivery = deliveryConfig(e, production, e.OUTBOX_DIR !== undefined);
  if (delivery.problems.length > 0)
    throw new Error(`invalid configuration:\n${delivery.problems.map((p) => `  ${p}`).join("\n")}`);
  if (e.APP_ENV === "test" && !underTestRunner(env)) {
    throw new Error(
      "APP_ENV=test uses fixed, public keys and is only for the test runner (node --test); use development or production",
    );
  }
  const secrets =
    e.PIN_PEPPER !== undefined && e.OUTBOX_KEY !== undefined
      ? { pinPepper: e.PIN_PEPPER, outboxKey: e.OUTBOX_KEY }
      : e.APP_ENV === "test"
        ? {
            pinPepper: Buffer.alloc(32, 7).toString("base64"),
            outboxKey: Buffer.alloc(32, 9).toString("base64"),
          }
        : devSecrets(dataDir);
  const pinPepper = decodeKey("PIN_PEPPER", e.PIN_PEPPER ?? secrets.pinPepper, 32);
  return {
    env: e.APP_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    databaseUrl: e.DATABASE_URL === "" ? undefined : e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    dataDir,
    outboxDir: resolve(e.OUTBOX_DIR ?? join(dataDir, "outbox")),
    pinPepper,
    outboxKey: decodeKey("OUTBOX_KEY", e.OUTBOX_KEY ?? secrets.outboxKey, 32, 32),
    hashConcurrency: e.HASH_CONCURRENCY ?? availableParallelism(),
    hashQueueLimit: e.HASH_QUEUE_LIMIT,
    sessionIdleSeconds: e.SESSION_IDLE_MINUTES * 60,
    sessionAbsoluteSeconds: e.SESSION_ABSOLUTE_HOURS * 3600,
    sessionCacheMs: e.SESSION_CACHE_MS,
    workerInProcess: e.WORKER_IN_PROCESS ?? !production,
    workerPollMs: e.WORKER_POLL_MS,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL ?? (e.APP_ENV === "test" ? "silent" : "info"),
    limits: Object.fromEntries(
      LIMITER_NAMES.map((n) => {
        const text = (e as Record<string, unknown>)[limiterEnvName(n)];
        return [n, (typeof text === "string" ? parseLimit(text) : undefined) ?? DEFAULT_LIMITS[n]];
      }),
    ) as Record<LimiterName, Limit>,
    outboxRetentionDays: e.OUTBOX_RETENTION_DAYS,
    letterOverdueDays: e.LETTER_OVERDUE_DAYS,
    answerFloorMs: e.ANSWER_FLOOR_MS,
    housekeepingMinutes: e.HOUSEKEEPING_MINUTES,
    documentKey:
      e.DOCUMENT_KEY === undefined
        ? deriveKey(pinPepper, "document-kek")
        : decodeKey("DOCUMENT_KEY", e.DOCUMENT_KEY, 32, 32),
    documentPreviousKeys: (e.DOCUMENT_KEYS_PREVIOUS ?? "")
      .split(",")
      .map((k) => k.trim())
      .filter((k) => k !== "")
      .map((k) => decodeKey("DOCUMENT_KEYS_PREVIOUS", k, 32, 32)),
    documentRetentionDays: e.DOCUMENT_RETENTION_DAYS,
    delivery: delivery.config,
  };
}

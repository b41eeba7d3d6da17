import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { CONFIG_DOCS, CONFIG_VARIABLES, loadConfig } from "../../src/config.ts";
import { assertProductionChannels } from "../../src/config-delivery.ts";

const README = new URL("../../README.md", import.meta.url);

/** What node --test sets in the processes it runs. */
const UNDER_TEST_RUNNER = { NODE_TEST_CONTEXT: "child-v8" } as const;
const KEY_A = Buffer.alloc(32, 1).toString("base64");
const KEY_B = Buffer.alloc(32, 2).toString("base64");

const tmpDirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "inps-config-"));
  tmpDirs.push(d);
  return d;
}
after(() => {
  for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
});

const PRODUCTION = {
  APP_ENV: "production",
  DATABASE_URL: "postgres://app@db.internal/inps",
  PIN_PEPPER: KEY_A,
  OUTBOX_KEY: KEY_B,
  DOCUMENT_KEY: Buffer.alloc(32, 3).toString("base64"),
  SMTP_URL: "smtp://app:secret@mail.internal:587",
  MAIL_FROM: '"INPS" <noreply@inps.example>',
  PEC_SMTP_URL: "smtps://app:secret@pec.internal:465",
  PEC_FROM: "pin@postacert.inps.example",
  SMS_GATEWAY_URL: "https://sms.internal/v1/messages",
  SMS_GATEWAY_TOKEN: "gateway-token-123",
  SMS_SENDER: "INPS",
  SMS_WEBHOOK_SECRET: "webhook-secret-0123456789",
  LETTERS_SFTP_URL: "sftp://inps:secret@print.vendor:22/inbox",
  METRICS_TOKEN: "metrics-token-0123456789",
};

/** The message loadConfig throws for env, or fails the test if it does not throw. */
function errorFor(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  assert.fail(`expected ${JSON.stringify(env)} to be refused`);
}

describe("config: defaults", () => {
  it("starts in development with documented defaults when nothing is set", () => {
    const dataDir = tempDir();
    const c = loadConfig({ DATA_DIR: dataDir });
    assert.equal(c.env, "development");
    assert.equal(c.port, 3000);
    assert.equal(c.host, "127.0.0.1");
    assert.equal(c.publicUrl, "http://localhost:3000");
    assert.equal(c.databaseUrl, undefined);
    assert.equal(c.databasePoolSize, 10);
    assert.equal(c.dataDir, resolve(dataDir));
    assert.equal(c.outboxDir, join(resolve(dataDir), "outbox"));
    assert.equal(c.hashConcurrency, availableParallelism());
    assert.equal(c.hashQueueLimit, 256);
    assert.equal(c.sessionIdleSeconds, 15 * 60);
    assert.equal(c.sessionAbsoluteSeconds, 8 * 3600);
    assert.equal(c.workerInProcess, true);
    assert.equal(c.workerPollMs, 500);
    assert.equal(c.trustProxy, false);
    assert.equal(c.logLevel, "info");
  });

  it("defaults DATA_DIR to ./var", () => {
    const c = loadConfig({ APP_ENV: "test", ...UNDER_TEST_RUNNER });
    assert.equal(c.dataDir, resolve("./var"));
  });

  it("generates development secrets once and keeps them in DATA_DIR (owner-only file)", () => {
    const dataDir = tempDir();
    const first = loadConfig({ DATA_DIR: dataDir });
    const second = loadConfig({ DATA_DIR: dataDir });
    assert.equal(first.pinPepper.length, 32);
    assert.equal(first.outboxKey.length, 32);
    assert.notDeepEqual(first.pinPepper, first.outboxKey);
    assert.deepEqual(second.pinPepper, first.pinPepper);
    assert.deepEqual(second.outboxKey, first.outboxKey);
    const file = join(dataDir, "dev-secrets.json");
    assert.ok(existsSync(file));
    assert.equal(statSync(file).mode & 0o077, 0, "dev-secrets.json must not be readable by others");
  });

  it("refuses APP_ENV=test (its keys are public) outside the test runner", () => {
    assert.throws(() => loadConfig({ APP_ENV: "test" }), /only for the test runner/u);
    assert.throws(
      () => loadConfig({ APP_ENV: "test", PIN_PEPPER: "x".repeat(44), OUTBOX_KEY: "y".repeat(44) }),
      /only for the test runner/u,
    );
  });

  it("reads TRUST_PROXY as false, true, a hop count or a list of proxy addresses", () => {
    const c = (v: string) =>
      loadConfig({ APP_ENV: "test", ...UNDER_TEST_RUNNER, TRUST_PROXY: v }).trustProxy;
    assert.equal(c("false"), false);
    assert.equal(c("true"), true);
    assert.equal(c("1"), 1);
    assert.deepEqual(c("10.0.0.0/8, 192.168.1.7"), ["10.0.0.0/8", "192.168.1.7"]);
    assert.throws(() => c("yes please"), /TRUST_PROXY/u);
  });

  it("uses fixed keys in test mode and stays silent", () => {
    const c = loadConfig({ APP_ENV: "test", ...UNDER_TEST_RUNNER });
    assert.equal(c.logLevel, "silent");
    assert.deepEqual(loadConfig({ APP_ENV: "test", ...UNDER_TEST_RUNNER }).pinPepper, c.pinPepper);
  });

  it("runs the worker separately and logs at info in production", () => {
    const c = loadConfig(PRODUCTION);
    assert.equal(c.env, "production");
    assert.equal(c.workerInProcess, false);
    assert.equal(c.logLevel, "info");
    assert.equal(c.databaseUrl, PRODUCTION.DATABASE_URL);
    assert.deepEqual(c.pinPepper, Buffer.alloc(32, 1));
    assert.deepEqual(c.outboxKey, Buffer.alloc(32, 2));
    assert.deepEqual(c.documentKey, Buffer.alloc(32, 3));
  });

  it("reads every variable", () => {
    const c = loadConfig({
      ...PRODUCTION,
      PORT: "8080",
      HOST: "0.0.0.0",
      PUBLIC_URL: "https://pin.inps.example",
      DATABASE_POOL_SIZE: "25",
      DATA_DIR: "/srv/inps",
      HASH_CONCURRENCY: "6",
      HASH_QUEUE_LIMIT: "1000",
      SESSION_IDLE_MINUTES: "20",
      SESSION_ABSOLUTE_HOURS: "12",
      WORKER_IN_PROCESS: "1",
      WORKER_POLL_MS: "250",
      TRUST_PROXY: "true",
      LOG_LEVEL: "warn",
    });
    assert.deepEqual(
      {
        port: c.port,
        host: c.host,
        publicUrl: c.publicUrl,
        pool: c.databasePoolSize,
        dataDir: c.dataDir,
        outboxDir: c.outboxDir,
        hashConcurrency: c.hashConcurrency,
        hashQueueLimit: c.hashQueueLimit,
        idle: c.sessionIdleSeconds,
        absolute: c.sessionAbsoluteSeconds,
        worker: c.workerInProcess,
        poll: c.workerPollMs,
        trustProxy: c.trustProxy,
        logLevel: c.logLevel,
      },
      {
        port: 8080,
        host: "0.0.0.0",
        publicUrl: "https://pin.inps.example",
        pool: 25,
        dataDir: "/srv/inps",
        outboxDir: "/srv/inps/outbox",
        hashConcurrency: 6,
        hashQueueLimit: 1000,
        idle: 1200,
        absolute: 43_200,
        worker: true,
        poll: 250,
        trustProxy: true,
        logLevel: "warn",
      },
    );
  });

  it("treats an empty variable as unset (PORT= in an env file means the default, not a random port)", () => {
    const c = loadConfig({
      APP_ENV: "test",
      ...UNDER_TEST_RUNNER,
      PORT: "",
      DATABASE_URL: "",
      DATABASE_POOL_SIZE: "",
      HASH_QUEUE_LIMIT: "",
    });
    assert.equal(c.port, 3000);
    assert.equal(c.databaseUrl, undefined);
    assert.equal(c.databasePoolSize, 10);
    assert.equal(c.hashQueueLimit, 256);
  });
});

describe("config: production refuses to start without its secrets", () => {
  for (const missing of ["DATABASE_URL", "PIN_PEPPER", "OUTBOX_KEY", "DOCUMENT_KEY"] as const) {
    it(`refuses production without ${missing}, naming it`, () => {
      const env = Object.fromEntries(Object.entries(PRODUCTION).filter(([k]) => k !== missing));
      assert.match(errorFor(env), new RegExp(`production requires.*${missing}`, "u"));
      assert.match(errorFor({ ...PRODUCTION, [missing]: "" }), new RegExp(missing, "u"));
    });
  }

  it("names every missing variable at once", () => {
    const msg = errorFor({ APP_ENV: "production" });
    for (const name of ["DATABASE_URL", "PIN_PEPPER", "OUTBOX_KEY", "DOCUMENT_KEY"])
      assert.ok(msg.includes(name), msg);
  });

  it("never falls back to generated development secrets in production", () => {
    const dataDir = tempDir();
    errorFor({ APP_ENV: "production", DATABASE_URL: PRODUCTION.DATABASE_URL, DATA_DIR: dataDir });
    assert.equal(existsSync(join(dataDir, "dev-secrets.json")), false);
  });
});

describe("config: bad values are refused with a message naming the variable", () => {
  const cases: [string, string][] = [
    ["APP_ENV", "staging"],
    ["PORT", "http"],
    ["PORT", "70000"],
    ["PORT", "-1"],
    ["PORT", "80.5"],
    ["PUBLIC_URL", "not a url"],
    ["DATABASE_POOL_SIZE", "0"],
    ["DATABASE_POOL_SIZE", "1000"],
    ["HASH_CONCURRENCY", "0"],
    ["HASH_QUEUE_LIMIT", "many"],
    ["SESSION_IDLE_MINUTES", "0"],
    ["SESSION_ABSOLUTE_HOURS", "100"],
    ["WORKER_IN_PROCESS", "yes"],
    ["WORKER_POLL_MS", "1"],
    ["TRUST_PROXY", "on"],
    ["LOG_LEVEL", "loud"],
    ["PIN_PEPPER", Buffer.alloc(31, 1).toString("base64")],
    ["PIN_PEPPER", "not base64 at all!"],
    ["OUTBOX_KEY", Buffer.alloc(31, 1).toString("base64")],
    ["OUTBOX_KEY", Buffer.alloc(33, 1).toString("base64")],
    ["DOCUMENT_KEY", Buffer.alloc(31, 1).toString("base64")],
    ["DOCUMENT_RETENTION_DAYS", "0"],
  ];
  for (const [name, value] of cases) {
    it(`refuses ${name}=${value.length > 20 ? `${value.slice(0, 20)}…` : value}`, () => {
      const msg = errorFor({ ...PRODUCTION, [name]: value });
      assert.ok(msg.includes(name), `message should name ${name}: ${msg}`);
    });
  }

  it("accepts a pepper longer than 32 bytes", () => {
    const c = loadConfig({ ...PRODUCTION, PIN_PEPPER: Buffer.alloc(64, 3).toString("base64") });
    assert.equal(c.pinPepper.length, 64);
  });
});

describe("config: documentation", () => {
  it("documents every variable in README.md's configuration table, and nothing else there", () => {
    assert.ok(
      existsSync(README),
      "README.md is missing: it must document the configuration (see CONFIG_DOCS)",
    );
    const text = readFileSync(README, "utf8");
    const section = /^##+\s+Configuration\b[^\n]*\n([\s\S]*?)(?=^##?\s|(?![\s\S]))/mu.exec(
      text,
    )?.[1];
    assert.ok(section !== undefined, "README.md has no '## Configuration' section");
    const inTable = new Set(
      [...section.matchAll(/^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|/gmu)].map((m) => m[1]),
    );
    const missing = Object.keys(CONFIG_DOCS).filter((k) => !inTable.has(k));
    assert.deepEqual(missing, [], `README.md's configuration table lacks: ${missing.join(", ")}`);
    const unknown = [...inTable].filter((k) => k !== undefined && !(k in CONFIG_DOCS));
    assert.deepEqual(
      unknown,
      [],
      `README.md documents variables config.ts does not read: ${unknown.join(", ")}`,
    );
  });

  it("documents every variable that loadConfig reads (none undocumented)", () => {
    // The zod schema in config.ts and CONFIG_DOCS must list the same names.
    assert.ok(CONFIG_VARIABLES.length > 10, "could not read the schema");
    assert.deepEqual([...CONFIG_VARIABLES].sort(), Object.keys(CONFIG_DOCS).sort());
  });
});

describe("config: development stays on this machine", () => {
  it("refuses development mode on a non-loopback address", () => {
    const keys = {
      PIN_PEPPER: Buffer.alloc(32, 1).toString("base64"),
      OUTBOX_KEY: Buffer.alloc(32, 2).toString("base64"),
    };
    assert.throws(
      () => loadConfig({ APP_ENV: "development", HOST: "0.0.0.0", ...keys }),
      /HOST=0\.0\.0\.0/u,
    );
    assert.equal(loadConfig({ APP_ENV: "development", HOST: "::1", ...keys }).host, "::1");
  });
});

describe("config: delivery channels", () => {
  it("reads every channel in production", () => {
    const d = loadConfig(PRODUCTION).delivery;
    assert.deepEqual(d.email, { url: PRODUCTION.SMTP_URL, from: PRODUCTION.MAIL_FROM });
    assert.deepEqual(d.pec, { url: PRODUCTION.PEC_SMTP_URL, from: PRODUCTION.PEC_FROM });
    assert.equal(d.sms?.sender, "INPS");
    assert.deepEqual(d.letters, { kind: "sftp", url: PRODUCTION.LETTERS_SFTP_URL });
    assert.equal(d.letterBatchTime, "16:00");
    assert.equal(d.metricsToken, PRODUCTION.METRICS_TOKEN);
  });

  const groups: Record<string, string[]> = {
    SMTP_URL: ["SMTP_URL", "MAIL_FROM"],
    PEC_FROM: ["PEC_SMTP_URL", "PEC_FROM"],
    SMS_WEBHOOK_SECRET: [
      "SMS_GATEWAY_URL",
      "SMS_GATEWAY_TOKEN",
      "SMS_SENDER",
      "SMS_WEBHOOK_SECRET",
    ],
    LETTERS_SFTP_URL: ["LETTERS_SFTP_URL"],
    METRICS_TOKEN: ["METRICS_TOKEN"],
  };
  for (const [name, group] of Object.entries(groups)) {
    it(`refuses to serve in production without ${name}`, () => {
      const blank = Object.fromEntries(group.map((g) => [g, ""]));
      const d = loadConfig({ ...PRODUCTION, ...blank }).delivery;
      assert.throws(
        () => assertProductionChannels("production", d),
        new RegExp(`production requires every delivery channel.*${name}`),
      );
      assert.doesNotThrow(() => assertProductionChannels("development", d));
    });
  }

  it("refuses the development file outbox in production", () => {
    assert.match(errorFor({ ...PRODUCTION, OUTBOX_DIR: "/srv/outbox" }), /file outbox/);
  });

  it("takes LETTERS_DIR instead of SFTP, not both", () => {
    const env: NodeJS.ProcessEnv = { ...PRODUCTION, LETTERS_DIR: "/srv/print" };
    assert.match(errorFor(env), /not both/);
    delete env.LETTERS_SFTP_URL;
    assert.deepEqual(loadConfig(env).delivery.letters, { kind: "dir", dir: "/srv/print" });
  });

  it("keeps the file outbox in development, channel by channel", () => {
    const d = loadConfig({
      DATA_DIR: tempDir(),
      SMTP_URL: "smtp://127.0.0.1:2525",
      MAIL_FROM: "a@b.it",
    }).delivery;
    assert.equal(d.email?.url, "smtp://127.0.0.1:2525");
    assert.equal(d.sms, undefined);
    assert.equal(d.letters, undefined);
  });

  it("refuses half a channel and bad values", () => {
    assert.match(errorFor({ DATA_DIR: tempDir(), SMTP_URL: "smtp://h:25" }), /MAIL_FROM/);
    assert.match(
      errorFor({ DATA_DIR: tempDir(), SMTP_URL: "http://h:25", MAIL_FROM: "a@b.it" }),
      /SMTP_URL/,
    );
    assert.match(
      errorFor({ DATA_DIR: tempDir(), LETTERS_BATCH_TIME: "25:00" }),
      /LETTERS_BATCH_TIME/,
    );
  });
});

describe("config: production refuses unprotected channels", () => {
  it("wants the SMS gateway over https and the vendor's host key pinned", () => {
    const plain = loadConfig({
      ...PRODUCTION,
      SMS_GATEWAY_URL: "http://sms.internal/v1/messages",
    }).delivery;
    assert.throws(() => assertProductionChannels("production", plain), /https:\/\//u);
    const unpinned = loadConfig(PRODUCTION).delivery;
    assert.throws(() => assertProductionChannels("production", unpinned), /host key/u);
    const pinned = loadConfig({
      ...PRODUCTION,
      LETTERS_SFTP_URL: `${PRODUCTION.LETTERS_SFTP_URL}?host_key=SHA256:ab+cd/ef`,
    }).delivery;
    assert.doesNotThrow(() => assertProductionChannels("production", pinned));
    assert.doesNotThrow(() => assertProductionChannels("development", plain));
  });

  it("refuses credentials in the SMS gateway's URL (the token authenticates)", () => {
    assert.match(
      errorFor({ ...PRODUCTION, SMS_GATEWAY_URL: "https://u:p@sms.internal/v1" }),
      /SMS_GATEWAY_URL/u,
    );
  });
});

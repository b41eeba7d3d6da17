/**
 * A production installation on 127.0.0.1 for end-to-end and fault tests: a PostgreSQL database
 * of its own (on the server TEST_DATABASE_URL names), the archive sample loaded, real test
 * servers for every channel (SMTP with STARTTLS for e-mail and for PEC, the SMS gateway, the
 * print vendor's SFTP drop) and the environment that `inps-pin serve`, `worker` and
 * `letters` need in APP_ENV=production. Nothing here delivers to the file outbox.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArchiveCsv } from "../../src/archive/csv.ts";
import type { ArchivePerson } from "../../src/domain/archive.ts";
import { upsertPeople } from "../../src/store/repos/archive.ts";
import { createTestDb, type TestDb } from "./db.ts";
import { startSftpTestServer, type SftpTestServer } from "./sftp-test-server.ts";
import { startSmsTestGateway, type SmsTestGateway } from "./sms-test-gateway.ts";
import { startSmtpTestServer, type SmtpTestServer } from "./smtp-test-server.ts";

const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
export const TEST_CA = join(FIXTURES, "tls", "test-cert.pem");

export interface ProductionInstall {
  env: Record<string, string>;
  db: TestDb;
  people: ArchivePerson[];
  dataDir: string;
  smtp: SmtpTestServer;
  pec: SmtpTestServer;
  sms: SmsTestGateway;
  sftp: SftpTestServer;
  webhookSecret: string;
  metricsToken: string;
  close(): Promise<void>;
}

export interface InstallOptions {
  env?: Record<string, string>;
  /** A migrated database to use instead of a new one on TEST_DATABASE_URL's server. */
  db?: TestDb;
}

export async function productionInstall(opts: InstallOptions = {}): Promise<ProductionInstall> {
  const extraEnv = opts.env ?? {};
  const db = opts.db ?? (await createTestDb());
  if (db.url === undefined) throw new Error("productionInstall needs TEST_DATABASE_URL");
  const today = new Date().toISOString().slice(0, 10);
  const { people } = parseArchiveCsv(
    readFileSync(join(FIXTURES, "archive-sample.csv"), "utf8"),
    today,
  );
  await db.db.transaction((tx) => upsertPeople(tx, people));
  const dataDir = mkdtempSync(join(tmpdir(), "inps-prod-"));
  // STARTTLS with the test certificate: production requires TLS to the mail servers.
  const tls = {
    server: {
      disabledCommands: [],
      key: readFileSync(join(FIXTURES, "tls", "test-key.pem")),
      cert: readFileSync(TEST_CA),
    },
  };
  const smtp = await startSmtpTestServer(tls);
  const pec = await startSmtpTestServer(tls);
  // https and a pinned host key: production refuses the gateway in clear and an unknown vendor.
  const sms = await startSmsTestGateway({ tls: { key: tls.server.key, cert: tls.server.cert } });
  const sftp = await startSftpTestServer({ withHostKey: true });
  const webhookSecret = randomBytes(24).toString("hex");
  const metricsToken = randomBytes(24).toString("hex");
  const env: Record<string, string> = {
    APP_ENV: "production",
    HOST: "127.0.0.1",
    DATABASE_URL: db.url,
    DATABASE_POOL_SIZE: "4",
    DATA_DIR: dataDir,
    PIN_PEPPER: randomBytes(32).toString("base64"),
    OUTBOX_KEY: randomBytes(32).toString("base64"),
    DOCUMENT_KEY: randomBytes(32).toString("base64"),
    SMTP_URL: smtp.url,
    MAIL_FROM: '"INPS" <noreply@inps.example>',
    PEC_SMTP_URL: pec.url,
    PEC_FROM: "pin@postacert.inps.example",
    SMS_GATEWAY_URL: sms.url,
    SMS_GATEWAY_TOKEN: sms.token,
    SMS_SENDER: "INPS",
    SMS_WEBHOOK_SECRET: webhookSecret,
    LETTERS_SFTP_URL: sftp.url,
    METRICS_TOKEN: metricsToken,
    WORKER_POLL_MS: "100",
    // Later today (Rome): the worker's own daily batch stays out of the tests' way, which run
    // `inps-pin letters batch --now` themselves.
    LETTERS_BATCH_TIME: "23:59",
    LOG_LEVEL: "info",
    ANSWER_FLOOR_MS: "0",
    // The test servers' certificate (test/fixtures/tls): trusted by the child processes only.
    NODE_EXTRA_CA_CERTS: TEST_CA,
    ...extraEnv,
  };
  return {
    env,
    db,
    people,
    dataDir,
    smtp,
    pec,
    sms,
    sftp,
    webhookSecret,
    metricsToken,
    async close() {
      await Promise.allSettled([smtp.close(), pec.close(), sms.close(), sftp.close()]);
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Minimal cookie handling for fetch against a production process (cookies are __Host-/Secure). */
export class FetchJar {
  private readonly cookies = new Map<string, string>();
  update(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === "" || /max-age=0/iu.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

export async function postJson(
  base: string,
  path: string,
  body: unknown,
  jar?: FetchJar,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${base}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: base,
      ...(jar === undefined ? {} : { cookie: jar.header() }),
    },
    body: JSON.stringify(body),
  });
  jar?.update(res);
  const text = await res.text();
  return {
    status: res.status,
    json: text === "" ? {} : (JSON.parse(text) as Record<string, unknown>),
  };
}

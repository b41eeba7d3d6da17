/**
 * The whole journey in production mode, every process real and every provider a real server on
 * 127.0.0.1: `inps-pin serve` and `inps-pin worker` (APP_ENV=production, PostgreSQL), a claim
 * whose first half arrives by SMS at the gateway and another's by e-mail at the SMTP server
 * (STARTTLS), the letter batch uploaded over SFTP by `inps-pin letters batch --now`, the print
 * vendor's acknowledgement, and a login with the 16 characters read from what the servers
 * received. Then the data directory, the (absent) outbox folder, the logs and the vendor's drop
 * are searched for the PIN halves: none may be there in clear. PostgreSQL only.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { claimFor } from "../../src/dev/people.ts";
import { ENGINE } from "../helpers/db.ts";
import { eventually, runCli, startCli, type CliProcess } from "../helpers/cli-process.ts";
import { freePort } from "../helpers/process.ts";
import {
  FetchJar,
  postJson,
  productionInstall,
  type ProductionInstall,
} from "../helpers/production.ts";
import { findSecretsOnDisk } from "../helpers/secrets-on-disk.ts";

const HALF = /\b([2-9A-Z]{4}) ([2-9A-Z]{4})\b/u;
const C = "([2-9A-Z])";
const LETTER_HALF = new RegExp(`\\b${C} ${C} ${C} ${C}\\s+${C} ${C} ${C} ${C}\\b`, "u");

describe(
  "production journey with real SMTP, SMS and SFTP servers",
  { skip: ENGINE !== "postgres" },
  () => {
    let inst: ProductionInstall;
    let serve: CliProcess;
    let worker: CliProcess;
    let base: string;
    /** The worker's own /metrics listener (METRICS_PORT). */
    let workerMetrics: string;
    const halves: string[] = [];
    const logs: string[] = [];

    before(async () => {
      inst = await productionInstall();
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      const env = { ...inst.env, PORT: String(port), PUBLIC_URL: base };
      inst.env = env;
      serve = await startCli(["serve"], env, "listening on");
      workerMetrics = `http://127.0.0.1:${await freePort()}`;
      worker = await startCli(
        ["worker"],
        { ...env, METRICS_PORT: new URL(workerMetrics).port },
        /worker/u,
      );
    });

    after(async () => {
      await serve.stop();
      await worker.stop();
      await inst.close();
    });

    it("delivers both halves through the real providers and the 16 characters log in", async () => {
      const bySms = inst.people.find((p) => p.fiscalCode === "RSSMRA50B17A558W");
      const byEmail = inst.people.find((p) => p.fiscalCode === "BNCLRA80A45H501Q");
      assert.ok(bySms !== undefined && byEmail !== undefined);

      const c1 = await postJson(base, "/api/v1/claims", claimFor(bySms));
      assert.equal(c1.status, 202, JSON.stringify(c1.json));
      assert.equal(c1.json.status, "issued");
      const c2 = await postJson(base, "/api/v1/claims", {
        ...claimFor(byEmail),
        delivery: "email",
      });
      assert.equal(c2.status, 202, JSON.stringify(c2.json));
      assert.equal(c2.json.status, "issued");

      // First halves: the SMS at the gateway, the e-mail at the SMTP server.
      const sms = await eventually("the SMS with the first half", () =>
        [...inst.sms.received.values()].flat().find((m) => HALF.test(m.text)),
      );
      const mail = await eventually("the e-mail with the first half", () =>
        inst.smtp.messages.find((m) => HALF.test(m.text)),
      );
      const firstSms = HALF.exec(sms.text);
      const firstMail = HALF.exec(mail.text);
      assert.ok(firstSms !== null && firstMail !== null);
      const halfSms = `${firstSms[1]}${firstSms[2]}`;
      const halfMail = `${firstMail[1]}${firstMail[2]}`;
      halves.push(halfSms, halfMail);
      assert.match(mail.raw, /Message-ID: <[0-9a-f-]{36}@/iu);

      // The letter batch, over SFTP, with its manifest.
      const batch = await runCli(["letters", "batch", "--now"], inst.env);
      logs.push(batch.out);
      assert.equal(batch.code, 0, batch.out);
      const batchDir = readdirSync(join(inst.sftp.root, "inbox")).find((d) =>
        existsSync(join(inst.sftp.root, "inbox", d, "manifest.json")),
      );
      assert.ok(batchDir !== undefined, "a batch folder with its manifest");
      const dir = join(inst.sftp.root, "inbox", batchDir);
      const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as {
        batchId: string;
        letters: {
          messageId: string;
          file: string;
          country: string;
          pages: number;
          sha256: string;
        }[];
      };
      assert.equal(manifest.letters.length, 2);
      const secondHalves = new Map<string, string>();
      for (const l of manifest.letters) {
        const text = execFileSync("pdftotext", ["-q", join(dir, l.file), "-"], {
          encoding: "utf8",
        });
        const who = [bySms, byEmail].find((p) => text.includes(p.surname));
        // The letter prints the half in boxes, one character each: "A B C D" twice.
        const half = LETTER_HALF.exec(text);
        assert.ok(
          who !== undefined && half !== null,
          "each letter names its holder and carries a half",
        );
        secondHalves.set(who.fiscalCode, half.slice(1).join(""));
        assert.ok(["AR", "DE"].includes(l.country));
      }
      halves.push(...secondHalves.values());

      // The vendor prints and acknowledges; the sealed halves are erased, the PDFs removed.
      inst.sftp.writeAck(
        manifest.batchId,
        manifest.letters.map((l) => l.messageId),
      );
      const acks = await runCli(["letters", "acks"], inst.env);
      logs.push(acks.out);
      assert.equal(acks.code, 0, acks.out);
      const sealed = await inst.db.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM outbox WHERE channel = 'letter' AND secret IS NOT NULL",
      );
      assert.equal(sealed[0]?.n, 0);

      // Log in with the 16 characters, then choose the operating PIN.
      for (const [p, first] of [
        [bySms, halfSms],
        [byEmail, halfMail],
      ] as const) {
        const jar = new FetchJar();
        const pin = `${first}${secondHalves.get(p.fiscalCode) ?? ""}`;
        const login = await postJson(
          base,
          "/api/v1/session",
          { fiscalCode: p.fiscalCode, pin },
          jar,
        );
        assert.equal(login.status, 200, JSON.stringify(login.json));
        const act = await postJson(base, "/api/v1/pin/activate", {}, jar);
        assert.equal(act.status, 201, JSON.stringify(act.json));
      }
    });

    it("takes the gateway's signed delivery report and shows it in the metrics", async () => {
      const sms = [...inst.sms.received.values()].flat()[0];
      assert.ok(sms !== undefined);
      const res = await inst.sms.sendReport(`${base}/hooks/sms/status`, inst.webhookSecret, {
        id: sms.id,
        status: "delivered",
      });
      assert.equal(res.status, 200);
      const rows = await inst.db.db.query<{ delivery_status: string | null }>(
        "SELECT delivery_status FROM outbox WHERE id = $1",
        [sms.id],
      );
      assert.equal(rows[0]?.delivery_status, "delivered");

      const anonymous = await fetch(`${base}/metrics`);
      assert.equal(anonymous.status, 401);
      const metrics = await fetch(`${base}/metrics`, {
        headers: { authorization: `Bearer ${inst.metricsToken}` },
      });
      assert.equal(metrics.status, 200);
      const text = await metrics.text();
      assert.match(text, /inps_outbox_messages\{/u);
      assert.match(text, /inps_claims_total\{/u);

      // Deliveries are counted where they happen: the worker's own listener.
      const fromWorker = await fetch(`${workerMetrics}/metrics`, {
        headers: { authorization: `Bearer ${inst.metricsToken}` },
      });
      assert.equal(fromWorker.status, 200);
      const workerText = await fromWorker.text();
      assert.match(
        workerText,
        /inps_outbox_deliveries_total\{channel="sms",outcome="sent"\} [1-9]/u,
      );
      assert.match(
        workerText,
        /inps_outbox_deliveries_total\{channel="email",outcome="sent"\} [1-9]/u,
      );
      assert.equal((await fetch(`${workerMetrics}/metrics`)).status, 401);

      const ready = await fetch(`${base}/readyz`);
      assert.equal(ready.status, 200);
      const body = (await ready.json()) as { checks: Record<string, string> };
      assert.deepEqual(Object.keys(body.checks).sort(), [
        "database",
        "email",
        "letters",
        "pec",
        "sms",
      ]);
    });

    it("leaves no PIN half in clear in the data directory, the outbox folder, the logs or the drop", async () => {
      assert.equal(halves.length, 4);
      await serve.stop();
      await worker.stop();
      // The processes' output is what production keeps as logs: write it where logs would live.
      const logDir = join(inst.dataDir, "logs");
      mkdirSync(logDir, { recursive: true });
      writeFileSync(join(logDir, "serve.log"), serve.output());
      writeFileSync(join(logDir, "worker.log"), worker.output());
      writeFileSync(join(logDir, "cli.log"), logs.join("\n"));
      assert.ok(
        serve.output().includes('"reqId"') || serve.output().includes('"req"'),
        "serve logged requests as JSON",
      );
      assert.equal(existsSync(join(inst.dataDir, "outbox")), false, "no file outbox in production");
      const findings = findSecretsOnDisk([inst.dataDir, inst.sftp.root], halves);
      assert.deepEqual(findings, []);
    });
  },
);

/**
 * Fault tests: the real outbox worker (PGlite or PostgreSQL) delivering through the real SMTP
 * and SMS gateway channels to real servers on 127.0.0.1 that fail in each way a provider
 * does — SMTP 421/451 (retried), 550 (abandoned), refused connections, a server that never
 * greets (timeout); the gateway's 500, 429, 400 and timeouts. After each: nothing lost (every
 * message sent or deliberately abandoned), the sealed PIN half erased, abandoned errors free of
 * recipients. SMS exactly once per id at the gateway (it dedupes by the outbox id); e-mail at
 * least once (SMTP has no idempotency key; the Message-ID lets clients collapse a duplicate).
 */
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FixedClock } from "../../src/domain/clock.ts";
import { deriveKeys } from "../../src/main.ts";
import type { ChannelSet } from "../../src/notifications/channel.ts";
import { createSmsGatewayChannel } from "../../src/notifications/channels/sms-gateway.ts";
import { createSmtpChannel } from "../../src/notifications/channels/smtp.ts";
import { devOutboxChannel } from "../../src/notifications/dev-outbox.ts";
import { createOutboxWorker, type OutboxWorker } from "../../src/notifications/worker.ts";
import { seal } from "../../src/security/crypto.ts";
import { createUnitOfWork } from "../../src/store/uow.ts";
import { createTestDb, type TestDb } from "../helpers/db.ts";
import { startSmsTestGateway, type SmsTestGateway } from "../helpers/sms-test-gateway.ts";
import { startSmtpTestServer, type SmtpTestServer } from "../helpers/smtp-test-server.ts";

const OUTBOX_KEY = Buffer.alloc(32, 9);
const HALF = "K7M2P9QR";
const EMAIL = "maria.rossi@example.org";
const PHONE = "+5491123456789";

let tdb: TestDb;
let smtp: SmtpTestServer;
let gw: SmsTestGateway;
let channels: ChannelSet;
let letters: string;
let worker: OutboxWorker;
const clock = new FixedClock("2026-03-02T09:00:00Z");

before(async () => {
  tdb = await createTestDb();
  smtp = await startSmtpTestServer();
  gw = await startSmsTestGateway();
  letters = await mkdtemp(join(tmpdir(), "inps-faults-"));
  const short = { greetingTimeoutMs: 300, socketTimeoutMs: 500, connectionTimeoutMs: 500 };
  const from = '"INPS" <noreply@inps.example.it>';
  channels = {
    email: createSmtpChannel({ url: smtp.url, from }, { channel: "email", ...short }),
    pec: createSmtpChannel({ url: smtp.url, from }, { channel: "pec", ...short }),
    sms: createSmsGatewayChannel(
      { url: gw.url, token: gw.token, sender: "INPS", webhookSecret: "s".repeat(32) },
      { timeoutMs: 300 },
    ),
    letter: devOutboxChannel(letters),
  };
  const uow = createUnitOfWork({
    db: tdb.db,
    clock,
    outboxKey: OUTBOX_KEY,
    auditKeys: deriveKeys(Buffer.alloc(32, 7)).audit,
    messagesQueued: () => undefined,
  });
  worker = createOutboxWorker({ db: tdb.db, uow, clock, channels, outboxKey: OUTBOX_KEY });
});
after(async () => {
  await channels.email.close?.();
  await channels.pec.close?.();
  await smtp.close();
  await gw.close();
  await tdb.drop();
  await rm(letters, { recursive: true, force: true });
});

/** PIN first halves queued now, by e-mail or SMS. */
async function enqueue(channel: "email" | "sms", n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = randomUUID();
    await tdb.db.query(
      `INSERT INTO outbox (id, kind, channel, recipient, payload, secret, status, next_attempt_at, created_at)
       VALUES ($1, 'pin_first_half', $2, $3, $4::jsonb, $5, 'queued', $6, $6)`,
      [
        id,
        channel,
        channel === "sms" ? PHONE : EMAIL,
        JSON.stringify({ lang: "it", fullName: "Maria Rossi", claimReference: "PIN-2026-000123" }),
        seal(OUTBOX_KEY, HALF, id),
        clock.now(),
      ],
    );
    ids.push(id);
  }
  return ids;
}

interface Row {
  id: string;
  status: string;
  secret: string | null;
  attempts: number;
  last_error: string | null;
}

async function rows(ids: readonly string[]): Promise<Row[]> {
  return tdb.db.query<Row>(
    "SELECT id, status, secret, attempts, last_error FROM outbox WHERE id = ANY($1::uuid[]) ORDER BY id",
    [ids],
  );
}

/** One pass now: the worker's attempt while the provider misbehaves. */
async function attempt(): Promise<void> {
  await worker.runOnce();
  clock.advance(3600); // past any backoff
}

/** Runs the worker until nothing is due any more (the provider behaves by now). */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) {
    clock.advance(3600);
    if ((await worker.runOnce()) === 0) return;
  }
  assert.fail("the outbox did not settle");
}

/**
 * Nothing lost: every message sent or abandoned. A sent message's sealed half is erased; an
 * abandoned one keeps it sealed for a supervisor's resend (erased by the retention scrub).
 */
async function assertSettled(ids: readonly string[], status: "sent" | "abandoned"): Promise<Row[]> {
  const rs = await rows(ids);
  assert.equal(rs.length, ids.length);
  for (const r of rs) {
    assert.equal(r.status, status, `${r.id}: ${r.last_error ?? ""}`);
    if (status === "sent") assert.equal(r.secret, null, "the sealed half is erased");
    else assert.match(r.secret ?? "", /^v1\./u, "kept sealed (never in clear) for a resend");
  }
  assert.deepEqual(await readdir(letters), [], "nothing written to disk");
  return rs;
}

const mailsFor = (ids: readonly string[]) =>
  smtp.messages.filter((m) => ids.some((id) => m.messageId.startsWith(`<${id}@`)));

describe("SMTP faults through the worker", () => {
  for (const [reply, at] of [
    [421, "rcpt"],
    [451, "data"],
  ] as const) {
    it(`${reply} at ${at}: retried, then delivered`, async () => {
      await smtp.setMode({ reply, at });
      const ids = await enqueue("email", 3);
      await attempt();
      assert.ok((await rows(ids)).every((r) => r.status === "failed"));
      await attempt(); // still failing: retried again
      await smtp.setMode("accept");
      await settle();
      const rs = await assertSettled(ids, "sent");
      assert.ok(rs.every((r) => r.attempts === 3));
      assert.equal(mailsFor(ids).length, 3, "each once (nothing was taken before)");
      assert.ok(mailsFor(ids).every((m) => m.text.includes("K7M2 P9QR")));
    });
  }

  it("550: abandoned with an error that names the code, not the recipient", async () => {
    await smtp.setMode({ reply: 550, at: "rcpt" });
    const ids = await enqueue("email", 2);
    await attempt();
    await smtp.setMode("accept");
    await settle();
    for (const r of await assertSettled(ids, "abandoned")) {
      assert.equal(r.attempts, 1);
      assert.match(r.last_error ?? "", /^SMTP 550 at RCPT TO/u);
      assert.ok(!(r.last_error ?? "").includes("maria.rossi"), r.last_error ?? "");
    }
    assert.equal(mailsFor(ids).length, 0);
  });

  it("refused connections: retried, delivered when the server comes back", async () => {
    await smtp.setMode("refuse");
    const ids = await enqueue("email", 2);
    await attempt();
    await attempt();
    const failing = await rows(ids);
    assert.ok(
      failing.every((r) => r.status === "failed" && /ECONNREFUSED/u.test(r.last_error ?? "")),
    );
    await smtp.setMode("accept");
    await settle();
    await assertSettled(ids, "sent");
    assert.equal(mailsFor(ids).length, 2);
  });

  it("a server that never greets: timeout, retried, delivered", async () => {
    await smtp.setMode("hang");
    const ids = await enqueue("email", 2);
    await attempt();
    assert.ok((await rows(ids)).every((r) => /ETIMEDOUT/u.test(r.last_error ?? "")));
    await smtp.setMode("accept");
    await settle();
    await assertSettled(ids, "sent");
    assert.equal(mailsFor(ids).length, 2);
  });
});

describe("SMS gateway faults through the worker", () => {
  for (const mode of [{ status: 500 }, { status: 429 }, "hang"] as const) {
    const name = typeof mode === "string" ? "timeout" : String(mode.status);
    it(`${name}: retried, delivered exactly once per id`, async () => {
      gw.setMode(mode);
      const ids = await enqueue("sms", 3);
      await attempt();
      assert.ok((await rows(ids)).every((r) => r.status === "failed"));
      gw.setMode("accept");
      await settle();
      await assertSettled(ids, "sent");
      for (const id of ids) {
        assert.equal(gw.accepted.filter((x) => x === id).length, 1, "sent once");
        const arrivals = gw.received.get(id)?.length ?? 0;
        // A timed-out request reached the gateway too: the id made the retry a no-op.
        assert.equal(arrivals, mode === "hang" ? 2 : 1);
      }
    });
  }

  it("400: abandoned, never sent", async () => {
    gw.setMode({ status: 400, body: `{"error":"invalid number ${PHONE}"}` });
    const ids = await enqueue("sms", 2);
    await attempt();
    gw.setMode("accept");
    await settle();
    for (const r of await assertSettled(ids, "abandoned")) {
      assert.match(r.last_error ?? "", /^SMS gateway 400/u);
      assert.ok(!(r.last_error ?? "").includes("91123456789"), r.last_error ?? "");
    }
    assert.ok(ids.every((id) => !gw.accepted.includes(id)));
  });
});

/**
 * The outbox worker against a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL) and
 * in-memory delivery channels standing in for the SMS gateway, SMTP and the print vendor.
 */
import { CHANNELS } from "../../src/notifications/channel-kind.ts";
import { describe, it, before, after, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatPostalAddress } from "../../src/domain/address.ts";
import { FixedClock } from "../../src/domain/clock.ts";
import {
  PermanentDeliveryError,
  type Channel,
  type ChannelSet,
  type DeliveryChannel,
  type DeliveryReceipt,
  type RenderedMessage,
} from "../../src/notifications/channel.ts";
import {
  devChannels,
  devOutboxChannel,
  listDevOutbox,
  readDevOutboxPdf,
} from "../../src/notifications/dev-outbox.ts";
import {
  backoffSeconds,
  createOutboxWorker,
  MAX_ATTEMPTS,
  type OutboxWorker,
} from "../../src/notifications/worker.ts";
import { seal } from "../../src/security/crypto.ts";
import { postgresDb, type Db } from "../../src/store/db.ts";
import { leaseDue } from "../../src/store/repos/outbox.ts";
import { createUnitOfWork } from "../../src/store/uow.ts";
import { deriveKeys } from "../../src/main.ts";
import { createTestDb, ENGINE, type TestDb } from "../helpers/db.ts";

const OUTBOX_KEY = Buffer.alloc(32, 9);
const START = new Date("2026-03-02T09:00:00.000Z");

/** An in-memory provider: records what it is given; `fail` decides per call whether it throws. */
class FakeChannel implements DeliveryChannel {
  readonly sent: RenderedMessage[] = [];
  calls = 0;
  fail: ((m: RenderedMessage, call: number) => Error | undefined) | undefined;
  send(m: RenderedMessage): Promise<DeliveryReceipt> {
    this.calls++;
    const err = this.fail?.(m, this.calls);
    if (err !== undefined) return Promise.reject(err);
    this.sent.push(m);
    return Promise.resolve({ providerRef: `fake:${m.id}` });
  }
}

interface Fakes extends ChannelSet {
  sms: FakeChannel;
  email: FakeChannel;
  pec: FakeChannel;
  letter: FakeChannel;
}

function fakes(): Fakes {
  return {
    sms: new FakeChannel(),
    email: new FakeChannel(),
    pec: new FakeChannel(),
    letter: new FakeChannel(),
  };
}

const allSent = (f: Fakes): RenderedMessage[] => [
  ...f.sms.sent,
  ...f.email.sent,
  ...f.pec.sent,
  ...f.letter.sent,
];

let tdb: TestDb;
let db: Db;
before(async () => {
  tdb = await createTestDb({ poolSize: 10 });
  db = tdb.db;
});
after(async () => {
  await tdb.drop();
});
// Every test starts with nothing due, so a worker only sees that test's messages.
beforeEach(async () => {
  await db.query("UPDATE outbox SET status = 'sent', secret = NULL WHERE status <> 'sent'");
});

function worker(channels: ChannelSet, clock: FixedClock, on: Db = db): OutboxWorker {
  const uow = createUnitOfWork({
    db: on,
    clock,
    outboxKey: OUTBOX_KEY,
    auditKeys: deriveKeys(Buffer.alloc(32, 7)).audit,
    messagesQueued: () => undefined,
  });
  return createOutboxWorker({ db: on, uow, clock, channels, outboxKey: OUTBOX_KEY });
}

/**
 * A message as any version of the service may have stored it: the kind and payload are not
 * checked here (the worker must cope with unknown kinds and old payload shapes).
 */
interface StoredMessage {
  id?: string;
  kind: string;
  channel: Channel;
  recipient: string;
  payload: Record<string, unknown>;
  secret?: string;
}

async function put(m: StoredMessage, now = START): Promise<string> {
  const id = m.id ?? randomUUID();
  await db.query(
    `INSERT INTO outbox (id, kind, channel, recipient, payload, secret, status, next_attempt_at, created_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, 'queued', $7, $7)`,
    [
      id,
      m.kind,
      m.channel,
      m.recipient,
      JSON.stringify(m.payload),
      m.secret === undefined ? null : seal(OUTBOX_KEY, m.secret, id),
      now,
    ],
  );
  return id;
}

const firstHalf = (lang: "it" | "en", channel: "sms" | "email") =>
  put({
    kind: "pin_first_half",
    channel,
    recipient: channel === "sms" ? "+5491123456789" : "jose@example.com",
    payload: { lang, fullName: "José D'Angelo", claimReference: "PIN-2026-000123" },
    secret: "ABCDEFGH",
  });

const ADDRESS = [
  "JOSÉ D'ANGELO",
  "AVENIDA CORRIENTES 1234 PISO 5",
  "C1043AAZ CIUDAD AUTÓNOMA DE BUENOS AIRES",
  "ARGENTINA",
];

const POSTAL = {
  name: "José D'Angelo",
  line1: "Avenida Corrientes 1234",
  line2: "Piso 5",
  postalCode: "C1043AAZ",
  city: "Buenos Aires",
  country: "AR",
};

/** Italian letters carry the structured address; English ones the joined lines of older rows. */
const letter = (lang: "it" | "en") =>
  put({
    kind: "pin_second_half_letter",
    channel: "letter",
    recipient: "DNGJSM50B17D704X",
    payload: {
      lang,
      recipientName: "José D'Angelo",
      ...(lang === "it" ? { address: POSTAL } : { addressLines: ADDRESS }),
      date: "2026-03-02",
      claimReference: "PIN-2026-000123",
      fiscalCodeMasked: "DNG*********04X",
    },
    secret: "23456789",
  });

const claimReceived = (lang: "it" | "en") =>
  put({
    kind: "claim_received",
    channel: "email",
    recipient: "jose@example.com",
    payload: { lang, claimReference: "PIN-2026-000124" },
  });

interface OutboxRow {
  status: string;
  attempts: number;
  secret: string | null;
  next_attempt_at: Date;
  lease_until: Date | null;
  last_error: string | null;
  sent_at: Date | null;
  provider_ref: string | null;
}

async function row(id: string): Promise<OutboxRow> {
  const rows = await db.query<OutboxRow>(
    "SELECT status, attempts, secret, next_attempt_at, lease_until, last_error, sent_at, provider_ref FROM outbox WHERE id = $1",
    [id],
  );
  assert.ok(rows[0] !== undefined);
  return rows[0];
}

function only<T>(xs: readonly T[]): T {
  assert.equal(xs.length, 1, `expected exactly one, got ${xs.length}`);
  return xs[0] as T;
}

describe(`outbox worker on ${ENGINE}: rendering and delivery`, () => {
  it("sends the first PIN half by SMS, in Italian and in English, then erases it", async () => {
    const f = fakes();
    const clock = new FixedClock(START);
    const it_ = await firstHalf("it", "sms");
    const en = await firstHalf("en", "sms");
    assert.equal(await worker(f, clock).runOnce(), 2);
    const byId = new Map(f.sms.sent.map((m) => [m.id, m]));
    const mIt = byId.get(it_);
    const mEn = byId.get(en);
    assert.ok(mIt !== undefined && mEn !== undefined);
    assert.equal(mIt.to, "+5491123456789");
    assert.equal(mIt.kind, "pin_first_half");
    assert.equal(mIt.subject, undefined);
    assert.match(mIt.text, /prima parte del PIN: ABCD EFGH/u);
    assert.match(mEn.text, /first part of your PIN: ABCD EFGH/u);
    assert.ok(mIt.text.length <= 160 && mEn.text.length <= 160, "fits one SMS");
    assert.deepEqual(mIt.createdAt, START);
    for (const id of [it_, en]) {
      const r = await row(id);
      assert.deepEqual(
        [r.status, r.secret, r.provider_ref, r.attempts],
        ["sent", null, `fake:${id}`, 1],
      );
      assert.deepEqual(r.sent_at, START);
    }
  });

  it("sends the first PIN half by e-mail with a subject, in Italian and in English", async () => {
    const f = fakes();
    const it_ = await firstHalf("it", "email");
    const en = await firstHalf("en", "email");
    await worker(f, new FixedClock(START)).runOnce();
    const mIt = f.email.sent.find((m) => m.id === it_);
    const mEn = f.email.sent.find((m) => m.id === en);
    assert.equal(mIt?.to, "jose@example.com");
    assert.equal(mIt.subject, "Il suo PIN INPS - prima parte");
    assert.match(mIt.text, /Gentile José D'Angelo,/u);
    assert.match(mIt.text, /ABCD EFGH/u);
    assert.match(mIt.text, /PIN-2026-000123/u);
    assert.equal(mEn?.subject, "Your INPS PIN - first part");
    assert.match(mEn.text, /Dear José D'Angelo,/u);
    assert.match(mEn.text, /ABCD EFGH/u);
    assert.equal(f.sms.calls, 0);
  });

  it("sends the second PIN half as a letter with a PDF, addressed to the postal block", async () => {
    const f = fakes();
    const it_ = await letter("it");
    const en = await letter("en");
    await worker(f, new FixedClock(START)).runOnce();
    for (const [id, subject, lines] of [
      [it_, "Il suo PIN INPS - seconda parte", formatPostalAddress(POSTAL.name, POSTAL)],
      [en, "Your INPS PIN - second part", ADDRESS],
    ] as const) {
      const m = f.letter.sent.find((x) => x.id === id);
      assert.ok(m !== undefined);
      assert.equal(m.subject, subject);
      assert.equal(m.to, lines.join("\n"));
      assert.deepEqual(m.postal, id === it_ ? POSTAL : undefined);
      assert.match(m.text, /2345 6789/u);
      assert.ok(m.pdf !== undefined && m.pdf.length > 1000);
      assert.equal(Buffer.from(m.pdf.subarray(0, 5)).toString("latin1"), "%PDF-");
      assert.equal((await row(id)).secret, null);
    }
  });

  it("sends the claim-received e-mail in each language, without any secret", async () => {
    const f = fakes();
    const it_ = await claimReceived("it");
    const en = await claimReceived("en");
    await worker(f, new FixedClock(START)).runOnce();
    assert.equal(f.email.sent.find((m) => m.id === it_)?.subject, "Richiesta PIN INPS ricevuta");
    assert.equal(f.email.sent.find((m) => m.id === en)?.subject, "INPS PIN claim received");
    assert.match(f.email.sent.find((m) => m.id === en)?.text ?? "", /PIN-2026-000124/u);
  });

  it("delivers nothing twice: a second run finds nothing due", async () => {
    const f = fakes();
    const clock = new FixedClock(START);
    await claimReceived("en");
    const w = worker(f, clock);
    assert.equal(await w.runOnce(), 1);
    clock.advance(86_400);
    assert.equal(await w.runOnce(), 0);
    assert.equal(f.email.calls, 1);
  });

  it("sends at most `limit` messages per run", async () => {
    const f = fakes();
    for (let i = 0; i < 5; i++) await claimReceived("it");
    const w = worker(f, new FixedClock(START));
    assert.equal(await w.runOnce(3), 3);
    assert.equal(await w.runOnce(3), 2);
    assert.equal(f.email.calls, 5);
  });
});

describe(`outbox worker on ${ENGINE}: failures, retries and backoff`, () => {
  it("backs off 10 s, 20 s, 40 s ... with ±20 % jitter, capped at one hour", () => {
    assert.equal(
      backoffSeconds(1, () => 0),
      8,
    );
    assert.equal(
      backoffSeconds(1, () => 0.5),
      10,
    );
    assert.ok(Math.abs(backoffSeconds(1, () => 0.999999) - 12) < 1e-4);
    assert.equal(
      backoffSeconds(3, () => 0.5),
      40,
    );
    assert.equal(
      backoffSeconds(0, () => 0.5),
      10,
    );
    assert.equal(
      backoffSeconds(20, () => 0.5),
      3600,
    );
    assert.ok(backoffSeconds(30, () => 0.999999) < 3600 * 1.2);
  });

  it("marks a failed send for retry after the backoff, retries when the clock passes it, and abandons after MAX_ATTEMPTS keeping the sealed secret for a supervisor's resend", async () => {
    const f = fakes();
    f.sms.fail = () => new Error("SMS gateway unreachable");
    const clock = new FixedClock(START);
    const w = worker(f, clock);
    const id = await firstHalf("it", "sms");

    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      assert.equal(await w.runOnce(), 1, `attempt ${attempt} runs`);
      assert.equal(f.sms.calls, attempt);
      const r = await row(id);
      assert.equal(r.attempts, attempt);
      if (attempt === MAX_ATTEMPTS) break;
      assert.equal(r.status, "failed");
      assert.equal(r.last_error, "SMS gateway unreachable");
      assert.notEqual(r.secret, null, "the secret is kept for the retry");
      const delay = (r.next_attempt_at.getTime() - clock.now().getTime()) / 1000;
      const base = Math.min(3600, 10 * 2 ** (attempt - 1));
      assert.ok(
        delay >= base * 0.8 && delay <= base * 1.2,
        `attempt ${attempt}: retry in ${delay} s, base ${base} s`,
      );
      // Not before it is due ...
      clock.set(new Date(r.next_attempt_at.getTime() - 1));
      assert.equal(await w.runOnce(), 0);
      // ... and again once it is.
      clock.set(r.next_attempt_at);
    }
    const r = await row(id);
    assert.equal(r.status, "abandoned");
    assert.notEqual(r.secret, null, "kept (sealed) until the retention scrub");
    assert.equal(r.lease_until, null);
    clock.advance(30 * 86_400);
    assert.equal(await w.runOnce(), 0);
    assert.equal(f.sms.calls, MAX_ATTEMPTS);
  });

  it("keeps retrying for most of a day before giving up, even with the shortest jitter", () => {
    let window = 0;
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++)
      window += backoffSeconds(attempt, () => 0);
    assert.ok(window >= 18 * 3600, `retries stop after ${(window / 3600).toFixed(1)} h`);
  });

  it("loses nothing through a 12-hour provider outage: the message goes out when the provider is back", async () => {
    const f = fakes();
    const clock = new FixedClock(START);
    const backAt = START.getTime() + 12 * 3600_000;
    f.sms.fail = () =>
      clock.now().getTime() < backAt ? new Error("SMS gateway unreachable") : undefined;
    const w = worker(f, clock);
    const id = await firstHalf("en", "sms");
    for (let i = 0; i < MAX_ATTEMPTS && (await row(id)).status !== "sent"; i++) {
      await w.runOnce();
      const r = await row(id);
      if (r.status === "failed") clock.set(r.next_attempt_at);
    }
    const r = await row(id);
    assert.equal(r.status, "sent");
    assert.equal(r.secret, null);
    assert.equal(f.sms.sent.length, 1);
    assert.ok(r.attempts < MAX_ATTEMPTS);
  });

  it("delivers on a retry once the provider is back", async () => {
    const f = fakes();
    f.email.fail = (_m, call) => (call === 1 ? new Error("SMTP 451") : undefined);
    const clock = new FixedClock(START);
    const w = worker(f, clock);
    const id = await firstHalf("en", "email");
    await w.runOnce();
    assert.equal((await row(id)).status, "failed");
    clock.advance(13);
    await w.runOnce();
    const r = await row(id);
    assert.deepEqual([r.status, r.attempts, r.secret, r.last_error], ["sent", 2, null, null]);
    assert.equal(f.email.sent.length, 1);
  });

  it("abandons at once on a PermanentDeliveryError, keeping the sealed secret", async () => {
    const f = fakes();
    f.sms.fail = () => new PermanentDeliveryError("number does not exist");
    const clock = new FixedClock(START);
    const id = await firstHalf("it", "sms");
    await worker(f, clock).runOnce();
    const r = await row(id);
    assert.deepEqual(
      [r.status, r.secret === null, r.last_error, r.attempts],
      ["abandoned", false, "number does not exist", 1],
    );
    clock.advance(86_400);
    assert.equal(await worker(f, clock).runOnce(), 0);
    assert.equal(f.sms.calls, 1);
  });

  it("retries a message it cannot render (unknown kind or bad payload) without sending it", async () => {
    const f = fakes();
    const unknown = await put({
      kind: "no_such_kind",
      channel: "email",
      recipient: "a@example.com",
      payload: { lang: "it" },
    });
    const bad = await put({
      kind: "claim_received",
      channel: "email",
      recipient: "a@example.com",
      payload: { lang: "fr" },
    });
    await worker(f, new FixedClock(START)).runOnce();
    assert.equal(f.email.calls, 0);
    assert.match((await row(unknown)).last_error ?? "", /unknown message kind/u);
    assert.equal((await row(bad)).status, "failed");
  });

  it("does not let a message with an unreadable secret hold back the others in its batch", async () => {
    const f = fakes();
    const clock = new FixedClock(START);
    const bad = await firstHalf("it", "sms");
    // Sealed for another row (as with a changed OUTBOX_KEY): it can never be opened.
    await db.query("UPDATE outbox SET secret = $2 WHERE id = $1", [
      bad,
      seal(OUTBOX_KEY, "ABCDEFGH", randomUUID()),
    ]);
    const good = await firstHalf("en", "sms");
    const w = worker(f, clock);
    await w.runOnce();
    assert.deepEqual(
      f.sms.sent.map((m) => m.id),
      [good],
    );
    assert.equal((await row(good)).status, "sent");
    assert.equal((await row(bad)).status, "failed");
    assert.match((await row(bad)).last_error ?? "", /decrypt/u);
    // It is retried like any failure and finally abandoned (its sealed secret kept, unreadable
    // as it is, until the retention scrub).
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      clock.advance(3 * 3600);
      await w.runOnce();
    }
    const r = await row(bad);
    assert.deepEqual([r.status, r.secret === null, r.attempts], ["abandoned", false, MAX_ATTEMPTS]);
    assert.equal(f.sms.sent.length, 1);
  });
});

describe(`outbox worker on ${ENGINE}: several workers`, () => {
  it("delivers each message exactly once with two workers on one database", async () => {
    // On PostgreSQL the second worker has its own pool, as another process would.
    const otherDb = tdb.url === undefined ? db : postgresDb(tdb.url, 5);
    try {
      const f = fakes();
      const clock = new FixedClock(START);
      const ids = new Set<string>();
      for (let i = 0; i < 30; i++) {
        ids.add(await firstHalf(i % 2 === 0 ? "it" : "en", "sms"));
        ids.add(await claimReceived("en"));
      }
      const a = worker(f, clock);
      const b = worker(f, clock, otherDb);
      let handledA = 0;
      let handledB = 0;
      for (let round = 0; round < 50; round++) {
        const [na, nb] = await Promise.all([a.runOnce(4), b.runOnce(4)]);
        handledA += na;
        handledB += nb;
        if (na + nb === 0) break;
      }
      assert.equal(handledA + handledB, 60);
      const perId = new Map<string, number>();
      for (const m of allSent(f)) perId.set(m.id, (perId.get(m.id) ?? 0) + 1);
      assert.equal(perId.size, 60);
      assert.deepEqual([...perId.keys()].sort(), [...ids].sort());
      assert.deepEqual([...new Set(perId.values())], [1], "a message was sent twice");
      assert.equal(f.sms.calls + f.email.calls, 60);
    } finally {
      if (otherDb !== db) await otherDb.close();
    }
  });

  it("delivers a message whose worker died mid-send once its lease has expired", async () => {
    const f = fakes();
    const clock = new FixedClock(START);
    const id = await firstHalf("it", "sms");
    // Worker A leases the message and dies before marking it.
    const [leased] = await leaseDue(db, OUTBOX_KEY, clock.now(), 10, 120, CHANNELS);
    assert.equal(leased?.id, id);
    assert.equal((await row(id)).status, "sending");
    const b = worker(f, clock);
    assert.equal(await b.runOnce(), 0, "not while the lease runs");
    clock.advance(121);
    assert.equal(await b.runOnce(), 1);
    const r = await row(id);
    assert.deepEqual([r.status, r.attempts, r.secret], ["sent", 2, null]);
    assert.match(only(f.sms.sent).text, /ABCD EFGH/u);
  });
});

describe("development outbox", () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "inps-dev-outbox-"));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const message = (over: Partial<RenderedMessage> = {}): RenderedMessage => ({
    id: randomUUID(),
    channel: "email",
    kind: "claim_received",
    to: "jose@example.com",
    subject: "Subject",
    text: "Body",
    createdAt: START,
    ...over,
  });

  it("writes each message as JSON, and a letter's PDF beside it", async () => {
    const ch = devOutboxChannel(join(dir, "new", "nested"));
    const pdf = Buffer.from("%PDF-1.7 fake");
    const m = message({ channel: "letter", kind: "pin_second_half_letter", to: "A\nB", pdf });
    assert.deepEqual(await ch.send(m), { providerRef: `file:${m.id}` });
    const files = (await readdir(join(dir, "new", "nested"))).sort();
    assert.deepEqual(files, [`${m.id}.json`, `${m.id}.pdf`].sort());
    const json: unknown = JSON.parse(
      await readFile(join(dir, "new", "nested", `${m.id}.json`), "utf8"),
    );
    assert.deepEqual(json, {
      id: m.id,
      kind: "pin_second_half_letter",
      channel: "letter",
      to: "A\nB",
      subject: "Subject",
      text: "Body",
      pdfUrl: `/dev/outbox/${m.id}.pdf`,
      createdAt: START.toISOString(),
    });
    assert.deepEqual(await readDevOutboxPdf(join(dir, "new", "nested"), m.id), pdf);
  });

  it("overwrites rather than duplicates when a message is delivered again", async () => {
    const d = join(dir, "again");
    const ch = devOutboxChannel(d);
    const m = message();
    await ch.send(m);
    await ch.send({ ...m, text: "second" });
    const list = await listDevOutbox(d);
    assert.equal(list.length, 1);
    assert.equal(list[0]?.text, "second");
  });

  it("lists messages newest first and ignores junk files", async () => {
    const d = join(dir, "list");
    const ch = devOutboxChannel(d);
    const old = message({
      createdAt: new Date("2026-03-01T10:00:00Z"),
      subject: undefined,
      channel: "sms",
      to: "+39",
    });
    const mid = message({ createdAt: new Date("2026-03-02T10:00:00Z") });
    const recent = message({ createdAt: new Date("2026-03-03T10:00:00Z") });
    for (const m of [mid, old, recent]) await ch.send(m);
    await writeFile(join(d, "broken.json"), "{ not json");
    await writeFile(join(d, "foreign.json"), JSON.stringify({ hello: "world" }));
    await writeFile(join(d, `${randomUUID()}.json.tmp`), JSON.stringify({ half: "written" }));
    await writeFile(join(d, "notes.txt"), "not a message");
    const list = await listDevOutbox(d);
    assert.deepEqual(
      list.map((e) => e.id),
      [recent.id, mid.id, old.id],
    );
    assert.equal(list[2]?.subject, undefined);
    assert.equal("subject" in (list[2] ?? {}), false);
    assert.equal(list[2]?.pdfUrl, undefined);
  });

  it("lists nothing when the folder does not exist yet", async () => {
    assert.deepEqual(await listDevOutbox(join(dir, "missing")), []);
  });

  it("refuses message ids that could leave the folder", async () => {
    const d = join(dir, "pdf");
    await devOutboxChannel(d).send(message({ channel: "letter", pdf: Buffer.from("%PDF-") }));
    await writeFile(join(dir, "secret.pdf"), "outside");
    for (const id of [
      "../secret",
      "..%2Fsecret",
      "../../../../etc/passwd",
      "/etc/passwd",
      "a/b",
      "",
      "..",
      "------------------------------------",
      `${randomUUID()}/../../secret`,
      randomUUID().toUpperCase(),
    ]) {
      assert.equal(await readDevOutboxPdf(d, id), null, id);
    }
    assert.equal(await readDevOutboxPdf(d, randomUUID()), null, "unknown id");
  });

  it("receives every kind end to end from the worker (development channels)", async () => {
    const d = join(dir, "e2e");
    const clock = new FixedClock(START);
    const ids = [
      await firstHalf("it", "sms"),
      await firstHalf("en", "email"),
      await letter("it"),
      await claimReceived("en"),
    ];
    await worker(devChannels(d), clock).runOnce();
    const list = await listDevOutbox(d);
    assert.deepEqual(list.map((e) => e.id).sort(), [...ids].sort());
    const letterEntry = list.find((e) => e.channel === "letter");
    assert.ok(letterEntry?.pdfUrl !== undefined);
    assert.match(letterEntry.text, /2345 6789/u);
    const pdf = await readDevOutboxPdf(d, letterEntry.id);
    assert.equal(pdf?.subarray(0, 5).toString("latin1"), "%PDF-");
    // Written as text for /dev/outbox, but never left in the database.
    for (const id of ids) assert.equal((await row(id)).secret, null);
  });
});

// Channel type stays a closed set: a new channel needs a fake here.
const _channels: Record<Channel, true> = { sms: true, email: true, pec: true, letter: true };

/**
 * The SMTP channel (src/notifications/channels/smtp.ts) against a real SMTP server on
 * 127.0.0.1: what it sends (envelope, Message-ID from the outbox id, text and HTML, login),
 * and how each failure is classified — 5xx to the message abandoned, everything else retried —
 * with an error text that never carries the recipient's address.
 */
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import {
  PermanentDeliveryError,
  type DeliveryChannel,
  type RenderedMessage,
} from "../../src/notifications/channel.ts";
import {
  classifySmtpError,
  createSmtpChannel,
  senderDomain,
  withoutAddresses,
} from "../../src/notifications/channels/smtp.ts";
import { startSmtpTestServer, type SmtpTestServer } from "../helpers/smtp-test-server.ts";

const TO = "maria.rossi@example.org";
const FROM = '"INPS" <noreply@inps.example.it>';

function mail(id = randomUUID()): RenderedMessage {
  return {
    id,
    channel: "email",
    kind: "pin_first_half",
    to: TO,
    subject: "INPS: il suo PIN — prima parte",
    text: "Gentile Maria,\n\nprima parte: K7M2 P9QR\n",
    html: '<!doctype html><html lang="it"><body><p>prima parte: K7M2 P9QR</p></body></html>',
    createdAt: new Date("2026-03-02T09:00:00Z"),
  };
}

async function failure(ch: DeliveryChannel, m = mail()): Promise<Error> {
  try {
    await ch.send(m);
  } catch (err) {
    assert.ok(err instanceof Error);
    assert.ok(!err.message.includes(TO), `no recipient in: ${err.message}`);
    assert.ok(!err.message.includes("maria.rossi"), `no recipient in: ${err.message}`);
    return err;
  }
  assert.fail("expected the send to fail");
}

let smtp: SmtpTestServer;
let ch: DeliveryChannel;
before(async () => {
  smtp = await startSmtpTestServer();
  ch = createSmtpChannel(
    { url: smtp.url, from: FROM },
    { channel: "email", greetingTimeoutMs: 300, socketTimeoutMs: 500, connectionTimeoutMs: 500 },
  );
});
after(async () => {
  await ch.close?.();
  await smtp.close();
});

describe("SMTP channel", () => {
  it("sends text and HTML with a Message-ID from the outbox id, logged in", async () => {
    await smtp.setMode("accept");
    const m = mail();
    const receipt = await ch.send(m);
    const got = smtp.messages.at(-1);
    assert.ok(got !== undefined);
    assert.equal(got.envelopeFrom, "noreply@inps.example.it");
    assert.deepEqual(got.envelopeTo, [TO]);
    assert.equal(got.user, "mailer");
    assert.equal(got.messageId, `<${m.id}@inps.example.it>`);
    assert.equal(receipt.providerRef, `<${m.id}@inps.example.it>`);
    assert.equal(got.subject, "INPS: il suo PIN — prima parte");
    assert.match(got.text, /prima parte: K7M2 P9QR/u);
    assert.match(got.html ?? "", /<html lang="it">/u);
    assert.equal(got.headers.get("auto-submitted"), "auto-generated");
  });

  it("a retried message keeps its Message-ID", async () => {
    await smtp.setMode("accept");
    const m = mail();
    await ch.send(m);
    await ch.send(m);
    const ids = smtp.messages.slice(-2).map((x) => x.messageId);
    assert.deepEqual(ids, [`<${m.id}@inps.example.it>`, `<${m.id}@inps.example.it>`]);
  });

  for (const at of ["rcpt", "data"] as const) {
    it(`550 at ${at}: permanent, recipient-free`, async () => {
      await smtp.setMode({ reply: 550, at });
      const err = await failure(ch);
      assert.ok(err instanceof PermanentDeliveryError, err.message);
      assert.match(err.message, /SMTP 550/u);
    });
    for (const code of [421, 451] as const) {
      it(`${code} at ${at}: retried`, async () => {
        await smtp.setMode({ reply: code, at });
        const err = await failure(ch);
        assert.ok(!(err instanceof PermanentDeliveryError), err.message);
        assert.match(err.message, new RegExp(`SMTP ${code}`, "u"));
      });
    }
  }

  it("after failures the pool delivers again", async () => {
    await smtp.setMode("accept");
    const before = smtp.messages.length;
    await ch.send(mail());
    assert.equal(smtp.messages.length, before + 1);
  });

  it("a refused connection is retried; check() rejects, then resolves", async () => {
    await smtp.setMode("refuse");
    const err = await failure(ch);
    assert.ok(!(err instanceof PermanentDeliveryError));
    assert.match(err.message, /ECONNREFUSED/u);
    await assert.rejects(ch.check?.() ?? Promise.resolve(), /ECONNREFUSED/u);
    await smtp.setMode("accept");
    await ch.check?.();
    await ch.send(mail());
  });

  it("a server that never greets times out and is retried", async () => {
    await smtp.setMode("hang");
    const err = await failure(ch);
    assert.ok(!(err instanceof PermanentDeliveryError));
    assert.match(err.message, /ETIMEDOUT/u);
  });

  it("a server that never answers DATA times out and is retried", async () => {
    await smtp.setMode({ hang: "data" });
    const before = smtp.unanswered;
    const err = await failure(ch);
    assert.ok(!(err instanceof PermanentDeliveryError));
    assert.match(err.message, /ETIMEDOUT|ECONNECTION/u);
    assert.equal(smtp.unanswered, before + 1, "the server had the message: at least once");
    await smtp.setMode("accept");
  });

  it("requireTls refuses a server without STARTTLS, and retries (a configuration fault)", async () => {
    await smtp.setMode("accept");
    const strict = createSmtpChannel(
      { url: smtp.url, from: FROM },
      { channel: "email", requireTls: true, connectionTimeoutMs: 500 },
    );
    try {
      const before = smtp.messages.length;
      const err = await failure(strict);
      assert.ok(!(err instanceof PermanentDeliveryError), err.message);
      assert.equal(smtp.messages.length, before, "nothing sent in clear");
    } finally {
      await strict.close?.();
    }
  });

  it("refuses a message of another channel", async () => {
    const pec = createSmtpChannel({ url: smtp.url, from: FROM }, { channel: "pec" });
    try {
      await assert.rejects(pec.send(mail()), PermanentDeliveryError);
    } finally {
      await pec.close?.();
    }
  });
});

describe("SMTP error classification", () => {
  const err = (fields: Record<string, string | number>) => Object.assign(new Error("x"), fields);

  it("5xx to the recipient or the message is permanent; to the sender or login is not", () => {
    assert.equal(classifySmtpError(err({ responseCode: 550, command: "RCPT TO" })).permanent, true);
    assert.equal(classifySmtpError(err({ responseCode: 554, command: "DATA" })).permanent, true);
    assert.equal(
      classifySmtpError(err({ responseCode: 553, command: "MAIL FROM" })).permanent,
      false,
    );
    assert.equal(
      classifySmtpError(err({ responseCode: 535, code: "EAUTH", command: "AUTH PLAIN" })).permanent,
      false,
    );
    assert.equal(classifySmtpError(err({ responseCode: 503, command: "DATA" })).permanent, false);
    assert.equal(
      classifySmtpError(err({ responseCode: 452, command: "RCPT TO" })).permanent,
      false,
    );
    assert.equal(classifySmtpError(err({ code: "ECONNECTION" })).permanent, false);
  });

  it("strips every address from the kept text", () => {
    const { text } = classifySmtpError(
      err({
        responseCode: 550,
        command: "RCPT TO",
        response:
          "550 5.1.1 <maria.rossi@example.org>: Recipient address rejected (maria.rossi@example.org)",
      }),
    );
    assert.equal(
      text,
      "SMTP 550 at RCPT TO: 550 5.1.1 [address]: Recipient address rejected ([address])",
    );
    assert.equal(withoutAddresses("to x.y+z@dom.example, ok"), "to [address], ok");
  });

  it("the Message-ID domain is the sender's", () => {
    assert.equal(senderDomain('"INPS" <NoReply@INPS.it>'), "inps.it");
    assert.equal(senderDomain("pec@postacert.inps.gov.it"), "postacert.inps.gov.it");
    assert.throws(() => senderDomain("INPS"));
  });
});

/**
 * The SMS gateway channel (src/notifications/channels/sms-gateway.ts) against a fake gateway on
 * 127.0.0.1: the request it makes, how answers are classified (2xx accepted, 5xx/429/timeouts
 * retried, other 4xx abandoned), the length limit (refused, never truncated) and check().
 */
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import {
  PermanentDeliveryError,
  type DeliveryChannel,
  type RenderedMessage,
} from "../../src/notifications/channel.ts";
import {
  createSmsGatewayChannel,
  withoutNumbers,
} from "../../src/notifications/channels/sms-gateway.ts";
import { startSmsTestGateway, type SmsTestGateway } from "../helpers/sms-test-gateway.ts";

const TO = "+5491123456789";
const SECRET = "webhook-secret-0123456789";

function sms(text = "INPS: prima parte del PIN: K7M2 P9QR.", id = randomUUID()): RenderedMessage {
  return { id, channel: "sms", kind: "pin_first_half", to: TO, text, createdAt: new Date() };
}

async function failure(ch: DeliveryChannel, m = sms()): Promise<Error> {
  try {
    await ch.send(m);
  } catch (err) {
    assert.ok(err instanceof Error);
    assert.ok(!err.message.includes("91123456789"), `no number in: ${err.message}`);
    return err;
  }
  assert.fail("expected the send to fail");
}

let gw: SmsTestGateway;
let ch: DeliveryChannel;
before(async () => {
  gw = await startSmsTestGateway();
  ch = createSmsGatewayChannel(
    { url: gw.url, token: gw.token, sender: "INPS", webhookSecret: SECRET },
    { timeoutMs: 300 },
  );
});
after(async () => {
  await ch.close?.();
  await gw.close();
});

describe("SMS gateway channel", () => {
  it("posts {id, to, from, text} with the bearer token; the gateway's id is the reference", async () => {
    gw.setMode("accept");
    const m = sms();
    const receipt = await ch.send(m);
    assert.deepEqual(gw.received.get(m.id), [
      { id: m.id, to: TO, from: "INPS", text: "INPS: prima parte del PIN: K7M2 P9QR." },
    ]);
    assert.match(receipt.providerRef ?? "", /^gw-\d+$/u);
  });

  it("a text over three segments is refused whole, never truncated", async () => {
    gw.setMode("accept");
    const before = gw.requests.length;
    const err = await failure(ch, sms("a".repeat(460)));
    assert.ok(err instanceof PermanentDeliveryError);
    assert.match(err.message, /4 segments \(GSM-7, 460 units\), at most 3/u);
    assert.equal(gw.requests.length, before, "nothing sent");
    await ch.send(sms("a".repeat(459))); // three segments: sent
    const wide = createSmsGatewayChannel(
      { url: gw.url, token: gw.token, sender: "INPS", webhookSecret: SECRET },
      { maxSegments: 1 },
    );
    await assert.rejects(wide.send(sms("ж".repeat(71))), /2 segments \(UCS-2/u);
  });

  for (const status of [500, 502, 503, 429, 401, 408]) {
    it(`${status} is retried`, async () => {
      gw.setMode({
        status,
        body: `{"error":"no_route","detail":"no route to ${TO}: INPS PIN K7QX M2RT"}`,
      });
      const err = await failure(ch);
      assert.ok(!(err instanceof PermanentDeliveryError), err.message);
      assert.equal(err.message, `SMS gateway ${status} (no_route)`, "only the code is kept");
    });
  }

  it("keeps no free text of an error answer (gateways echo the refused message)", async () => {
    gw.setMode({ status: 400, body: `{"error":"text rejected: INPS PIN K7QX M2RT for ${TO}"}` });
    const err = await failure(ch);
    assert.equal(err.message, "SMS gateway 400");
  });

  for (const status of [400, 404, 422]) {
    it(`${status} is abandoned`, async () => {
      gw.setMode({ status });
      const err = await failure(ch);
      assert.ok(err instanceof PermanentDeliveryError, err.message);
      assert.match(err.message, new RegExp(`SMS gateway ${status}`, "u"));
    });
  }

  it("a wrong token gets 401 from the gateway and is retried", async () => {
    gw.setMode("accept");
    const wrong = createSmsGatewayChannel({
      url: gw.url,
      token: "not-the-token",
      sender: "INPS",
      webhookSecret: SECRET,
    });
    const err = await failure(wrong);
    assert.ok(!(err instanceof PermanentDeliveryError));
    assert.match(err.message, /SMS gateway 401/u);
  });

  it("a timeout is retried, and the retry is deduplicated by id at the gateway", async () => {
    gw.setMode("hang");
    const m = sms();
    const err = await failure(ch, m);
    assert.ok(!(err instanceof PermanentDeliveryError));
    assert.match(err.message, /unreachable: timeout/u);
    gw.setMode("accept");
    await ch.send(m);
    assert.equal(gw.received.get(m.id)?.length, 2, "two requests reached the gateway");
    assert.equal(gw.accepted.filter((id) => id === m.id).length, 1, "one message sent");
  });

  it("a closed port is retried; check() says whether the port opens", async () => {
    const closed = await freePort();
    const down = createSmsGatewayChannel({
      url: `http://127.0.0.1:${closed}/sms`,
      token: gw.token,
      sender: "INPS",
      webhookSecret: SECRET,
    });
    const err = await failure(down);
    assert.ok(!(err instanceof PermanentDeliveryError));
    assert.match(err.message, /unreachable: ECONNREFUSED/u);
    await assert.rejects(down.check?.() ?? Promise.resolve(), /ECONNREFUSED/u);
    await ch.check?.();
  });

  it("refuses a message of another channel", async () => {
    await assert.rejects(ch.send({ ...sms(), channel: "email" }), PermanentDeliveryError);
  });

  it("numbers are stripped from kept texts", () => {
    assert.equal(withoutNumbers("bad number +54 9 11 2345-6789!"), "bad number [number]!");
    assert.equal(withoutNumbers("status 500"), "status 500");
  });
});

/** A port nobody listens on (bound, then released). */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const addr = s.address();
  await new Promise<void>((resolve) => s.close(() => resolve()));
  if (addr === null || typeof addr === "string") throw new Error("no port");
  return addr.port;
}

/**
 * A fake SMS gateway on 127.0.0.1 (node:http) speaking the adapter's contract, for channel and
 * fault tests and the end-to-end journey:
 *
 *   const gw = await startSmsTestGateway();          // free port, mode "accept"
 *   createSmsGatewayChannel({ url: gw.url, token: gw.token, sender: "INPS", webhookSecret });
 *   gw.setMode({ status: 500 });                      // answer every request so
 *   gw.received.get(id)                               // accepted bodies per outbox id
 *   await gw.sendReport(webhookUrl, secret, { id, status: "delivered" });
 *   await gw.close();                                 // in after()
 *
 * It checks `Authorization: Bearer <token>` (401 otherwise) and the JSON body, and dedupes by
 * `id` the way a real gateway must: a repeated id is answered 202 with the same message id and
 * not counted again in `accepted`. Modes: "accept"; `{status}` answers that status without
 * accepting; `{delayMs}` accepts at once and answers that much later; "hang" accepts the message and never answers (the client times out — so its retry
 * reaches the gateway a second time, which is why the id is the idempotency key).
 * `requests` lists every request that reached it, accepted or not.
 */
import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { Socket } from "node:net";

export interface SmsGatewayBody {
  id: string;
  to: string;
  from: string;
  text: string;
}

export type SmsTestMode =
  | "accept"
  | "hang"
  | { status: number; body?: string }
  /** Accepts the message at once and answers after this long (a slow gateway). */
  | { delayMs: number };

export interface SmsReport {
  id: string;
  status: "delivered" | "failed" | "expired" | "rejected";
  at?: string;
  reason?: string;
}

export interface SmsTestGateway {
  url: string;
  token: string;
  /** Every request that reached the gateway (body parsed when it could be). */
  requests: { authorized: boolean; body: SmsGatewayBody | undefined }[];
  /** Accepted bodies by outbox id (a duplicate id appends: its length counts raw arrivals). */
  received: Map<string, SmsGatewayBody[]>;
  /** Distinct ids accepted, in order: what the gateway actually sends. */
  accepted: string[];
  setMode(mode: SmsTestMode): void;
  /**
   * Posts a signed delivery report (or `{reports: [...]}`) to the service's webhook, as the
   * gateway would. `tamper.timestamp`: unix seconds to sign with (default: the real time —
   * pass the service clock's when it is fixed); `signature` (null: none) or `rawBody` send
   * something else than what the gateway would.
   */
  sendReport(
    webhookUrl: string,
    secret: string,
    report: SmsReport | { reports: SmsReport[] },
    tamper?: { timestamp?: string; signature?: string | null; rawBody?: string },
  ): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

/** `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>` — the webhook's signature. */
export function signSmsReport(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex")}`;
}

function isBody(v: unknown): v is SmsGatewayBody {
  if (typeof v !== "object" || v === null) return false;
  const r = v as Record<string, unknown>;
  return ["id", "to", "from", "text"].every((k) => typeof r[k] === "string");
}

export async function startSmsTestGateway(
  opts: {
    token?: string;
    mode?: SmsTestMode;
    /** Serve https:// with this key and certificate (production requires https). */
    tls?: { key: Buffer; cert: Buffer };
  } = {},
): Promise<SmsTestGateway> {
  const token = opts.token ?? "gateway-test-token-0123";
  let mode: SmsTestMode = opts.mode ?? "accept";
  const sockets = new Set<Socket>();
  const refs = new Map<string, string>();

  const gw: Omit<SmsTestGateway, "url"> & { url: string } = {
    url: "",
    token,
    requests: [],
    received: new Map(),
    accepted: [],
    setMode(next) {
      mode = next;
    },
    sendReport,
    close,
  };

  function answer(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  }

  function handle(req: IncomingMessage, res: ServerResponse, raw: string): void {
    const authorized = req.headers.authorization === `Bearer ${token}`;
    let body: SmsGatewayBody | undefined;
    try {
      const parsed: unknown = JSON.parse(raw);
      body = isBody(parsed) ? parsed : undefined;
    } catch {
      body = undefined;
    }
    gw.requests.push({ authorized, body });
    if (!authorized) {
      answer(res, 401, { error: "unauthorized" });
      return;
    }
    if (req.method !== "POST" || body === undefined) {
      answer(res, 400, { error: "expected POST {id, to, from, text}" });
      return;
    }
    if (typeof mode === "object" && "status" in mode) {
      res.writeHead(mode.status, { "content-type": "application/json" });
      res.end(mode.body ?? JSON.stringify({ error: `status ${mode.status}` }));
      return;
    }
    const list = gw.received.get(body.id) ?? [];
    list.push(body);
    gw.received.set(body.id, list);
    let ref = refs.get(body.id);
    if (ref === undefined) {
      ref = `gw-${refs.size + 1}`;
      refs.set(body.id, ref);
      gw.accepted.push(body.id);
    }
    if (mode === "hang") return; // taken, never answered
    const reply = { messageId: ref };
    if (typeof mode === "object") setTimeout(() => answer(res, 202, reply), mode.delayMs);
    else answer(res, 202, reply);
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => handle(req, res, Buffer.concat(chunks).toString("utf8")));
  };
  const server =
    opts.tls === undefined ? createServer(onRequest) : createHttpsServer(opts.tls, onRequest);
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const addr = server.address();
  if (addr === null || typeof addr === "string") throw new Error("no port");
  gw.url = `${opts.tls === undefined ? "http" : "https"}://127.0.0.1:${addr.port}/v1/messages`;

  async function sendReport(
    webhookUrl: string,
    secret: string,
    report: SmsReport | { reports: SmsReport[] },
    tamper: { timestamp?: string; signature?: string | null; rawBody?: string } = {},
  ): Promise<{ status: number; body: string }> {
    const rawBody = tamper.rawBody ?? JSON.stringify(report);
    const timestamp = tamper.timestamp ?? String(Math.floor(Date.now() / 1000));
    const signature =
      tamper.signature === undefined ? signSmsReport(secret, timestamp, rawBody) : tamper.signature;
    const res = await fetch(webhookUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-timestamp": timestamp,
        ...(signature === null ? {} : { "x-signature": signature }),
      },
      body: rawBody,
    });
    return { status: res.status, body: await res.text() };
  }

  async function close(): Promise<void> {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const s of sockets) s.destroy();
    await closed;
  }

  return gw;
}

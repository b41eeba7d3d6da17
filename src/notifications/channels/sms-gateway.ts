/**
 * SMS through the provider's HTTP gateway: `POST SMS_GATEWAY_URL` with
 * `Authorization: Bearer SMS_GATEWAY_TOKEN` and JSON `{id, to, from, text}`; any 2xx accepts
 * the message. The outbox id is the gateway's idempotency key: a request retried after a
 * timeout may reach the gateway twice, the gateway sends it once.
 *
 * The text goes whole (the gateway concatenates segments); one that would need more than
 * `maxSegments` (default 3) is refused, never truncated — a cut PIN half is worse than none.
 *
 * Failures: timeouts, connection errors, 5xx and 429 are retried with the worker's backoff;
 * so are 401 and 403 (our token refused: a configuration fault that hits every message alike,
 * abandoning would erase every PIN half until someone fixes it) and 408. Any other 4xx says
 * this message cannot go → PermanentDeliveryError. Error texts (outbox.last_error) keep the
 * status and the gateway's words with phone numbers replaced by "[number]".
 */
import { connect } from "node:net";
import type { SmsGatewaySettings } from "../../config-delivery.ts";
import {
  PermanentDeliveryError,
  type DeliveryChannel,
  type DeliveryReceipt,
  type RenderedMessage,
} from "../channel.ts";
import { smsLength } from "../sms-encoding.ts";

export interface SmsGatewayOptions {
  /** Whole request, answer included (default 10 s). */
  timeoutMs?: number;
  /** Longest text accepted, in segments (default 3). */
  maxSegments?: number;
}

const RETRIED_4XX: ReadonlySet<number> = new Set([401, 403, 408, 429]);

/** Phone numbers (gateways echo the recipient) out of a text kept in the outbox. */
export function withoutNumbers(text: string): string {
  return text.replace(/\+?\d[\d\s().-]{5,}\d/gu, "[number]");
}

function networkCause(err: unknown): string {
  if (err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError"))
    return "timeout";
  const cause = err instanceof Error ? err.cause : undefined;
  const code =
    typeof cause === "object" && cause !== null && "code" in cause ? String(cause.code) : "";
  // Never the fetch layer's message: it may quote the URL, the request or its body.
  return code !== "" ? code : err instanceof Error ? err.name : "error";
}

/**
 * What of a gateway's error answer is kept: a short machine-readable code from a JSON answer
 * (`error`, `code` or `errorCode`: letters, digits, `_.-`, up to 40), never its free text —
 * gateways echo the message they refused, PIN half included.
 */
export function gatewayErrorCode(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== "object" || parsed === null) return undefined;
    const r = parsed as Record<string, unknown>;
    for (const k of ["error", "code", "errorCode"]) {
      const v = r[k];
      if ((typeof v === "string" || typeof v === "number") && /^[\w.-]{1,40}$/u.test(String(v)))
        return String(v);
    }
  } catch {
    return undefined;
  }
  return undefined;
}

function providerRef(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== "object" || parsed === null) return undefined;
    const ref = "id" in parsed ? parsed.id : "messageId" in parsed ? parsed.messageId : undefined;
    return typeof ref === "string" || typeof ref === "number" ? String(ref) : undefined;
  } catch {
    return undefined;
  }
}

/** The error the worker gets (no cause: the request carries the number and the text). */
function failure(permanent: boolean, text: string): Error {
  const clean = withoutNumbers(text).replace(/\s+/gu, " ").trim().slice(0, 400);
  return permanent ? new PermanentDeliveryError(clean) : new Error(clean);
}

export function createSmsGatewayChannel(
  settings: SmsGatewaySettings,
  opts: SmsGatewayOptions = {},
): DeliveryChannel {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const maxSegments = opts.maxSegments ?? 3;
  const target = new URL(settings.url);

  return {
    async send(m: RenderedMessage): Promise<DeliveryReceipt> {
      if (m.channel !== "sms")
        throw new PermanentDeliveryError(`${m.channel} message handed to the SMS channel`);
      const length = smsLength(m.text);
      if (length.segments > maxSegments)
        throw new PermanentDeliveryError(
          `SMS too long: ${length.segments} segments (${length.encoding}, ${length.units} units), at most ${maxSegments}`,
        );
      let res: Response;
      let body: string;
      try {
        res = await fetch(target, {
          method: "POST",
          headers: {
            authorization: `Bearer ${settings.token}`,
            "content-type": "application/json",
            accept: "application/json",
          },
          body: JSON.stringify({ id: m.id, to: m.to, from: settings.sender, text: m.text }),
          redirect: "error",
          signal: AbortSignal.timeout(timeoutMs),
        });
        body = await res.text();
      } catch (err) {
        throw failure(false, `SMS gateway unreachable: ${networkCause(err)}`);
      }
      if (res.status >= 200 && res.status < 300) return { providerRef: providerRef(body) };
      const permanent = res.status >= 400 && res.status < 500 && !RETRIED_4XX.has(res.status);
      const code = gatewayErrorCode(body);
      throw failure(
        permanent,
        `SMS gateway ${res.status}${code === undefined ? "" : ` (${code})`}`,
      );
    },

    /** The contract has no health endpoint: the gateway's port accepts a connection in 2 s. */
    check(): Promise<void> {
      const port =
        target.port !== "" ? Number(target.port) : target.protocol === "https:" ? 443 : 80;
      return new Promise<void>((resolve, reject) => {
        const socket = connect({ host: target.hostname.replace(/^\[|\]$/gu, ""), port });
        socket.setTimeout(2000);
        socket.once("connect", () => {
          socket.destroy();
          resolve();
        });
        socket.once("timeout", () => {
          socket.destroy();
          reject(new Error("SMS gateway: no connection within 2 s"));
        });
        socket.once("error", (err: NodeJS.ErrnoException) => {
          socket.destroy();
          reject(new Error(`SMS gateway unreachable: ${err.code ?? err.message}`));
        });
      });
    },
  };
}

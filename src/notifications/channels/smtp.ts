/**
 * E-mail and PEC over SMTP (nodemailer, pooled connections). `smtp://` upgrades with STARTTLS
 * (required when `requireTls`, as production passes; opportunistic otherwise), `smtps://` is
 * implicit TLS; the user and password come from the URL (percent-decoded).
 *
 * The Message-ID is derived from the outbox id, so a retried message keeps its id and a
 * receiving server or client that deduplicates by it shows it once. SMTP itself has no
 * idempotency: a reply lost after the server took the message (a dropped connection after
 * DATA) makes the worker send it again — e-mail is delivered at least once.
 *
 * Failures: a 5xx reply to the recipient or the message (550 unknown mailbox, 554 refused)
 * cannot be fixed by retrying → PermanentDeliveryError (abandoned). Everything else is
 * retried with the worker's backoff: 4xx replies (421, 451), refused or dropped connections,
 * timeouts — and failures that hit every message alike whatever its recipient (authentication,
 * TLS, the sender refused at MAIL FROM, 503 bad sequence): those are a configuration or provider
 * problem, and abandoning would erase every PIN half waiting in the meantime.
 * The error text (kept in outbox.last_error) names the reply code and cause, with every
 * e-mail address in it (servers echo the recipient) replaced by "[address]".
 */
import nodemailer, { type NodemailerError } from "nodemailer";
import type { SmtpSettings } from "../../config-delivery.ts";
import {
  PermanentDeliveryError,
  type DeliveryChannel,
  type DeliveryReceipt,
  type RenderedMessage,
} from "../channel.ts";

export interface SmtpChannelOptions {
  channel: "email" | "pec";
  /** Opening the TCP connection (default 10 s). */
  connectionTimeoutMs?: number;
  /** Waiting for the server's 220 greeting (default 15 s). */
  greetingTimeoutMs?: number;
  /** Any silence on an open connection, e.g. the answer to DATA (default 60 s). */
  socketTimeoutMs?: number;
  /** Pooled connections at once (default 4). */
  maxConnections?: number;
  /** smtp://: refuse to go on without STARTTLS (production). */
  requireTls?: boolean;
}

/** Failures that do not depend on the message: retried whatever their reply code. */
const CONFIGURATION_CODES: ReadonlySet<string> = new Set([
  "EAUTH",
  "ENOAUTH",
  "ETLS",
  "EREQUIRETLS",
  "ECONFIG",
]);

const ADDRESS = /<[^<>\s]*>|[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/gu;

/** A text with every e-mail address replaced (server replies echo the recipient). */
export function withoutAddresses(text: string): string {
  return text.replace(ADDRESS, "[address]");
}

/** The domain of a sender such as `"INPS" <noreply@inps.it>` or `noreply@inps.it`. */
export function senderDomain(from: string): string {
  const m = /@([^\s<>@"]+)>?\s*$/u.exec(from.trim());
  if (m?.[1] === undefined) throw new Error("MAIL_FROM has no domain");
  return m[1].toLowerCase();
}

function asNodemailerError(err: unknown): NodemailerError {
  return err instanceof Error ? err : new Error(String(err));
}

/** Permanent (abandon) or not (retry), and the recipient-free text to keep. */
export function classifySmtpError(err: unknown): { permanent: boolean; text: string } {
  const e = asNodemailerError(err);
  const code = e.code ?? "";
  const reply = e.responseCode;
  const parts = [
    "SMTP",
    reply !== undefined ? String(reply) : code !== "" ? code : "error",
    e.originalCode !== undefined && e.originalCode !== code ? `(${e.originalCode})` : "",
    e.command !== undefined ? `at ${e.command.split(" ").slice(0, 2).join(" ")}` : "",
    e.timeoutType !== undefined ? `(${e.timeoutType})` : "",
  ].filter((p) => p !== "");
  const detail = withoutAddresses(e.response ?? e.message)
    .replace(/\s+/gu, " ")
    .trim();
  const text = `${parts.join(" ")}: ${detail}`.slice(0, 400);
  const command = (e.command ?? "").toUpperCase();
  const permanent =
    reply !== undefined &&
    reply >= 500 &&
    reply < 600 &&
    reply !== 503 &&
    !CONFIGURATION_CODES.has(code) &&
    !command.startsWith("MAIL") &&
    !command.startsWith("AUTH") &&
    !command.startsWith("EHLO") &&
    !command.startsWith("HELO");
  return { permanent, text };
}

/**
 * The error the worker gets. No `cause`: the library's error carries the recipient (its
 * message, `rejected`, `recipient`), and a logger serialising causes would write it out.
 */
function smtpFailure(err: unknown): Error {
  const { permanent, text } = classifySmtpError(err);
  return permanent ? new PermanentDeliveryError(text) : new Error(text);
}

export function createSmtpChannel(
  settings: SmtpSettings,
  opts: SmtpChannelOptions,
): DeliveryChannel {
  const url = new URL(settings.url);
  const secure = url.protocol === "smtps:";
  const domain = senderDomain(settings.from);
  const user = decodeURIComponent(url.username);
  const transporter = nodemailer.createTransport({
    pool: true,
    host: url.hostname.replace(/^\[|\]$/gu, ""),
    port: url.port === "" ? (secure ? 465 : 587) : Number(url.port),
    secure,
    requireTLS: !secure && opts.requireTls === true,
    ...(user === "" ? {} : { auth: { user, pass: decodeURIComponent(url.password) } }),
    maxConnections: opts.maxConnections ?? 4,
    connectionTimeout: opts.connectionTimeoutMs ?? 10_000,
    greetingTimeout: opts.greetingTimeoutMs ?? 15_000,
    socketTimeout: opts.socketTimeoutMs ?? 60_000,
    // Never log the conversation (it carries the recipient and the PIN half).
    logger: false,
    debug: false,
  });

  return {
    async send(m: RenderedMessage): Promise<DeliveryReceipt> {
      if (m.channel !== opts.channel)
        throw new PermanentDeliveryError(
          `${m.channel} message handed to the ${opts.channel} channel`,
        );
      try {
        const info = await transporter.sendMail({
          from: settings.from,
          to: m.to,
          subject: m.subject ?? "",
          text: m.text,
          ...(m.html === undefined ? {} : { html: m.html }),
          messageId: `<${m.id}@${domain}>`,
          date: m.createdAt,
          headers: { "Auto-Submitted": "auto-generated" },
          disableFileAccess: true,
          disableUrlAccess: true,
        });
        return { providerRef: info.messageId };
      } catch (err) {
        throw smtpFailure(err);
      }
    },
    async check(): Promise<void> {
      try {
        await transporter.verify();
      } catch (err) {
        throw smtpFailure(err);
      }
    },
    close(): Promise<void> {
      transporter.close();
      return Promise.resolve();
    },
  };
}

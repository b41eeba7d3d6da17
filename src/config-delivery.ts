/**
 * Delivery channels and observability settings (issue 8): which real channel carries each kind
 * of message, and who may read the metrics. Parsed from the environment by config.ts; each
 * variable is documented in README.md through DELIVERY_CONFIG_DOCS.
 *
 * A channel is "configured" when its variables are set. Production requires every channel
 * (and METRICS_TOKEN) and refuses the development file outbox; development and tests deliver
 * every channel that is not configured into the file outbox (OUTBOX_DIR).
 */
import { z } from "zod";

export interface SmtpSettings {
  /** smtp:// (STARTTLS when offered, required in production) or smtps:// (implicit TLS). */
  url: string;
  from: string;
}

export interface SmsGatewaySettings {
  url: string;
  token: string;
  sender: string;
  webhookSecret: string;
}

export type LetterDrop =
  | { kind: "sftp"; url: string }
  | {
      kind: "dir";
      dir: string;
    };

export interface DeliveryConfig {
  email: SmtpSettings | undefined;
  pec: SmtpSettings | undefined;
  sms: SmsGatewaySettings | undefined;
  letters: LetterDrop | undefined;
  /** HH:MM, Europe/Rome: when the daily letter batch goes to the print vendor. */
  letterBatchTime: string;
  /** Bearer token of GET /metrics; unset: only loopback callers (development and tests). */
  metricsToken: string | undefined;
  /** Messages of one channel in flight at once per worker process. */
  channelConcurrency: number;
  /** Seconds a worker holds a message it is delivering before another may take it over. */
  leaseSeconds: number;
  /** A separate /metrics listener in serve and worker processes. */
  metricsPort: number | undefined;
}

export const DELIVERY_CONFIG_DOCS: Record<string, string> = {
  SMTP_URL:
    "E-mail server, `smtp://user:pass@host:port` (STARTTLS, required in production) or `smtps://user:pass@host:port` (TLS). Required in production; unset in development: e-mails go to the file outbox.",
  MAIL_FROM: 'Sender of e-mails, e.g. `"INPS" <noreply@inps.it>`. Required with SMTP_URL.',
  PEC_SMTP_URL:
    "The PEC provider's SMTP server, same form as SMTP_URL. Required in production; unset in development: PEC messages go to the file outbox.",
  PEC_FROM: "The service's PEC address (sender of PEC messages). Required with PEC_SMTP_URL.",
  SMS_GATEWAY_URL:
    "SMS gateway endpoint (https:// in production): `POST` with `Authorization: Bearer SMS_GATEWAY_TOKEN` and JSON `{id, to, from, text}`; any 2xx accepts the message. Required in production; unset in development: SMS go to the file outbox.",
  SMS_GATEWAY_TOKEN: "Bearer token for SMS_GATEWAY_URL. Required with SMS_GATEWAY_URL.",
  SMS_SENDER:
    "Sender id of SMS (alphanumeric, up to 11 characters, or a number). Required with SMS_GATEWAY_URL.",
  SMS_WEBHOOK_SECRET:
    "HMAC-SHA256 key the gateway signs delivery reports with (`POST /hooks/sms/status`, docs/delivery.md). Required with SMS_GATEWAY_URL.",
  LETTERS_SFTP_URL:
    "Print vendor's SFTP drop, `sftp://user:pass@host:port/path?host_key=SHA256:…` (the host key's fingerprint as `ssh-keygen -lf` prints it; required in production): the daily letter batch (PDFs and a manifest) goes there and the vendor's acknowledgement is read back. Production requires it or LETTERS_DIR.",
  LETTERS_DIR:
    "Instead of LETTERS_SFTP_URL, a folder the print vendor collects from (a mounted share). Unset in development: each letter goes to the file outbox.",
  LETTERS_BATCH_TIME:
    "Time of the daily letter batch, HH:MM Europe/Rome (default 16:00). `inps-pin letters batch --now` runs it at once.",
  METRICS_TOKEN:
    "Bearer token required by `GET /metrics` (Prometheus). Required in production; unset in development and tests: only loopback callers.",
  METRICS_PORT:
    "A separate listener for `GET /metrics` (same token rule) in every `serve` and `worker` process. Workers are scraped only there: deliveries, circuit breakers and letter batches are counted in the process that does them. Unset: no separate listener (serve still answers /metrics on PORT).",
  OUTBOX_LEASE_SECONDS:
    "How long a worker holds a message it is delivering (default 120); a worker that dies (kill -9, lost database) lets go of it after this long, and another delivers it again — exactly once where the provider takes the message id as its idempotency key (SMS gateway, letters), at least once by SMTP.",
  OUTBOX_CHANNEL_CONCURRENCY:
    "Messages of one channel (e-mail, PEC, SMS) handed to its provider at once by one worker process (default 4).",
};

const urlWithScheme = (schemes: readonly string[]) =>
  z.string().refine(
    (v) => {
      try {
        return schemes.includes(new URL(v).protocol.replace(/:$/u, ""));
      } catch {
        return false;
      }
    },
    `expected a ${schemes.join(" or ")} URL`,
  );

export const deliverySchema = {
  SMTP_URL: urlWithScheme(["smtp", "smtps"]).optional(),
  MAIL_FROM: z.string().min(3).optional(),
  PEC_SMTP_URL: urlWithScheme(["smtp", "smtps"]).optional(),
  PEC_FROM: z.string().min(3).optional(),
  SMS_GATEWAY_URL: urlWithScheme(["http", "https"])
    .refine((v) => {
      try {
        const u = new URL(v);
        return u.username === "" && u.password === "";
      } catch {
        return false;
      }
    }, "no user or password in the URL: the gateway authenticates with SMS_GATEWAY_TOKEN")
    .optional(),
  SMS_GATEWAY_TOKEN: z.string().min(8).optional(),
  SMS_SENDER: z
    .string()
    .regex(/^(?:[A-Za-z0-9 ]{1,11}|\+?\d{3,15})$/u, "expected up to 11 letters/digits or a number")
    .optional(),
  SMS_WEBHOOK_SECRET: z.string().min(16).optional(),
  LETTERS_SFTP_URL: urlWithScheme(["sftp"]).optional(),
  LETTERS_DIR: z.string().min(1).optional(),
  LETTERS_BATCH_TIME: z
    .string()
    .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/u, "expected HH:MM")
    .default("16:00"),
  METRICS_TOKEN: z.string().min(16).optional(),
  OUTBOX_CHANNEL_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(120),
} as const;

type DeliveryEnv = z.infer<ReturnType<typeof z.object<typeof deliverySchema>>>;

/** The settings, or the list of problems (a variable without its partners, a production file outbox). */
export function deliveryConfig(
  e: DeliveryEnv,
  production: boolean,
  outboxDirSet: boolean,
): { config: DeliveryConfig; problems: string[] } {
  const problems: string[] = [];
  const pair = <T>(
    names: string[],
    values: (string | undefined)[],
    make: () => T,
  ): T | undefined => {
    const set = values.filter((v) => v !== undefined).length;
    if (set === 0) return undefined;
    if (set < values.length) {
      problems.push(
        `${names.join(", ")} go together (missing ${names.filter((_, i) => values[i] === undefined).join(", ")})`,
      );
      return undefined;
    }
    return make();
  };
  const email = pair(["SMTP_URL", "MAIL_FROM"], [e.SMTP_URL, e.MAIL_FROM], () => ({
    url: e.SMTP_URL ?? "",
    from: e.MAIL_FROM ?? "",
  }));
  const pec = pair(["PEC_SMTP_URL", "PEC_FROM"], [e.PEC_SMTP_URL, e.PEC_FROM], () => ({
    url: e.PEC_SMTP_URL ?? "",
    from: e.PEC_FROM ?? "",
  }));
  const sms = pair(
    ["SMS_GATEWAY_URL", "SMS_GATEWAY_TOKEN", "SMS_SENDER", "SMS_WEBHOOK_SECRET"],
    [e.SMS_GATEWAY_URL, e.SMS_GATEWAY_TOKEN, e.SMS_SENDER, e.SMS_WEBHOOK_SECRET],
    () => ({
      url: e.SMS_GATEWAY_URL ?? "",
      token: e.SMS_GATEWAY_TOKEN ?? "",
      sender: e.SMS_SENDER ?? "",
      webhookSecret: e.SMS_WEBHOOK_SECRET ?? "",
    }),
  );
  if (e.LETTERS_SFTP_URL !== undefined && e.LETTERS_DIR !== undefined)
    problems.push("set LETTERS_SFTP_URL or LETTERS_DIR, not both");
  const letters: LetterDrop | undefined =
    e.LETTERS_SFTP_URL !== undefined
      ? { kind: "sftp", url: e.LETTERS_SFTP_URL }
      : e.LETTERS_DIR !== undefined
        ? { kind: "dir", dir: e.LETTERS_DIR }
        : undefined;
  // The file outbox writes every PIN half in clear to disk: never in production.
  if (production && outboxDirSet)
    problems.push("production never uses the development file outbox (unset OUTBOX_DIR)");
  return {
    config: {
      email,
      pec,
      sms,
      letters,
      letterBatchTime: e.LETTERS_BATCH_TIME,
      metricsToken: e.METRICS_TOKEN,
      channelConcurrency: e.OUTBOX_CHANNEL_CONCURRENCY,
      leaseSeconds: e.OUTBOX_LEASE_SECONDS,
      metricsPort: e.METRICS_PORT,
    },
    problems,
  };
}

/**
 * What a production process that serves or delivers lacks (empty when complete). `serve`,
 * `worker` and the letter batch refuse to start while anything is missing; commands that only
 * read the database (migrate, audit verify) do not need the channels.
 */
export function productionChannelGaps(d: DeliveryConfig): string[] {
  return [
    d.email === undefined ? "SMTP_URL, MAIL_FROM" : "",
    d.pec === undefined ? "PEC_SMTP_URL, PEC_FROM" : "",
    d.sms === undefined ? "SMS_GATEWAY_URL, SMS_GATEWAY_TOKEN, SMS_SENDER, SMS_WEBHOOK_SECRET" : "",
    d.letters === undefined ? "LETTERS_SFTP_URL or LETTERS_DIR" : "",
    d.metricsToken === undefined ? "METRICS_TOKEN" : "",
  ].filter((m) => m !== "");
}

/** What production refuses in configured channels: a PIN half must never travel unprotected. */
export function productionChannelFlaws(d: DeliveryConfig): string[] {
  const flaws: string[] = [];
  if (d.sms !== undefined && new URL(d.sms.url).protocol !== "https:")
    flaws.push("SMS_GATEWAY_URL must be https:// in production");
  if (d.letters?.kind === "sftp" && !/[?&]host_key=[^&]+/u.test(d.letters.url))
    flaws.push(
      "LETTERS_SFTP_URL must pin the vendor's host key in production (?host_key=SHA256:… as ssh-keygen -lf prints it)",
    );
  return flaws;
}

export function assertProductionChannels(env: string, d: DeliveryConfig): void {
  if (env !== "production") return;
  const gaps = productionChannelGaps(d);
  if (gaps.length > 0)
    throw new Error(
      `production requires every delivery channel (the development file outbox would write PIN halves in clear to disk): ${gaps.join("; ")}`,
    );
  const flaws = productionChannelFlaws(d);
  if (flaws.length > 0) throw new Error(flaws.join("; "));
}

/**
 * Channels chosen by configuration (config-delivery.ts): each configured channel gets its real
 * adapter (SMTP for e-mail, SMTP to the PEC provider, the SMS gateway, the print vendor's
 * letter drop); development and tests deliver every channel that is not configured into the
 * file outbox. Production never builds the file outbox at all: createRuntime has already
 * refused to start unless every channel is configured, and this module refuses again.
 */
import type { Config } from "../config.ts";
import { createSmsGatewayChannel } from "./channels/sms-gateway.ts";
import { createSmtpChannel } from "./channels/smtp.ts";
import type { Channel, ChannelSet, DeliveryChannel } from "./channel.ts";
import { devOutboxChannel } from "./dev-outbox.ts";

export type CheckedChannel = "email" | "pec" | "sms" | "letters";

export interface Delivery {
  channels: ChannelSet;
  /** Channels whose messages go in batches (letters to a drop), not one by one. */
  batchedChannels: Channel[];
  /** Readiness probes of the configured (real) channels. */
  checks: Partial<Record<CheckedChannel, () => Promise<void>>>;
  close(): Promise<void>;
}

/** The per-message letter channel when letters go in the daily batch: never to be called. */
const batchOnly: DeliveryChannel = {
  send() {
    return Promise.reject(new Error("letters go to the print vendor in the daily batch"));
  },
};

export function createDelivery(config: Config): Delivery {
  const d = config.delivery;
  const production = config.env === "production";
  let dev: DeliveryChannel | undefined;
  const fallback = (name: string): DeliveryChannel => {
    if (production) throw new Error(`production: the ${name} channel is not configured`);
    dev ??= devOutboxChannel(config.outboxDir);
    return dev;
  };
  const checks: Delivery["checks"] = {};
  const closers: (() => Promise<void>)[] = [];
  const real = (name: CheckedChannel, ch: DeliveryChannel): DeliveryChannel => {
    if (ch.check !== undefined) checks[name] = () => ch.check?.() ?? Promise.resolve();
    if (ch.close !== undefined) closers.push(() => ch.close?.() ?? Promise.resolve());
    return ch;
  };
  const email =
    d.email === undefined
      ? fallback("e-mail")
      : real("email", createSmtpChannel(d.email, { channel: "email", requireTls: production }));
  const pec =
    d.pec === undefined
      ? fallback("PEC")
      : real("pec", createSmtpChannel(d.pec, { channel: "pec", requireTls: production }));
  const sms = d.sms === undefined ? fallback("SMS") : real("sms", createSmsGatewayChannel(d.sms));
  const letter = d.letters === undefined ? fallback("letter") : batchOnly;
  return {
    channels: { email, pec, sms, letter },
    batchedChannels: d.letters === undefined ? [] : ["letter"],
    checks,
    async close() {
      await Promise.allSettled(closers.map((c) => c()));
    },
  };
}

/**
 * One interface for every way a message leaves the system. Development writes files;
 * production adapters (SMTP for e-mail, SMTP to a PEC provider, an SMS gateway's HTTP API)
 * implement the same contract, chosen by configuration (notifications/channels/). Letters
 * for the print vendor go in a daily batch (notifications/letters/), not one by one.
 */
import type { Channel } from "./channel-kind.ts";

export type { Channel };

export interface RenderedMessage {
  /** The outbox id: providers receive it as an idempotency key so a retry never duplicates. */
  id: string;
  channel: Channel;
  kind: string;
  /** Phone number, e-mail address, or for letters the laid-out address block (lines joined by "\n"). */
  to: string;
  subject?: string | undefined;
  text: string;
  /** E-mail and PEC: the HTML alternative of `text`, from the same catalogue. */
  html?: string | undefined;
  /** Letters: the structured postal address (the manifest's country comes from it). */
  postal?: PostalRecipient | undefined;
  /** Letters: the printable PDF. */
  pdf?: Uint8Array | undefined;
  createdAt: Date;
}

export interface DeliveryReceipt {
  providerRef?: string | undefined;
}

/** A letter's addressee, field by field (the PDF lays it out for the destination country). */
export interface PostalRecipient {
  name: string;
  line1: string;
  line2?: string | undefined;
  postalCode: string;
  city: string;
  region?: string | undefined;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export interface DeliveryChannel {
  send(message: RenderedMessage): Promise<DeliveryReceipt>;
  /** Readiness: resolves when the provider answers, rejects with the reason otherwise. */
  check?(): Promise<void>;
  /** Releases pooled connections (worker shutdown). */
  close?(): Promise<void>;
}

/** A failure no retry can fix (invalid number, rejected address): the message is abandoned. */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentDeliveryError";
  }
}

export type ChannelSet = Record<Channel, DeliveryChannel>;

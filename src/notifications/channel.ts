/**
 * One interface for every way a message leaves the system. Development writes files; later
 * production adapters (SMTP for e-mail, SMTP to a PEC provider, an SMS gateway's HTTP API,
 * the print vendor's daily letter batch) implement the same contract.
 */
import type { Channel } from "./channel-kind.ts";

export type { Channel };

export interface RenderedMessage {
  /** The outbox id: providers receive it as an idempotency key so a retry never duplicates. */
  id: string;
  channel: Channel;
  kind: string;
  /** Phone number, e-mail address, or for letters the postal address block (lines joined by "\n"). */
  to: string;
  subject?: string | undefined;
  text: string;
  /** Letters: the printable PDF. */
  pdf?: Uint8Array | undefined;
  createdAt: Date;
}

export interface DeliveryReceipt {
  providerRef?: string | undefined;
}

export interface DeliveryChannel {
  send(message: RenderedMessage): Promise<DeliveryReceipt>;
}

/** A failure no retry can fix (invalid number, rejected address): the message is abandoned. */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentDeliveryError";
  }
}

export type ChannelSet = Record<Channel, DeliveryChannel>;

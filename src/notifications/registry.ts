/**
 * The typed message registry: every kind of message the service sends, with the shape of its
 * payload, the channels it may go by and whether it carries a secret (a PIN half, sealed in
 * the outbox). Enqueueing is typed by kind → payload; rendering (render.ts) validates the
 * stored payload against the same schema, so a message written by an older version with
 * another shape fails loudly instead of sending nonsense. A test renders every kind × channel
 * × language.
 */
import { z } from "zod";
import { APPOINTMENT_PURPOSES } from "../domain/slots.ts";
import { LANGS, type Lang } from "../i18n/index.ts";
import type { Channel } from "./channel-kind.ts";

const lang = z.enum(LANGS as readonly [Lang, ...Lang[]]);

const appointmentPayload = z.object({
  lang,
  officeId: z.string(),
  start: z.iso.datetime(),
  purpose: z.enum(APPOINTMENT_PURPOSES),
});

/** A letter's addressee, field by field (notifications/channel.ts PostalRecipient). */
const postalAddress = z.object({
  name: z.string().min(1),
  line1: z.string(),
  line2: z.string().optional(),
  postalCode: z.string(),
  city: z.string(),
  region: z.string().optional(),
  /** ISO 3166-1 alpha-2. */
  country: z.string().regex(/^[A-Z]{2}$/u),
});

const letterFields = {
  lang,
  recipientName: z.string(),
  date: z.string(),
  claimReference: z.string(),
  fiscalCodeMasked: z.string(),
};

export const MESSAGE_KINDS = {
  pin_first_half: {
    channels: ["sms", "email"],
    secret: true,
    payload: z.object({ lang, fullName: z.string(), claimReference: z.string() }),
  },
  /**
   * The second half by post. New rows carry the structured `address` (laid out at render time
   * by formatPostalAddress); rows queued before issue 8 carry the joined `addressLines`.
   */
  pin_second_half_letter: {
    channels: ["letter"],
    secret: true,
    payload: z.union([
      z.object({ ...letterFields, address: postalAddress }),
      z.object({ ...letterFields, addressLines: z.array(z.string()).min(1) }),
    ]),
  },
  /** To a contact typed in a claim that did not pass the checks: repeats nothing typed. */
  claim_received: {
    channels: ["email", "sms"],
    secret: false,
    payload: z.object({ lang, claimReference: z.string() }),
  },
  /** To the holder when their PIN gets locked (at most once a day). */
  pin_locked: {
    channels: ["email", "sms"],
    secret: false,
    payload: z.object({ lang, lockedAt: z.iso.datetime() }),
  },
  /** To the registered e-mail or PEC: the recovery confirmation link (the token is the secret). */
  recovery_link: {
    channels: ["email", "pec"],
    secret: true,
    payload: z.object({ lang, baseUrl: z.string(), expiresAt: z.iso.datetime() }),
  },
  /**
   * To the address given in a recovery request that could not be confirmed, whatever the
   * reason (unknown fiscal code, contacts that do not match, no active PIN): how to go on.
   */
  recovery_instructions: {
    channels: ["email", "pec", "sms"],
    secret: false,
    payload: z.object({ lang }),
  },
  /** A recovered PIN's first half (registered mobile, else e-mail). */
  recovery_first_half: {
    channels: ["sms", "email"],
    secret: true,
    payload: z.object({ lang, fullName: z.string() }),
  },
  /** A recovered PIN's second half (registered e-mail or PEC). */
  recovery_second_half: {
    channels: ["email", "pec"],
    secret: true,
    payload: z.object({ lang, fullName: z.string() }),
  },
  /** To every other registered contact: a recovery happened ("if it was not you…"). */
  recovery_notice: {
    channels: ["sms", "email", "pec"],
    secret: false,
    payload: z.object({ lang, at: z.iso.datetime() }),
  },
  /** To the address given in a revocation request: the confirmation link. */
  revocation_link: {
    channels: ["email", "pec"],
    secret: true,
    payload: z.object({ lang, baseUrl: z.string(), expiresAt: z.iso.datetime() }),
  },
  /** To the address given in a revocation request that could not be confirmed. */
  revocation_instructions: {
    channels: ["email", "pec"],
    secret: false,
    payload: z.object({ lang }),
  },
  /** To every registered contact: the PIN was revoked. */
  revocation_notice: {
    channels: ["sms", "email", "pec"],
    secret: false,
    payload: z.object({ lang, at: z.iso.datetime() }),
  },
  /** To a new contact: the 6-digit code that confirms it. */
  contact_code: {
    channels: ["sms", "email", "pec"],
    secret: true,
    payload: z.object({ lang }),
  },
  /** To a contact that was replaced or removed. */
  contact_notice: {
    channels: ["sms", "email", "pec"],
    secret: false,
    payload: z.object({ lang, change: z.enum(["replaced", "removed"]), at: z.iso.datetime() }),
  },
  /** To the holder: their conversion request was decided. */
  conversion_decided: {
    channels: ["email", "pec", "sms"],
    secret: false,
    payload: z.object({
      lang,
      outcome: z.enum(["approved", "rejected"]),
      reference: z.string(),
      reason: z.string().nullable(),
      claimsReleased: z.number().int().min(0),
    }),
  },
  // Contact centre (issue 7).
  /** To the claimant: the verification call ended with a rejection (the agent's reason). */
  claim_rejected: {
    channels: ["email", "sms"],
    secret: false,
    payload: z.object({ lang, claimReference: z.string(), reason: z.string() }),
  },
  /** To the claimant: nobody answered the verification calls on three working days. */
  claim_unreachable: {
    channels: ["email", "sms"],
    secret: false,
    payload: z.object({ lang, claimReference: z.string() }),
  },
  /** To every registered contact: the contact centre added another one. */
  contact_added: {
    channels: ["sms", "email", "pec"],
    secret: false,
    payload: z.object({ lang, kind: z.enum(["mobile", "email", "pec"]), at: z.iso.datetime() }),
  },
  // Desk appointments (issue 7, appointments): to the mobile or e-mail given at booking.
  /** The booking's confirmation, carrying the booking code (sealed until sent). */
  appointment_booked: {
    channels: ["sms", "email"],
    secret: true,
    payload: appointmentPayload,
  },
  /** The day before the appointment (housekeeping). */
  appointment_reminder: {
    channels: ["sms", "email"],
    secret: false,
    payload: appointmentPayload,
  },
  /** The appointment was cancelled with its booking code. */
  appointment_cancelled: {
    channels: ["sms", "email"],
    secret: false,
    payload: appointmentPayload,
  },
  /** The office desk (issue 7, desk): what a clerk did for the holder, told to their contacts. */
  desk_notice: {
    channels: ["email", "pec", "sms"],
    secret: false,
    payload: z.object({
      lang,
      event: z.enum(["pin_issued", "dispositive", "delegation_registered", "delegation_ended"]),
      office: z.string(),
      claimsReleased: z.number().int().min(0),
    }),
  },
} as const satisfies Record<
  string,
  { channels: readonly Channel[]; secret: boolean; payload: z.ZodType }
>;

export type MessageKind = keyof typeof MESSAGE_KINDS;
export type MessagePayload<K extends MessageKind> = z.infer<(typeof MESSAGE_KINDS)[K]["payload"]>;
export type ChannelOf<K extends MessageKind> = (typeof MESSAGE_KINDS)[K]["channels"][number];

export const MESSAGE_KIND_NAMES = Object.keys(MESSAGE_KINDS) as MessageKind[];

export function isMessageKind(v: string): v is MessageKind {
  return Object.hasOwn(MESSAGE_KINDS, v);
}

/** A message as a flow hands it to the outbox. */
export type OutgoingMessage<K extends MessageKind> = {
  id: string;
  kind: K;
  channel: ChannelOf<K>;
  /** E.164 number, e-mail address, or for letters the fiscal code of the addressee. */
  recipient: string;
  payload: MessagePayload<K>;
} & ((typeof MESSAGE_KINDS)[K]["secret"] extends true ? { secret: string } : { secret?: never });

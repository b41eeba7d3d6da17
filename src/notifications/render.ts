/**
 * Renders a stored outbox message for its channel, in the language of its payload, from the
 * i18n catalogue (texts in src/i18n/<lang>/messages.ts; the letter in pdf/). The payload is
 * validated against the registry's schema first.
 */
import { countryCodeOfName, formatPostalAddress } from "../domain/address.ts";
import { groupPin } from "../domain/pin.ts";
import { catalogues, t, type Lang } from "../i18n/index.ts";
import { civilDate, romeTime } from "../i18n/format.ts";
import { romeDate } from "../domain/eligibility.ts";
import type { Channel } from "./channel-kind.ts";
import { emailHtml } from "./email-html.ts";
import type { PostalRecipient } from "./channel.ts";
import { pinLetterText, renderPinLetterPdf } from "./pdf.ts";
import { renderAppointment } from "./render-appointments.ts";
import { isMessageKind, MESSAGE_KINDS } from "./registry.ts";

export interface RenderedContent {
  subject?: string;
  text: string;
  /** E-mail and PEC: the HTML alternative, from the same strings (email-html.ts). */
  html?: string;
  pdf?: Uint8Array;
  /** Letters are addressed to a postal block, not to the recipient column. */
  to?: string;
  /** Letters: the structured addressee (absent for rows queued with joined lines only). */
  postal?: PostalRecipient;
  /** Letters: ISO 3166-1 alpha-2 destination ("ZZ" when an old row's last line is no country). */
  country?: string;
}

/** The destination of an address block laid out by formatPostalAddress (country name last). */
function countryOfAddressLines(lines: readonly string[]): string {
  return countryCodeOfName(lines.at(-1) ?? "", "it") ?? "ZZ";
}

function email(
  lang: Lang,
  subject: string,
  greeting: string,
  paragraphs: string[],
): RenderedContent {
  const m = catalogues[lang].messages;
  return {
    subject,
    text: [greeting, "", ...paragraphs.flatMap((p) => [p, ""]), m.neverAsk, m.contactCentre].join(
      "\n",
    ),
    html: emailHtml(lang, subject, [greeting, ...paragraphs, m.neverAsk, m.contactCentre]),
  };
}

function requireSecret(secret: string | undefined): string {
  if (secret === undefined) throw new Error("message secret missing (already erased?)");
  return secret;
}

function requireChannel(kind: string, channel: Channel, allowed: readonly Channel[]): void {
  if (!allowed.includes(channel)) throw new Error(`message kind ${kind} cannot go by ${channel}`);
}

export async function renderMessage(
  kind: string,
  channel: Channel,
  payload: unknown,
  secret: string | undefined,
): Promise<RenderedContent> {
  if (!isMessageKind(kind)) throw new Error(`unknown message kind ${kind}`);
  requireChannel(kind, channel, MESSAGE_KINDS[kind].channels);
  switch (kind) {
    case "pin_first_half": {
      const p = MESSAGE_KINDS.pin_first_half.payload.parse(payload);
      const half = groupPin(requireSecret(secret));
      if (channel === "sms") return { text: t(p.lang, "messages.firstHalf.sms", { half }) };
      return email(
        p.lang,
        t(p.lang, "messages.firstHalf.subject"),
        t(p.lang, "messages.greeting", { name: p.fullName }),
        [
          `${t(p.lang, "messages.firstHalf.intro", { reference: p.claimReference })}\n\n    ${half}`,
          t(p.lang, "messages.firstHalf.letter"),
          t(p.lang, "messages.firstHalf.howTo"),
        ],
      );
    }
    case "pin_second_half_letter": {
      const p = MESSAGE_KINDS.pin_second_half_letter.payload.parse(payload);
      const postal = "address" in p ? p.address : undefined;
      // formatPostalAddress() puts the recipient on the first line already.
      const addressLines =
        "address" in p ? formatPostalAddress(p.address.name, p.address) : p.addressLines;
      const letter = {
        lang: p.lang,
        recipientName: p.recipientName,
        addressLines,
        date: p.date,
        claimReference: p.claimReference,
        fiscalCodeMasked: p.fiscalCodeMasked,
        pinSecondHalf: requireSecret(secret),
      };
      return {
        subject: t(p.lang, "messages.letter.subject"),
        text: pinLetterText(letter),
        pdf: await renderPinLetterPdf(letter),
        to: addressLines.join("\n"),
        ...(postal === undefined ? {} : { postal }),
        country: postal?.country ?? countryOfAddressLines(addressLines),
      };
    }
    case "claim_received": {
      const p = MESSAGE_KINDS.claim_received.payload.parse(payload);
      const reference = p.claimReference;
      if (channel === "sms")
        return { text: t(p.lang, "messages.claimReceived.sms", { reference }) };
      return email(
        p.lang,
        t(p.lang, "messages.claimReceived.subject"),
        t(p.lang, "messages.greetingNeutral"),
        [
          t(p.lang, "messages.claimReceived.body", { reference }),
          t(p.lang, "messages.claimReceived.notYou"),
        ],
      );
    }
    case "recovery_link":
    case "revocation_link": {
      const p = MESSAGE_KINDS[kind].payload.parse(payload);
      const path = kind === "recovery_link" ? "/recupera-pin/conferma" : "/revoca-pin/conferma";
      const texts = kind === "recovery_link" ? "recoveryLink" : "revocationLink";
      const link = `${p.baseUrl.replace(/\/+$/u, "")}${path}?token=${encodeURIComponent(requireSecret(secret))}`;
      const until = new Date(p.expiresAt);
      return email(
        p.lang,
        t(p.lang, `messages.${texts}.subject`),
        t(p.lang, "messages.greetingNeutral"),
        [
          t(p.lang, `messages.${texts}.body`),
          `    ${link}`,
          t(p.lang, `messages.${texts}.validity`, {
            time: romeTime(p.lang, until),
            date: civilDate(p.lang, romeDate(until)),
          }),
          t(p.lang, `messages.${texts}.notYou`),
        ],
      );
    }
    case "revocation_instructions": {
      const p = MESSAGE_KINDS.revocation_instructions.payload.parse(payload);
      return email(
        p.lang,
        t(p.lang, "messages.revocationInstructions.subject"),
        t(p.lang, "messages.greetingNeutral"),
        [
          t(p.lang, "messages.revocationInstructions.body"),
          t(p.lang, "messages.revocationInstructions.check"),
          t(p.lang, "messages.revocationInstructions.notYou"),
        ],
      );
    }
    case "recovery_instructions": {
      const p = MESSAGE_KINDS.recovery_instructions.payload.parse(payload);
      if (channel === "sms") return { text: t(p.lang, "messages.recoveryInstructions.sms") };
      return email(
        p.lang,
        t(p.lang, "messages.recoveryInstructions.subject"),
        t(p.lang, "messages.greetingNeutral"),
        [
          t(p.lang, "messages.recoveryInstructions.body"),
          t(p.lang, "messages.recoveryInstructions.contacts"),
          t(p.lang, "messages.recoveryInstructions.revoked"),
          t(p.lang, "messages.recoveryInstructions.notYou"),
        ],
      );
    }
    case "recovery_first_half":
    case "recovery_second_half": {
      const p = MESSAGE_KINDS[kind].payload.parse(payload);
      const half = groupPin(requireSecret(secret));
      const which = kind === "recovery_first_half" ? "first" : "second";
      if (channel === "sms") return { text: t(p.lang, "messages.recoveredHalf.sms", { half }) };
      return email(
        p.lang,
        t(p.lang, `messages.recoveredHalf.${which}Subject`),
        t(p.lang, "messages.greeting", { name: p.fullName }),
        [
          `${t(p.lang, `messages.recoveredHalf.${which}Intro`)}\n\n    ${half}`,
          t(p.lang, `messages.recoveredHalf.${which}Other`),
          t(p.lang, "messages.recoveredHalf.howTo"),
          t(p.lang, "messages.recoveredHalf.notYou"),
        ],
      );
    }
    case "recovery_notice":
    case "revocation_notice": {
      const p = MESSAGE_KINDS[kind].payload.parse(payload);
      const texts = kind === "recovery_notice" ? "recoveryNotice" : "revocationNotice";
      const at = new Date(p.at);
      const vars = { time: romeTime(p.lang, at), date: civilDate(p.lang, romeDate(at)) };
      if (channel === "sms") return { text: t(p.lang, `messages.${texts}.sms`, vars) };
      return email(
        p.lang,
        t(p.lang, `messages.${texts}.subject`),
        t(p.lang, "messages.greetingNeutral"),
        [t(p.lang, `messages.${texts}.body`, vars), t(p.lang, `messages.${texts}.notYou`)],
      );
    }
    case "contact_code": {
      const p = MESSAGE_KINDS.contact_code.payload.parse(payload);
      const code = requireSecret(secret);
      if (channel === "sms") return { text: t(p.lang, "messages.contactCode.sms", { code }) };
      return email(
        p.lang,
        t(p.lang, "messages.contactCode.subject"),
        t(p.lang, "messages.greetingNeutral"),
        [
          `${t(p.lang, "messages.contactCode.body")}\n\n    ${code}`,
          t(p.lang, "messages.contactCode.notYou"),
        ],
      );
    }
    case "contact_notice": {
      const p = MESSAGE_KINDS.contact_notice.payload.parse(payload);
      const at = new Date(p.at);
      const vars = { time: romeTime(p.lang, at), date: civilDate(p.lang, romeDate(at)) };
      if (channel === "sms") return { text: t(p.lang, "messages.contactNotice.sms", vars) };
      return email(
        p.lang,
        t(p.lang, "messages.contactNotice.subject"),
        t(p.lang, "messages.greetingNeutral"),
        [
          t(p.lang, `messages.contactNotice.${p.change}`, vars),
          t(p.lang, "messages.contactNotice.notYou"),
        ],
      );
    }
    case "conversion_decided": {
      const p = MESSAGE_KINDS.conversion_decided.payload.parse(payload);
      const vars = { reference: p.reference, reason: p.reason ?? "", claims: p.claimsReleased };
      if (channel === "sms")
        return { text: t(p.lang, `messages.conversionDecided.${p.outcome}Sms`, vars) };
      const claims =
        p.claimsReleased > 0 ? [t(p.lang, "messages.conversionDecided.claims", vars)] : [];
      return email(
        p.lang,
        t(p.lang, `messages.conversionDecided.${p.outcome}Subject`),
        t(p.lang, "messages.greetingNeutral"),
        [t(p.lang, `messages.conversionDecided.${p.outcome}`, vars), ...claims],
      );
    }
    // Contact centre (issue 7).
    case "claim_rejected":
    case "claim_unreachable": {
      const p =
        kind === "claim_rejected"
          ? MESSAGE_KINDS.claim_rejected.payload.parse(payload)
          : { ...MESSAGE_KINDS.claim_unreachable.payload.parse(payload), reason: "" };
      const texts = kind === "claim_rejected" ? "claimRejected" : "claimUnreachable";
      const vars = { reference: p.claimReference, reason: p.reason };
      if (channel === "sms") return { text: t(p.lang, `staffContact.messages.${texts}.sms`, vars) };
      return email(
        p.lang,
        t(p.lang, `staffContact.messages.${texts}.subject`),
        t(p.lang, "messages.greetingNeutral"),
        [
          t(p.lang, `staffContact.messages.${texts}.body`, vars),
          t(p.lang, `staffContact.messages.${texts}.next`),
        ],
      );
    }
    case "contact_added": {
      const p = MESSAGE_KINDS.contact_added.payload.parse(payload);
      const at = new Date(p.at);
      const vars = {
        time: romeTime(p.lang, at),
        date: civilDate(p.lang, romeDate(at)),
        kind: catalogues[p.lang].contacts.kind[p.kind],
      };
      if (channel === "sms")
        return { text: t(p.lang, "staffContact.messages.contactAdded.sms", vars) };
      return email(
        p.lang,
        t(p.lang, "staffContact.messages.contactAdded.subject"),
        t(p.lang, "messages.greetingNeutral"),
        [
          t(p.lang, "staffContact.messages.contactAdded.body", vars),
          t(p.lang, "staffContact.messages.contactAdded.notYou"),
        ],
      );
    }
    case "desk_notice": {
      // The office desk (issue 7, desk).
      const p = MESSAGE_KINDS.desk_notice.payload.parse(payload);
      const vars = { office: p.office, claims: p.claimsReleased };
      if (channel === "sms") return { text: t(p.lang, `deskMessages.${p.event}.sms`, vars) };
      const claims = p.claimsReleased > 0 ? [t(p.lang, "deskMessages.claimsReleased", vars)] : [];
      return email(
        p.lang,
        t(p.lang, `deskMessages.${p.event}.subject`),
        t(p.lang, "messages.greetingNeutral"),
        [
          t(p.lang, `deskMessages.${p.event}.body`, vars),
          ...claims,
          t(p.lang, "deskMessages.notYou"),
        ],
      );
    }
    case "pin_locked": {
      const p = MESSAGE_KINDS.pin_locked.payload.parse(payload);
      const at = new Date(p.lockedAt);
      const time = romeTime(p.lang, at);
      if (channel === "sms") return { text: t(p.lang, "messages.pinLocked.sms", { time }) };
      return email(
        p.lang,
        t(p.lang, "messages.pinLocked.subject"),
        t(p.lang, "messages.greetingNeutral"),
        [
          t(p.lang, "messages.pinLocked.body", { time, date: civilDate(p.lang, romeDate(at)) }),
          t(p.lang, "messages.pinLocked.ifYou"),
          t(p.lang, "messages.pinLocked.ifNotYou"),
        ],
      );
    }
    // Desk appointments (issue 7, appointments).
    case "appointment_booked":
    case "appointment_reminder":
    case "appointment_cancelled":
      return renderAppointment(kind, channel, MESSAGE_KINDS[kind].payload.parse(payload), secret);
  }
}

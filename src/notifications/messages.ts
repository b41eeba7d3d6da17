/**
 * What each outbox message says, by kind and language. Payloads are validated when rendered:
 * a message written by an older version with a different shape fails loudly (and is retried
 * or abandoned) instead of sending nonsense to a citizen.
 */
import { z } from "zod";
import { groupPin } from "../domain/pin.ts";
import { pinLetterText, renderPinLetterPdf } from "./pdf.ts";
import type { Channel } from "./channel.ts";

const lang = z.enum(["it", "en"]);

export const payloadSchemas = {
  pin_first_half: z.object({ lang, fullName: z.string(), claimReference: z.string() }),
  pin_second_half_letter: z.object({
    lang,
    recipientName: z.string(),
    addressLines: z.array(z.string()),
    date: z.string(),
    claimReference: z.string(),
    fiscalCodeMasked: z.string(),
  }),
  claim_received: z.object({ lang, fullName: z.string(), claimReference: z.string() }),
} as const;

export type MessageKind = keyof typeof payloadSchemas;
export type MessagePayload<K extends MessageKind> = z.infer<(typeof payloadSchemas)[K]>;

export interface RenderedContent {
  subject?: string;
  text: string;
  pdf?: Uint8Array;
  /** Letters are addressed to a postal block, not to the recipient column. */
  to?: string;
}

const CONTACT_CENTRE = {
  it: "Contact Center INPS: +39 06 164164 (lun-ven 8-20, sab 8-14, ora italiana).",
  en: "INPS Contact Centre: +39 06 164164 (Mon-Fri 8am-8pm, Sat 8am-2pm, Italian time).",
};

export async function renderMessage(
  kind: string,
  channel: Channel,
  payload: unknown,
  secret: string | undefined,
): Promise<RenderedContent> {
  switch (kind) {
    case "pin_first_half": {
      const p = payloadSchemas.pin_first_half.parse(payload);
      const half = groupPin(requireSecret(secret));
      if (channel === "sms") {
        return {
          text:
            p.lang === "it"
              ? `INPS: prima parte del PIN: ${half}. La seconda parte arriva per lettera. Non comunicarla a nessuno.`
              : `INPS: first part of your PIN: ${half}. The second part comes by letter. Never share it.`,
        };
      }
      return p.lang === "it"
        ? {
            subject: "Il suo PIN INPS - prima parte",
            text: [
              `Gentile ${p.fullName},`,
              "",
              `ecco i primi 8 caratteri del suo PIN INPS (richiesta ${p.claimReference}):`,
              "",
              `    ${half}`,
              "",
              "Gli ultimi 8 caratteri arriveranno con una lettera all'indirizzo di residenza.",
              "Quando avrà entrambe le parti, scriva prima questi 8 caratteri e poi quelli della lettera,",
              "insieme al suo codice fiscale, nella pagina di accesso con PIN.",
              "",
              "Non comunichi il PIN a nessuno: l'INPS non lo chiede mai per telefono o e-mail.",
              CONTACT_CENTRE.it,
            ].join("\n"),
          }
        : {
            subject: "Your INPS PIN - first part",
            text: [
              `Dear ${p.fullName},`,
              "",
              `here are the first 8 characters of your INPS PIN (claim ${p.claimReference}):`,
              "",
              `    ${half}`,
              "",
              "The last 8 characters will arrive by letter at your home address.",
              "When you have both parts, type these 8 characters first and then those in the letter,",
              "together with your fiscal code, on the PIN login page.",
              "",
              "Never share your PIN: INPS never asks for it by phone or e-mail.",
              CONTACT_CENTRE.en,
            ].join("\n"),
          };
    }
    case "pin_second_half_letter": {
      const p = payloadSchemas.pin_second_half_letter.parse(payload);
      const letter = { ...p, pinSecondHalf: requireSecret(secret) };
      return {
        subject:
          p.lang === "it" ? "Il suo PIN INPS - seconda parte" : "Your INPS PIN - second part",
        text: pinLetterText(letter),
        pdf: await renderPinLetterPdf(letter),
        // formatPostalAddress() puts the recipient on the first line already.
        to: p.addressLines.join("\n"),
      };
    }
    case "claim_received": {
      // Sent to an address typed in a claim that did not pass the checks: it must not repeat
      // anything else the claimant typed (no name), or it could relay a stranger's text.
      const p = payloadSchemas.claim_received.parse(payload);
      return p.lang === "it"
        ? {
            subject: "Richiesta PIN INPS ricevuta",
            text: [
              "Gentile cittadina, gentile cittadino,",
              "",
              `abbiamo ricevuto la sua richiesta di PIN (riferimento ${p.claimReference}).`,
              "Per completarla, un operatore del Contact Center INPS la chiamerà al numero indicato",
              "per alcune verifiche. Non deve fare nient'altro.",
              "",
              "L'INPS non le chiederà mai il PIN per telefono o e-mail.",
              CONTACT_CENTRE.it,
            ].join("\n"),
          }
        : {
            subject: "INPS PIN claim received",
            text: [
              "Dear citizen,",
              "",
              `we have received your PIN claim (reference ${p.claimReference}).`,
              "To complete it, an INPS Contact Centre operator will call you on the number you gave",
              "for a few checks. You do not need to do anything else.",
              "",
              "INPS will never ask for your PIN by phone or e-mail.",
              CONTACT_CENTRE.en,
            ].join("\n"),
          };
    }
    default:
      throw new Error(`unknown message kind ${kind}`);
  }
}

function requireSecret(secret: string | undefined): string {
  if (secret === undefined) throw new Error("message secret missing (already erased?)");
  return secret;
}

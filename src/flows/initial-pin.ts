/**
 * Issuing a 16-character initial PIN for a claim (SPEC.md "split delivery"): the credential,
 * the first half by SMS or e-mail to the claim's contact, the second half by letter to the
 * residence on file — never to an address typed by someone. Shared by the online claim and
 * the letter resend. The first half is also hashed on its own: whoever holds it may ask for
 * the letter again (flows/letter-resend.ts).
 */
import type { PinLevel } from "../domain/credential.ts";
import { romeDate } from "../domain/eligibility.ts";
import { maskFiscalCode } from "../domain/mask.ts";
import { splitInitialPin } from "../domain/pin.ts";
import type { Lang } from "../i18n/index.ts";
import type { PinHasher } from "../security/hasher.ts";
import type { ArchiveIdentity, Delivery, Repos } from "./ports.ts";

export interface InitialPinHashes {
  pinHash: string;
  firstHalfHash: string;
}

/** Both hashes, before the transaction (no row locks held for argon2id). */
export async function hashInitialPin(
  hasher: Pick<PinHasher, "hash">,
  pin: string,
): Promise<InitialPinHashes> {
  const [pinHash, firstHalfHash] = await Promise.all([
    hasher.hash(pin),
    hasher.hash(splitInitialPin(pin).firstHalf),
  ]);
  return { pinHash, firstHalfHash };
}

/** The letter's addressee as stored in the outbox (laid out when the letter is rendered). */
function postalRecipient(name: string, a: ArchiveIdentity["residence"]) {
  return {
    name,
    line1: a.line1,
    ...(a.line2 === undefined || a.line2 === "" ? {} : { line2: a.line2 }),
    postalCode: a.postalCode,
    city: a.city,
    ...(a.region === undefined || a.region === "" ? {} : { region: a.region }),
    country: a.country.trim().toUpperCase(),
  };
}

/** Short reference printed in messages (the claim id's first block, upper case). */
export const claimReference = (claimId: string): string => claimId.slice(0, 8).toUpperCase();

export async function issueInitialPin(
  deps: { newId: () => string },
  r: Repos,
  a: {
    fiscalCode: string;
    person: ArchiveIdentity;
    claimId: string;
    level: PinLevel;
    delivery: Delivery;
    /** The claim's mobile (SMS) or e-mail address. */
    recipient: string;
    lang: Lang;
    pin: string;
    hashes: InitialPinHashes;
    now: Date;
  },
): Promise<void> {
  const { person, now } = a;
  const { firstHalf, secondHalf } = splitInitialPin(a.pin);
  const fullName = `${person.givenNames} ${person.surname}`;
  await r.credentials.insert({
    id: deps.newId(),
    fiscalCode: a.fiscalCode,
    kind: "initial",
    level: a.level,
    pinHash: a.hashes.pinHash,
    firstHalfHash: a.hashes.firstHalfHash,
    setAt: now,
    claimId: a.claimId,
  });
  const reference = claimReference(a.claimId);
  await r.outbox.enqueue(
    {
      id: deps.newId(),
      kind: "pin_first_half",
      channel: a.delivery,
      recipient: a.recipient,
      payload: { lang: a.lang, fullName, claimReference: reference },
      secret: firstHalf,
    },
    now,
  );
  await r.outbox.enqueue(
    {
      id: deps.newId(),
      kind: "pin_second_half_letter",
      channel: "letter",
      recipient: a.fiscalCode,
      payload: {
        lang: a.lang,
        recipientName: fullName,
        address: postalRecipient(fullName, person.residence),
        date: romeDate(now),
        claimReference: reference,
        fiscalCodeMasked: maskFiscalCode(a.fiscalCode),
      },
      secret: secondHalf,
    },
    now,
  );
}

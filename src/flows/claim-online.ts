/**
 * Online claim ("Richiedi PIN"), SPEC.md claim channel 1.
 *
 *   validated input ──checks pass──▶ issued: ordinary initial PIN; first half by SMS/e-mail,
 *        │                                    second half by letter to the address on file
 *        └──any check fails──▶ under_verification: outbound queue with reasons; neutral answer
 *   An active PIN or a pending claim for the fiscal code → 409, nothing issued.
 */
import type { ArchivePerson } from "../domain/archive.ts";
import { formatPostalAddress } from "../domain/address.ts";
import { checkClaim } from "../domain/claim-checks.ts";
import { romeDate } from "../domain/eligibility.ts";
import { AppError } from "../domain/errors.ts";
import { maskFiscalCode } from "../domain/mask.ts";
import { generatePin, INITIAL_PIN_LENGTH, splitInitialPin } from "../domain/pin.ts";
import { isUniqueViolation, type Queryable } from "../store/db.ts";
import { findPerson, type ArchiveIdentity } from "../store/repos/archive.ts";
import { hasPendingClaim, insertClaim } from "../store/repos/claims.ts";
import { activeCredential, insertCredential, upsertAccount } from "../store/repos/credentials.ts";
import { enqueue } from "../store/repos/outbox.ts";
import type { ClaimInput } from "./claim-input.ts";
import type { PinIssuingDeps } from "./deps.ts";

export type ClaimOutcome = { claimId: string; status: "issued" | "under_verification" };

/** Short reference printed in messages (the claim id's first block, upper case). */
export const claimReference = (claimId: string): string => claimId.slice(0, 8).toUpperCase();

export async function run(deps: PinIssuingDeps, input: ClaimInput): Promise<ClaimOutcome> {
  const now = deps.clock.now();
  const person = await findPerson(deps.db, input.fiscalCode);
  const reasons = checkClaim(input, person, romeDate(now));
  const claimId = deps.newId();
  const issue = reasons.length === 0 && person !== null;
  const pin = issue ? generatePin(INITIAL_PIN_LENGTH, deps.randomBytes) : null;
  // Hash before the transaction: no row locks or pooled connection held for 15+ ms of argon2.
  const pinHash = pin === null ? null : await deps.hasher.hash(pin);

  try {
    await deps.db.transaction(async (tx) => {
      await refuseDuplicate(tx, input.fiscalCode);
      await insertClaim(tx, {
        id: claimId,
        fiscalCode: input.fiscalCode,
        channel: "online",
        status: issue ? "issued" : "under_verification",
        declared: input,
        reasons,
        delivery: input.delivery,
        lang: input.lang,
        createdAt: now,
      });
      if (pin !== null && pinHash !== null && person !== null) {
        await issueInitialPin(tx, deps, { claimId, input, person, pin, pinHash, now });
      } else {
        await enqueue(
          tx,
          deps.outboxKey,
          {
            id: deps.newId(),
            kind: "claim_received",
            channel: "email",
            recipient: input.email,
            payload: {
              lang: input.lang,
              fullName: `${input.givenNames} ${input.surname}`,
              claimReference: claimReference(claimId),
            },
          },
          now,
        );
      }
    });
  } catch (err) {
    // Two claims for the same person raced past refuseDuplicate: the unique indexes decide.
    if (isUniqueViolation(err)) await refuseDuplicate(deps.db, input.fiscalCode);
    throw err;
  }
  deps.messagesQueued();
  return { claimId, status: issue ? "issued" : "under_verification" };
}

async function refuseDuplicate(q: Queryable, fiscalCode: string): Promise<void> {
  if ((await activeCredential(q, fiscalCode)) !== null) throw new AppError("PIN_ALREADY_ACTIVE");
  if (await hasPendingClaim(q, fiscalCode)) throw new AppError("CLAIM_ALREADY_PENDING");
}

async function issueInitialPin(
  tx: Queryable,
  deps: PinIssuingDeps,
  a: {
    claimId: string;
    input: ClaimInput;
    person: ArchiveIdentity | ArchivePerson;
    pin: string;
    pinHash: string;
    now: Date;
  },
): Promise<void> {
  const { input, person, now } = a;
  const { firstHalf, secondHalf } = splitInitialPin(a.pin);
  const fullName = `${person.givenNames} ${person.surname}`;
  await upsertAccount(
    tx,
    input.fiscalCode,
    { mobile: input.mobile, email: input.email, pec: null },
    now,
  );
  await insertCredential(tx, {
    id: deps.newId(),
    fiscalCode: input.fiscalCode,
    kind: "initial",
    level: "ordinary",
    pinHash: a.pinHash,
    setAt: now,
    claimId: a.claimId,
  });
  const reference = claimReference(a.claimId);
  await enqueue(
    tx,
    deps.outboxKey,
    {
      id: deps.newId(),
      kind: "pin_first_half",
      channel: input.delivery,
      recipient: input.delivery === "sms" ? input.mobile : input.email,
      payload: { lang: input.lang, fullName, claimReference: reference },
      secret: firstHalf,
    },
    now,
  );
  // The letter goes to the residence on file, never to an address typed in the claim.
  await enqueue(
    tx,
    deps.outboxKey,
    {
      id: deps.newId(),
      kind: "pin_second_half_letter",
      channel: "letter",
      recipient: input.fiscalCode,
      payload: {
        lang: input.lang,
        recipientName: fullName,
        addressLines: formatPostalAddress(fullName, person.residence),
        date: romeDate(now),
        claimReference: reference,
        fiscalCodeMasked: maskFiscalCode(input.fiscalCode),
      },
      secret: secondHalf,
    },
    now,
  );
}

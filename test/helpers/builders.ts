/**
 * Test data builders: valid domain values with plain defaults, unique where they must be
 * (fiscal codes, ids), overridable field by field, so a test states only what matters to it:
 * `aPerson({ italianIdOnFile: true })`, `aClaim({ fiscalCode, status: "issued" })`.
 * Fiscal codes are real ones (encodeFiscalCode of the person's data), different on every call
 * within a process. `given…` helpers also store what they build.
 */
import { randomUUID } from "node:crypto";
import type { ArchivePerson } from "../../src/domain/archive.ts";
import { encodeFiscalCode, type FiscalCodePerson } from "../../src/domain/fiscal-code.ts";
import type { Contacts, NewClaim, NewCredential, NewSession } from "../../src/flows/ports.ts";
import type { OutgoingMessage } from "../../src/notifications/registry.ts";
import type { Queryable } from "../../src/store/db.ts";
import { insertCredential, upsertAccount } from "../../src/store/repos/credentials.ts";
import type { registerDevice } from "../../src/store/repos/devices.ts";

/** The instant builders use by default (with milliseconds, on purpose). */
export const T0 = new Date("2026-03-02T09:00:00.123Z");
/** T0 plus a number of seconds (fractions allowed). */
export const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);

/** A well-formed argon2id hash (of nothing in particular): the store never checks it. */
export const A_PIN_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";

const SURNAMES = ["D'ANGELO", "ROSSI", "MÜLLER", "GARCÍA", "O'BRIEN", "NGUYEN"];
const DAYS = 20_000;
let serial = 0;

/** A new identity per call: the birth date moves a day each time, then the surname changes. */
function nextIdentity(): FiscalCodePerson {
  const n = serial++;
  const birth = new Date(Date.UTC(1940, 0, 1) + (n % DAYS) * 86_400_000);
  return {
    surname: SURNAMES[Math.floor(n / DAYS) % SURNAMES.length] ?? "ROSSI",
    givenNames: "JOSÉ MARÍA",
    sex: "M",
    birthDate: birth.toISOString().slice(0, 10),
    birthPlaceCode: "Z600",
  };
}

/** A valid fiscal code nobody else in this process got. */
export function aFiscalCode(overrides: Partial<FiscalCodePerson> = {}): string {
  return encodeFiscalCode({ ...nextIdentity(), ...overrides });
}

/** A person of the archive, resident in Argentina, with every optional field filled. */
export function aPerson(overrides: Partial<ArchivePerson> = {}): ArchivePerson {
  const person: ArchivePerson = {
    fiscalCode: "",
    ...nextIdentity(),
    residence: {
      line1: "Avenida Corrientes 1234",
      line2: "Piso 5",
      city: "Buenos Aires",
      region: "CABA",
      postalCode: "C1043AAZ",
      country: "AR",
    },
    italianIdOnFile: false,
    healthCard: { number: "80380001234567890123", expiry: "2029-12-31" },
    mobile: "+5491123456789",
    email: "jose@example.com",
    pec: "jose@pec.example.it",
    contributions: [],
    pensionPayments: [],
    ...overrides,
  };
  return overrides.fiscalCode === undefined
    ? { ...person, fiscalCode: encodeFiscalCode(person) }
    : person;
}

export function aContacts(overrides: Partial<Contacts> = {}): Contacts {
  return {
    mobile: "+5491123456789",
    email: "jose@example.com",
    pec: null,
    lang: "it",
    ...overrides,
  };
}

/** An initial, ordinary PIN set at T0, for a new fiscal code unless one is given. */
export function aCredential(overrides: Partial<NewCredential> = {}): NewCredential {
  return {
    id: randomUUID(),
    fiscalCode: overrides.fiscalCode ?? aFiscalCode(),
    kind: "initial",
    level: "ordinary",
    pinHash: A_PIN_HASH,
    setAt: T0,
    claimId: null,
    ...overrides,
  };
}

/** A session opened with `credential` at T0, for 8 hours, waiting for the first PIN change. */
export function aSession(
  credential: Pick<NewCredential, "id" | "fiscalCode">,
  overrides: Partial<NewSession> = {},
): NewSession {
  const now = overrides.now ?? T0;
  return {
    idHash: `h-${randomUUID()}`,
    fiscalCode: credential.fiscalCode,
    credentialId: credential.id,
    state: "pin_change_required",
    level: "ordinary",
    now,
    absoluteExpiry: new Date(now.getTime() + 8 * 3600_000),
    userAgent: "Mozilla/5.0 (test)",
    returnTo: null,
    newPinUntil: null,
    ...overrides,
  };
}

/** An online claim at T0 that failed a check and waits for verification, delivery by SMS. */
export function aClaim(overrides: Partial<NewClaim> = {}): NewClaim {
  return {
    id: randomUUID(),
    fiscalCode: overrides.fiscalCode ?? aFiscalCode(),
    channel: "online",
    status: "under_verification",
    declared: {
      surname: "D'ANGELO",
      givenNames: "JOSÉ MARÍA",
      mobile: "+5491123456789",
      email: "jose@example.com",
    },
    reasons: ["surname_mismatch"],
    delivery: "sms",
    lang: "en",
    createdAt: T0,
    ...overrides,
  };
}

export type NewDevice = Parameters<typeof registerDevice>[1];

/** A browser registered at T0 for a new subject key unless one is given. */
export function aDevice(overrides: Partial<NewDevice> = {}): NewDevice {
  return {
    id: randomUUID(),
    subjectKey: `subject-${randomUUID()}`,
    now: T0,
    userAgent: "Mozilla/5.0 (test)",
    ...overrides,
  };
}

/** The SMS with the first half of a PIN (a message with a secret). */
export function aFirstHalfMessage(
  overrides: Partial<OutgoingMessage<"pin_first_half">> = {},
): OutgoingMessage<"pin_first_half"> {
  return {
    id: randomUUID(),
    kind: "pin_first_half",
    channel: "sms",
    recipient: "+5491123456789",
    payload: { lang: "it", fullName: "José D'Angelo", claimReference: "R-1" },
    secret: "ABCDEFGH",
    ...overrides,
  };
}

/** The neutral "claim received" e-mail (a message without a secret). */
export function aClaimReceivedMessage(
  overrides: Partial<OutgoingMessage<"claim_received">> = {},
): OutgoingMessage<"claim_received"> {
  return {
    id: randomUUID(),
    kind: "claim_received",
    channel: "email",
    recipient: "jose@example.com",
    payload: { lang: "en", claimReference: "R-2" },
    ...overrides,
  };
}

/** Stores an account (contacts as of the PIN's date) and its active credential. */
export async function givenCredential(
  q: Queryable,
  overrides: Partial<NewCredential> = {},
): Promise<NewCredential> {
  const c = aCredential(overrides);
  await upsertAccount(q, c.fiscalCode, aContacts(), c.setAt);
  await insertCredential(q, c);
  return c;
}

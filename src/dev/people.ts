/**
 * The demo people as the development pages show them: who may claim a PIN and why not, and a
 * ready POST /api/v1/claims body for each (development only).
 */
import { createHash } from "node:crypto";
import { getExampleNumber, type CountryCode as PhoneCountry } from "libphonenumber-js/max";
import mobileExamples from "libphonenumber-js/mobile/examples";
import { lookupBelfiore } from "../domain/belfiore.ts";
import type { ArchiveIdentity } from "../flows/ports.ts";
import type { Db } from "../store/db.ts";
import { listPeople } from "../store/repos/archive.ts";

export type Ineligibility =
  "resident_in_italy" | "italian_id_on_file" | "pin_already_active" | "claim_pending";

export interface DevPerson {
  fiscalCode: string;
  name: string;
  country: string;
  eligible: boolean;
  reason?: Ineligibility;
  claim: Record<string, unknown>;
  /** Whether a PIN is active now. */
  pinActive: boolean;
  /** The contacts registered with the PIN (recovery needs two of them), null before a claim. */
  registered: { mobile: string | null; email: string | null; pec: string | null } | null;
  /** The health card on file (revocation asks for it). */
  healthCard: { number: string; expiry: string } | null;
}

/** A valid POST /api/v1/claims body built from the archive record. */
export function claimFor(p: ArchiveIdentity): Record<string, unknown> {
  const place = lookupBelfiore(p.birthPlaceCode);
  const bornInItaly = place?.kind === "municipality";
  const docNumber = createHash("sha256")
    .update(p.fiscalCode)
    .digest("hex")
    .slice(0, 8)
    .toUpperCase();
  return {
    fiscalCode: p.fiscalCode,
    surname: p.surname,
    givenNames: p.givenNames,
    sex: p.sex,
    birthDate: p.birthDate,
    birthCountry: bornInItaly ? "IT" : (place?.iso2 ?? ""),
    ...(bornInItaly ? { birthMunicipality: place.name } : {}),
    residence: {
      country: p.residence.country,
      line1: p.residence.line1,
      ...(p.residence.line2 !== undefined ? { line2: p.residence.line2 } : {}),
      city: p.residence.city,
      ...(p.residence.region !== undefined ? { region: p.residence.region } : {}),
      postalCode: p.residence.postalCode,
    },
    // Some demo people have no mobile or e-mail on file (for the recovery flow); the claim
    // must still be a valid body, so they get an example contact (never a real one).
    mobile: p.mobile ?? demoMobile(p.residence.country),
    email: p.email ?? `demo.${p.fiscalCode.toLowerCase()}@example.org`,
    delivery: "sms",
    document: { type: "passport", number: `P${docNumber}`, issuingCountry: p.residence.country },
    lang: "it",
  };
}

/** The example mobile number of a country (libphonenumber's metadata), in E.164. */
function demoMobile(country: string): string {
  try {
    return getExampleNumber(country as PhoneCountry, mobileExamples)?.number ?? "";
  } catch {
    return "";
  }
}

/** The demo archive as the /dev page lists it (development only, straight from the database). */
export async function devPeople(db: Db): Promise<DevPerson[]> {
  const people = await listPeople(db, 5000);
  const taken = new Map(
    (
      await db.query<{ fiscal_code: string; what: "pin" | "claim" }>(
        `SELECT fiscal_code, 'pin' AS what FROM credential WHERE status = 'active'
         UNION ALL SELECT fiscal_code, 'claim' AS what FROM claim WHERE status = 'under_verification'`,
      )
    ).map((r) => [r.fiscal_code, r.what]),
  );
  const contacts = new Map(
    (
      await db.query<{
        fiscal_code: string;
        mobile: string | null;
        email: string | null;
        pec: string | null;
      }>("SELECT fiscal_code, mobile, email, pec FROM account")
    ).map((r) => [r.fiscal_code, { mobile: r.mobile, email: r.email, pec: r.pec }]),
  );
  const out = people.map((p): DevPerson => {
    const reason: Ineligibility | undefined =
      p.residence.country === "IT"
        ? "resident_in_italy"
        : p.italianIdOnFile
          ? "italian_id_on_file"
          : taken.get(p.fiscalCode) === "pin"
            ? "pin_already_active"
            : taken.get(p.fiscalCode) === "claim"
              ? "claim_pending"
              : undefined;
    return {
      fiscalCode: p.fiscalCode,
      name: `${p.givenNames} ${p.surname}`,
      country: p.residence.country,
      eligible: reason === undefined,
      ...(reason === undefined ? {} : { reason }),
      claim: claimFor(p),
      pinActive: taken.get(p.fiscalCode) === "pin",
      registered: contacts.get(p.fiscalCode) ?? null,
      healthCard:
        p.healthCard === undefined
          ? null
          : { number: p.healthCard.number, expiry: p.healthCard.expiry },
    };
  });
  // Eligible first; the demo archive's "nice" people (lowest index) are not known here, so
  // keep the archive order within each group.
  return [...out.filter((p) => p.eligible), ...out.filter((p) => !p.eligible)];
}

/**
 * Letters waiting in the outbox for tests of the print vendor's batch (test/letters/, and the
 * lead's end-to-end journey): structured addresses in three countries, or an older row's
 * joined address lines.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "../../src/store/db.ts";
import { enqueue } from "../../src/store/repos/outbox.ts";

const PLACES = [
  { line1: "Avenida Corrientes 1234", postalCode: "C1043AAZ", city: "Buenos Aires", country: "AR" },
  { line1: "Hauptstraße 5", postalCode: "10115", city: "Berlin", country: "DE" },
  { line1: "12 Rue de Rivoli", postalCode: "75001", city: "Paris", country: "FR" },
];

/** A random 8-character second half (PIN alphabet: no 0, 1, I, O). */
function half(): string {
  const abc = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return Array.from(randomBytes(8), (b) => abc[b % abc.length]).join("");
}

export async function queueLetter(
  db: Db,
  key: Buffer,
  at: Date,
  i: number,
  opts: { legacy?: boolean; secret?: string } = {},
): Promise<{ id: string; half: string; country: string }> {
  const id = randomUUID();
  const secret = opts.secret ?? half();
  const place = PLACES[i % PLACES.length] ?? PLACES[0]!;
  const common = {
    lang: "it" as const,
    recipientName: `Persona ${i}`,
    date: "2026-03-02",
    claimReference: `REF${i}`,
    fiscalCodeMasked: "RSS*********00X",
  };
  await enqueue(
    db,
    key,
    {
      id,
      kind: "pin_second_half_letter",
      channel: "letter",
      recipient: "RSSMRA80A01H501U",
      payload:
        opts.legacy === true
          ? {
              ...common,
              addressLines: [
                `Persona ${i}`,
                place.line1,
                `${place.postalCode} ${place.city}`,
                "ARGENTINA",
              ],
            }
          : { ...common, address: { name: `Persona ${i}`, ...place } },
      secret,
    },
    at,
  );
  return { id, half: secret, country: opts.legacy === true ? "AR" : place.country };
}

/**
 * The typed message registry (src/notifications/registry.ts): every kind renders on every
 * channel it may go by, in every language, from the catalogue — and a channel it may not go
 * by, or a payload of the wrong shape, fails loudly instead of sending nonsense.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { formatPostalAddress } from "../../src/domain/address.ts";
import { LANGS, type Lang } from "../../src/i18n/index.ts";
import { CHANNELS } from "../../src/notifications/channel-kind.ts";
import {
  MESSAGE_KIND_NAMES,
  MESSAGE_KINDS,
  type MessageKind,
  type MessagePayload,
} from "../../src/notifications/registry.ts";
import { renderMessage } from "../../src/notifications/render.ts";

/** A valid payload of each kind, in a language: the type makes this list complete. */
const SAMPLES: { [K in MessageKind]: (lang: Lang) => MessagePayload<K> } = {
  pin_first_half: (lang) => ({ lang, fullName: "José D'Angelo", claimReference: "AB12CD34" }),
  pin_second_half_letter: (lang) => ({
    lang,
    recipientName: "José D'Angelo",
    address: {
      name: "José D'Angelo",
      line1: "Avenida Corrientes 1234",
      postalCode: "C1043AAZ",
      city: "Buenos Aires",
      country: "AR",
    },
    date: "2026-03-02",
    claimReference: "AB12CD34",
    fiscalCodeMasked: "DNG*********600X",
  }),
  claim_received: (lang) => ({ lang, claimReference: "AB12CD34" }),
  pin_locked: (lang) => ({ lang, lockedAt: "2026-03-02T09:00:00.000Z" }),
  recovery_link: (lang) => ({
    lang,
    baseUrl: "https://pin.example.org/",
    expiresAt: "2026-03-03T09:00:00.000Z",
  }),
  recovery_instructions: (lang) => ({ lang }),
  recovery_first_half: (lang) => ({ lang, fullName: "José D'Angelo" }),
  recovery_second_half: (lang) => ({ lang, fullName: "José D'Angelo" }),
  recovery_notice: (lang) => ({ lang, at: "2026-03-02T09:00:00.000Z" }),
  revocation_link: (lang) => ({
    lang,
    baseUrl: "https://pin.example.org",
    expiresAt: "2026-03-03T09:00:00.000Z",
  }),
  revocation_instructions: (lang) => ({ lang }),
  contact_code: (lang) => ({ lang }),
  contact_notice: (lang) => ({ lang, change: "replaced", at: "2026-03-02T09:00:00.000Z" }),
  revocation_notice: (lang) => ({ lang, at: "2026-03-02T09:00:00.000Z" }),
  conversion_decided: (lang) => ({
    lang,
    outcome: "rejected",
    reference: "CD-0A1B2-C3D4E",
    reason: "document unreadable",
    claimsReleased: 0,
  }),
  // Contact centre (issue 7).
  claim_rejected: (lang) => ({ lang, claimReference: "AB12CD34", reason: "address not confirmed" }),
  claim_unreachable: (lang) => ({ lang, claimReference: "AB12CD34" }),
  contact_added: (lang) => ({ lang, kind: "pec", at: "2026-03-02T09:00:00.000Z" }),
  // Desk appointments (issue 7, appointments).
  appointment_booked: (lang) => appointmentSample(lang),
  appointment_reminder: (lang) => appointmentSample(lang),
  appointment_cancelled: (lang) => appointmentSample(lang),
  // The office desk (issue 7, desk).
  desk_notice: (lang) => ({ lang, event: "dispositive", office: "Roma EUR", claimsReleased: 2 }),
};

function appointmentSample(lang: Lang) {
  return {
    lang,
    officeId: "roma-eur",
    start: "2026-03-04T07:30:00.000Z",
    purpose: "mv35" as const,
  };
}

const SECRET = "K7M2P9QR";

describe("message registry", () => {
  for (const kind of MESSAGE_KIND_NAMES) {
    const def = MESSAGE_KINDS[kind];
    for (const channel of def.channels) {
      for (const lang of LANGS) {
        it(`renders ${kind} by ${channel} in ${lang}`, async () => {
          const payload = SAMPLES[kind](lang);
          const out = await renderMessage(kind, channel, payload, def.secret ? SECRET : undefined);
          assert.ok(out.text.length > 20, "some text");
          assert.ok(
            !/\{\{|\bundefined\b|\bnull\b|\[object/u.test(out.text),
            `no placeholder left:\n${out.text}`,
          );
          if (channel === "email" || channel === "pec")
            assert.ok((out.subject ?? "").length > 5, "an e-mail has a subject");
          if (channel === "sms")
            assert.ok(out.text.length <= 300, `a short SMS (${out.text.length})`);
          if (channel === "letter") {
            assert.equal(out.pdf?.subarray(0, 5).toString(), "%PDF-");
            assert.ok(out.to?.includes("ARGENTINA"));
          }
          if (def.secret) {
            assert.ok(
              out.text.includes("K7M2 P9QR") || out.text.includes(SECRET),
              "carries the secret, grouped",
            );
          }
          // Each language speaks its own: the Italian text is not the English one.
          const other = LANGS.find((l) => l !== lang)!;
          const translated = await renderMessage(
            kind,
            channel,
            SAMPLES[kind](other),
            def.secret ? SECRET : undefined,
          );
          assert.notEqual(out.text, translated.text);
        });
      }
    }
  }

  it("lays out a letter's structured address, and still renders rows queued with joined lines", async () => {
    const p = SAMPLES.pin_second_half_letter("it");
    const structured = await renderMessage("pin_second_half_letter", "letter", p, SECRET);
    assert.ok("address" in p);
    assert.deepEqual(structured.postal, p.address);
    assert.equal(structured.country, "AR");
    const lines = formatPostalAddress(p.address.name, p.address);
    assert.equal(structured.to, lines.join("\n"));
    const { address: _, ...rest } = p;
    const old = await renderMessage(
      "pin_second_half_letter",
      "letter",
      { ...rest, addressLines: lines },
      SECRET,
    );
    assert.equal(old.to, structured.to);
    assert.equal(old.text, structured.text);
    assert.equal(old.postal, undefined);
    assert.equal(old.country, "AR", "read back from the country line");
    assert.equal(old.pdf?.subarray(0, 5).toString(), "%PDF-");
    const unknown = await renderMessage(
      "pin_second_half_letter",
      "letter",
      { ...rest, addressLines: ["A", "B"] },
      SECRET,
    );
    assert.equal(unknown.country, "ZZ");
    await assert.rejects(
      renderMessage(
        "pin_second_half_letter",
        "letter",
        { ...rest, address: { ...p.address, country: "Argentina" } },
        SECRET,
      ),
    );
  });

  it("refuses a channel a kind may not go by", async () => {
    for (const kind of MESSAGE_KIND_NAMES) {
      for (const channel of CHANNELS.filter(
        (c) => !(MESSAGE_KINDS[kind].channels as readonly string[]).includes(c),
      )) {
        await assert.rejects(
          renderMessage(kind, channel, SAMPLES[kind]("it"), SECRET),
          /cannot go by/u,
          `${kind} by ${channel}`,
        );
      }
    }
  });

  it("refuses an unknown kind, a payload of another shape, and a missing secret", async () => {
    await assert.rejects(
      renderMessage("no_such_kind", "email", {}, undefined),
      /unknown message kind/u,
    );
    await assert.rejects(renderMessage("claim_received", "email", { lang: "fr" }, undefined));
    await assert.rejects(
      renderMessage("pin_first_half", "sms", SAMPLES.pin_first_half("it"), undefined),
      /secret missing/u,
    );
  });

  it("never repeats what a claimant typed in the neutral acknowledgement (no name)", async () => {
    const out = await renderMessage(
      "claim_received",
      "email",
      SAMPLES.claim_received("it"),
      undefined,
    );
    assert.ok(!out.text.includes("José"));
  });
});

/**
 * SMS length (src/notifications/sms-encoding.ts): GSM-7 or UCS-2, septets or units, segments —
 * and every SMS the registry can render fits in one or two segments, a PIN half's in GSM-7.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { LANGS, type Lang } from "../../src/i18n/index.ts";
import { isGsm7, smsLength } from "../../src/notifications/sms-encoding.ts";
import {
  MESSAGE_KIND_NAMES,
  MESSAGE_KINDS,
  type MessageKind,
  type MessagePayload,
} from "../../src/notifications/registry.ts";
import { renderMessage } from "../../src/notifications/render.ts";

describe("SMS encoding", () => {
  it("counts GSM-7 septets, extension characters twice", () => {
    assert.deepEqual(smsLength("Ciao è già"), { encoding: "GSM-7", units: 10, segments: 1 });
    assert.deepEqual(smsLength("5€ [x]"), { encoding: "GSM-7", units: 9, segments: 1 });
    assert.deepEqual(smsLength(""), { encoding: "GSM-7", units: 0, segments: 0 });
    assert.ok(isGsm7("@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà{}\\~|^"));
  });

  it("160 septets is one SMS, 161 two, 306 two, 307 three", () => {
    assert.equal(smsLength("a".repeat(160)).segments, 1);
    assert.equal(smsLength("a".repeat(161)).segments, 2);
    assert.equal(smsLength("a".repeat(306)).segments, 2);
    assert.equal(smsLength("a".repeat(307)).segments, 3);
  });

  it("never splits an extension character across segments", () => {
    // 152 septets then "€" (2): the € does not fit in segment one's last septet.
    const text = `${"a".repeat(152)}€${"a".repeat(10)}`;
    assert.equal(smsLength(text).units, 164);
    assert.equal(smsLength(text).segments, 2);
    const tight = `${"a".repeat(152)}€${"a".repeat(152)}`;
    assert.equal(smsLength(tight).units, 306);
    assert.equal(smsLength(tight).segments, 3, "the € moved to segment two pushes one over");
  });

  it("falls back to UCS-2 for anything outside GSM 03.38, surrogate pairs count two", () => {
    assert.deepEqual(smsLength("È così"), { encoding: "UCS-2", units: 6, segments: 1 });
    assert.equal(isGsm7("l’apostrofo"), false, "a typographic apostrophe is not GSM-7");
    assert.equal(smsLength("x".repeat(69) + "😀").units, 71);
    assert.equal(smsLength("ж".repeat(70)).segments, 1);
    assert.equal(smsLength("ж".repeat(71)).segments, 2);
    assert.equal(smsLength("ж".repeat(134)).segments, 2);
    assert.equal(smsLength("ж".repeat(135)).segments, 3);
    // 66 units then a pair: the pair does not fit in the 67th unit, it opens segment two.
    assert.equal(smsLength("ж".repeat(66) + "😀" + "ж".repeat(66)).segments, 3);
  });
});

/** Realistic payloads, at their longest (long names, offices, reasons, dates). */
const SAMPLES: Partial<{ [K in MessageKind]: (lang: Lang) => MessagePayload<K> }> = {
  pin_first_half: (lang) => ({
    lang,
    fullName: "Maria Antonietta Dell'Acqua Bianchi",
    claimReference: "PIN-2026-000123",
  }),
  claim_received: (lang) => ({ lang, claimReference: "PIN-2026-000123" }),
  pin_locked: (lang) => ({ lang, lockedAt: "2026-12-22T22:59:00.000Z" }),
  recovery_instructions: (lang) => ({ lang }),
  recovery_first_half: (lang) => ({ lang, fullName: "Maria Antonietta Dell'Acqua Bianchi" }),
  recovery_notice: (lang) => ({ lang, at: "2026-09-30T21:59:00.000Z" }),
  revocation_notice: (lang) => ({ lang, at: "2026-09-30T21:59:00.000Z" }),
  contact_code: (lang) => ({ lang }),
  contact_notice: (lang) => ({ lang, change: "removed", at: "2026-09-30T21:59:00.000Z" }),
  conversion_decided: (lang) => ({
    lang,
    outcome: "rejected",
    reference: "CD-0A1B2-C3D4E",
    reason: "document unreadable",
    claimsReleased: 2,
  }),
  claim_rejected: (lang) => ({
    lang,
    claimReference: "PIN-2026-000123",
    reason: "address not confirmed",
  }),
  claim_unreachable: (lang) => ({ lang, claimReference: "PIN-2026-000123" }),
  contact_added: (lang) => ({ lang, kind: "mobile", at: "2026-09-30T21:59:00.000Z" }),
  appointment_booked: (lang) => appointment(lang),
  appointment_reminder: (lang) => appointment(lang),
  appointment_cancelled: (lang) => appointment(lang),
  desk_notice: (lang) => ({
    lang,
    event: "delegation_registered",
    office: "Reggio nell'Emilia Centro",
    claimsReleased: 0,
  }),
};

function appointment(lang: Lang) {
  return {
    lang,
    officeId: "roma-eur",
    start: "2026-09-30T15:45:00.000Z",
    purpose: "mv35" as const,
  };
}

const SECRETS: Partial<Record<MessageKind, string>> = {
  pin_first_half: "K7M2P9QR",
  recovery_first_half: "K7M2P9QR",
  contact_code: "482913",
  appointment_booked: "7KQ4-MZ2P",
};

describe("every SMS the registry renders", () => {
  const smsKinds = MESSAGE_KIND_NAMES.filter((k) =>
    (MESSAGE_KINDS[k].channels as readonly string[]).includes("sms"),
  );

  it("has a realistic sample for each SMS kind", () => {
    assert.deepEqual(
      smsKinds.filter((k) => SAMPLES[k] === undefined),
      [],
      "add a sample for the new kind",
    );
  });

  for (const kind of smsKinds) {
    for (const lang of LANGS) {
      it(`${kind} in ${lang} fits in one or two segments`, async () => {
        const make = SAMPLES[kind] as ((l: Lang) => unknown) | undefined;
        assert.ok(make !== undefined);
        const out = await renderMessage(kind, "sms", make(lang), SECRETS[kind]);
        const len = smsLength(out.text);
        assert.ok(len.segments >= 1 && len.segments <= 2, `${len.segments} segments: ${out.text}`);
        if (kind === "pin_first_half" || kind === "recovery_first_half")
          assert.equal(len.encoding, "GSM-7", `a PIN half goes as GSM-7: ${out.text}`);
      });
    }
  }
});

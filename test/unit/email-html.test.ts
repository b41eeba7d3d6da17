/**
 * The HTML alternative of e-mails (src/notifications/email-html.ts): every e-mail the registry
 * renders has one, in its language, with the same words as the text, escaped, links as <a>,
 * nothing remote and no script.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { emailHtml } from "../../src/notifications/email-html.ts";
import { renderMessage } from "../../src/notifications/render.ts";

describe("e-mail HTML", () => {
  it("escapes, sets the language, marks the value to copy, links as <a>", () => {
    const html = emailHtml("en", "A <b>subject</b>", [
      "Dear Ann <script>alert(1)</script> & O'Neil,",
      "Your code:\n\n    K7M2 P9QR",
      "Open\n\n    https://pin.example.org/recupera-pin/conferma?token=a&b=c",
    ]);
    assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/u);
    assert.match(html, /<title>A &lt;b&gt;subject&lt;\/b&gt;<\/title>/u);
    assert.match(html, /Dear Ann &lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; O&#39;Neil,/u);
    assert.match(html, /<strong>K7M2 P9QR<\/strong>/u);
    assert.match(
      html,
      /<a href="https:\/\/pin\.example\.org\/recupera-pin\/conferma\?token=a&amp;b=c">/u,
    );
    assert.doesNotMatch(html, /<script|<img|src=/u);
  });

  it("every rendered e-mail carries the same text in HTML", async () => {
    const out = await renderMessage(
      "recovery_link",
      "email",
      { lang: "it", baseUrl: "https://pin.example.org", expiresAt: "2026-03-03T09:00:00.000Z" },
      "tok-123",
    );
    const html = out.html ?? "";
    assert.match(html, /<html lang="it">/u);
    assert.match(
      html,
      /<a href="https:\/\/pin\.example\.org\/recupera-pin\/conferma\?token=tok-123">/u,
    );
    const half = await renderMessage(
      "pin_first_half",
      "email",
      { lang: "en", fullName: "José <D'Angelo>", claimReference: "PIN-1" },
      "K7M2P9QR",
    );
    assert.match(half.html ?? "", /José &lt;D&#39;Angelo&gt;/u);
    assert.match(half.html ?? "", /<strong>K7M2 P9QR<\/strong>/u);
    const appointment = await renderMessage(
      "appointment_reminder",
      "email",
      { lang: "it", officeId: "roma-eur", start: "2026-03-04T07:30:00.000Z", purpose: "mv35" },
      undefined,
    );
    assert.match(appointment.html ?? "", /<html lang="it">/u);
    const sms = await renderMessage(
      "claim_received",
      "sms",
      { lang: "it", claimReference: "X" },
      undefined,
    );
    assert.equal(sms.html, undefined, "no HTML for an SMS");
  });
});

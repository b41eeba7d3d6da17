/**
 * The journey state machine (src/domain/journey.ts): its transitions, the steps each state may
 * reach (deny by default), continuations, and the diagram in docs/ARCHITECTURE.md, which must be
 * the one the machine draws.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  canTransition,
  effectiveState,
  isSafeLocalPath,
  JOURNEY_STATES,
  JOURNEY_STEPS,
  loginEvent,
  mayReach,
  transition,
  JourneyTransitionError,
} from "../../src/domain/journey.ts";
import { DOC, journeySection } from "../../scripts/journey-docs.ts";

describe("journey state machine", () => {
  it("logs in to the state the PIN calls for", () => {
    assert.equal(
      transition("anonymous", loginEvent({ kind: "initial", expired: false })),
      "pin_change_required",
    );
    assert.equal(
      transition("anonymous", loginEvent({ kind: "operating", expired: true })),
      "renewal_required",
    );
    assert.equal(
      transition("anonymous", loginEvent({ kind: "operating", expired: false })),
      "authenticated",
    );
  });

  it("goes through pin_shown after a PIN change, and out of it when noted or when its window ends", () => {
    assert.equal(transition("pin_change_required", "pin_activated"), "pin_shown");
    assert.equal(transition("renewal_required", "pin_renewed"), "pin_shown");
    assert.equal(transition("pin_shown", "pin_replaced"), "pin_shown");
    assert.equal(transition("pin_shown", "pin_noted"), "authenticated");
    const now = new Date("2026-03-02T09:00:00Z");
    assert.equal(effectiveState("pin_shown", new Date(now.getTime() + 1), now), "pin_shown");
    assert.equal(effectiveState("pin_shown", now, now), "authenticated");
    assert.equal(effectiveState("authenticated", null, now), "authenticated");
  });

  it("refuses events a state does not allow (no skipping the PIN change)", () => {
    assert.throws(() => transition("anonymous", "pin_activated"), JourneyTransitionError);
    assert.equal(canTransition("pin_change_required", "pin_noted"), false);
    assert.equal(canTransition("authenticated", "pin_replaced"), false);
    assert.equal(canTransition("anonymous", "logout"), false);
  });

  it("denies by default: only public, login and logout are open to every state", () => {
    for (const step of JOURNEY_STEPS) {
      const everywhere = JOURNEY_STATES.every((s) => mayReach(s, step));
      assert.equal(everywhere, ["public", "login", "logout"].includes(step), step);
    }
    assert.equal(mayReach("pin_change_required", "personal"), false);
    assert.equal(mayReach("renewal_required", "personal"), false);
    assert.equal(mayReach("anonymous", "personal"), false);
    assert.equal(mayReach("authenticated", "new_pin"), false);
  });

  it("accepts only plain local paths as continuations", () => {
    for (const ok of ["/cedolino", "/estratto-conto", "/cedolino/2025-12.pdf", "/a?b=c&d=e"])
      assert.ok(isSafeLocalPath(ok), ok);
    for (const bad of [
      "//evil.example",
      "/\\evil",
      "https://x.it/",
      "javascript:x",
      "/a/../b",
      "",
      "/" + "a".repeat(300),
      42,
    ])
      assert.ok(!isSafeLocalPath(bad), String(bad));
  });

  it("is drawn in docs/ARCHITECTURE.md exactly as the machine says (npm run docs:journey)", () => {
    assert.ok(readFileSync(DOC, "utf8").includes(journeySection()));
  });
});

describe("destination keys", () => {
  it("gives one key to one mailbox however it is written, and keeps different ones apart", async () => {
    const { destinationKey } = await import("../../src/domain/contact-key.ts");
    const same = ["ana.sala@gmail.com", "AnaSala@gmail.com", "ana.sala+pin@googlemail.com"];
    assert.equal(new Set(same.map(destinationKey)).size, 1);
    assert.equal(
      destinationKey("a.b+x@example.org"),
      "a.b@example.org",
      "dots matter outside Gmail",
    );
    assert.notEqual(destinationKey("a.b@example.org"), destinationKey("ab@example.org"));
    assert.equal(destinationKey("+54 9 11 2345-6789"), "+5491123456789");
  });
});

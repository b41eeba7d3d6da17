/**
 * First access, renewal and the explicit replacement on in-memory fakes: each moves the
 * journey as the state machine says, keeps one active PIN with the same level, puts the
 * session under a new token, and never replaces a PIN on a mere repeat.
 */
import { beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { AppError } from "../../src/domain/errors.ts";
import type { SessionState } from "../../src/domain/journey.ts";
import { changePin, pinNoted, replayPinChange } from "../../src/flows/operating-pin.ts";
import { openSession, sessionIdHash } from "../../src/flows/session.ts";
import type { SessionRecord } from "../../src/flows/ports.ts";
import { aPerson } from "../helpers/builders.ts";
import { citizenAt, flowWorld, type FlowWorld } from "../fakes/deps.ts";

describe("operating PIN flows (in memory)", () => {
  let w: FlowWorld;
  beforeEach(() => {
    w = flowWorld();
  });

  async function sessionFor(
    kind: "initial" | "operating",
    level: "ordinary" | "dispositive",
    state: SessionState,
  ) {
    const p = aPerson();
    w.state.people.set(p.fiscalCode, p);
    const id = `c-${p.fiscalCode}`;
    w.state.credentials.set(id, {
      id,
      fiscalCode: p.fiscalCode,
      kind,
      level,
      pinHash: "plain:x",
      claimId: null,
      firstHalfHash: null,
      status: "active",
      setAt: w.clock.now(),
    });
    const { idHash, token } = await w.uow.run((r) =>
      openSession(w, r, {
        fiscalCode: p.fiscalCode,
        credentialId: id,
        state,
        level,
        userAgent: null,
        returnTo: "/cedolino",
        newPinUntil: null,
      }),
    );
    const session = w.state.sessions.get(idHash);
    assert.ok(session !== undefined);
    tokens.set(session.idHash, token);
    return session;
  }

  const by = citizenAt();
  /** Each session's token (the flows seal a PIN change's answer with a key derived from it). */
  const tokens = new Map<string, string>();
  const tokenOf = (s: { idHash: string }) => tokens.get(s.idHash) ?? "";
  /** The holder of an initial PIN chooses to activate it (the first step of first access). */
  const activate = (s: SessionRecord) =>
    changePin(w, {
      by,
      session: s,
      token: tokenOf(s),
      state: "pin_change_required",
      mode: "activate",
    });

  it("activates: the initial PIN consumed, one operating PIN, a new token, the journey in pin_shown", async () => {
    const s = await sessionFor("initial", "ordinary", "pin_change_required");
    const r = await activate(s);
    assert.match(r.pin, /^[2-9A-HJKMNP-Z]{8}$/u);
    const creds = [...w.state.credentials.values()];
    assert.deepEqual(creds.map((c) => [c.kind, c.status]).sort(), [
      ["initial", "consumed"],
      ["operating", "active"],
    ]);
    assert.equal(w.state.sessions.has(s.idHash), false, "the old token stops working");
    const next = w.state.sessions.get(sessionIdHash(r.token));
    assert.ok(next !== undefined);
    assert.equal(next.state, "pin_shown");
    assert.equal(next.returnTo, "/cedolino", "the continuation travels along");
    assert.deepEqual(
      w.state.audit.map((e) => e.type),
      ["pin.activated"],
    );
  });

  it("answers a repeat with PIN_ALREADY_SHOWN and changes nothing", async () => {
    const s = await sessionFor("initial", "ordinary", "pin_change_required");
    const r = await activate(s);
    const shown = w.state.sessions.get(sessionIdHash(r.token));
    assert.ok(shown !== undefined);
    const before = structuredClone(w.state.credentials);
    await assert.rejects(
      changePin(w, {
        by,
        session: shown,
        token: r.token,
        state: "pin_shown",
        mode: "activate",
      }),
      (e: unknown) => e instanceof AppError && e.code === "PIN_ALREADY_SHOWN",
    );
    assert.deepEqual(w.state.credentials, before);
  });

  it("replaces the PIN just shown when asked, and leaves pin_shown when the holder noted it", async () => {
    const s = await sessionFor("initial", "ordinary", "pin_change_required");
    const first = await activate(s);
    const shown = w.state.sessions.get(sessionIdHash(first.token));
    assert.ok(shown !== undefined);
    const second = await changePin(w, {
      by,
      session: shown,
      token: first.token,
      state: "pin_shown",
      mode: "replace",
    });
    assert.notEqual(second.pin, first.pin);
    assert.equal([...w.state.credentials.values()].filter((c) => c.status === "active").length, 1);
    const now = w.state.sessions.get(sessionIdHash(second.token));
    assert.ok(now !== undefined);
    const { returnTo } = await pinNoted(w, { by, session: now, state: "pin_shown" });
    assert.equal(returnTo, "/cedolino");
    assert.equal(w.state.sessions.get(now.idHash)?.state, "authenticated");
    assert.deepEqual(
      w.state.audit.map((e) => e.type),
      ["pin.activated", "pin.replaced", "pin.noted"],
    );
  });

  it("gives a retry carrying the old token the same answer (same PIN, same new session) for two minutes, and nothing else", async () => {
    const s = await sessionFor("initial", "ordinary", "pin_change_required");
    const old = tokenOf(s);
    const r = await activate(s);
    const again = await replayPinChange(w, { by, token: old });
    assert.ok(again !== null);
    assert.deepEqual([again.pin, again.token], [r.pin, r.token], "the same answer, not a new PIN");
    assert.equal([...w.state.credentials.values()].filter((c) => c.status === "active").length, 1);
    assert.equal(await replayPinChange(w, { by, token: "someone-else's-token-0123456789" }), null);
    w.clock.advance(121);
    assert.equal(await replayPinChange(w, { by, token: old }), null, "too late");
  });

  it("does not repeat an answer once the PIN changed again", async () => {
    const s = await sessionFor("initial", "ordinary", "pin_change_required");
    const old = tokenOf(s);
    const r = await activate(s);
    const shown = w.state.sessions.get(sessionIdHash(r.token));
    assert.ok(shown !== undefined);
    await changePin(w, { by, session: shown, token: r.token, state: "pin_shown", mode: "replace" });
    assert.equal(
      await replayPinChange(w, { by, token: old }),
      null,
      "the first PIN no longer works",
    );
  });

  it("renews with the same level (a dispositive PIN stays dispositive)", async () => {
    const s = await sessionFor("operating", "dispositive", "renewal_required");
    const r = await changePin(w, {
      by,
      session: s,
      token: tokenOf(s),
      state: "renewal_required",
      mode: "renew",
    });
    assert.equal(r.level, "dispositive");
    assert.equal(w.state.sessions.get(sessionIdHash(r.token))?.level, "dispositive");
  });

  it("refuses a change the state does not call for", async () => {
    const s = await sessionFor("operating", "ordinary", "authenticated");
    for (const mode of ["activate", "renew", "replace"] as const)
      await assert.rejects(
        changePin(w, { by, session: s, token: tokenOf(s), state: "authenticated", mode }),
        (e: unknown) => e instanceof AppError && e.code === "NO_PIN_CHANGE_PENDING",
      );
  });
});

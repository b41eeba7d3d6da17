/**
 * PIN recovery (ripristino), SPEC.md "Recovery" and the seed: the fiscal code and at least two
 * of the registered contacts (mobile, e-mail, PEC).
 *
 *   request ──over a limit (source, then fiscal code)──▶ 429
 *           ──a malformed body (fewer than two contacts included)──▶ 422 naming the fields
 *           ──an active PIN and ≥ 2 contacts matching the registered ones──▶ a single-use
 *           │     link (24 h) to the registered e-mail, else PEC
 *           └──anything else (unknown code, mismatch, revoked or no PIN)──▶ instructions to
 *                 the address given (limited per destination)
 *           always 202 {"status":"received"}: the answer never tells which branch ran.
 *   confirm ──the link used once (of concurrent uses one wins)──▶ a new 16-character initial
 *           PIN with the same level: first half by SMS to the registered mobile (else e-mail),
 *           second half to the registered e-mail or PEC; only now the old PIN stops working,
 *           its sessions end, locks end and other pending recovery links die; every other
 *           registered contact is told. A request alone never locks the owner out.
 */
import type { Acting } from "../domain/actor.ts";
import { destinationKey } from "../domain/contact-key.ts";
import { romeDate } from "../domain/eligibility.ts";
import { AppError, ConflictError } from "../domain/errors.ts";
import { generatePin, INITIAL_PIN_LENGTH, splitInitialPin } from "../domain/pin.ts";
import { maskContact } from "../domain/mask.ts";
import type { LimitsDeps, PinIssuingDeps } from "./deps.ts";
import type { Contacts, Repos } from "./ports.ts";
import { enforceLimit, withinLimit } from "./rate-limit.ts";
import { isLinkToken, LINK_SECONDS, linkHash, linkUsable, newLinkToken } from "./links.ts";
import { paced } from "./pacing.ts";
import { subjectKeyOf } from "./pin-check.ts";
import { validateRecovery, type RecoveryInput } from "./recovery-input.ts";

export { validateRecovery, type RecoveryInput } from "./recovery-input.ts";

export type RecoveryDeps = PinIssuingDeps &
  LimitsDeps & { config: { publicUrl: string; answerFloorMs: number } };

/** Exactly what a well-formed request gets, whatever happened. */
export const RECOVERY_RECEIVED = { status: "received" } as const;

export function requestRecovery(
  deps: RecoveryDeps,
  req: { by: Acting; body: unknown },
): Promise<typeof RECOVERY_RECEIVED> {
  return paced(deps.config.answerFloorMs, () => request(deps, req));
}

async function request(
  deps: RecoveryDeps,
  req: { by: Acting; body: unknown },
): Promise<typeof RECOVERY_RECEIVED> {
  await enforceLimit(deps, req.by, "recovery_source", req.by.origin.ip);
  const now = deps.clock.now();
  const input = validateRecovery(req.body, romeDate(now));
  const fc = input.fiscalCode;
  const given = givenDestination(input);
  // Per fiscal code and address given: a stranger's requests from their own addresses never
  // use up the holder's (who would otherwise be kept from recovering).
  await enforceLimit(deps, req.by, "recovery_subject", `${fc}|${destinationKey(given.recipient)}`);
  const [registered, credential] = await Promise.all([
    deps.uow.direct.accounts.contacts(fc),
    deps.uow.direct.credentials.active(fc),
  ]);
  const token = newLinkToken(deps.randomBytes);
  const linkTo = registered === null ? null : linkDestination(registered);
  const matched = registered === null ? 0 : matchingContacts(input, registered);
  const acting = { actor: req.by.actor, origin: req.by.origin, subject: fc };
  await deps.uow.run(async (r) => {
    // The address given always gets the same neutral message (whether a link went elsewhere
    // must not show in its mailbox either), limited per destination.
    const sent = await withinLimit(
      deps,
      r,
      req.by,
      "recovery_destination",
      destinationKey(given.recipient),
    );
    if (sent)
      await r.outbox.enqueue(
        {
          id: deps.newId(),
          kind: "recovery_instructions",
          ...given,
          payload: { lang: input.lang },
        },
        now,
      );
    if (credential === null || registered === null || linkTo === null || matched < 2) {
      r.audit.record({
        type: "recovery.requested",
        outcome: "refused",
        ...acting,
        details: {
          matchedContacts: matched,
          reason: credential === null ? "no_active_pin" : "contacts_mismatch",
          instructionsSent: sent,
        },
      });
      return;
    }
    const expiresAt = new Date(now.getTime() + LINK_SECONDS * 1000);
    await r.links.create({
      tokenHash: linkHash(deps, token),
      purpose: "recovery",
      fiscalCode: fc,
      createdAt: now,
      expiresAt,
    });
    await r.outbox.enqueue(
      {
        id: deps.newId(),
        kind: "recovery_link",
        ...linkTo,
        payload: {
          lang: registered.lang,
          baseUrl: deps.config.publicUrl,
          expiresAt: expiresAt.toISOString(),
        },
        secret: token,
      },
      now,
    );
    r.audit.record({
      type: "recovery.requested",
      outcome: "success",
      ...acting,
      details: { matchedContacts: matched, linkChannel: linkTo.channel },
    });
  });
  return RECOVERY_RECEIVED;
}

export interface RecoveryDone {
  /** Where the two halves went, masked (the confirmation page tells the holder). */
  firstHalfTo: string;
  secondHalfTo: string;
}

/** Whether a recovery link can still be confirmed (the page shows the button only then). */
export const recoveryLinkUsable = (deps: RecoveryDeps, token: unknown): Promise<boolean> =>
  linkUsable(deps, "recovery", token);

export async function confirmRecovery(
  deps: RecoveryDeps,
  req: { by: Acting; token: unknown },
): Promise<RecoveryDone> {
  await enforceLimit(deps, req.by, "link_confirm_source", req.by.origin.ip);
  if (!isLinkToken(req.token)) throw new AppError("LINK_INVALID");
  // The link is used first, on its own: of concurrent confirmations only the one that got it
  // goes on to hash a PIN (no row locks held for argon2id). Should what follows fail, the link
  // is spent and the old PIN still works: a new request is needed.
  const fc = await deps.uow.direct.links.use(
    linkHash(deps, req.token),
    "recovery",
    deps.clock.now(),
  );
  if (fc === null) {
    // Unknown, used, expired or replaced: audited (the flood is bounded by the limit above).
    await deps.uow.run(async (r) => {
      r.audit.record({
        type: "recovery.refused",
        outcome: "refused",
        actor: req.by.actor,
        origin: req.by.origin,
        details: { reason: "link_invalid" },
      });
    });
    throw new AppError("LINK_INVALID");
  }
  const pin = generatePin(INITIAL_PIN_LENGTH, deps.randomBytes);
  const pinHash = await deps.hasher.hash(pin);
  const now = deps.clock.now();
  const done = await deps.uow
    .run((r) => issueRecoveredPin(deps, r, req.by, fc, pin, pinHash, now))
    .catch((err: unknown) => {
      if (err instanceof ConflictError) return null;
      throw err;
    });
  if (done === null) throw new AppError("LINK_INVALID");
  return done;
}

async function issueRecoveredPin(
  deps: RecoveryDeps,
  r: Repos,
  by: Acting,
  fc: string,
  pin: string,
  pinHash: string,
  now: Date,
): Promise<RecoveryDone | null> {
  const acting = { actor: by.actor, origin: by.origin, subject: fc };
  const [credential, contacts, person] = await Promise.all([
    r.credentials.active(fc),
    r.accounts.contacts(fc),
    r.archive.findPerson(fc),
  ]);
  const plan = contacts === null ? null : halvesPlan(contacts);
  if (credential === null || contacts === null || plan === null) {
    // Revoked (or replaced by a new claim) since the request: the link is spent, nothing issued.
    r.audit.record({
      type: "recovery.refused",
      outcome: "refused",
      ...acting,
      details: { reason: "no_active_pin" },
    });
    return null;
  }
  // Counters first, then the credential: the order a login takes its locks in.
  await r.throttle.clearSubject(subjectKeyOf(deps, fc), now);
  const level = await r.credentials.end(credential.id, "superseded", now);
  if (level === null) throw new ConflictError("the PIN changed during the recovery");
  await r.credentials.insert({
    id: deps.newId(),
    fiscalCode: fc,
    kind: "initial",
    level,
    pinHash,
    setAt: now,
    claimId: null,
  });
  await r.links.cancelPending(fc, "recovery", now);
  const { firstHalf, secondHalf } = splitInitialPin(pin);
  const fullName = person === null ? "" : `${person.givenNames} ${person.surname}`;
  const payload = { lang: contacts.lang, fullName };
  await r.outbox.enqueue(
    { id: deps.newId(), kind: "recovery_first_half", ...plan.first, payload, secret: firstHalf },
    now,
  );
  await r.outbox.enqueue(
    { id: deps.newId(), kind: "recovery_second_half", ...plan.second, payload, secret: secondHalf },
    now,
  );
  for (const to of plan.others)
    await r.outbox.enqueue(
      {
        id: deps.newId(),
        kind: "recovery_notice",
        ...to,
        payload: { lang: contacts.lang, at: now.toISOString() },
      },
      now,
    );
  r.audit.record({
    type: "pin.recovered",
    outcome: "success",
    ...acting,
    details: {
      level,
      firstHalf: plan.first.channel,
      secondHalf: plan.second.channel,
      noticesSent: plan.others.length,
    },
  });
  return {
    firstHalfTo: maskContact(plan.first.recipient),
    secondHalfTo: maskContact(plan.second.recipient),
  };
}

export type To<C extends string> = { channel: C; recipient: string };

/** Every registered contact as a message destination. */
export function registeredTargets(c: Contacts): To<"sms" | "email" | "pec">[] {
  return [
    ...(c.mobile === null ? [] : [{ channel: "sms" as const, recipient: c.mobile }]),
    ...(c.email === null ? [] : [{ channel: "email" as const, recipient: c.email }]),
    ...(c.pec === null ? [] : [{ channel: "pec" as const, recipient: c.pec }]),
  ];
}

/** The link goes to the registered e-mail, else the PEC (seed: "una email o una PEC"). */
function linkDestination(c: Contacts): To<"email" | "pec"> | null {
  if (c.email !== null) return { channel: "email", recipient: c.email };
  if (c.pec !== null) return { channel: "pec", recipient: c.pec };
  return null;
}

/** The neutral message goes to an address the requester gave: e-mail, else PEC, else SMS. */
function givenDestination(i: RecoveryInput): To<"email" | "pec" | "sms"> {
  if (i.email !== undefined) return { channel: "email", recipient: i.email };
  if (i.pec !== undefined) return { channel: "pec", recipient: i.pec };
  if (i.mobile !== undefined) return { channel: "sms", recipient: i.mobile };
  throw new Error("validated recovery request without two contacts");
}

/** How many given contacts equal the registered ones (E.164; e-mail and PEC case-insensitive). */
export function matchingContacts(i: RecoveryInput, c: Contacts): number {
  const same = (a: string | undefined, b: string | null) =>
    a !== undefined && b !== null && a.toLowerCase() === b.toLowerCase();
  return [same(i.mobile, c.mobile), same(i.email, c.email), same(i.pec, c.pec)].filter(Boolean)
    .length;
}

/**
 * Two different registered contacts for the halves (seed: half by SMS to the mobile, half to
 * the e-mail or PEC), and the others to tell. Null with fewer than two contacts.
 */
export function halvesPlan(c: Contacts): {
  first: To<"sms" | "email">;
  second: To<"email" | "pec">;
  others: To<"sms" | "email" | "pec">[];
} | null {
  const first: To<"sms" | "email"> | null =
    c.mobile !== null
      ? { channel: "sms", recipient: c.mobile }
      : c.email !== null
        ? { channel: "email", recipient: c.email }
        : null;
  const second: To<"email" | "pec"> | null =
    first?.channel === "sms" && c.email !== null
      ? { channel: "email", recipient: c.email }
      : c.pec !== null
        ? { channel: "pec", recipient: c.pec }
        : null;
  if (first === null || second === null) return null;
  const all = registeredTargets(c);
  const used = new Set([
    `${first.channel}:${first.recipient}`,
    `${second.channel}:${second.recipient}`,
  ]);
  return { first, second, others: all.filter((t) => !used.has(`${t.channel}:${t.recipient}`)) };
}

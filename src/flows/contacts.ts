/**
 * A logged-in holder's contacts (issue 6 §4): read them; change one — only with the PIN typed
 * within the last 5 minutes (re-authentication), a 6-digit code sent to the new contact
 * (10 minutes, 5 tries, rate-limited), the old contact told once it is replaced; remove one
 * while another remains. The code is stored only as a keyed hash bound to the person, the kind
 * and the new value.
 */
import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Acting } from "../domain/actor.ts";
import { destinationKey } from "../domain/contact-key.ts";
import { AppError } from "../domain/errors.ts";
import { normalizeMobile } from "../domain/phone.ts";
import { normalizePinInput } from "../domain/pin.ts";
import { deviceIdFor } from "../security/device-cookie.ts";
import { hmacHex } from "../security/crypto.ts";
import type { PinCheckDeps, SessionPolicy } from "./deps.ts";
import { bodyObject, textOf, throwIfInvalid } from "./fields.ts";
import { checkPin, subjectKeyOf } from "./pin-check.ts";
import type { ContactKind, Contacts, Repos, SessionRecord } from "./ports.ts";
import { enforceLimit, withinLimit } from "./rate-limit.ts";

export type ContactsDeps = PinCheckDeps & {
  randomBytes: (n: number) => Uint8Array;
  sessions: SessionPolicy;
};

export const REAUTH_SECONDS = 300;
export const CODE_SECONDS = 600;
export const CODE_TRIES = 5;
export const CONTACT_KINDS: readonly ContactKind[] = ["mobile", "email", "pec"];

const CHANNEL = { mobile: "sms", email: "email", pec: "pec" } as const;
const emailSchema = z.string().max(254).pipe(z.email());

export type ContactView = Omit<Contacts, "lang">;

export async function contactsOf(deps: ContactsDeps, s: SessionRecord): Promise<ContactView> {
  const c = await deps.uow.direct.accounts.contacts(s.fiscalCode);
  return { mobile: c?.mobile ?? null, email: c?.email ?? null, pec: c?.pec ?? null };
}

/** Whether the PIN was typed in this session (its login, or a re-authentication) recently. */
export function pinIsFresh(s: SessionRecord, now: Date): boolean {
  const at = Math.max(s.createdAt.getTime(), s.pinAt?.getTime() ?? 0);
  return now.getTime() - at <= REAUTH_SECONDS * 1000;
}

/** The PIN typed again in a session: the lockout rules apply as at login. */
export async function reauthenticate(
  deps: ContactsDeps,
  req: { by: Acting; session: SessionRecord; pin: unknown; deviceCookie: string | undefined },
): Promise<{ pinAt: Date; freshUntil: Date }> {
  const pin = normalizePinInput(typeof req.pin === "string" ? req.pin.slice(0, 40) : "");
  if (pin === "")
    throw new AppError("VALIDATION_FAILED", { fields: [{ field: "pin", code: "required" }] });
  const fc = req.session.fiscalCode;
  const pass = await checkPin(deps, {
    by: req.by,
    fiscalCode: fc,
    pin,
    deviceId: deviceIdFor(deps.keys.device, req.deviceCookie, subjectKeyOf(deps, fc)),
    purpose: "reauth",
    limit: { name: "login_source", value: req.by.origin.ip },
  });
  const now = deps.clock.now();
  await deps.uow.run(async (r) => {
    await r.throttle.recordSuccess(pass.counterKeys, now);
    if (!(await r.sessions.markPinEntered(req.session.idHash, now)))
      throw new AppError("SESSION_EXPIRED");
    r.audit.record({
      type: "reauth.succeeded",
      outcome: "success",
      actor: req.by.actor,
      origin: req.by.origin,
      subject: fc,
      details: {},
    });
  });
  deps.sessions.cache?.delete(req.session.idHash);
  return { pinAt: now, freshUntil: new Date(now.getTime() + REAUTH_SECONDS * 1000) };
}

function kindOf(v: unknown): ContactKind | null {
  return CONTACT_KINDS.find((k) => k === v) ?? null;
}

export function validateContact(raw: unknown): { kind: ContactKind; value: string } {
  const body = bodyObject(raw);
  const kind = kindOf(body.kind);
  const text = textOf(body.value);
  if (kind === null)
    throw new AppError("VALIDATION_FAILED", { fields: [{ field: "kind", code: "invalid" }] });
  if (text === "")
    throw new AppError("VALIDATION_FAILED", { fields: [{ field: "value", code: "required" }] });
  if (kind === "mobile") {
    const phone = normalizeMobile(text);
    if (!phone.ok)
      throw new AppError("VALIDATION_FAILED", {
        fields: [
          { field: "value", code: phone.error === "not_mobile" ? "not_mobile" : "invalid_phone" },
        ],
      });
    return { kind, value: phone.e164 };
  }
  const email = text.toLowerCase();
  if (!emailSchema.safeParse(email).success)
    throw new AppError("VALIDATION_FAILED", {
      fields: [{ field: "value", code: "invalid_email" }],
    });
  return { kind, value: email };
}

const codeHash = (deps: ContactsDeps, fc: string, kind: ContactKind, value: string, code: string) =>
  hmacHex(deps.keys.links, `contact:${fc}:${kind}:${value}:${code}`);

/** Six digits, uniform (rejection sampling over 32-bit draws). */
function sixDigits(randomBytes: (n: number) => Uint8Array): string {
  const limit = Math.floor(0x1_0000_0000 / 1_000_000) * 1_000_000;
  for (;;) {
    const n = Buffer.from(randomBytes(4)).readUInt32BE(0);
    if (n < limit) return String(n % 1_000_000).padStart(6, "0");
  }
}

function requireFresh(deps: ContactsDeps, s: SessionRecord): void {
  if (!pinIsFresh(s, deps.clock.now())) throw new AppError("REAUTHENTICATION_REQUIRED");
}

export async function requestContactChange(
  deps: ContactsDeps,
  req: { by: Acting; session: SessionRecord; body: unknown },
): Promise<{ status: "code_sent"; kind: ContactKind; expiresAt: string }> {
  requireFresh(deps, req.session);
  const { kind, value } = validateContact(req.body);
  const fc = req.session.fiscalCode;
  await enforceLimit(deps, req.by, "contact_code", fc);
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + CODE_SECONDS * 1000);
  const code = sixDigits(deps.randomBytes);
  await deps.uow.run(async (r) => {
    const lang = (await r.accounts.contacts(fc))?.lang ?? "it";
    await r.contacts.savePending({
      fiscalCode: fc,
      kind,
      value,
      codeHash: codeHash(deps, fc, kind, value, code),
      createdAt: now,
      expiresAt,
    });
    const sent = await withinLimit(
      deps,
      r,
      req.by,
      "contact_code_destination",
      destinationKey(value),
    );
    if (sent)
      await r.outbox.enqueue(
        {
          id: deps.newId(),
          kind: "contact_code",
          channel: CHANNEL[kind],
          recipient: value,
          payload: { lang },
          secret: code,
        },
        now,
      );
    r.audit.record({
      type: "contact.change_requested",
      outcome: "success",
      actor: req.by.actor,
      origin: req.by.origin,
      subject: fc,
      details: { kind, codeSent: sent },
    });
  });
  return { status: "code_sent", kind, expiresAt: expiresAt.toISOString() };
}

export async function confirmContactChange(
  deps: ContactsDeps,
  req: { by: Acting; session: SessionRecord; body: unknown },
): Promise<ContactView> {
  const body = bodyObject(req.body);
  const kind = kindOf(body.kind);
  const code = textOf(body.code, 20).replace(/\s/gu, "");
  throwIfInvalid([
    ...(kind === null ? [{ field: "kind", code: "invalid" }] : []),
    ...(/^\d{6}$/u.test(code) ? [] : [{ field: "code", code: "code_shape" }]),
  ]);
  if (kind === null) throw new AppError("VALIDATION_FAILED");
  const fc = req.session.fiscalCode;
  const now = deps.clock.now();
  const acting = { actor: req.by.actor, origin: req.by.origin, subject: fc };
  // The try is counted first, on its own: five wrong codes end the change whatever happens.
  const pending = await deps.uow.direct.contacts.tryPending(fc, kind, CODE_TRIES, now);
  const right =
    pending !== null &&
    timingSafeEqual(
      Buffer.from(codeHash(deps, fc, kind, pending.value, code)),
      Buffer.from(pending.codeHash),
    );
  const changed =
    right &&
    (await deps.uow.run(async (r) => {
      if (!(await r.contacts.takePending(fc, kind, pending.codeHash))) return false;
      const before = await r.accounts.contacts(fc);
      const old = before?.[kind] ?? null;
      await r.contacts.set(fc, kind, pending.value, now);
      const tell = old !== null && old !== pending.value;
      if (tell) await notify(deps, r, kind, old, before?.lang ?? "it", "replaced", now);
      r.audit.record({
        type: "contact.changed",
        outcome: "success",
        ...acting,
        details: { kind, oldTold: tell },
      });
      return true;
    }));
  if (!changed) {
    await deps.uow.run(async (r) => {
      r.audit.record({
        type: "contact.change_refused",
        outcome: "failure",
        ...acting,
        details: { kind, reason: pending === null ? "no_pending_change" : "wrong_code" },
      });
    });
    throw new AppError("CODE_INVALID", {
      extra: { remainingTries: pending === null ? 0 : Math.max(0, CODE_TRIES - pending.tries) },
    });
  }
  return contactsOf(deps, req.session);
}

export async function removeContact(
  deps: ContactsDeps,
  req: { by: Acting; session: SessionRecord; kind: unknown },
): Promise<ContactView> {
  requireFresh(deps, req.session);
  const kind = kindOf(req.kind);
  if (kind === null) throw new AppError("NOT_FOUND");
  const fc = req.session.fiscalCode;
  const now = deps.clock.now();
  await deps.uow.run(async (r) => {
    const c = await r.accounts.contacts(fc);
    const value = c?.[kind] ?? null;
    if (c === null || value === null) throw new AppError("NOT_FOUND");
    if (CONTACT_KINDS.filter((k) => k !== kind && c[k] !== null).length === 0)
      throw new AppError("LAST_CONTACT");
    await r.contacts.set(fc, kind, null, now);
    await notify(deps, r, kind, value, c.lang, "removed", now);
    r.audit.record({
      type: "contact.removed",
      outcome: "success",
      actor: req.by.actor,
      origin: req.by.origin,
      subject: fc,
      details: { kind },
    });
  });
  return contactsOf(deps, req.session);
}

async function notify(
  deps: ContactsDeps,
  r: Repos,
  kind: ContactKind,
  recipient: string,
  lang: "it" | "en",
  change: "replaced" | "removed",
  now: Date,
): Promise<void> {
  await r.outbox.enqueue(
    {
      id: deps.newId(),
      kind: "contact_notice",
      channel: CHANNEL[kind],
      recipient,
      payload: { lang, change, at: now.toISOString() },
    },
    now,
  );
}

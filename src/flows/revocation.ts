/**
 * PIN revocation (revoca), SPEC.md and the seed: the fiscal code, the health card's number
 * and expiry, and an e-mail or PEC address where the confirmation goes.
 *
 *   request ──over a limit (source, then fiscal code)──▶ 429
 *           ──a malformed body──▶ 422 naming the fields
 *           ──an active PIN and the health card matching the archive──▶ a single-use link
 *           │     (24 h) to the address given
 *           └──anything else──▶ instructions to the address given (limited per destination)
 *           always 202 {"status":"received"}.
 *   confirm ──the link used once──▶ the PIN revoked for good, every session ended, pending
 *           recoveries cancelled, the registered contacts told. A correct revoked PIN at login
 *           then answers PIN_REVOKED (a new claim is needed); a new claim is accepted.
 */
import type { Acting } from "../domain/actor.ts";
import { destinationKey } from "../domain/contact-key.ts";
import { romeDate } from "../domain/eligibility.ts";
import { AppError, type FieldError } from "../domain/errors.ts";
import type { Lang } from "../i18n/index.ts";
import { isLang } from "../i18n/index.ts";
import { z } from "zod";
import type { LimitsDeps, PinIssuingDeps } from "./deps.ts";
import { bodyObject, fiscalCodeField, textOf, throwIfInvalid } from "./fields.ts";
import { LINK_SECONDS, linkHash, linkUsable, newLinkToken } from "./links.ts";
import { paced } from "./pacing.ts";
import { enforceLimit, withinLimit } from "./rate-limit.ts";
import type { Repos } from "./ports.ts";
import { registeredTargets, type To } from "./recovery.ts";

export type RevocationDeps = Omit<PinIssuingDeps, "hasher"> &
  LimitsDeps & { config: { publicUrl: string; answerFloorMs: number } };

export interface RevocationInput {
  fiscalCode: string;
  healthCardNumber: string;
  /** YYYY-MM-DD */
  healthCardExpiry: string;
  /** Where the confirmation goes. */
  to: To<"email" | "pec">;
  lang: Lang;
}

const RECEIVED = { status: "received" } as const;
const emailSchema = z.string().max(254).pipe(z.email());

export function validateRevocation(raw: unknown, today: string): RevocationInput {
  const body = bodyObject(raw);
  const fields: FieldError[] = [];
  const fiscalCode = fiscalCodeField(body.fiscalCode, today, fields);
  const number = textOf(body.healthCardNumber, 40).replace(/[\s-]/gu, "");
  if (number === "") fields.push({ field: "healthCardNumber", code: "required" });
  else if (!/^\d{20}$/u.test(number))
    fields.push({ field: "healthCardNumber", code: "health_card_number" });
  const expiry = textOf(body.healthCardExpiry, 20);
  if (expiry === "") fields.push({ field: "healthCardExpiry", code: "required" });
  else if (!/^\d{4}-\d{2}-\d{2}$/u.test(expiry) || Number.isNaN(Date.parse(expiry)))
    fields.push({ field: "healthCardExpiry", code: "invalid_date" });
  const email = textOf(body.email).toLowerCase();
  const pec = textOf(body.pec).toLowerCase();
  let to: To<"email" | "pec"> | null = null;
  for (const [channel, value] of [
    ["email", email],
    ["pec", pec],
  ] as const) {
    if (value === "") continue;
    if (!emailSchema.safeParse(value).success)
      fields.push({ field: channel, code: "invalid_email" });
    else to ??= { channel, recipient: value };
  }
  if (email === "" && pec === "") fields.push({ field: "email", code: "email_or_pec_required" });
  throwIfInvalid(fields);
  if (to === null) throw new AppError("VALIDATION_FAILED");
  return {
    fiscalCode,
    healthCardNumber: number,
    healthCardExpiry: expiry,
    to,
    lang: isLang(body.lang) ? body.lang : "it",
  };
}

export function requestRevocation(
  deps: RevocationDeps,
  req: { by: Acting; body: unknown },
): Promise<typeof RECEIVED> {
  return paced(deps.config.answerFloorMs, () => request(deps, req));
}

async function request(
  deps: RevocationDeps,
  req: { by: Acting; body: unknown },
): Promise<typeof RECEIVED> {
  await enforceLimit(deps, req.by, "revocation_source", req.by.origin.ip);
  const now = deps.clock.now();
  const input = validateRevocation(req.body, romeDate(now));
  // Per fiscal code and address given: a stranger's requests never use up the holder's.
  await enforceLimit(
    deps,
    req.by,
    "revocation_subject",
    `${input.fiscalCode}|${destinationKey(input.to.recipient)}`,
  );
  const fc = input.fiscalCode;
  const [person, credential] = await Promise.all([
    deps.uow.direct.archive.findPerson(fc),
    deps.uow.direct.credentials.active(fc),
  ]);
  const card = person?.healthCard;
  const cardMatches =
    card !== undefined &&
    card.number === input.healthCardNumber &&
    card.expiry === input.healthCardExpiry;
  // Both branches: a token, one transaction, one message.
  const token = newLinkToken(deps.randomBytes);
  const acting = { actor: req.by.actor, origin: req.by.origin, subject: fc };
  await deps.uow.run(async (r) => {
    const sent = await withinLimit(
      deps,
      r,
      req.by,
      "revocation_destination",
      destinationKey(input.to.recipient),
    );
    if (credential !== null && cardMatches) {
      const expiresAt = new Date(now.getTime() + LINK_SECONDS * 1000);
      await r.links.create({
        tokenHash: linkHash(deps, token),
        purpose: "revocation",
        fiscalCode: fc,
        createdAt: now,
        expiresAt,
      });
      if (sent)
        await r.outbox.enqueue(
          {
            id: deps.newId(),
            kind: "revocation_link",
            ...input.to,
            payload: {
              lang: input.lang,
              baseUrl: deps.config.publicUrl,
              expiresAt: expiresAt.toISOString(),
            },
            secret: token,
          },
          now,
        );
      r.audit.record({
        type: "revocation.requested",
        outcome: "success",
        ...acting,
        details: { linkChannel: input.to.channel, linkSent: sent },
      });
      return;
    }
    if (sent)
      await r.outbox.enqueue(
        {
          id: deps.newId(),
          kind: "revocation_instructions",
          ...input.to,
          payload: { lang: input.lang },
        },
        now,
      );
    r.audit.record({
      type: "revocation.requested",
      outcome: "refused",
      ...acting,
      details: {
        reason: credential === null ? "no_active_pin" : "health_card_mismatch",
        instructionsSent: sent,
      },
    });
  });
  return RECEIVED;
}

export const revocationLinkUsable = (deps: RevocationDeps, token: unknown): Promise<boolean> =>
  linkUsable(deps, "revocation", token);

export async function confirmRevocation(
  deps: RevocationDeps,
  req: { by: Acting; token: unknown },
): Promise<void> {
  await enforceLimit(deps, req.by, "link_confirm_source", req.by.origin.ip);
  if (!(await revocationLinkUsable(deps, req.token))) throw new AppError("LINK_INVALID");
  const tokenHash = linkHash(deps, req.token as string);
  const now = deps.clock.now();
  const done = await deps.uow.run(async (r) => {
    const fc = await r.links.use(tokenHash, "revocation", now);
    if (fc === null) {
      r.audit.record({
        type: "revocation.refused",
        outcome: "refused",
        actor: req.by.actor,
        origin: req.by.origin,
        details: { reason: "link_invalid" },
      });
      return false;
    }
    return revokeActivePin(
      deps,
      r,
      { actor: req.by.actor, origin: req.by.origin, subject: fc },
      now,
    );
  });
  if (!done) throw new AppError("LINK_INVALID");
}

/**
 * The revoking transaction's work, shared by the confirmation link and the contact centre
 * (after an identity check): whatever PIN is active is revoked, its sessions end, pending
 * recovery and revocation links are cancelled, an open conversion request is closed and every
 * registered contact is told; audited `pin.revoked`. False (audited `revocation.refused`) when
 * no PIN is active.
 */
export async function revokeActivePin(
  deps: { newId: () => string },
  r: Repos,
  acting: { actor: Acting["actor"]; origin: Acting["origin"]; subject: string },
  now: Date,
): Promise<boolean> {
  const fc = acting.subject;
  const contacts = await r.accounts.contacts(fc);
  // Whatever PIN is active now is revoked — also one a recovery or a PIN change issued since
  // the request (read again if it changed between the read and the end).
  let credential = await r.credentials.active(fc);
  let ended =
    credential !== null && (await r.credentials.end(credential.id, "revoked", now)) !== null;
  if (!ended) {
    credential = await r.credentials.active(fc);
    ended =
      credential !== null && (await r.credentials.end(credential.id, "revoked", now)) !== null;
  }
  if (credential === null || !ended) {
    r.audit.record({
      type: "revocation.refused",
      outcome: "refused",
      ...acting,
      details: { reason: "no_active_pin" },
    });
    return false;
  }
  const recoveries = await r.links.cancelPending(fc, "recovery", now);
  await r.links.cancelPending(fc, "revocation", now);
  // A conversion asked for with the PIN now revoked may have been the thief's: closed.
  for (const requestId of await r.conversions.cancelOpen(fc, now))
    r.audit.record({
      type: "conversion.cancelled",
      outcome: "success",
      ...acting,
      details: { requestId, reason: "pin_revoked" },
    });
  const targets = contacts === null ? [] : registeredTargets(contacts);
  for (const to of targets)
    await r.outbox.enqueue(
      {
        id: deps.newId(),
        kind: "revocation_notice",
        ...to,
        payload: { lang: contacts?.lang ?? "it", at: now.toISOString() },
      },
      now,
    );
  r.audit.record({
    type: "pin.revoked",
    outcome: "success",
    ...acting,
    details: {
      level: credential.level,
      recoveriesCancelled: recoveries,
      noticesSent: targets.length,
    },
  });
  return true;
}

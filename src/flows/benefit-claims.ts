/**
 * Benefit claims (issue 6 §6). Any PIN may file one, so that deadlines stop running (the
 * seed's rule): the claim gets a protocol number unique within its year and its filing time.
 * With an ordinary PIN it waits for the dispositive one (waiting_for_dispositive); with a
 * dispositive PIN it goes to processing. A conversion's approval releases the waiting ones
 * (flows/conversion-review.ts), keeping their filing time.
 */
import type { Acting } from "../domain/actor.ts";
import { BENEFITS, checkBenefitFields, findBenefit, type Benefit } from "../domain/benefits.ts";
import { romeDate } from "../domain/eligibility.ts";
import { AppError, ConflictError } from "../domain/errors.ts";
import type { Lang } from "../i18n/index.ts";
import type { LimitsDeps } from "./deps.ts";
import type { BenefitClaim, SessionRecord } from "./ports.ts";
import { enforceLimit } from "./rate-limit.ts";

export interface BenefitDeps extends LimitsDeps {
  newId: () => string;
}

/** The catalogue in one language, as clients read it. */
export function benefitCatalogue(lang: Lang) {
  return {
    benefits: BENEFITS.map((b) => ({
      type: b.type,
      name: b.name[lang],
      description: b.description[lang],
      fields: b.fields.map((f) => ({
        name: f.name,
        kind: f.kind,
        required: f.required,
        label: f.label[lang],
        ...(f.maxLength === undefined ? {} : { maxLength: f.maxLength }),
        ...(f.options === undefined
          ? {}
          : {
              options: f.options.map((o) => ({ value: o, label: f.optionLabels?.[lang][o] ?? o })),
            }),
      })),
    })),
  };
}

export interface BenefitClaimView {
  protocol: string;
  benefitType: string;
  filedAt: string;
  status: BenefitClaim["status"];
  releasedAt: string | null;
  fields: Record<string, string>;
}

export const claimView = (c: BenefitClaim): BenefitClaimView => ({
  protocol: c.protocol,
  benefitType: c.benefitType,
  filedAt: c.filedAt.toISOString(),
  status: c.status,
  releasedAt: c.releasedAt?.toISOString() ?? null,
  fields: c.fields,
});

/** "INPS.2026.0000123": the year of filing (Rome) and a sequence unique within it. */
export function formatProtocol(year: number, n: number): string {
  return `INPS.${year}.${String(n).padStart(7, "0")}`;
}

export async function fileBenefitClaim(
  deps: BenefitDeps,
  req: { by: Acting; session: SessionRecord; body: unknown; lang: Lang; clientKey?: unknown },
): Promise<{ protocol: string; filedAt: string; status: BenefitClaim["status"] }> {
  const s = req.session;
  const body =
    typeof req.body === "object" && req.body !== null ? (req.body as Record<string, unknown>) : {};
  const benefit: Benefit | undefined = findBenefit(body.benefitType);
  if (benefit === undefined)
    throw new AppError("VALIDATION_FAILED", {
      fields: [{ field: "benefitType", code: "unknown_benefit" }],
    });
  const now = deps.clock.now();
  const today = romeDate(now);
  const checked = checkBenefitFields(benefit, body.fields, today);
  if (!checked.ok) throw new AppError("VALIDATION_FAILED", { fields: checked.errors });
  const clientKey = clientKeyOf(req.clientKey);
  const answer = (c: BenefitClaim) => ({
    protocol: c.protocol,
    filedAt: c.filedAt.toISOString(),
    status: c.status,
  });
  // The same filing again (a double click, a retried request): the claim already filed.
  const filed =
    clientKey === null
      ? null
      : await deps.uow.direct.benefitClaims.byClientKey(s.fiscalCode, clientKey);
  if (filed !== null) return answer(filed);
  await enforceLimit(deps, req.by, "benefit_claim", s.fiscalCode);
  return deps.uow
    .run(async (r) => {
      // Read FOR SHARE: an approval changing the level waits for this claim to commit (and
      // then releases it), or has committed already (and the claim goes to processing).
      const level = await r.levels.activeLevelLocked(s.fiscalCode);
      if (level === null) throw new AppError("SESSION_EXPIRED");
      const year = Number(today.slice(0, 4));
      const protocol = formatProtocol(year, await r.benefitClaims.nextProtocol(year));
      const status: BenefitClaim["status"] =
        level === "dispositive" ? "in_processing" : "waiting_for_dispositive";
      await r.benefitClaims.insert({
        id: deps.newId(),
        protocol,
        fiscalCode: s.fiscalCode,
        benefitType: benefit.type,
        fields: checked.fields,
        status,
        filedAt: now,
        releasedAt: null,
        lang: req.lang,
        clientKey,
      });
      r.audit.record({
        type: "benefit_claim.filed",
        outcome: "success",
        actor: req.by.actor,
        origin: req.by.origin,
        subject: s.fiscalCode,
        details: { protocol, benefitType: benefit.type, status },
      });
      return { protocol, filedAt: now.toISOString(), status };
    })
    .catch(async (err: unknown) => {
      // A concurrent twin with the same key committed first: its answer.
      const twin =
        err instanceof ConflictError && clientKey !== null
          ? await deps.uow.direct.benefitClaims.byClientKey(s.fiscalCode, clientKey)
          : null;
      if (twin === null) throw err;
      return answer(twin);
    });
}

/** A client key: letters, digits, "-" and "_", at most 64; anything else is refused. */
function clientKeyOf(v: unknown): string | null {
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "string" && /^[A-Za-z0-9_-]{8,64}$/u.test(v)) return v;
  throw new AppError("VALIDATION_FAILED", {
    fields: [{ field: "idempotencyKey", code: "invalid" }],
  });
}

export async function benefitClaimsOf(
  deps: BenefitDeps,
  s: SessionRecord,
): Promise<BenefitClaimView[]> {
  return (await deps.uow.direct.benefitClaims.ofPerson(s.fiscalCode)).map(claimView);
}

/** One claim of the holder, for its receipt (audited); NOT_FOUND for anyone else's. */
export async function benefitClaimForReceipt(
  deps: BenefitDeps,
  req: { by: Acting; session: SessionRecord; protocol: unknown },
): Promise<BenefitClaim> {
  const claims = await deps.uow.direct.benefitClaims.ofPerson(req.session.fiscalCode);
  const claim = claims.find((c) => c.protocol === req.protocol);
  if (claim === undefined) throw new AppError("NOT_FOUND");
  await deps.uow.run(async (r) => {
    r.audit.record({
      type: "benefit_claim.receipt_downloaded",
      outcome: "success",
      actor: req.by.actor,
      origin: req.by.origin,
      subject: req.session.fiscalCode,
      details: { protocol: claim.protocol },
    });
  });
  return claim;
}

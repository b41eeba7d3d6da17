/**
 * Contact-centre journeys: a caller's answers built from the archive, an identity check, and
 * claims sent to the outbound verification queue (an online claim that fails the checks).
 */
import assert from "node:assert/strict";
import type { ArchivePerson } from "../../src/domain/archive.ts";
import { lookupBelfiore } from "../../src/domain/belfiore.ts";
import { verifyAudit } from "../../src/store/audit.ts";
import { api, claimBody, type Jar, type TestService } from "./app.ts";

/** What the real person answers on the phone (as they would say it: any case, no accents). */
export function answersOf(p: ArchivePerson, overrides: Record<string, unknown> = {}) {
  const place = lookupBelfiore(p.birthPlaceCode);
  return {
    birthDate: p.birthDate,
    birthPlace: (place?.name ?? "").toLowerCase(),
    address: {
      line1: p.residence.line1.toUpperCase(),
      ...(p.residence.line2 === undefined ? {} : { line2: p.residence.line2 }),
      city: p.residence.city.toLowerCase(),
      postalCode: p.residence.postalCode,
      country: p.residence.country,
    },
    ...(p.healthCard === undefined ? {} : { healthCardNumber: p.healthCard.number }),
    ...overrides,
  };
}

export const CALL = { kind: "call", ref: "call-2026-03-02-0001" } as const;

export async function identityCheck(
  s: TestService,
  jar: Jar,
  p: ArchivePerson,
  answers: Record<string, unknown> = answersOf(p),
): Promise<{ checkId: string; passed: boolean }> {
  const r = await api(
    s,
    "POST",
    "/api/v1/staff/identity-checks",
    { fiscalCode: p.fiscalCode, reason: CALL, answers },
    jar,
  );
  assert.equal(r.statusCode, 200, r.body);
  return r.json<{ checkId: string; passed: boolean }>();
}

/** A passed check's id (asserted). */
export async function passedCheck(s: TestService, jar: Jar, p: ArchivePerson): Promise<string> {
  const c = await identityCheck(s, jar, p);
  assert.equal(c.passed, true);
  return c.checkId;
}

/** An online claim that fails the automatic checks (a surname typed wrong): queued. */
export async function queuedClaim(s: TestService, p: ArchivePerson): Promise<string> {
  const r = await api(s, "POST", "/api/v1/claims", claimBody(p, { surname: "Nonesuch" }));
  assert.equal(r.statusCode, 202, r.body);
  const out = r.json<{ claimId: string; status: string }>();
  assert.equal(out.status, "under_verification");
  return out.claimId;
}

export async function auditVerifies(s: TestService): Promise<void> {
  const verdict = await verifyAudit(s.rt.db, s.rt.auditKeys.chain);
  assert.ok(verdict.ok, JSON.stringify(verdict));
}

/** The details of a person's audit events of one type, in order. */
export async function auditDetails(
  s: TestService,
  type: string,
  where: { claimId?: string } = {},
): Promise<Record<string, unknown>[]> {
  const rows = await s.rt.db.query<{ details: Record<string, unknown> }>(
    `SELECT details FROM audit_event WHERE type = $1 ORDER BY seq`,
    [type],
  );
  return rows
    .map((r) => r.details)
    .filter((d) => where.claimId === undefined || d.claimId === where.claimId);
}

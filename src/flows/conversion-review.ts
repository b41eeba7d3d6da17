/**
 * A reviewer's side of the conversion (issue 6 §5): list the requests, read a request's
 * documents (opened from their seal, audited), approve or reject. Approval makes the holder's
 * active PIN dispositive and releases their waiting benefit claims in the same transaction;
 * the holder is told either way. Until the staff back office exists the CLI calls these as a
 * system actor; the rules do not depend on who calls.
 */
import type { Acting } from "../domain/actor.ts";
import { AppError } from "../domain/errors.ts";
import { documentContext, openDocument, type DocumentKeyring } from "../security/envelope.ts";
import type { BaseDeps } from "./deps.ts";
import type { ConversionRequest, ConversionStatus, DocumentRole, Repos } from "./ports.ts";

export interface ReviewDeps extends BaseDeps {
  newId: () => string;
  documentKey: DocumentKeyring;
}

function actorName(by: Acting): string {
  const a = by.actor;
  return a.kind === "staff" ? `staff:${a.id}` : a.kind === "system" ? `system:${a.name}` : a.kind;
}

/** The requests in a status (all when omitted), oldest first; the reading is audited. */
export async function listConversions(
  deps: BaseDeps,
  req: { by: Acting; status?: ConversionStatus | undefined },
): Promise<ConversionRequest[]> {
  const rows = await deps.uow.direct.conversions.list(req.status);
  // Each person whose request is shown sees this reading in their activity.
  await deps.uow.run(async (r) => {
    for (const c of rows)
      r.audit.record({
        type: "conversion.requests_listed",
        outcome: "success",
        ...req.by,
        subject: c.fiscalCode,
        details: { status: req.status ?? "all", count: rows.length },
      });
  });
  return rows;
}

export interface OpenedDocument {
  role: DocumentRole;
  mediaType: string;
  bytes: Buffer;
}

/** A request's documents, opened: for a reviewer only (never served to the citizen). */
export async function readConversionDocuments(
  deps: ReviewDeps,
  req: { by: Acting; id: string },
): Promise<OpenedDocument[]> {
  return deps.uow.run(async (r) => {
    const c = await r.conversions.find(req.id);
    if (c === null) throw new AppError("NOT_FOUND");
    const docs = await r.documents.ofRequest(c.id);
    r.audit.record({
      type: "conversion.documents_read",
      outcome: "success",
      ...req.by,
      subject: c.fiscalCode,
      details: { requestId: c.id, documents: docs.length },
    });
    return docs.map((d) => ({
      role: d.role,
      mediaType: d.mediaType,
      bytes: openDocument(deps.documentKey, d, documentContext(d)),
    }));
  });
}

async function tellHolder(
  deps: ReviewDeps,
  r: Repos,
  c: ConversionRequest,
  outcome: { approved: boolean; reason: string | null; claimsReleased: number },
  now: Date,
): Promise<void> {
  const contacts = await r.accounts.contacts(c.fiscalCode);
  if (contacts === null) return;
  const to =
    contacts.email !== null
      ? { channel: "email" as const, recipient: contacts.email }
      : contacts.pec !== null
        ? { channel: "pec" as const, recipient: contacts.pec }
        : contacts.mobile !== null
          ? { channel: "sms" as const, recipient: contacts.mobile }
          : null;
  if (to === null) return;
  await r.outbox.enqueue(
    {
      id: deps.newId(),
      kind: "conversion_decided",
      ...to,
      payload: {
        lang: contacts.lang,
        outcome: outcome.approved ? "approved" : "rejected",
        reference: c.reference,
        reason: outcome.reason,
        claimsReleased: outcome.claimsReleased,
      },
    },
    now,
  );
}

export async function decideConversion(
  deps: ReviewDeps,
  req: {
    by: Acting;
    id: string;
    approve: boolean;
    reason?: string;
    /**
     * The back office's own checks and records, in the decision's transaction before the
     * request is decided (the review queue: the item's holder, the reason code).
     */
    within?: (r: Repos, c: ConversionRequest) => Promise<void>;
  },
): Promise<{ status: "approved" | "rejected"; claimsReleased: string[] }> {
  const reason = (req.reason ?? "").trim().slice(0, 500);
  if (!req.approve && reason === "")
    throw new AppError("VALIDATION_FAILED", { fields: [{ field: "reason", code: "required" }] });
  const now = deps.clock.now();
  return deps.uow.run(async (r) => {
    const c = await r.conversions.find(req.id);
    if (c === null) throw new AppError("NOT_FOUND");
    await req.within?.(r, c);
    const status = req.approve ? "approved" : "rejected";
    const decided = await r.conversions.decide(c.id, {
      status,
      reason: req.approve ? null : reason,
      at: now,
      by: actorName(req.by),
    });
    if (!decided) throw new AppError("CONVERSION_DECIDED");
    const subject = { ...req.by, subject: c.fiscalCode };
    if (!req.approve) {
      r.audit.record({
        type: "conversion.rejected",
        outcome: "success",
        ...subject,
        details: { requestId: c.id, reasonChars: reason.length },
      });
      await tellHolder(deps, r, c, { approved: false, reason, claimsReleased: 0 }, now);
      return { status, claimsReleased: [] };
    }
    // The credential row is locked by this update: a benefit claim being filed meanwhile
    // (which reads the level FOR SHARE) commits first and is released below, or waits and
    // then sees the dispositive level.
    if (!(await r.levels.makeDispositive(c.fiscalCode)))
      throw new AppError("PIN_NOT_ELIGIBLE", { extra: { reason: "no_active_pin" } });
    const released = await r.benefitClaims.releaseWaiting(c.fiscalCode, now);
    for (const protocol of released)
      r.audit.record({
        type: "benefit_claim.released",
        outcome: "success",
        ...subject,
        details: { protocol, requestId: c.id },
      });
    r.audit.record({
      type: "conversion.approved",
      outcome: "success",
      ...subject,
      details: { requestId: c.id, claimsReleased: released.length },
    });
    await tellHolder(
      deps,
      r,
      c,
      { approved: true, reason: null, claimsReleased: released.length },
      now,
    );
    return { status, claimsReleased: released };
  });
}

/**
 * A reviewer's decision on a conversion request (issue 7): approve, or reject with a reason
 * from the list (and a note; "other" needs one). The decision itself is decideConversion's
 * (conversion-review.ts): approval makes the active PIN dispositive and releases the waiting
 * benefit claims, and the holder is told either way (`conversion_decided`). Whoever registered
 * a fax may not decide it (SEGREGATION_OF_DUTIES, audited); an item another reviewer holds is
 * theirs until their hold ends (REVIEW_ITEM_TAKEN).
 */
import type { Acting } from "../../domain/actor.ts";
import { AppError, type FieldError } from "../../domain/errors.ts";
import { cleanNote, isRejectionReason, type RejectionReason } from "../../domain/review.ts";
import type { StaffMember } from "../../domain/staff.ts";
import { t } from "../../i18n/index.ts";
import { decideConversion, type ReviewDeps } from "../conversion-review.ts";
import { isOwnIntake, refuseOnItem } from "./review-queue.ts";

export interface DecisionInput {
  decision: "approve" | "reject";
  reasonCode: RejectionReason | null;
  note: string | null;
}

/** The decision as sent (API body or form); VALIDATION_FAILED naming the fields. */
export function parseDecision(body: unknown): DecisionInput {
  const b = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const fields: FieldError[] = [];
  const decision = b.decision;
  if (decision !== "approve" && decision !== "reject")
    fields.push({ field: "decision", code: "decision_invalid" });
  const reasonCode = isRejectionReason(b.reasonCode) ? b.reasonCode : null;
  const note = cleanNote(b.note === "" ? null : b.note);
  if (note === false) fields.push({ field: "note", code: "note_invalid" });
  if (decision === "reject" && reasonCode === null)
    fields.push({ field: "reasonCode", code: "reason_code_required" });
  if (decision === "reject" && reasonCode === "other" && note === null)
    fields.push({ field: "note", code: "note_required" });
  if (fields.length > 0 || (decision !== "approve" && decision !== "reject") || note === false)
    throw new AppError("VALIDATION_FAILED", { fields });
  return { decision, reasonCode: decision === "approve" ? null : reasonCode, note };
}

export async function decideReviewItem(
  deps: ReviewDeps,
  req: { by: Acting; member: StaffMember; requestId: string; body: unknown },
): Promise<{ requestId: string; status: "approved" | "rejected"; claimsReleased: string[] }> {
  const input = parseDecision(req.body);
  const item = await deps.uow.direct.review.item(req.requestId);
  if (item === null) throw new AppError("NOT_FOUND");
  // Who registered a fax never changes: checked before, refused with its own audit event.
  if (await isOwnIntake(deps, item, req.member.id))
    return refuseOnItem(deps, req.by, item, "decide", "own_intake");
  // The holder is told the reason in their language: the label, and the note if any.
  const lang = (await deps.uow.direct.accounts.contacts(item.fiscalCode))?.lang ?? "it";
  const reason =
    input.reasonCode === null
      ? undefined
      : [t(lang, `staffReview.reasons.${input.reasonCode}`), input.note]
          .filter((x) => x !== null)
          .join(": ");
  const held = { byAnother: false };
  try {
    const done = await decideConversion(deps, {
      by: req.by,
      id: item.id,
      approve: input.decision === "approve",
      ...(reason === undefined ? {} : { reason }),
      within: async (r) => {
        const locked = await r.review.item(item.id, true);
        const now = deps.clock.now();
        if (
          locked !== null &&
          locked.status === "submitted" &&
          locked.assignedTo !== null &&
          locked.assignedTo !== req.member.id &&
          locked.assignedUntil !== null &&
          locked.assignedUntil > now
        ) {
          held.byAnother = true;
          throw new AppError("REVIEW_ITEM_TAKEN");
        }
        if (input.reasonCode !== null) await r.review.setReasonCode(item.id, input.reasonCode);
        r.audit.record({
          type: "review.decided",
          outcome: "success",
          ...req.by,
          subject: item.fiscalCode,
          details: { requestId: item.id, decision: input.decision, reasonCode: input.reasonCode },
        });
      },
    });
    return { requestId: item.id, ...done };
  } catch (err) {
    if (held.byAnother) return refuseOnItem(deps, req.by, item, "decide", "taken_by_another");
    throw err;
  }
}

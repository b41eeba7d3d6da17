/**
 * The review queue (issue 7): conversion requests waiting for a decision, online uploads and
 * registered faxes alike, oldest first. Opening an item records the reading with the reason
 * `review_item` (the holder sees it); a reviewer takes an item for REVIEW_LEASE_SECONDS so two
 * reviewers do not work on it at once; each document opened is audited. Whoever registered a
 * fax may neither take nor decide it (segregation of duties, review-decision.ts).
 */
import type { Acting } from "../../domain/actor.ts";
import { formatPostalAddress } from "../../domain/address/letter.ts";
import { lookupBelfiore } from "../../domain/belfiore.ts";
import { AppError } from "../../domain/errors.ts";
import { maskFiscalCode } from "../../domain/mask.ts";
import { REVIEW_LEASE_SECONDS, type ConversionChannel } from "../../domain/review.ts";
import type { StaffMember } from "../../domain/staff.ts";
import { documentContext, openDocument } from "../../security/envelope.ts";
import type { BaseDeps } from "../deps.ts";
import type { ReviewDeps } from "../conversion-review.ts";
import type { Repos } from "../ports.ts";
import type { ReviewDocumentInfo, ReviewItem } from "../ports-review.ts";
import { recordOpened } from "./record.ts";

const QUEUE_LIMIT = 200;

export interface QueueEntry {
  requestId: string;
  reference: string;
  fiscalCodeMasked: string;
  channel: ConversionChannel;
  submittedAt: string;
  /** free: nobody holds it; mine: the reader; other: another reviewer, until `heldUntil`. */
  holder: "free" | "mine" | "other";
  heldUntil: string | null;
  /** The reader registered this fax: another reviewer decides it. */
  registeredByMe: boolean;
}

function holderOf(item: ReviewItem, me: string, now: Date): QueueEntry["holder"] {
  if (item.assignedTo === null || item.assignedUntil === null || item.assignedUntil <= now)
    return "free";
  return item.assignedTo === me ? "mine" : "other";
}

function entry(item: ReviewItem, me: string, now: Date): QueueEntry {
  const holder = holderOf(item, me, now);
  return {
    requestId: item.id,
    reference: item.reference,
    fiscalCodeMasked: maskFiscalCode(item.fiscalCode),
    channel: item.channel,
    submittedAt: item.submittedAt.toISOString(),
    holder,
    heldUntil: holder === "free" ? null : (item.assignedUntil?.toISOString() ?? null),
    registeredByMe: item.registeredBy === me,
  };
}

/** The waiting requests, oldest first; each holder shown sees the reading in their activity. */
export async function reviewQueue(
  deps: BaseDeps,
  req: { by: Acting; member: StaffMember },
): Promise<QueueEntry[]> {
  const items = await deps.uow.direct.review.waiting(QUEUE_LIMIT);
  await deps.uow.run(async (r) => {
    for (const item of items)
      r.audit.record({
        type: "conversion.requests_listed",
        outcome: "success",
        ...req.by,
        subject: item.fiscalCode,
        details: { status: "submitted", count: items.length },
      });
  });
  const now = deps.clock.now();
  return items.map((i) => entry(i, req.member.id, now));
}

export interface ReviewItemView extends QueueEntry {
  status: ReviewItem["status"];
  fiscalCode: string;
  decidedAt: string | null;
  reason: string | null;
  reasonCode: string | null;
  /** From the archive (null: the person is not in it). */
  person: {
    surname: string;
    givenNames: string;
    birthDate: string;
    birthPlace: string;
    residence: string[];
  } | null;
  documents: (ReviewDocumentInfo & { href: string })[];
  /** Whether the reader may decide it (not their own fax, still waiting). */
  mayDecide: boolean;
}

async function itemOrNotFound(r: Pick<Repos, "review">, id: string): Promise<ReviewItem> {
  const item = await r.review.item(id);
  if (item === null) throw new AppError("NOT_FOUND");
  return item;
}

/** One request with the archive's data and its documents; recorded as a reading (review_item). */
export async function openReviewItem(
  deps: BaseDeps,
  req: { by: Acting; member: StaffMember; requestId: string },
): Promise<ReviewItemView> {
  return deps.uow.run(async (r) => {
    const item = await itemOrNotFound(r, req.requestId);
    const person = await r.archive.findPerson(item.fiscalCode);
    const documents = await r.review.documents(item.id);
    recordOpened(r, req.by, item.fiscalCode, { kind: "review_item", ref: item.id });
    const now = deps.clock.now();
    const place = person === null ? undefined : lookupBelfiore(person.birthPlaceCode);
    return {
      ...entry(item, req.member.id, now),
      status: item.status,
      fiscalCode: item.fiscalCode,
      decidedAt: item.decidedAt?.toISOString() ?? null,
      reason: item.reason,
      reasonCode: item.reasonCode,
      person:
        person === null
          ? null
          : {
              surname: person.surname,
              givenNames: person.givenNames,
              birthDate: person.birthDate,
              birthPlace:
                place === undefined
                  ? person.birthPlaceCode
                  : `${place.name}${place.province === undefined ? "" : ` (${place.province})`}`,
              residence: formatPostalAddress(
                `${person.givenNames} ${person.surname}`,
                person.residence,
              ).slice(1),
            },
      documents: documents.map((d) => ({
        ...d,
        href: `/api/v1/staff/review-queue/${item.id}/documents/${d.id}`,
      })),
      mayDecide: item.status === "submitted" && item.registeredBy !== req.member.id,
    };
  });
}

/** Refuses (audited, in its own transaction) what the reader may not do to the item. */
export async function refuseOnItem(
  deps: BaseDeps,
  by: Acting,
  item: ReviewItem,
  action: "take" | "decide",
  reason: "own_intake" | "taken_by_another",
): Promise<never> {
  await deps.uow.run(async (r) => {
    r.audit.record({
      type: "review.item_refused",
      outcome: "refused",
      ...by,
      subject: item.fiscalCode,
      details: { requestId: item.id, action, reason },
    });
  });
  throw new AppError(reason === "own_intake" ? "SEGREGATION_OF_DUTIES" : "REVIEW_ITEM_TAKEN");
}

/**
 * Whether the member may not decide the item as its fax's registrar: the registrar themselves,
 * or an account enrolled through a link the registrar issued (they held that link, so could
 * have enrolled it themselves).
 */
export async function isOwnIntake(
  deps: BaseDeps,
  item: ReviewItem,
  memberId: string,
): Promise<boolean> {
  if (item.registeredBy === null) return false;
  if (item.registeredBy === memberId) return true;
  const me = await deps.uow.direct.staff.byId(memberId);
  return me?.enrolmentIssuedBy === item.registeredBy;
}

/** The reader takes the item (or keeps it) for REVIEW_LEASE_SECONDS. */
export async function takeReviewItem(
  deps: BaseDeps,
  req: { by: Acting; member: StaffMember; requestId: string },
): Promise<{ requestId: string; heldUntil: string }> {
  const item = await itemOrNotFound(deps.uow.direct, req.requestId);
  if (await isOwnIntake(deps, item, req.member.id))
    return refuseOnItem(deps, req.by, item, "take", "own_intake");
  if (item.status !== "submitted") throw new AppError("CONVERSION_DECIDED");
  const now = deps.clock.now();
  const until = new Date(now.getTime() + REVIEW_LEASE_SECONDS * 1000);
  const taken = await deps.uow.run(async (r) => {
    if (!(await r.review.assign(item.id, req.member.id, now, until))) return false;
    r.audit.record({
      type: "review.item_taken",
      outcome: "success",
      ...req.by,
      subject: item.fiscalCode,
      details: { requestId: item.id, until: until.toISOString() },
    });
    return true;
  });
  if (!taken) {
    const again = await itemOrNotFound(deps.uow.direct, req.requestId);
    if (again.status !== "submitted") throw new AppError("CONVERSION_DECIDED");
    return refuseOnItem(deps, req.by, item, "take", "taken_by_another");
  }
  return { requestId: item.id, heldUntil: until.toISOString() };
}

export interface ServedDocument {
  mediaType: string;
  bytes: Buffer;
  fileName: string;
}

/** One document opened from its seal for a reviewer; every reading audited. */
export async function readReviewDocument(
  deps: ReviewDeps,
  req: { by: Acting; requestId: string; documentId: string },
): Promise<ServedDocument> {
  return deps.uow.run(async (r) => {
    const item = await itemOrNotFound(r, req.requestId);
    const d = await r.review.document(item.id, req.documentId);
    if (d === null) throw new AppError("NOT_FOUND");
    r.audit.record({
      type: "review.document_read",
      outcome: "success",
      ...req.by,
      subject: item.fiscalCode,
      details: { requestId: item.id, documentId: d.id, page: d.page },
    });
    const extension = d.mediaType === "application/pdf" ? "pdf" : d.mediaType.slice(6);
    return {
      mediaType: d.mediaType,
      bytes: openDocument(deps.documentKey, d, documentContext(d)),
      fileName: `${item.reference}-${d.role}${d.role === "fax_pages" ? `-${d.page + 1}` : ""}.${extension}`,
    };
  });
}

/**
 * Fax intake (issue 7): a back-office operator registers the pages of a received fax (the
 * signed form and the identity document) for the fiscal code on the form, which creates a
 * conversion request of channel `fax` in the review queue, registered by them — so another
 * reviewer decides it. Each file is judged by its content (TIFF pages re-encoded as PNG;
 * PDF, JPEG and PNG as a holder's upload) and sealed like the holder's uploads.
 */
import type { Acting } from "../../domain/actor.ts";
import { AppError, ConflictError, type FieldError } from "../../domain/errors.ts";
import { MAX_FAX_FILES, MAX_FAX_PAGES } from "../../domain/review.ts";
import type { StaffMember } from "../../domain/staff.ts";
import { documentContext, sealDocument } from "../../security/envelope.ts";
import { inspectFaxUpload, type UploadMediaType } from "../../security/uploads.ts";
import {
  displayName,
  nextReference,
  type ConversionDeps,
  type UploadedFile,
} from "../conversion.ts";
import { recordOpened, staffFiscalCode } from "./record.ts";

export const FAX_FIELD = "pages";

type Page = { mediaType: UploadMediaType; bytes: Buffer };

/** The files' pages in order, or VALIDATION_FAILED naming each refused file (audited). */
async function pagesOf(
  deps: ConversionDeps,
  by: Acting,
  fiscalCode: string,
  files: readonly UploadedFile[],
): Promise<Page[]> {
  if (files.length === 0)
    throw new AppError("VALIDATION_FAILED", {
      fields: [{ field: FAX_FIELD, code: "fax_files_required" }],
    });
  if (files.length > MAX_FAX_FILES)
    throw new AppError("VALIDATION_FAILED", {
      fields: [{ field: FAX_FIELD, code: "too_many_pages" }],
    });
  const fields: FieldError[] = [];
  const refused: { file: number; refusal: string }[] = [];
  const pages: Page[] = [];
  for (const [i, file] of files.entries()) {
    const v = file.truncated
      ? ({ ok: false, refusal: "too_large" } as const)
      : await inspectFaxUpload(file.bytes, MAX_FAX_PAGES);
    if (v.ok) pages.push(...v.pages);
    else {
      const code = v.refusal === "file_type" ? "upload_fax_file_type" : `upload_${v.refusal}`;
      fields.push({ field: FAX_FIELD, code, params: { file: displayName(file.fileName) } });
      refused.push({ file: i + 1, refusal: v.refusal });
    }
  }
  if (refused.length > 0)
    await deps.uow.run(async (r) => {
      for (const details of refused)
        r.audit.record({
          type: "review.fax_refused",
          outcome: "refused",
          ...by,
          subject: fiscalCode,
          details,
        });
    });
  if (fields.length === 0 && pages.length > MAX_FAX_PAGES)
    fields.push({ field: FAX_FIELD, code: "too_many_pages" });
  if (fields.length > 0) throw new AppError("VALIDATION_FAILED", { fields });
  return pages;
}

export async function registerFax(
  deps: ConversionDeps,
  req: { by: Acting; member: StaffMember; fiscalCode: unknown; files: readonly UploadedFile[] },
): Promise<{ requestId: string; reference: string }> {
  const now = deps.clock.now();
  const fiscalCode = staffFiscalCode(req.fiscalCode, now);
  const pages = await pagesOf(deps, req.by, fiscalCode, req.files);
  const id = deps.newId();
  try {
    return await deps.uow.run(async (r) => {
      const level = await r.levels.activeLevelLocked(fiscalCode);
      if (level === null)
        throw new AppError("VALIDATION_FAILED", {
          fields: [{ field: "fiscalCode", code: "no_active_pin" }],
        });
      const reference = await nextReference(deps, r, fiscalCode, level);
      await r.review.insertFax({
        id,
        reference,
        fiscalCode,
        status: "submitted",
        reason: null,
        submittedAt: now,
        decidedAt: null,
        decidedBy: null,
        documentsDeletedAt: null,
        registeredBy: req.member.id,
      });
      for (const [page, p] of pages.entries()) {
        const doc = { id: deps.newId(), requestId: id, role: "fax_pages", mediaType: p.mediaType };
        await r.review.putDocument({
          ...doc,
          role: "fax_pages",
          page,
          size: p.bytes.length,
          ...sealDocument(deps.documentKey, p.bytes, documentContext(doc)),
          createdAt: now,
        });
      }
      recordOpened(r, req.by, fiscalCode, { kind: "fax", ref: id });
      r.audit.record({
        type: "review.fax_registered",
        outcome: "success",
        ...req.by,
        subject: fiscalCode,
        details: { requestId: id, reference, files: req.files.length, pages: pages.length },
      });
      return { requestId: id, reference };
    });
  } catch (err) {
    if (err instanceof ConflictError) throw new AppError("CONVERSION_PENDING", { cause: err });
    throw err;
  }
}

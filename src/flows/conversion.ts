/**
 * Conversion of an ordinary PIN to dispositive (issue 6 §5). The holder downloads a pre-filled
 * form carrying the request's reference, signs it and uploads it with a scan of an identity
 * document; each file is judged by its content (security/uploads.ts) and stored sealed
 * (security/envelope.ts) behind the document store; a reviewer decides (until the staff back
 * office exists, the `inps-pin conversion` command, as a system actor). Approval makes the
 * active PIN dispositive — sessions keep the level they were opened with, the new one counts
 * from the next login — releases the holder's waiting benefit claims and tells the holder.
 */
import type { Acting } from "../domain/actor.ts";
import type { PinLevel } from "../domain/credential.ts";
import { AppError, ConflictError, type FieldError } from "../domain/errors.ts";
import { hmacHex } from "../security/crypto.ts";
import { documentContext, sealDocument, type DocumentKeyring } from "../security/envelope.ts";
import { inspectUpload, type UploadMediaType } from "../security/uploads.ts";
import type { LimitsDeps } from "./deps.ts";
import type { ConversionRequest, DocumentRole, Repos, SessionRecord } from "./ports.ts";
import { enforceLimit } from "./rate-limit.ts";

export interface ConversionDeps extends LimitsDeps {
  newId: () => string;
  documentKey: DocumentKeyring;
}

/** A file as the edge received it: its name as sent (shown back in messages only). */
export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
  /** The edge stopped reading past the size limit. */
  truncated: boolean;
}

export const UPLOAD_FIELDS: Record<DocumentRole, string> = {
  signed_form: "signedForm",
  identity_document: "identityDocument",
};

const ROLES = Object.keys(UPLOAD_FIELDS) as DocumentRole[];

/** The reference printed on the n-th form of a person: the same until a request is made. */
function referenceFor(deps: ConversionDeps, fiscalCode: string, n: number): string {
  const digest = hmacHex(deps.keys.links, `conversion|${fiscalCode}|${n}`);
  // 64 bits: 13 base-36 characters (a collision needs billions of requests).
  const code = BigInt(`0x${digest.slice(0, 16)}`)
    .toString(36)
    .toUpperCase()
    .padStart(13, "0");
  return `CD-${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

const citizen = (s: SessionRecord, by: Acting) => ({
  actor: by.actor,
  origin: by.origin,
  subject: s.fiscalCode,
});

/** Refuses when the PIN is already dispositive or a request is open; the next reference (also the fax intake's). */
export async function nextReference(
  deps: ConversionDeps,
  r: Pick<Repos, "conversions">,
  fiscalCode: string,
  level: PinLevel | null,
): Promise<string> {
  if (level === null) throw new AppError("SESSION_EXPIRED");
  if (level === "dispositive") throw new AppError("ALREADY_DISPOSITIVE");
  const earlier = await r.conversions.ofPerson(fiscalCode);
  if (earlier.some((c) => c.status === "submitted")) throw new AppError("CONVERSION_PENDING");
  return referenceFor(deps, fiscalCode, earlier.length + 1);
}

export interface ConversionForm {
  reference: string;
  fiscalCode: string;
  surname: string;
  givenNames: string;
  date: Date;
}

/** What the printable form carries; a download is audited (nothing else changes). */
export async function conversionForm(
  deps: ConversionDeps,
  req: { by: Acting; session: SessionRecord },
): Promise<ConversionForm> {
  const s = req.session;
  const level = (await deps.uow.direct.credentials.active(s.fiscalCode))?.level ?? null;
  const reference = await nextReference(deps, deps.uow.direct, s.fiscalCode, level);
  await deps.uow.run(async (r) => {
    r.audit.record({
      type: "conversion.form_downloaded",
      outcome: "success",
      ...citizen(s, req.by),
      details: { reference },
    });
  });
  return {
    reference,
    fiscalCode: s.fiscalCode,
    surname: s.surname ?? "",
    givenNames: s.givenNames ?? "",
    date: deps.clock.now(),
  };
}

/** A file name fit to be shown back: no path, no control characters, at most 80 characters. */
export function displayName(name: string): string {
  const base = name.split(/[\\/]/u).pop() ?? "";
  // Control and format characters (C0, C1, bidi overrides) go.
  const clean = base.replace(/[\p{Cc}\p{Cf}]/gu, "").trim();
  return clean === "" ? "-" : clean.slice(0, 80);
}

export interface ConversionView {
  level: PinLevel;
  requestId: string | null;
  reference: string | null;
  status: "none" | ConversionRequest["status"];
  reason: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
}

export async function submitConversion(
  deps: ConversionDeps,
  req: { by: Acting; session: SessionRecord; files: Partial<Record<DocumentRole, UploadedFile>> },
): Promise<{ requestId: string; reference: string; status: "submitted" }> {
  const s = req.session;
  await enforceLimit(deps, req.by, "conversion_upload", s.fiscalCode);
  const fields: FieldError[] = [];
  const accepted: { role: DocumentRole; fileName: string; type: UploadMediaType; bytes: Buffer }[] =
    [];
  const refused: { field: string; refusal: string }[] = [];
  for (const role of ROLES) {
    const field = UPLOAD_FIELDS[role];
    const file = req.files[role];
    if (file === undefined) {
      fields.push({ field, code: "file_required" });
      continue;
    }
    const name = displayName(file.fileName);
    const verdict = file.truncated ? ({ ok: false, refusal: "too_large" } as const) : null;
    const v = verdict ?? (await inspectUpload(file.bytes));
    if (v.ok) accepted.push({ role, fileName: name, type: v.mediaType, bytes: v.bytes });
    else {
      fields.push({ field, code: `upload_${v.refusal}`, params: { file: name } });
      refused.push({ field, refusal: v.refusal });
    }
  }
  if (refused.length > 0)
    await deps.uow.run(async (r) => {
      for (const details of refused)
        r.audit.record({
          type: "conversion.upload_refused",
          outcome: "refused",
          ...citizen(s, req.by),
          details,
        });
    });
  if (fields.length > 0) throw new AppError("VALIDATION_FAILED", { fields });
  const now = deps.clock.now();
  const id = deps.newId();
  try {
    return await deps.uow.run(async (r) => {
      const level = await r.levels.activeLevelLocked(s.fiscalCode);
      const reference = await nextReference(deps, r, s.fiscalCode, level);
      await r.conversions.insert({
        id,
        reference,
        fiscalCode: s.fiscalCode,
        status: "submitted",
        reason: null,
        submittedAt: now,
        decidedAt: null,
        decidedBy: null,
        documentsDeletedAt: null,
      });
      for (const f of accepted) {
        const doc = { id: deps.newId(), requestId: id, role: f.role, mediaType: f.type };
        await r.documents.put({
          ...doc,
          size: f.bytes.length,
          ...sealDocument(deps.documentKey, f.bytes, documentContext(doc)),
          createdAt: now,
        });
      }
      r.audit.record({
        type: "conversion.submitted",
        outcome: "success",
        ...citizen(s, req.by),
        details: {
          requestId: id,
          reference,
          documents: accepted.map((f) => ({
            role: f.role,
            mediaType: f.type,
            size: f.bytes.length,
          })),
        },
      });
      return { requestId: id, reference, status: "submitted" as const };
    });
  } catch (err) {
    if (err instanceof ConflictError) throw new AppError("CONVERSION_PENDING", { cause: err });
    throw err;
  }
}

export async function conversionStatus(
  deps: ConversionDeps,
  s: SessionRecord,
): Promise<ConversionView> {
  const level = (await deps.uow.direct.credentials.active(s.fiscalCode))?.level ?? s.level;
  const latest = (await deps.uow.direct.conversions.ofPerson(s.fiscalCode))[0];
  return {
    level,
    requestId: latest?.id ?? null,
    reference: latest?.reference ?? null,
    status: latest?.status ?? "none",
    reason: latest?.reason ?? null,
    submittedAt: latest?.submittedAt.toISOString() ?? null,
    decidedAt: latest?.decidedAt?.toISOString() ?? null,
  };
}

/**
 * What the desk's API and its pages share: the schemas, the delegation form's multipart
 * (documents by role), and the MV35 PIN sheet's one download.
 */
import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { Acting } from "../../../domain/actor.ts";
import { AppError } from "../../../domain/errors.ts";
import {
  DELEGATION_DOCUMENTS,
  DOCUMENT_FIELDS,
  type DelegationDocumentRole,
} from "../../../domain/delegations.ts";
import type { StaffMember } from "../../../domain/staff.ts";
import type { UploadedFile } from "../../../flows/conversion.ts";
import { officeName } from "../../../flows/staff/desk-common.ts";
import { takeDeskPin } from "../../../flows/staff/desk-mv35.ts";
import type { Lang } from "../../../i18n/index.ts";
import { renderDeskPinPdf } from "../../../notifications/pdf/desk-pin.ts";
import { MAX_UPLOAD_BYTES } from "../../../security/uploads.ts";
import type { AppContext } from "../../context.ts";
import { sendPdf } from "../../request.ts";
import { uploadedFile } from "../../uploads.ts";
import { json } from "../docs.ts";

/** The URL of an MV35 PIN's one printout. */
export const deskPinPdfUrl = (id: string): string => `/api/v1/staff/desk/mv35/${id}/pin.pdf`;

export const DOCUMENT_SCHEMA = {
  type: "object",
  required: ["type", "number", "issuingCountry", "expiry"],
  properties: {
    type: {
      type: "string",
      enum: ["passport", "identity_card", "driving_licence", "residence_permit", "other"],
    },
    number: { type: "string", maxLength: 30 },
    issuingCountry: { type: "string", description: "ISO 3166-1 alpha-2; not IT" },
    expiry: { type: "string", format: "date", description: "An expired document is refused" },
  },
} as const;

const delegationView = {
  type: "object",
  properties: {
    id: { type: "string" },
    form: { type: "string", enum: ["AA08", "AA09", "AA10"] },
    authority: { type: ["string", "null"] },
    delegatorFiscalCode: { type: "string" },
    delegateFiscalCode: { type: "string" },
    startDate: { type: "string", format: "date" },
    endDate: { type: "string", format: "date" },
    status: { type: "string", enum: ["scheduled", "active", "expired", "ended"] },
    delegatorName: { type: ["string", "null"] },
    delegateName: { type: ["string", "null"] },
    officeId: { type: "string", description: "The office that registered it" },
    registeredAt: { type: "string", format: "date-time" },
    endedAt: { type: ["string", "null"], format: "date-time" },
  },
} as const;

export const DELEGATIONS_BODY = json(
  {
    type: "object",
    properties: {
      given: { type: "array", items: delegationView },
      received: { type: "array", items: delegationView },
    },
  },
  "The delegations the person gave and those they received",
);

/** The documents of a delegation's multipart body, by role (blank parts are not given). */
export function delegationFiles(
  body: unknown,
): Partial<Record<DelegationDocumentRole, UploadedFile>> {
  const files: Partial<Record<DelegationDocumentRole, UploadedFile>> = {};
  for (const role of DELEGATION_DOCUMENTS) {
    const f = uploadedFile(body, DOCUMENT_FIELDS[role]);
    if (f !== undefined && !(f.fileName === "" && f.bytes.length === 0)) files[role] = f;
  }
  return files;
}

export const DELEGATION_TEXT_FIELDS = [
  "fiscalCode",
  "delegateFiscalCode",
  "form",
  "authority",
  "startDate",
  "endDate",
] as const;

/** Multipart for the delegation form: up to four documents at the upload limit each. */
export const DELEGATION_BODY_LIMIT = 4 * MAX_UPLOAD_BYTES + 256 * 1024;

export async function acceptDelegationUploads(app: FastifyInstance): Promise<void> {
  app.addHook("onRequest", async (req) => {
    if (req.method === "POST" && Number(req.headers["content-length"] ?? 0) > DELEGATION_BODY_LIMIT)
      throw new AppError("PAYLOAD_TOO_LARGE");
  });
  await app.register(multipart, {
    attachFieldsToBody: true,
    throwFileSizeLimit: false,
    // A browser sends every file control, the empty ones too (seven).
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 7, fields: 14, parts: 24, fieldSize: 4096 },
  });
}

/** The PIN sheet's PDF for its one download (the clerk who issued it, within 5 minutes). */
export async function deskPinPdf(
  ctx: AppContext,
  by: Acting,
  member: StaffMember,
  id: string,
  lang: Lang,
): Promise<Buffer> {
  const p = await takeDeskPin(ctx, { by, member, id });
  return renderDeskPinPdf({
    lang,
    pin: p.pin,
    holderName: p.holderName,
    fiscalCode: p.fiscalCode,
    officeName: officeName(p.officeId, lang),
    issuedOn: p.issuedOn,
  });
}

export function sendDeskPinPdf(reply: FastifyReply, pdf: Buffer): FastifyReply {
  return sendPdf(reply, pdf, "pin-inps.pdf");
}

/**
 * multipart/form-data for the routes that take uploads (conversion documents), registered in
 * their scope only: everywhere else a multipart body stays unsupported (415). Parts are read
 * into memory up to the size limit plus one byte — past it the file is marked truncated and
 * refused by the flow, naming the file — with few parts and small text fields.
 */
import multipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import { AppError } from "../domain/errors.ts";
import { UPLOAD_FIELDS, type UploadedFile } from "../flows/conversion.ts";
import type { DocumentRole } from "../flows/ports.ts";
import { MAX_UPLOAD_BYTES } from "../security/uploads.ts";

/** The body limit of an upload route: two files at the limit and the form's text fields. */
export const UPLOAD_BODY_LIMIT = 2 * MAX_UPLOAD_BYTES + 256 * 1024;

export async function acceptUploads(
  app: FastifyInstance,
  o: { files: number } = { files: 2 },
): Promise<void> {
  // Multipart is streamed (fastify's bodyLimit does not apply): a declared length over the
  // limit is refused before any byte is read; past the per-file limit bytes are discarded.
  app.addHook("onRequest", async (req) => {
    const length = Number(req.headers["content-length"] ?? 0);
    if (req.method === "POST" && length > UPLOAD_BODY_LIMIT)
      throw new AppError("PAYLOAD_TOO_LARGE");
  });
  await app.register(multipart, {
    attachFieldsToBody: true,
    throwFileSizeLimit: false,
    limits: {
      fileSize: MAX_UPLOAD_BYTES,
      files: o.files,
      fields: 4,
      parts: o.files + 4,
      fieldSize: 4096,
    },
  });
}

interface FilePart {
  filename: string;
  file: { truncated: boolean };
  _buf: Buffer;
}

/** A part the multipart parser made: a JSON body shaped like one has no Buffer in it. */
function isFilePart(v: unknown): v is FilePart {
  if (typeof v !== "object" || v === null || Reflect.get(v, "type") !== "file") return false;
  const file: unknown = Reflect.get(v, "file");
  return (
    typeof Reflect.get(v, "filename") === "string" &&
    Buffer.isBuffer(Reflect.get(v, "_buf")) &&
    typeof file === "object" &&
    file !== null &&
    typeof Reflect.get(file, "truncated") === "boolean"
  );
}

/**
 * Every file sent under `field` (a fax's pages), in the order sent; a part with neither a name
 * nor a byte (a file input left empty) is not a file.
 */
export function uploadedFileList(body: unknown, field: string): UploadedFile[] {
  if (typeof body !== "object" || body === null) return [];
  const raw: unknown = Reflect.get(body, field);
  const parts: unknown[] = Array.isArray(raw) ? raw : [raw];
  return parts
    .filter(isFilePart)
    .filter((p) => !(p.filename === "" && p._buf.length === 0))
    .map((p) => ({ fileName: p.filename, bytes: p._buf, truncated: p.file.truncated }));
}

/** The file sent under `field` (the first, if several), or undefined. */
export function uploadedFile(body: unknown, field: string): UploadedFile | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const raw: unknown = Reflect.get(body, field);
  const part: unknown = Array.isArray(raw) ? raw[0] : raw;
  if (!isFilePart(part)) return undefined;
  return {
    fileName: part.filename,
    bytes: part._buf,
    truncated: part.file.truncated,
  };
}

/**
 * The conversion's files in a multipart body, by role. `skipBlank`: a part with neither a name
 * nor a byte (what a browser sends for a file input left empty) counts as not given.
 */
export function uploadedFiles(
  body: unknown,
  o: { skipBlank: boolean },
): Partial<Record<DocumentRole, UploadedFile>> {
  const files: Partial<Record<DocumentRole, UploadedFile>> = {};
  for (const [role, field] of Object.entries(UPLOAD_FIELDS) as [DocumentRole, string][]) {
    const f = uploadedFile(body, field);
    if (f !== undefined && !(o.skipBlank && f.fileName === "" && f.bytes.length === 0))
      files[role] = f;
  }
  return files;
}

/** A text field of a multipart body (attachFieldsToBody keeps `{ value }`), or of a plain one. */
export function textPart(body: unknown, field: string): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const raw: unknown = Reflect.get(body, field);
  if (typeof raw === "string") return raw;
  if (typeof raw === "object" && raw !== null) {
    const v: unknown = Reflect.get(raw, "value");
    if (typeof v === "string") return v;
  }
  return undefined;
}

/**
 * Errors → RFC 9457 problem details (API) with messages in the caller's language. Unknown
 * errors become a generic 500 without internals; the request id links it to the log line.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError, type ErrorCode } from "../domain/errors.ts";
import { Overloaded } from "../security/semaphore.ts";
import { catalogues, tField, type Lang } from "../i18n/index.ts";

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  errors?: { field: string; code: string; detail: string }[];
  [extra: string]: unknown;
}

export function problemType(code: ErrorCode): string {
  return `/problems/${code.toLowerCase().replace(/_/gu, "-")}`;
}

export function toProblem(err: AppError, lang: Lang, instance?: string): ProblemDetails {
  const msg = catalogues[lang].errors[err.code];
  return {
    type: problemType(err.code),
    title: msg.title,
    status: err.status,
    detail: msg.detail,
    code: err.code,
    ...(instance === undefined ? {} : { instance }),
    ...(err.fields.length > 0
      ? {
          errors: err.fields.map((f) => ({
            field: f.field,
            code: f.code,
            detail: tField(lang, f.code, f.params),
          })),
        }
      : {}),
    ...err.extra,
  };
}

/** Maps framework and library errors onto the registry. */
export function asAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof Overloaded) return new AppError("OVERLOADED", { cause: err });
  const code = typeof err === "object" && err !== null && "code" in err ? String(err.code) : "";
  const status =
    typeof err === "object" &&
    err !== null &&
    "statusCode" in err &&
    typeof err.statusCode === "number"
      ? err.statusCode
      : 500;
  if (code.startsWith("FST_CSRF")) return new AppError("CSRF_INVALID", { cause: err });
  switch (code) {
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return new AppError(
        code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" ? "UNSUPPORTED_MEDIA_TYPE" : "MALFORMED_REQUEST",
        {
          cause: err,
        },
      );
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new AppError("PAYLOAD_TOO_LARGE", { cause: err });
    default:
      break;
  }
  if (status === 415) return new AppError("UNSUPPORTED_MEDIA_TYPE", { cause: err });
  if (status === 413) return new AppError("PAYLOAD_TOO_LARGE", { cause: err });
  if (status === 404) return new AppError("NOT_FOUND", { cause: err });
  if (status === 405) return new AppError("METHOD_NOT_ALLOWED", { cause: err });
  if (status >= 400 && status < 500) return new AppError("MALFORMED_REQUEST", { cause: err });
  if (isBrokenMultipart(err)) return new AppError("MALFORMED_REQUEST", { cause: err });
  return new AppError("INTERNAL", { cause: err });
}

/** busboy's errors for a body that is not the multipart it claims (they carry no status). */
function isBrokenMultipart(err: unknown): boolean {
  return (
    err instanceof Error &&
    /^(Unexpected end of (multipart data|form)|Boundary not found|Malformed part header|Multipart: Boundary not found|Part terminated early)/u.test(
      err.message,
    )
  );
}

export function sendProblem(
  reply: FastifyReply,
  req: FastifyRequest,
  err: AppError,
  lang: Lang,
): FastifyReply {
  const body = toProblem(err, lang, req.url.split("?")[0]);
  const retry = retryAfter(err);
  if (retry !== undefined) void reply.header("retry-after", String(retry));
  return reply.code(err.status).type("application/problem+json; charset=utf-8").send(body);
}

/** Seconds to wait before trying again, for the errors that have one. */
export function retryAfter(err: AppError): number | undefined {
  if (err.code === "OVERLOADED") return 2;
  if (err.code === "PIN_LOCKED" || err.code === "RATE_LIMITED") {
    const s = err.extra.retryAfterSeconds;
    return typeof s === "number" && s > 0 ? s : 300;
  }
  return undefined;
}

/** An error as a log line may carry it: name, message, stack; never a request body. */
export function errorSummary(err: unknown): Record<string, unknown> | string {
  return err instanceof Error
    ? { name: err.name, message: err.message, stack: err.stack }
    : String(err);
}

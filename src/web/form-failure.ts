/**
 * A flow's refusal of a form post, as the form shows it again: each field's message tied to
 * it, any other refusal as a notice above the form (429 with Retry-After), and the status.
 * Anything that is not a refusal (a 5xx) is thrown on to the page error handler.
 */
import type { FastifyReply } from "fastify";
import { AppError } from "../domain/errors.ts";
import { retryAfter } from "../http/problem.ts";
import { catalogues, tField, type Lang } from "../i18n/index.ts";

export interface FormFailure {
  errors: Map<string, string>;
  notice: { title: string; detail: string } | undefined;
  status: number;
}

/** A failure's notice as the pages show it above a form. */
export function dangerNotice(
  f: FormFailure,
): { tone: "danger"; title: string; detail: string } | undefined {
  return f.notice === undefined ? undefined : { tone: "danger", ...f.notice };
}

export function formFailure(err: unknown, lang: Lang, reply: FastifyReply): FormFailure {
  if (!(err instanceof AppError) || err.status >= 500) throw err;
  const retry = retryAfter(err);
  if (retry !== undefined) void reply.header("retry-after", String(retry));
  const msg = catalogues[lang].errors[err.code];
  return {
    errors: new Map(err.fields.map((f) => [f.field, tField(lang, f.code, f.params)])),
    notice: err.code === "VALIDATION_FAILED" ? undefined : { title: msg.title, detail: msg.detail },
    status: err.status,
  };
}

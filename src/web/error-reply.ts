/**
 * How the pages' side of the service answers an error: problem details to a client that does
 * not ask for HTML (and on API or JSON addresses), the error page otherwise; a 5xx logged
 * (name, message, stack — never a request body). Used by the web plugin, the development aids
 * and the root (not found, errors outside any plugin); the API renders its own problems.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { isApiUrl } from "../http/journey-guard.ts";
import { langOf } from "../http/lang.ts";
import { asAppError, errorSummary, sendProblem } from "../http/problem.ts";
import { sendHtml } from "./render.ts";
import { renderErrorPage } from "./screens/error/page.ts";

export function acceptsHtml(accept: string | undefined): boolean {
  return accept !== undefined && accept.includes("text/html");
}

export function replyWithError(
  err: unknown,
  req: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const appErr = asAppError(err);
  if (appErr.status >= 500 && appErr.code !== "OVERLOADED") {
    req.log.error({ err: errorSummary(err) }, "request failed");
  }
  if (isApiUrl(req.url) || !acceptsHtml(req.headers.accept))
    return sendProblem(reply, req, appErr, langOf(req, { acceptLanguage: true }));
  return sendHtml(reply, renderErrorPage(appErr, langOf(req)), appErr.status);
}

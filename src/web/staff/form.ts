/**
 * A back-office page whose body holds forms (a form shown again with its errors, a notice, an
 * answer): the CSRF token is made once for the request, because both the body's forms and the
 * frame's logout form post it back.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { StaffMember } from "../../domain/staff.ts";
import type { AppContext } from "../../http/context.ts";
import { langOf } from "../../http/lang.ts";
import { t, type MessageKey } from "../../i18n/index.ts";
import type { Html } from "../html.ts";
import { csrfFor, sendHtml } from "../render.ts";
import { staffPage } from "./layout.ts";

/**
 * The sender of one form page (its title and path fixed): the body is made with the request's
 * CSRF token, the answer has the given status (200 unless a refusal or a creation says else).
 */
export function staffFormPage(ctx: AppContext, title: MessageKey, path: string) {
  return (
    req: FastifyRequest,
    reply: FastifyReply,
    member: StaffMember,
    body: (csrfToken: string) => Html,
    status = 200,
  ): FastifyReply => {
    const lang = langOf(req);
    const token = csrfFor(ctx, req, reply);
    return sendHtml(
      reply,
      staffPage({ lang, member, csrfToken: token, title: t(lang, title), path, body: body(token) }),
      status,
    );
  };
}

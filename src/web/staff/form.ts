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

export interface StaffFormPage {
  member: StaffMember;
  /** The page's title, in the request's language. */
  title: MessageKey;
  path: string;
  body: (csrfToken: string) => Html;
  status?: number;
}

export function sendStaffFormPage(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  o: StaffFormPage,
): FastifyReply {
  const lang = langOf(req);
  const token = csrfFor(ctx, req, reply);
  return sendHtml(
    reply,
    staffPage({
      lang,
      member: o.member,
      csrfToken: token,
      title: t(lang, o.title),
      path: o.path,
      body: o.body(token),
    }),
    o.status ?? 200,
  );
}

/** /operatori: the desk of the member logged in (the functions of their role); new recovery codes. */
import type { FastifyInstance } from "fastify";
import { STAFF_ROLES } from "../../../../domain/staff.ts";
import { replaceRecoveryCodes } from "../../../../flows/staff/accounts.ts";
import { langOf } from "../../../../http/lang.ts";
import { staffOf } from "../../../../http/staff-request.ts";
import { t } from "../../../../i18n/index.ts";
import { csrfInput } from "../../../components.ts";
import { html } from "../../../html.ts";
import { csrfFor, sendHtml } from "../../../render.ts";
import type { ScreenDeps } from "../../../screens/types.ts";
import { staffPage } from "../../layout.ts";
import { STAFF_NAV } from "../../nav.ts";

export function staffHomeScreens({ ctx, csrfCheck }: ScreenDeps) {
  return async function staffHome(app: FastifyInstance): Promise<void> {
    app.get("/operatori", { config: { staff: STAFF_ROLES } }, async (req, reply) => {
      const lang = langOf(req);
      const { member } = await staffOf(ctx, req);
      const items = STAFF_NAV.filter((i) => i.roles.includes(member.role));
      return sendHtml(
        reply,
        staffPage({
          lang,
          member,
          csrfToken: csrfFor(ctx, req, reply),
          title: t(lang, "staff.home"),
          path: "/operatori",
          body: html`<h1>${t(lang, "staff.home")}</h1>
<p class="lead">${t(lang, "staff.homeIntro")}</p>
<h2 class="h4">${t(lang, "staff.nav")}</h2>
${
  items.length === 0
    ? html`<p>${t(lang, "staff.noFunctions")}</p>`
    : html`<ul class="list-group staff-functions">${items.map((i) => html`<li class="list-group-item"><a href="${i.href}">${t(lang, i.label)}</a></li>`)}</ul>`
}`,
        }),
      );
    });

    app.get(
      "/operatori/codici-recupero",
      { config: { staff: STAFF_ROLES } },
      async (req, reply) => {
        const lang = langOf(req);
        const { member } = await staffOf(ctx, req);
        const token = csrfFor(ctx, req, reply);
        return sendHtml(
          reply,
          staffPage({
            lang,
            member,
            csrfToken: token,
            title: t(lang, "staff.codes.title"),
            path: "/operatori/codici-recupero",
            body: html`<h1>${t(lang, "staff.codes.title")}</h1>
<form method="post" action="/operatori/codici-recupero">${csrfInput(token)}
<button type="submit" class="btn btn-primary">${t(lang, "staff.codes.generate")}</button></form>`,
          }),
        );
      },
    );

    app.post(
      "/operatori/codici-recupero",
      { config: { staff: STAFF_ROLES }, preHandler: csrfCheck },
      async (req, reply) => {
        const lang = langOf(req);
        const { by, member } = await staffOf(ctx, req);
        const codes = await replaceRecoveryCodes(ctx, { by, staffId: member.id });
        return sendHtml(
          reply,
          staffPage({
            lang,
            member,
            csrfToken: csrfFor(ctx, req, reply),
            title: t(lang, "staff.codes.title"),
            path: "/operatori/codici-recupero",
            body: html`<h1>${t(lang, "staff.codes.title")}</h1>
<div class="alert alert-warning" role="status"><p class="mb-0">${t(lang, "staff.codes.intro")}</p></div>
<ul class="list-unstyled recovery-codes" data-testid="recovery-codes">${codes.map((c) => html`<li><code>${c}</code></li>`)}</ul>`,
          }),
        );
      },
    );
  };
}

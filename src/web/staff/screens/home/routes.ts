/** /operatori: the desk of the member logged in (the functions of their role). */
import type { FastifyInstance } from "fastify";
import { STAFF_ROLES } from "../../../../domain/staff.ts";
import { langOf } from "../../../../http/lang.ts";
import { staffOf } from "../../../../http/staff-request.ts";
import { t } from "../../../../i18n/index.ts";
import { html } from "../../../html.ts";
import { csrfFor, sendHtml } from "../../../render.ts";
import type { ScreenDeps } from "../../../screens/types.ts";
import { staffPage } from "../../layout.ts";
import { STAFF_NAV } from "../../nav.ts";

export function staffHomeScreens({ ctx }: ScreenDeps) {
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
  };
}

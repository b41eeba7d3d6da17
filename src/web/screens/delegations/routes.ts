/**
 * /area-personale/deleghe: the delegations the holder gave (people acting for them) and those
 * they received (people they act for), as /api/v1/me/delegations gives them.
 */
import type { FastifyInstance } from "fastify";
import { myDelegations, type DelegationView } from "../../../flows/staff/desk-delegation-views.ts";
import { langOf } from "../../../http/lang.ts";
import { citizenOf } from "../../../http/request.ts";
import { civilDate } from "../../../i18n/format.ts";
import { t, type Lang } from "../../../i18n/index.ts";
import { html, type Html } from "../../html.ts";
import { page } from "../../layout.ts";
import { csrfFor, sendHtml, userOf } from "../../render.ts";
import type { ScreenDeps } from "../types.ts";

export const DELEGATIONS_PATH = "/area-personale/deleghe";

function table(lang: Lang, caption: string, rows: DelegationView[], given: boolean): Html {
  if (rows.length === 0)
    return html`<h2 class="h4">${caption}</h2><p>${t(lang, "deskCitizen.none")}</p>`;
  return html`<div class="table-responsive"><table class="table">
<caption class="h4 caption-top text-body">${caption}</caption>
<thead><tr><th scope="col">${t(lang, "deskCitizen.person")}</th><th scope="col">${t(lang, "deskCitizen.form")}</th><th scope="col">${t(lang, "deskCitizen.from")}</th><th scope="col">${t(lang, "deskCitizen.to")}</th><th scope="col">${t(lang, "deskCitizen.status")}</th></tr></thead>
<tbody>${rows.map((r) => {
    const fc = given ? r.delegateFiscalCode : r.delegatorFiscalCode;
    const name = given ? r.delegateName : r.delegatorName;
    return html`<tr><td>${name === null ? fc : html`${name}<br><span class="font-monospace">${fc}</span>`}</td><td>${r.form}</td><td>${civilDate(lang, r.startDate)}</td><td>${civilDate(lang, r.endDate)}</td><td>${t(lang, `desk.status.${r.status}`)}</td></tr>`;
  })}</tbody></table></div>`;
}

export function delegationScreens({ ctx }: ScreenDeps) {
  return async function delegationPages(app: FastifyInstance): Promise<void> {
    app.get(DELEGATIONS_PATH, { config: { journey: "personal" } }, async (req, reply) => {
      const lang = langOf(req);
      const { session } = await citizenOf(ctx, req);
      const mine = await myDelegations(ctx, session.fiscalCode);
      return sendHtml(
        reply,
        page({
          lang,
          title: t(lang, "deskCitizen.title"),
          path: DELEGATIONS_PATH,
          user: userOf(session),
          csrfToken: csrfFor(ctx, req, reply),
          body: html`<h1>${t(lang, "deskCitizen.title")}</h1>
<p class="lead">${t(lang, "deskCitizen.intro")}</p>
${table(lang, t(lang, "deskCitizen.given"), mine.given, true)}
${table(lang, t(lang, "deskCitizen.received"), mine.received, false)}
<p class="mt-4"><a href="/area-personale">${t(lang, "area.back")}</a></p>`,
        }),
      );
    });
  };
}

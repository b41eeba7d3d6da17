/** The holder's own view: activity, open sessions and known devices, data export. */
import { activityText, deviceText } from "../../../flows/activity-text.ts";
import type { ActivityPage } from "../../../flows/activity.ts";
import type { SessionsAndDevices } from "../../../flows/sessions-devices.ts";
import { romeDateTime } from "../../../i18n/format.ts";
import { t, type Lang } from "../../../i18n/index.ts";
import { csrfInput } from "../../components.ts";
import { html, type Html } from "../../html.ts";
import { page, type PageUser } from "../../layout.ts";

export const ACTIVITY_PATH = "/area-personale/attivita";
export const SESSIONS_PATH = "/area-personale/accessi";
export const END_SESSION_PATH = "/area-personale/accessi/chiudi";
export const FORGET_DEVICE_PATH = "/area-personale/accessi/dimentica";
export const DATA_PATH = "/area-personale/dati";
export const DATA_JSON_PATH = "/area-personale/dati.json";
export const DATA_PDF_PATH = "/area-personale/dati.pdf";

interface Frame {
  lang: Lang;
  user: PageUser;
  csrfToken: string;
}

const back = (lang: Lang): Html =>
  html`<p class="mt-4"><a href="/area-personale">${t(lang, "area.back")}</a></p>`;

const notice = (title: string | undefined): Html | string =>
  title === undefined
    ? ""
    : html`<div class="alert alert-success" role="alert" tabindex="-1" autofocus><p class="mb-0">${title}</p></div>`;

export function activityPageHtml(v: Frame & { activity: ActivityPage; paged: boolean }): string {
  const { lang } = v;
  const rows = v.activity.items.map((item) => {
    const x = activityText(lang, item);
    const failed =
      item.outcome === "success"
        ? ""
        : html` <span class="badge bg-secondary">${t(lang, "activity.failed")}</span>`;
    return html`<tr><td>${romeDateTime(lang, item.at)}</td><td>${x.what}${failed}${x.by === null ? "" : html`<br><small>${x.by}</small>`}</td><td>${x.where}</td><td>${x.device}</td></tr>`;
  });
  const next = v.activity.nextBefore;
  return page({
    lang,
    title: t(lang, "activity.title"),
    path: ACTIVITY_PATH,
    user: v.user,
    csrfToken: v.csrfToken,
    body: html`<h1>${t(lang, "activity.title")}</h1>
<p class="lead">${t(lang, "activity.intro")}</p>
${
  rows.length === 0
    ? html`<p>${t(lang, "activity.empty")}</p>`
    : html`<div class="table-responsive"><table class="table">
<caption>${t(lang, "activity.caption")}</caption>
<thead><tr><th scope="col">${t(lang, "activity.when")}</th><th scope="col">${t(lang, "activity.what")}</th><th scope="col">${t(lang, "activity.where")}</th><th scope="col">${t(lang, "activity.device")}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`
}
<p>${next === null ? "" : html`<a class="me-4" href="${ACTIVITY_PATH}?prima=${String(next)}">${t(lang, "activity.older")}</a>`}${v.paged ? html`<a href="${ACTIVITY_PATH}">${t(lang, "activity.newest")}</a>` : ""}</p>
${back(lang)}`,
  });
}

const idForm = (action: string, id: string, token: string, label: Html): Html =>
  html`<form method="post" action="${action}" class="d-inline">${csrfInput(token)}<input type="hidden" name="id" value="${id}"><button type="submit" class="btn btn-outline-danger btn-sm">${label}</button></form>`;

export function sessionsPageHtml(
  v: Frame & { view: SessionsAndDevices; done?: "ended" | "forgotten" | undefined },
): string {
  const { lang } = v;
  const when = (d: Date) => romeDateTime(lang, d);
  /** One session or device: its name (and badge), two dates, its button — a list item, narrow enough for a phone. */
  const entry = (o: {
    name: string;
    badge: string | null;
    dates: [string, Date][];
    form: Html;
  }): Html =>
    html`<li class="border-bottom py-3"><h3 class="h6 mb-1">${o.name}${o.badge === null ? "" : html` <span class="badge bg-primary">${o.badge}</span>`}</h3><dl class="row mb-2">${o.dates.map(([k, d]) => html`<dt class="col-6 col-sm-4">${k}</dt><dd class="col-6 col-sm-8 mb-0">${when(d)}</dd>`)}</dl>${o.form}</li>`;
  const sessions = v.view.sessions.map((s) => {
    const name = deviceText(lang, s.device);
    const label = s.current
      ? html`${t(lang, "sessions.logout")}`
      : html`${t(lang, "sessions.end")}<span class="visually-hidden">: ${name}, ${when(s.createdAt)}</span>`;
    return entry({
      name,
      badge: s.current ? t(lang, "sessions.current") : null,
      dates: [
        [t(lang, "sessions.createdAt"), s.createdAt],
        [t(lang, "sessions.lastSeenAt"), s.lastSeenAt],
      ],
      form: idForm(END_SESSION_PATH, s.id, v.csrfToken, label),
    });
  });
  const devices = v.view.devices.map((d) => {
    const name = deviceText(lang, d.device);
    return entry({
      name,
      badge: d.thisBrowser ? t(lang, "sessions.thisBrowser") : null,
      dates: [
        [t(lang, "sessions.firstUsed"), d.createdAt],
        [t(lang, "sessions.lastUsed"), d.lastUsedAt],
      ],
      form: idForm(
        FORGET_DEVICE_PATH,
        d.id,
        v.csrfToken,
        html`${t(lang, "sessions.forget")}<span class="visually-hidden">: ${name}, ${when(d.createdAt)}</span>`,
      ),
    });
  });
  return page({
    lang,
    title: t(lang, "sessions.title"),
    path: SESSIONS_PATH,
    user: v.user,
    csrfToken: v.csrfToken,
    body: html`<h1>${t(lang, "sessions.title")}</h1>
<p class="lead">${t(lang, "sessions.intro")}</p>
${notice(v.done === undefined ? undefined : t(lang, v.done === "ended" ? "sessions.ended" : "sessions.forgotten"))}
<h2 class="h4">${t(lang, "sessions.openTitle")}</h2>
<ul class="list-unstyled">${sessions}</ul>
<h2 class="h4 mt-4">${t(lang, "sessions.devicesTitle")}</h2>
<p>${t(lang, "sessions.devicesIntro")}</p>
${
  devices.length === 0
    ? html`<p>${t(lang, "sessions.none")}</p>`
    : html`<ul class="list-unstyled">${devices}</ul>`
}
${back(lang)}`,
  });
}

export function dataPageHtml(v: Frame): string {
  const { lang } = v;
  return page({
    lang,
    title: t(lang, "dataExport.title"),
    path: DATA_PATH,
    user: v.user,
    csrfToken: v.csrfToken,
    body: html`<h1>${t(lang, "dataExport.title")}</h1>
<p class="lead">${t(lang, "dataExport.intro")}</p>
<ul class="list-unstyled">
<li class="mb-3"><a class="btn btn-primary" href="${DATA_PDF_PATH}" download>${t(lang, "dataExport.pdf")}</a> <span class="ms-2">${t(lang, "dataExport.pdfHint")}</span></li>
<li class="mb-3"><a class="btn btn-outline-primary" href="${DATA_JSON_PATH}" download>${t(lang, "dataExport.json")}</a> <span class="ms-2">${t(lang, "dataExport.jsonHint")}</span></li>
</ul>
${back(lang)}`,
  });
}

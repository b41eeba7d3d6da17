import { html } from "../../html.ts";
import { t, type Lang } from "../../../i18n/index.ts";
import { page, type PageUser } from "../../layout.ts";

export function homePage(lang: Lang, user: PageUser | null, csrfToken: string | undefined): string {
  return page({
    lang,
    title: t(lang, "home.title"),
    path: "/",
    user,
    csrfToken,
    body: html`<h1>${t(lang, "home.title")}</h1>
<p class="lead">${t(lang, "home.intro")}</p>
<div class="row">
  <div class="col-md-6 mb-3"><div class="card card-bg h-100"><div class="card-body">
    <h2 class="h4 card-title">${t(lang, "home.claimTitle")}</h2>
    <p class="card-text">${t(lang, "home.claimText")}</p>
    <a class="btn btn-primary btn-lg" href="/richiedi-pin">${t(lang, "home.claimButton")}</a>
  </div></div></div>
  <div class="col-md-6 mb-3"><div class="card card-bg h-100"><div class="card-body">
    <h2 class="h4 card-title">${t(lang, "home.loginTitle")}</h2>
    <p class="card-text">${t(lang, "home.loginText")}</p>
    <a class="btn btn-primary btn-lg" href="${user === null ? "/accedi" : "/area-personale"}">${t(lang, "home.loginButton")}</a>
  </div></div></div>
</div>
<div class="card card-bg mb-3"><div class="card-body">
  <h2 class="h4 card-title">${t(lang, "appointments.home.title")}</h2>
  <p class="card-text">${t(lang, "appointments.home.text")}</p>
  <a class="btn btn-outline-primary" href="/prenota-appuntamento">${t(lang, "appointments.home.button")}</a>
  <a class="btn btn-link" href="/prenota-appuntamento/annulla">${t(lang, "appointments.home.cancel")}</a>
</div></div>
<h2 class="h4 mt-4">${t(lang, "home.whoTitle")}</h2>
<p>${t(lang, "home.whoText")}</p>
<p>${t(lang, "home.italyText")}</p>
<h2 class="h4 mt-4">${t(lang, "home.howTitle")}</h2>
<ol>
  <li>${t(lang, "home.how1")}</li>
  <li>${t(lang, "home.how2")}</li>
  <li>${t(lang, "home.how3")}</li>
  <li>${t(lang, "home.how4")}</li>
</ol>`,
  });
}

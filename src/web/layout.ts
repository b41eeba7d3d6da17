/**
 * The page frame: Bootstrap Italia header and footer, skip link, language switch, one <main>
 * with one <h1>. Works without JavaScript; nothing is loaded from outside this service.
 */
import { html, type Html } from "./html.ts";
import type { Lang } from "../i18n/index.ts";
import { t } from "../i18n/index.ts";

export interface PageUser {
  name: string;
}

export interface PageOptions {
  lang: Lang;
  title: string;
  body: Html;
  /** Current path, for the language switch to come back to. */
  path: string;
  user?: PageUser | null | undefined;
  /** CSRF token for the logout form in the header. */
  csrfToken?: string | undefined;
  /** Marks development pages. */
  dev?: boolean;
  /**
   * False on the page that shows a new PIN once: switching language reloads by GET, which
   * would lose the only display of the PIN.
   */
  langSwitch?: boolean;
  /**
   * On a form page: the id of the form. The language switch then submits the form (a button
   * with form= and name="_lang"), so what was typed is kept — no script needed.
   */
  langSwitchForm?: string;
  /** False where leaving must go through the page's own links (the new PIN on screen). */
  userZone?: boolean;
  /** Where the header's logout form posts (the back office has its own: /operatori/esci). */
  logoutAction?: string;
  /** Where the brand links to (the back office: /operatori). */
  homeHref?: string;
  /** Replaces the service name in the header and the title (the back office). */
  serviceName?: string;
}

export function page(o: PageOptions): string {
  const other: Lang = o.lang === "it" ? "en" : "it";
  const switchLabel = o.lang === "it" ? "English" : "Italiano";
  return (
    "<!doctype html>" +
    html`<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} - ${o.serviceName ?? t(o.lang, "layout.service")}</title>
<link rel="stylesheet" href="/assets/bi/css/bootstrap-italia.min.css">
<link rel="stylesheet" href="/assets/app.css">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body>
${
  o.langSwitchForm === undefined
    ? ""
    : // The form's default button, first in the page: Enter in a field sends the form (the
      // first submit button of a form is what Enter presses, and the header's language button
      // belongs to the form too).
      html`<button type="submit" form="${o.langSwitchForm}" name="_send" value="1" hidden tabindex="-1"></button>`
}
<a class="visually-hidden-focusable skiplink" href="#main">${t(o.lang, "layout.skipToContent")}</a>
<header class="it-header-wrapper">
  <div class="it-header-slim-wrapper">
    <div class="container">
      <div class="it-header-slim-wrapper-content">
        <span class="navbar-brand"><span class="d-none d-md-inline">INPS - Istituto Nazionale della Previdenza Sociale</span><span class="d-md-none">INPS</span></span>
        <div class="it-header-slim-right-zone">
          ${
            o.langSwitch === false
              ? ""
              : o.langSwitchForm !== undefined
                ? html`<button type="submit" form="${o.langSwitchForm}" name="_lang" value="${other}" formnovalidate class="btn btn-link lang-switch p-0" lang="${other}">${switchLabel}</button>`
                : html`<a class="lang-switch" href="/lingua/${other}?next=${encodeURIComponent(o.path)}" lang="${other}" hreflang="${other}">${switchLabel}</a>`
          }
        </div>
      </div>
    </div>
  </div>
  <div class="it-header-center-wrapper">
    <div class="container">
      <div class="it-header-center-content-wrapper">
        <div class="it-brand-wrapper">
          <a href="${o.homeHref ?? "/"}">
            <div class="it-brand-text">
              <div class="it-brand-title">${o.serviceName ?? t(o.lang, "layout.service")}</div>
              <div class="it-brand-tagline d-none d-md-block">${t(o.lang, "layout.tagline")}</div>
            </div>
          </a>
        </div>
        ${
          o.user && o.userZone !== false
            ? html`<div class="it-right-zone user-zone">
              <span class="user-name">${o.user.name}</span>
              <form method="post" action="${o.logoutAction ?? "/esci"}" class="d-inline">
                <input type="hidden" name="_csrf" value="${o.csrfToken ?? ""}">
                <button type="submit" class="btn btn-sm btn-outline-light">${t(o.lang, "layout.logout")}</button>
              </form>
            </div>`
            : ""
        }
      </div>
    </div>
  </div>
</header>
<main id="main" class="container my-4" tabindex="-1">
${o.dev ? html`<p class="alert alert-warning" role="note">${t(o.lang, "layout.devNotice")}</p>` : ""}
${o.body}
</main>
<footer class="it-footer">
  <div class="it-footer-main">
    <div class="container py-4">
      <p class="mb-1"><strong>${t(o.lang, "layout.contactCentre")}</strong></p>
      <p class="mb-3">${t(o.lang, "layout.contactCentreHours")}</p>
      <ul class="footer-links list-inline mb-0">
        <li class="list-inline-item"><a class="text-white" href="/aiuto">${t(o.lang, "layout.help")}</a></li>
        <li class="list-inline-item"><a class="text-white" href="/privacy">${t(o.lang, "layout.privacy")}</a></li>
        <li class="list-inline-item"><a class="text-white" href="/accessibilita">${t(o.lang, "layout.accessibility")}</a></li>
        <li class="list-inline-item"><a class="text-white" href="/note-legali">${t(o.lang, "layout.legal")}</a></li>
      </ul>
    </div>
  </div>
</footer>
</body>
</html>`.value
  );
}

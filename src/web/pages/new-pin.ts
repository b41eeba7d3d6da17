/** First access and renewal: the forced PIN change, and the one-time display of the new PIN. */
import { groupPin } from "../../domain/pin.ts";
import { csrfInput } from "../components.ts";
import { html } from "../html.ts";
import { t, type Lang } from "../../i18n/index.ts";
import { page, type PageUser } from "../layout.ts";

export type PinChangeMode = "activate" | "renew";

const PATHS: Record<PinChangeMode, string> = { activate: "/nuovo-pin", renew: "/rinnovo-pin" };

export function pinChangePage(
  lang: Lang,
  mode: PinChangeMode,
  csrfToken: string,
  user: PageUser,
): string {
  const title = t(lang, mode === "activate" ? "newPin.activateTitle" : "newPin.renewTitle");
  return page({
    lang,
    title,
    path: PATHS[mode],
    user,
    csrfToken,
    body: html`<h1>${title}</h1>
<p class="lead">${t(lang, mode === "activate" ? "newPin.activateIntro" : "newPin.renewIntro")}</p>
<ul>
  <li>${t(lang, "newPin.point1")}</li>
  <li>${t(lang, "newPin.point2")}</li>
  <li>${t(lang, "newPin.point3")}</li>
</ul>
<form method="post" action="${PATHS[mode]}">
${csrfInput(csrfToken)}
<button type="submit" class="btn btn-primary btn-lg">${t(lang, "newPin.generate")}</button>
</form>`,
  });
}

export function pinShownPage(
  lang: Lang,
  v: { pin: string; expiresOn: string; csrfToken: string; user: PageUser },
): string {
  return page({
    lang,
    title: t(lang, "newPin.shownTitle"),
    path: "/area-personale",
    langSwitch: false,
    user: v.user,
    csrfToken: v.csrfToken,
    body: html`<h1>${t(lang, "newPin.shownTitle")}</h1>
<p class="lead">${t(lang, "newPin.shownIntro")}</p>
<div class="pin-display" aria-describedby="pin-help">
  <span class="visually-hidden">${t(lang, "newPin.yourPin")}</span>
  <output id="new-pin" class="pin-value" data-pin="${v.pin}">${groupPin(v.pin)}</output>
</div>
<p id="pin-help">${t(lang, "newPin.spelled")} <span class="pin-spelled">${v.pin.replace(/(?<=.)(?=.)/gu, " ")}</span></p>
<div class="alert alert-warning" role="note">
  <p class="mb-1"><strong>${t(lang, "newPin.onceOnly")}</strong></p>
  <p class="mb-0">${t(lang, "newPin.expires", { date: v.expiresOn })}</p>
</div>
<form method="post" action="/pin/tessera.pdf" class="d-inline-block me-2 mb-2">
${csrfInput(v.csrfToken)}
<input type="hidden" name="pin" value="${v.pin}">
<button type="submit" class="btn btn-outline-primary btn-lg">${t(lang, "newPin.printCard")}</button>
</form>
<a class="btn btn-primary btn-lg mb-2" href="/area-personale">${t(lang, "newPin.continue")}</a>`,
  });
}

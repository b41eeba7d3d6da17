/**
 * First access and renewal: the forced PIN change, the one-time display of the new PIN, and
 * the question asked on the way out ("have you noted it?"), which is also what a reload or a
 * resubmission gets — never a different PIN.
 */
import { groupPin } from "../../../domain/pin.ts";
import { t, type Lang } from "../../../i18n/index.ts";
import { csrfInput } from "../../components.ts";
import { html } from "../../html.ts";
import { page, type PageUser } from "../../layout.ts";

export type PinChangeMode = "activate" | "renew";

export const PATHS: Record<PinChangeMode, string> = {
  activate: "/nuovo-pin",
  renew: "/rinnovo-pin",
};

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
    path: "/pin/annotato",
    langSwitch: false,
    userZone: false,
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
<form method="post" action="/pin/tessera.pdf" class="d-inline-block me-2 mb-2" data-keeps-page>
${csrfInput(v.csrfToken)}
<input type="hidden" name="pin" value="${v.pin}">
<button type="submit" class="btn btn-outline-primary btn-lg">${t(lang, "newPin.printCard")}</button>
</form>
<a class="btn btn-primary btn-lg mb-2" href="/pin/annotato" data-leaves-page>${t(lang, "newPin.continue")}</a>
<script src="/assets/js/new-pin.js" defer></script>`,
  });
}

/**
 * "Have you noted your new PIN?" — on the way out of the PIN page, and after a reload or a
 * resubmission (variant "already_shown"): continue, or ask explicitly for a replacement that
 * says the PIN shown before stops working.
 */
export function pinQuestionPage(
  lang: Lang,
  v: {
    variant: "noted" | "already_shown";
    csrfToken: string;
    user: PageUser;
    confirmError?: string | undefined;
  },
): string {
  const title = t(lang, v.variant === "noted" ? "newPin.notedTitle" : "newPin.alreadyShownTitle");
  const err = v.confirmError;
  return page({
    lang,
    title,
    path: "/pin/annotato",
    user: v.user,
    csrfToken: v.csrfToken,
    body: html`<h1>${title}</h1>
<p class="lead">${t(lang, v.variant === "noted" ? "newPin.notedIntro" : "newPin.alreadyShownIntro")}</p>
<form method="post" action="/pin/annotato" class="mb-5">
${csrfInput(v.csrfToken)}
<button type="submit" class="btn btn-primary btn-lg">${t(lang, "newPin.notedYes")}</button>
</form>
<h2 class="h4">${t(lang, "newPin.notedNoTitle")}</h2>
<p>${t(lang, "newPin.replaceIntro")}</p>
<form method="post" action="/nuovo-pin/sostituisci" novalidate>
${csrfInput(v.csrfToken)}
<div class="form-check mb-3">
  <input class="form-check-input${err === undefined ? "" : " is-invalid"}" type="checkbox" id="f-confirm" name="confirm" value="yes" required${err === undefined ? "" : html` aria-invalid="true" aria-describedby="f-confirm-error" autofocus`}>
  <label class="form-check-label" for="f-confirm">${t(lang, "newPin.replaceConfirm")}</label>
  ${err === undefined ? "" : html`<div id="f-confirm-error" class="invalid-feedback d-block">${err}</div>`}
</div>
<button type="submit" class="btn btn-outline-primary">${t(lang, "newPin.replaceButton")}</button>
</form>
<p class="mt-3 small">${t(lang, "newPin.replaceWindow")}</p>`,
  });
}

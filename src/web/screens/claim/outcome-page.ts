/** The outcome of a claim, for the browser that made it: what happens next, and if not. */
import { countryName } from "../../../domain/address.ts";
import { letterDelivery, VERIFICATION_CALL } from "../../../domain/postal-delivery.ts";
import type { ClaimOutcomeView } from "../../../flows/claim-outcome.ts";
import { t, type Lang } from "../../../i18n/index.ts";
import { html, type Html } from "../../html.ts";
import { page } from "../../layout.ts";

function issuedBody(lang: Lang, o: ClaimOutcomeView): Html {
  const country = o.letterCountry;
  const window = country === null ? null : letterDelivery(country);
  const destination = o.maskedDestination ?? "";
  return html`<ol class="steps">
  <li>${t(lang, o.delivery === "sms" ? "claimDone.firstHalfSms" : "claimDone.firstHalfEmail", { destination })}</li>
  ${window === null || country === null ? "" : html`<li>${t(lang, "claimDone.letter", { country: countryName(country, lang), min: window.min, max: window.max })}</li>`}
  <li>${t(lang, "claimDone.then")}</li>
</ol>
<p><a class="btn btn-primary" href="/accedi">${t(lang, "claimDone.goLogin")}</a></p>
<h2 class="h4 mt-4">${t(lang, "claimDone.ifMissingTitle")}</h2>
<ul>
  <li>${t(lang, o.delivery === "sms" ? "claimDone.ifSmsMissing" : "claimDone.ifEmailMissing")}</li>
  ${window === null ? "" : html`<li>${t(lang, "claimDone.ifLetterMissing", { days: window.overdueAfter })} <a href="/lettera-non-arrivata">${t(lang, "resend.title")}</a></li>`}
</ul>
<p>${t(lang, "claimDone.contactCentre")}</p>`;
}

function pendingBody(lang: Lang, o: ClaimOutcomeView): Html {
  const days = VERIFICATION_CALL.withinWorkingDays;
  return html`<p>${t(lang, "claimDone.pendingText", { number: VERIFICATION_CALL.fromNumber, days })}</p>
${o.maskedDestination === null ? "" : html`<p>${t(lang, "claimDone.pendingConfirmation", { destination: o.maskedDestination })}</p>`}
<p>${t(lang, "claimDone.pendingPrepare")}</p>
<p>${t(lang, "claimDone.pendingNoCall", { days })}</p>
<p>${t(lang, "claimDone.contactCentre")}</p>
<p><a class="btn btn-outline-primary" href="/">${t(lang, "layout.backHome")}</a></p>`;
}

export function claimOutcomePage(lang: Lang, o: ClaimOutcomeView): string {
  const issued = o.status === "issued";
  const title = t(lang, issued ? "claimDone.issuedTitle" : "claimDone.pendingTitle");
  return page({
    lang,
    title,
    path: "/richiedi-pin/esito",
    body: html`<h1>${title}</h1>
<div class="alert alert-success" role="status"><p class="mb-0">${t(lang, "claimDone.reference", { reference: o.reference })}</p></div>
${issued ? issuedBody(lang, o) : pendingBody(lang, o)}`,
  });
}

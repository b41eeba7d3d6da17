/** The pages of a confirmation link (recovery, revocation): its button, and "no longer valid". */
import { csrfInput } from "../components.ts";
import { html } from "../html.ts";
import { t, type Lang, type MessageKey } from "../../i18n/index.ts";
import { page } from "../layout.ts";

export function linkConfirmPage(v: {
  lang: Lang;
  csrfToken: string;
  token: string;
  /** Where the form posts; the page's own address (for the language switch) is `formPath`. */
  action: string;
  formPath: string;
  title: MessageKey;
  paragraphs: MessageKey[];
  button: MessageKey;
  tone: "primary" | "danger";
}): string {
  const { lang } = v;
  return page({
    lang,
    title: t(lang, v.title),
    // The token stays out of the language switch's address.
    path: v.formPath,
    body: html`<h1>${t(lang, v.title)}</h1>
${v.paragraphs.map((p) => html`<p>${t(lang, p)}</p>`)}
<form method="post" action="${v.action}">
${csrfInput(v.csrfToken)}
<input type="hidden" name="token" value="${v.token}">
<button type="submit" class="btn btn-${v.tone} btn-lg">${t(lang, v.button)}</button>
</form>`,
  });
}

export function linkInvalidPage(lang: Lang, formPath: string, newRequest: MessageKey): string {
  return page({
    lang,
    title: t(lang, "recovery.invalidTitle"),
    path: formPath,
    body: html`<h1>${t(lang, "recovery.invalidTitle")}</h1>
<p>${t(lang, "errors.LINK_INVALID.detail")}</p>
<p><a class="btn btn-primary" href="${formPath}">${t(lang, newRequest)}</a></p>`,
  });
}

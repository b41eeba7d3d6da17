/** The error page: what went wrong, in the visitor's language, and the way back. */
import type { AppError } from "../../../domain/errors.ts";
import { html } from "../../html.ts";
import { catalogues, t, type Lang } from "../../../i18n/index.ts";
import { page } from "../../layout.ts";

export function renderErrorPage(err: AppError, lang: Lang): string {
  const msg = catalogues[lang].errors[err.code];
  return page({
    lang,
    title: msg.title,
    path: "/",
    body: html`<h1>${msg.title}</h1>
      <p class="lead">${msg.detail}</p>
      <p><a class="btn btn-primary" href="/">${t(lang, "layout.backHome")}</a></p>`,
  });
}

/** /operatori/supervisione/messaggi: abandoned outbox messages, each with a resend form. */
import type { StaffMember } from "../../../../domain/staff.ts";
import type { AbandonedView } from "../../../../flows/staff/supervisor-outbox.ts";
import { romeDateTime } from "../../../../i18n/format.ts";
import { t, type Lang, type MessageKey } from "../../../../i18n/index.ts";
import { csrfInput, noticeAlert, textField, type Notice } from "../../../components.ts";
import { html } from "../../../html.ts";
import { staffPage } from "../../layout.ts";

export const MESSAGES_PATH = "/operatori/supervisione/messaggi";

export interface MessagesPageView {
  lang: Lang;
  member: StaffMember;
  csrfToken: string;
  messages: AbandonedView[];
  notice?: Notice | undefined;
  /** The message whose form failed, with the reason typed and the field's error. */
  failed?: { id: string; reason: string; error: string | undefined } | undefined;
}

export function messagesPage(v: MessagesPageView): string {
  const { lang } = v;
  // Keys of this page, all under staffSupervision (a test renders every key in both languages).
  const k = (key: string) => t(lang, `staffSupervision.${key}` as MessageKey);
  const resendForm = (m: AbandonedView) => {
    if (!m.resendable) return html`<p class="mb-0 small">${k("notResendable")}</p>`;
    const failed = v.failed?.id === m.id ? v.failed : undefined;
    return html`<form method="post" action="${MESSAGES_PATH}/${m.id}/reinvia" novalidate>${csrfInput(v.csrfToken)}
${textField({ id: `r-${m.id}`, name: "reason", label: k("resendReason"), value: failed?.reason ?? "", error: failed?.error, maxlength: 500, autocomplete: "off" })}
<button type="submit" class="btn btn-primary btn-sm" aria-label="${t(lang, "staffSupervision.resendLabel", { kind: m.kind, recipient: m.recipient })}">${k("resend")}</button></form>`;
  };
  const rows = v.messages.map(
    (m) =>
      html`<tr><th scope="row"><code>${m.kind}</code></th><td data-label="${k("msgChannel")}">${k(`channels.${m.channel}`)}</td><td data-label="${k("msgRecipient")}">${m.recipient}</td><td data-label="${k("msgAttempts")}">${m.attempts}</td><td data-label="${k("msgLastError")}" class="text-break">${m.lastError ?? ""}</td><td data-label="${k("msgCreated")}">${romeDateTime(lang, new Date(m.createdAt))}</td><td data-label="${k("msgAbandoned")}">${romeDateTime(lang, new Date(m.abandonedAt))}</td><td>${resendForm(m)}</td></tr>`,
  );
  return staffPage({
    lang,
    member: v.member,
    csrfToken: v.csrfToken,
    title: `${v.failed?.error !== undefined ? `${t(lang, "form.errorPrefix")}: ` : ""}${k("messagesTitle")}`,
    path: MESSAGES_PATH,
    body: html`<h1>${k("messagesTitle")}</h1>
${noticeAlert(v.notice)}
<p class="lead">${k("messagesIntro")}</p>
${
  v.messages.length === 0
    ? html`<p>${k("messagesNone")}</p>`
    : html`<div class="table-responsive"><table class="table table-stack abandoned-messages"><caption>${k("messagesCaption")}</caption>
<thead><tr><th scope="col">${k("msgKind")}</th><th scope="col">${k("msgChannel")}</th><th scope="col">${k("msgRecipient")}</th><th scope="col">${k("msgAttempts")}</th><th scope="col">${k("msgLastError")}</th><th scope="col">${k("msgCreated")}</th><th scope="col">${k("msgAbandoned")}</th><th scope="col">${k("resend")}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`
}`,
  });
}

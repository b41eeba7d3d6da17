/** Staff enrolment pages: the password, then the QR code, key and recovery codes, then done. */
import QRCode from "qrcode";
import {
  csrfInput,
  errorSummary,
  noticeAlert,
  textField,
  type FieldErrors,
  type Notice,
} from "../../../components.ts";
import { html, raw } from "../../../html.ts";
import { t, type Lang } from "../../../../i18n/index.ts";
import { staffPage } from "../../layout.ts";

const PATH = "/operatori/attivazione";

function summaryOf(lang: Lang, errors: FieldErrors, labels: Record<string, string>) {
  return errorSummary(
    t(lang, "form.errorSummary"),
    [...errors.entries()].map(([f, text]) => ({
      href: `#f-${f}`,
      text: `${labels[f] ?? f}: ${text}`,
    })),
  );
}

export function passwordPage(v: {
  lang: Lang;
  csrfToken: string;
  token: string;
  errors: FieldErrors;
  notice?: Notice | undefined;
}): string {
  const { lang } = v;
  const labels = {
    password: t(lang, "staff.enrol.password"),
    confirmPassword: t(lang, "staff.enrol.confirmPassword"),
  };
  return staffPage({
    lang,
    member: null,
    title: t(lang, "staff.enrol.title"),
    path: `${PATH}?token=${v.token}`,
    body: html`<h1>${t(lang, "staff.enrol.title")}</h1>
<p class="lead">${t(lang, "staff.enrol.introNoName")}</p>
${noticeAlert(v.notice)}
${summaryOf(lang, v.errors, labels)}
<form method="post" action="${PATH}" novalidate class="col-lg-6 px-0">
${csrfInput(v.csrfToken)}
<input type="hidden" name="token" value="${v.token}">
${textField({ id: "f-password", name: "password", type: "password", value: "", error: v.errors.get("password"), label: labels.password, hint: t(lang, "staff.enrol.passwordHint"), autocomplete: "new-password", maxlength: 128 })}
${textField({ id: "f-confirmPassword", name: "confirmPassword", type: "password", value: "", error: v.errors.get("confirmPassword"), label: labels.confirmPassword, autocomplete: "new-password", maxlength: 128 })}
<button type="submit" class="btn btn-primary btn-lg">${t(lang, "staff.enrol.submit")}</button>
</form>`,
  });
}

export async function qrPage(v: {
  lang: Lang;
  csrfToken: string;
  token: string;
  username: string;
  totpSecret: string;
  otpauthUri: string;
  /** Shown only right after the password step. */
  recoveryCodes: readonly string[] | null;
  errors: FieldErrors;
  notice?: Notice | undefined;
}): Promise<string> {
  const { lang } = v;
  const svg = await QRCode.toString(v.otpauthUri, {
    type: "svg",
    margin: 2,
    errorCorrectionLevel: "M",
  });
  const grouped = v.totpSecret.replace(/(.{4})/gu, "$1 ").trim();
  return staffPage({
    lang,
    member: null,
    title: t(lang, "staff.enrol.qrTitle"),
    path: `${PATH}?token=${v.token}`,
    body: html`<h1>${t(lang, "staff.enrol.qrTitle")}</h1>
${noticeAlert(v.notice)}
${summaryOf(lang, v.errors, { code: t(lang, "staff.enrol.code") })}
<p class="lead">${t(lang, "staff.enrol.qrIntro")}</p>
<div class="qr-code mb-3" role="img" aria-label="${t(lang, "staff.enrol.qrAlt")}" style="max-width:240px">${raw(svg)}</div>
<p>${t(lang, "staff.enrol.secret")}: <code class="fs-5" data-testid="totp-secret">${grouped}</code></p>
<h2 class="h4 mt-4">${t(lang, "staff.enrol.codesTitle")}</h2>
${
  v.recoveryCodes === null
    ? html`<p>${t(lang, "staff.enrol.codesShownBefore")}</p>`
    : html`<p>${t(lang, "staff.enrol.codesIntro")}</p><ul class="list-unstyled recovery-codes" data-testid="recovery-codes">${v.recoveryCodes.map((c) => html`<li><code>${c}</code></li>`)}</ul>`
}
<form method="post" action="${PATH}/conferma" novalidate class="col-lg-6 px-0 mt-4">
${csrfInput(v.csrfToken)}
<input type="hidden" name="token" value="${v.token}">
${textField({ id: "f-code", name: "code", value: "", error: v.errors.get("code"), label: t(lang, "staff.enrol.code"), autocomplete: "one-time-code", inputmode: "numeric", maxlength: 8 })}
<button type="submit" class="btn btn-primary btn-lg">${t(lang, "staff.enrol.confirm")}</button>
</form>`,
  });
}

export function donePage(lang: Lang): string {
  return staffPage({
    lang,
    member: null,
    title: t(lang, "staff.enrol.title"),
    path: PATH,
    body: html`<h1>${t(lang, "staff.enrol.title")}</h1>
<div class="alert alert-success" role="status"><p class="mb-0">${t(lang, "staff.enrol.done")}</p></div>
<p><a class="btn btn-primary" href="/operatori/accedi">${t(lang, "staff.enrol.goLogin")}</a></p>`,
  });
}

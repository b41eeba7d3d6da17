/** The holder's contacts: the list, a change (with the PIN when it is not fresh), the code. */
import type { ContactView } from "../../../flows/contacts.ts";
import type { ContactKind } from "../../../flows/ports.ts";
import { t, type Lang } from "../../../i18n/index.ts";
import {
  csrfInput,
  errorSummary,
  selectField,
  textField,
  type FieldErrors,
  noticeAlert,
} from "../../components.ts";
import { html, type Html } from "../../html.ts";
import { page, type PageUser } from "../../layout.ts";
import type { FormValues } from "../../render.ts";

export const CONTACTS_PATH = "/area-personale/contatti";
export const CODE_PATH = "/area-personale/contatti/codice";
export const REMOVE_PATH = "/area-personale/contatti/rimuovi";
const KINDS: readonly ContactKind[] = ["mobile", "email", "pec"];

export interface ContactsView {
  lang: Lang;
  user: PageUser;
  csrfToken: string;
  contacts: ContactView;
  /** Whether the PIN must be typed with a change (not typed within 5 minutes). */
  needsPin: boolean;
  values: FormValues;
  errors: FieldErrors;
  notice?: { tone: "success" | "danger"; title: string; detail?: string } | undefined;
}

const pinField = (lang: Lang, id: string, error: string | undefined): Html =>
  textField({
    id,
    name: "pin",
    type: "password",
    label: t(lang, "contacts.pin"),
    hint: t(lang, "contacts.pinHint"),
    error,
    autocomplete: "current-password",
    maxlength: 24,
    spellcheck: false,
  });

export function contactsPage(v: ContactsView): string {
  const { lang, errors } = v;
  const kinds = KINDS.filter((k) => v.contacts[k] !== null);
  const summary = ["kind", "value", "pin"]
    .filter((f) => errors.has(f))
    .map((f) => ({
      href: `#c-${f}`,
      text: `${t(lang, `contacts.field.${f as "kind"}`)}: ${errors.get(f) ?? ""}`,
    }));
  const n = v.notice;
  return page({
    lang,
    title: `${errors.size > 0 ? `${t(lang, "form.errorPrefix")}: ` : ""}${t(lang, "contacts.title")}`,
    path: CONTACTS_PATH,
    user: v.user,
    csrfToken: v.csrfToken,
    body: html`<h1>${t(lang, "contacts.title")}</h1>
<p class="lead">${t(lang, "contacts.intro")}</p>
${noticeAlert(n)}
${errorSummary(t(lang, "form.errorSummary"), summary)}
<h2 class="h4">${t(lang, "contacts.registered")}</h2>
<dl class="row">
${kinds.map(
  (k) =>
    html`<dt class="col-sm-3">${t(lang, `contacts.kind.${k}`)}</dt><dd class="col-sm-9"><span class="me-3">${v.contacts[k] ?? ""}</span>${
      kinds.length > 1
        ? html`<form method="post" action="${REMOVE_PATH}" class="d-inline">${csrfInput(v.csrfToken)}<input type="hidden" name="kind" value="${k}">${
            v.needsPin
              ? html`<label class="visually-hidden" for="r-pin-${k}">${t(lang, "contacts.pin")}</label><input id="r-pin-${k}" name="pin" type="password" class="form-control d-inline-block w-auto me-2" autocomplete="current-password" maxlength="24" placeholder="PIN">`
              : ""
          }<button type="submit" class="btn btn-outline-danger btn-sm">${t(lang, "contacts.remove")}<span class="visually-hidden"> ${t(lang, `contacts.kind.${k}`)}</span></button></form>`
        : ""
    }</dd>`,
)}
</dl>
<h2 class="h4 mt-4">${t(lang, "contacts.changeTitle")}</h2>
<p>${t(lang, "contacts.changeIntro")}</p>
<form method="post" action="${CONTACTS_PATH}" novalidate class="col-lg-7 px-0">
${csrfInput(v.csrfToken)}
${selectField({ id: "c-kind", name: "kind", label: t(lang, "contacts.field.kind"), value: v.values.kind, error: errors.get("kind"), options: KINDS.map((k) => ({ value: k, label: t(lang, `contacts.kind.${k}`) })) })}
${textField({ id: "c-value", name: "value", label: t(lang, "contacts.field.value"), hint: t(lang, "contacts.valueHint"), value: v.values.value, error: errors.get("value"), maxlength: 254, spellcheck: false })}
${v.needsPin ? pinField(lang, "c-pin", errors.get("pin")) : ""}
<button type="submit" class="btn btn-primary">${t(lang, "contacts.sendCode")}</button>
</form>
<p class="mt-4"><a href="/area-personale">${t(lang, "area.back")}</a></p>`,
  });
}

export function codePage(v: {
  lang: Lang;
  user: PageUser;
  csrfToken: string;
  kind: ContactKind;
  error?: string | undefined;
}): string {
  const { lang } = v;
  return page({
    lang,
    title: `${v.error === undefined ? "" : `${t(lang, "form.errorPrefix")}: `}${t(lang, "contacts.codeTitle")}`,
    path: CONTACTS_PATH,
    user: v.user,
    csrfToken: v.csrfToken,
    body: html`<h1>${t(lang, "contacts.codeTitle")}</h1>
<p>${t(lang, "contacts.codeIntro", { kind: t(lang, `contacts.kind.${v.kind}`) })}</p>
${errorSummary(t(lang, "form.errorSummary"), v.error === undefined ? [] : [{ href: "#c-code", text: `${t(lang, "contacts.field.code")}: ${v.error}` }])}
<form method="post" action="${CODE_PATH}" novalidate class="col-lg-5 px-0">
${csrfInput(v.csrfToken)}
<input type="hidden" name="kind" value="${v.kind}">
${textField({ id: "c-code", name: "code", label: t(lang, "contacts.field.code"), inputmode: "numeric", autocomplete: "one-time-code", maxlength: 6, error: v.error })}
<button type="submit" class="btn btn-primary">${t(lang, "contacts.confirm")}</button>
</form>
<p class="mt-4"><a href="${CONTACTS_PATH}">${t(lang, "contacts.back")}</a></p>`,
  });
}

/**
 * Accessible form building blocks in Bootstrap Italia markup: every control has a visible
 * label, hints and errors are tied to it with aria-describedby, invalid controls say so with
 * aria-invalid, and an error summary at the top links to each bad field.
 */
import { html, type Html } from "./html.ts";

export type FieldErrors = ReadonlyMap<string, string>;

export interface FieldOpts {
  id: string;
  name: string;
  label: string;
  value?: string | undefined;
  hint?: string | undefined;
  error?: string | undefined;
  type?: string;
  autocomplete?: string;
  inputmode?: string;
  required?: boolean;
  maxlength?: number;
  /** Extra classes for the wrapper (e.g. "col-md-6"). */
  wrapClass?: string;
  spellcheck?: boolean;
  autocapitalize?: string;
  /**
   * Marks the control invalid with a message shown elsewhere (the id of that element): the
   * day, month and year boxes share one date error.
   */
  invalidBy?: string | undefined;
}

function describedBy(o: {
  id: string;
  hint?: string | undefined;
  error?: string | undefined;
  invalidBy?: string | undefined;
}): string | undefined {
  const ids = [
    o.hint !== undefined ? `${o.id}-hint` : "",
    o.error !== undefined ? `${o.id}-error` : "",
    o.error === undefined && o.invalidBy !== undefined ? o.invalidBy : "",
  ].filter((s) => s !== "");
  return ids.length > 0 ? ids.join(" ") : undefined;
}

export function textField(o: FieldOpts): Html {
  const desc = describedBy(o);
  const invalid = o.error !== undefined || o.invalidBy !== undefined;
  return html`<div class="form-group ${o.wrapClass ?? ""}">
  <label for="${o.id}" class="active">${o.label}${o.required === false ? "" : html` <span class="req" aria-hidden="true">*</span>`}</label>
  <input id="${o.id}" name="${o.name}" type="${o.type ?? "text"}" class="form-control${invalid ? " is-invalid" : ""}"
    value="${o.value ?? ""}"${o.autocomplete !== undefined ? html` autocomplete="${o.autocomplete}"` : ""}${o.inputmode !== undefined ? html` inputmode="${o.inputmode}"` : ""}${o.maxlength !== undefined ? html` maxlength="${o.maxlength}"` : ""}${o.required === false ? "" : html` required aria-required="true"`}${desc !== undefined ? html` aria-describedby="${desc}"` : ""}${invalid ? html` aria-invalid="true"` : ""}${o.spellcheck === false ? html` spellcheck="false"` : ""}${o.autocapitalize !== undefined ? html` autocapitalize="${o.autocapitalize}"` : ""}>
  ${o.hint !== undefined ? html`<small id="${o.id}-hint" class="form-text">${o.hint}</small>` : ""}
  ${o.error !== undefined ? html`<div id="${o.id}-error" class="invalid-feedback d-block">${o.error}</div>` : ""}
</div>`;
}

export interface SelectOpts extends Omit<FieldOpts, "type" | "inputmode" | "maxlength"> {
  options: readonly { value: string; label: string }[];
  placeholder?: string;
}

export function selectField(o: SelectOpts): Html {
  const desc = describedBy(o);
  return html`<div class="select-wrapper mb-4 ${o.wrapClass ?? ""}">
  <label for="${o.id}">${o.label}${o.required === false ? "" : html` <span class="req" aria-hidden="true">*</span>`}</label>
  <select id="${o.id}" name="${o.name}" class="${o.error !== undefined ? "is-invalid" : ""}"${o.autocomplete !== undefined ? html` autocomplete="${o.autocomplete}"` : ""}${o.required === false ? "" : html` required aria-required="true"`}${desc !== undefined ? html` aria-describedby="${desc}"` : ""}${o.error !== undefined ? html` aria-invalid="true"` : ""}>
    <option value="">${o.placeholder ?? ""}</option>
    ${o.options.map((opt) => html`<option value="${opt.value}"${opt.value === o.value ? html` selected` : ""}>${opt.label}</option>`)}
  </select>
  ${o.hint !== undefined ? html`<small id="${o.id}-hint" class="form-text">${o.hint}</small>` : ""}
  ${o.error !== undefined ? html`<div id="${o.id}-error" class="invalid-feedback d-block">${o.error}</div>` : ""}
</div>`;
}

export interface RadioOpts {
  id: string;
  name: string;
  legend: string;
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  options: readonly { value: string; label: string; hint?: string }[];
}

export function radioGroup(o: RadioOpts): Html {
  const desc = describedBy(o);
  return html`<fieldset class="mb-4" id="${o.id}"${desc !== undefined ? html` aria-describedby="${desc}"` : ""}>
  <legend class="h6 fw-semibold">${o.legend} <span class="req" aria-hidden="true">*</span></legend>
  ${o.hint !== undefined ? html`<small id="${o.id}-hint" class="form-text d-block mb-2">${o.hint}</small>` : ""}
  ${o.error !== undefined ? html`<div id="${o.id}-error" class="invalid-feedback d-block mb-2">${o.error}</div>` : ""}
  ${o.options.map(
    (opt, i) => html`<div class="form-check">
    <input class="form-check-input" type="radio" name="${o.name}" id="${o.id}-${i}" value="${opt.value}"${opt.value === o.value ? html` checked` : ""}${i === 0 ? html` required` : ""}${o.error !== undefined ? html` aria-invalid="true" aria-describedby="${o.id}-error"` : ""}>
    <label class="form-check-label" for="${o.id}-${i}">${opt.label}${opt.hint !== undefined ? html`<span class="d-block small text-muted">${opt.hint}</span>` : ""}</label>
  </div>`,
  )}
</fieldset>`;
}

/**
 * The list of problems at the top of a form, each linking to its field. It takes the focus
 * when the page loads (autofocus, no script needed), so a keyboard or screen-reader user
 * starts from the list; each field's own message is tied to it with aria-describedby and is
 * not a live region (a dozen alerts read at once help nobody).
 */
export function errorSummary(
  title: string,
  errors: readonly { href: string; text: string }[],
): Html {
  if (errors.length === 0) return html``;
  return html`<div class="alert alert-danger error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
  <h2 id="error-summary-title" class="h5">${title}</h2>
  <ul class="mb-0">${errors.map((e) => html`<li><a href="${e.href}">${e.text}</a></li>`)}</ul>
</div>`;
}

/** A notice above a page's content (an outcome or a refusal), focused when the page loads. */
export type Notice = { tone: "success" | "danger"; title: string; detail?: string | undefined };

export function noticeAlert(n: Notice | undefined): Html {
  return n === undefined
    ? html``
    : html`<div class="alert alert-${n.tone}" role="alert" tabindex="-1" autofocus><h2 class="h5">${n.title}</h2>${n.detail === undefined ? "" : html`<p class="mb-0">${n.detail}</p>`}</div>`;
}

export function csrfInput(token: string): Html {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

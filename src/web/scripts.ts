/**
 * The little script the pages use, as progressive enhancement only: every page works without
 * it. It is served from this origin (the CSP allows only script-src 'self') and kept here as
 * text, not as a .js file, so the type-checked lint covers the whole source tree.
 */

/**
 * "Show the PIN": a checkbox beside a password field that reveals what is typed, for people
 * who copy 16 characters from an SMS and a letter. The checkbox's wrapper is `hidden` in the
 * markup and appears only when this runs, so nobody sees a control that cannot work.
 */
export const SHOW_PIN_JS = `"use strict";
document.querySelectorAll("input[data-show-pin]").forEach(function (box) {
  var field = document.getElementById(box.getAttribute("data-show-pin"));
  var wrapper = box.closest(".show-pin");
  if (field === null || wrapper === null) return;
  wrapper.hidden = false;
  box.addEventListener("change", function () {
    field.type = box.checked ? "text" : "password";
  });
});
`;

/**
 * The page that shows a new PIN once: leaving it by anything but its own links (the PIN card,
 * "I have noted my PIN") makes the browser ask first. Without script, the page's own way out
 * asks the same question (/pin/annotato).
 */
export const NEW_PIN_JS = `"use strict";
var leaving = false;
document.querySelectorAll("[data-leaves-page], [data-keeps-page]").forEach(function (el) {
  el.addEventListener(el.tagName === "FORM" ? "submit" : "click", function () {
    leaving = true;
    setTimeout(function () { leaving = false; }, 1000);
  });
});
window.addEventListener("beforeunload", function (event) {
  if (leaving) return;
  event.preventDefault();
  event.returnValue = "";
});
`;

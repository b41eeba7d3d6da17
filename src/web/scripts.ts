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

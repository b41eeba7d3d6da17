import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { escapeHtml, html, Html, raw } from "../../src/web/html.ts";

describe("escapeHtml", () => {
  it("escapes all five HTML-significant characters", () => {
    assert.equal(escapeHtml(`&<>"'`), "&amp;&lt;&gt;&quot;&#39;");
    assert.equal(
      escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`),
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;",
    );
  });

  it("escapes an ampersand that already looks like an entity (text is text)", () => {
    assert.equal(escapeHtml("&amp; &lt;"), "&amp;amp; &amp;lt;");
  });

  it("leaves everything else alone, including non-ASCII", () => {
    assert.equal(escapeHtml("José Müller – 漢字 / = ` {}"), "José Müller – 漢字 / = ` {}");
  });
});

describe("html template", () => {
  it("escapes interpolated strings but not the template's own markup", () => {
    const name = `<script>alert("x")</script>`;
    assert.equal(
      html`<p class="a">${name}</p>`.value,
      `<p class="a">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>`,
    );
  });

  it("escapes values in attributes, so quotes cannot break out", () => {
    const v = `" onmouseover="alert(1)`;
    // Prettier formats html`` templates as HTML: the exact literals below must stay as written.
    // prettier-ignore
    assert.equal(html`<input value="${v}">`.value, `<input value="&quot; onmouseover=&quot;alert(1)">`);
    // prettier-ignore
    assert.equal(html`<input value='${"' x='y"}'>`.value, `<input value='&#39; x=&#39;y'>`);
  });

  it("does not escape a nested fragment a second time", () => {
    const inner = html`<b>${"Tom & Jerry"}</b>`;
    const outer = html`<p>${inner}</p>`;
    assert.equal(outer.value, "<p><b>Tom &amp; Jerry</b></p>");
    assert.equal(html`<div>${outer}</div>`.value, "<div><p><b>Tom &amp; Jerry</b></p></div>");
  });

  it("renders arrays (and nested arrays) of fragments and strings in order", () => {
    const items = ["a<b", "c&d"].map((s) => html`<li>${s}</li>`);
    // prettier-ignore
    assert.equal(html`<ul>${items}</ul>`.value, "<ul><li>a&lt;b</li><li>c&amp;d</li></ul>");
    // prettier-ignore
    assert.equal(html`${[["<", html`<i>`], "&"]}`.value, "&lt;<i>&amp;");
  });

  it("renders numbers and true as text, and null, undefined and false as nothing", () => {
    assert.equal(html`${0}|${42}|${-1.5}|${true}`.value, "0|42|-1.5|true");
    assert.equal(html`[${null}][${undefined}][${false}]`.value, "[][][]");
    const hidden = false as boolean;
    assert.equal(html`<p>${hidden && html`<b>x</b>`}</p>`.value, "<p></p>");
  });

  it("lets trusted constants through raw() only", () => {
    assert.equal(html`${raw("<svg/>")}`.value, "<svg/>");
    assert.ok(raw("x") instanceof Html);
    assert.equal(String(html`<i>${"&"}</i>`), "<i>&amp;</i>");
  });

  it("never lets an interpolated string produce markup (property)", () => {
    const hostile = fc.oneof(
      fc.string(),
      fc.string({ unit: "grapheme" }),
      fc.stringMatching(/^[<>&"' a-z=/]{0,40}$/u),
      fc.constantFrom("<script>", "</p>", "<!--", "&lt;", `"><img src=x onerror=alert(1)>`),
    );
    type Value = string | readonly Value[];
    const nested: fc.Arbitrary<Value> = fc.letrec<{ v: Value }>((tie) => ({
      v: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        hostile,
        fc.array(tie("v"), { maxLength: 4 }),
      ),
    })).v;
    fc.assert(
      fc.property(fc.array(nested, { maxLength: 5 }), (values) => {
        // The literal parts are blanks: whatever markup appears must come from the values.
        const parts = [" ", ...values.map(() => " ")];
        const out = html(Object.assign(parts, { raw: parts }), ...values).value;
        assert.ok(!out.includes("<"), out);
        assert.ok(!out.includes(">"), out);
        assert.ok(!out.includes('"'), out);
        assert.ok(!out.includes("'"), out);
        // Every & starts one of our entities.
        assert.ok(!/&(?!amp;|lt;|gt;|quot;|#39;)/u.test(out), out);
      }),
      { numRuns: 500 },
    );
  });

  it("round-trips text: unescaping the output gives back the input (property)", () => {
    const unescape = (s: string) =>
      s.replace(
        /&(amp|lt|gt|quot|#39);/gu,
        (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[e] ?? "",
      );
    fc.assert(
      fc.property(fc.string(), (s) => {
        assert.equal(unescape(html`${s}`.value), s);
      }),
    );
  });
});

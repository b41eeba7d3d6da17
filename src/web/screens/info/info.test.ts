/**
 * The information pages (accessibility statement, privacy notice, legal notes, help) and the
 * favicon, through the real app: both languages, one h1 and headings in order, the footer,
 * what each page must say, and the markup renderer of their texts.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { LightMyRequestResponse } from "fastify";
import { personWithPin, startService, type TestService } from "../../../../test/helpers/app.ts";
import { letterDelivery, VERIFICATION_CALL } from "../../../domain/postal-delivery.ts";
import { cookieName } from "../../../http/cookies.ts";
import { civilDate } from "../../../i18n/format.ts";
import { t, type Lang } from "../../../i18n/index.ts";
import { LANG_COOKIE_SECONDS } from "../home/routes.ts";
import { STATEMENT_REVIEWED, STATEMENT_WRITTEN } from "./accessibility.ts";
import { inline, prose } from "./prose.ts";

const PAGES = {
  "/accessibilita": "info.accessibility.title",
  "/privacy": "info.privacy.title",
  "/note-legali": "info.legal.title",
  "/aiuto": "info.help.title",
} as const;
const PATHS = Object.keys(PAGES) as (keyof typeof PAGES)[];

function between(body: string, open: string, close: string): string {
  const i = body.indexOf(open);
  const j = body.indexOf(close, i);
  assert.ok(i >= 0 && j > i, `no ${open}…${close}`);
  return body.slice(i, j);
}

const mainOf = (body: string): string => between(body, "<main", "</main>");
const footerOf = (body: string): string => between(body, "<footer", "</footer>");
const hrefsOf = (fragment: string): string[] =>
  [...fragment.matchAll(/<a\s[^>]*href="([^"]*)"/gu)].map((m) => m[1] ?? "");

/** Entities the html tag writes, back to text (for comparing with catalogue texts). */
function text(s: string): string {
  return s
    .replace(/<[^>]+>/gu, "")
    .replace(/&#39;/gu, "'")
    .replace(/&quot;/gu, '"')
    .replace(/&lt;/gu, "<")
    .replace(/&gt;/gu, ">")
    .replace(/&amp;/gu, "&");
}

void describe("information pages", () => {
  let s: TestService;
  const get = (url: string, lang?: Lang): Promise<LightMyRequestResponse> =>
    s.app.inject({
      method: "GET",
      url,
      headers: { accept: "text/html", ...(lang === undefined ? {} : { cookie: `lang=${lang}` }) },
    });

  before(async () => {
    s = await startService({ archiveSize: 5 });
  });
  after(async () => {
    await s.close();
  });

  for (const path of PATHS) {
    for (const lang of [undefined, "en"] as const) {
      const shown: Lang = lang ?? "it";
      void it(`${path} in ${lang === undefined ? "Italian by default" : "English with the cookie"}`, async () => {
        const res = await get(path, lang);
        assert.equal(res.statusCode, 200);
        assert.match(String(res.headers["content-type"]), /^text\/html/u);
        assert.match(res.body, new RegExp(`<html lang="${shown}">`, "u"));
        const title = t(shown, PAGES[path]);
        assert.equal(res.body.match(/<h1[\s>]/gu)?.length, 1, "exactly one h1");
        assert.equal(text(between(res.body, "<h1", "</h1>")).replace(/^>/u, ""), title);
        assert.ok(text(res.body).includes(`${title} - ${t(shown, "layout.service")}`), "title");

        // Headings in order: the h1 first, never a level skipped on the way down.
        const levels = [...mainOf(res.body).matchAll(/<h([1-6])[\s>]/gu)].map((m) => Number(m[1]));
        assert.equal(levels[0], 1);
        levels.forEach((level, i) => {
          const prev = levels[i - 1] ?? 0;
          assert.ok(level <= prev + 1, `h${prev} then h${level}`);
        });
        assert.ok(levels.filter((l) => l === 2).length >= 3, "sections under h2 headings");

        // Every in-page link has its target; ids are unique.
        const ids = [...res.body.matchAll(/\sid="([^"]+)"/gu)].map((m) => m[1]);
        assert.equal(new Set(ids).size, ids.length, "unique ids");
        for (const href of hrefsOf(mainOf(res.body)).filter((h) => h.startsWith("#"))) {
          assert.ok(ids.includes(href.slice(1)), `${href} has a target`);
        }
        // Links say where they go (no bare "here" and no empty link).
        for (const m of mainOf(res.body).matchAll(/<a\s[^>]*>([^<]*)<\/a>/gu)) {
          assert.ok((m[1] ?? "").trim().length >= 5, `link text "${m[1]}"`);
        }

        // The catalogue markup is fully rendered and every placeholder filled.
        const main = text(mainOf(res.body));
        assert.doesNotMatch(main, /\{\{|\}\}|\*\*|\]\(|^### /mu);

        const footer = hrefsOf(footerOf(res.body));
        for (const p of PATHS) assert.ok(footer.includes(p), `footer links ${p}`);
        assert.ok(!footer.some((h) => h.startsWith("/api/docs")), "footer does not link /api/docs");
        assert.ok(!res.body.includes('href="/api/docs'), "no link to the API documentation");
      });
    }
  }

  void it("?lang=en also switches, and the language link comes back to the same page", async () => {
    const res = await get("/aiuto?lang=en");
    assert.match(res.body, /<html lang="en">/u);
    assert.ok(res.body.includes(`href="/lingua/it?next=${encodeURIComponent("/aiuto")}"`));
  });

  void it("the accessibility statement follows the AgID model", async () => {
    for (const lang of ["it", "en"] as const) {
      const body = (await get("/accessibilita", lang)).body;
      const main = text(mainOf(body));
      assert.ok(main.includes("WCAG 2.1"));
      assert.ok(main.includes("EN 301 549"));
      assert.ok(main.includes("4/2004"));
      assert.match(main, lang === "it" ? /parzialmente conforme/u : /partially compliant/u);
      assert.ok(main.includes("PDF/UA"), "the PDFs are named among the failures");
      assert.ok(main.includes("/api/docs"), "the API documentation is named among the failures");
      assert.ok(main.includes(civilDate(lang, STATEMENT_WRITTEN)), "date of the statement");
      assert.ok(main.includes(civilDate(lang, STATEMENT_REVIEWED)), "date of the last review");
      assert.ok(main.includes("axe-core") && main.includes("Chromium"), "how it was assessed");
      assert.ok(main.includes(s.rt.ctx.config.publicUrl), "the address it applies to");
      const links = hrefsOf(mainOf(body));
      assert.ok(links.includes("https://form.agid.gov.it/"), "the AgID form");
      assert.ok(links.includes("mailto:accessibilita@inps.it"), "the feedback address");
    }
  });

  void it("the privacy notice names controller, DPO, rights, the Garante and every cookie", async () => {
    const ctx = s.rt.ctx;
    const names = [
      cookieName(ctx, "session"),
      cookieName(ctx, "device"),
      cookieName(ctx, "csrf"),
      cookieName(ctx, "claim"),
      "lang",
    ];
    assert.deepEqual(names, ["inps_session", "inps_device", "csrf", "inps_claim", "lang"]);
    for (const lang of ["it", "en"] as const) {
      const body = (await get("/privacy", lang)).body;
      const main = text(mainOf(body));
      for (const n of names) assert.ok(body.includes(`<code class="text-break">${n}</code>`), n);
      assert.ok(main.includes("Via Ciro il Grande 21, 00144 Roma"));
      for (const art of ["6", "13", "15", "16", "17", "18", "21", "77"]) {
        assert.match(main, new RegExp(`(articolo|Article) ${art}\\b`, "u"), `Art. ${art}`);
      }
      const links = hrefsOf(mainOf(body));
      assert.ok(links.includes("mailto:responsabileprotezionedati@postacert.inps.gov.it"));
      assert.ok(links.includes("https://www.garanteprivacy.it/"));
      // Figures from the running configuration.
      const hours = ctx.sessions.absoluteSeconds / 3600;
      const minutes = ctx.sessions.idleSeconds / 60;
      assert.ok(main.includes(`${hours} ${lang === "it" ? "ore" : "hours"}`), "session lifetime");
      assert.ok(main.includes(`${minutes} minut`), "idle timeout");
      assert.ok(
        main.includes(`${ctx.config.outboxRetentionDays} ${lang === "it" ? "giorni" : "days"}`),
      );
      assert.equal(body.match(/<caption>/gu)?.length, 1, "the cookie table has a caption");
    }
    assert.equal(LANG_COOKIE_SECONDS, 365 * 24 * 3600, "the notice says 1 year for lang");
  });

  void it("the cookies the pages set are ones the notice lists", async () => {
    const listed = (await get("/privacy")).body;
    const set = [
      ...(await s.app.inject({ method: "GET", url: "/lingua/en?next=/aiuto" })).cookies,
      ...(await get("/richiedi-pin")).cookies,
    ].map((c) => c.name);
    assert.ok(set.includes("lang") && set.includes("csrf"), set.join(", "));
    for (const n of set) assert.ok(listed.includes(`<code class="text-break">${n}</code>`), n);
  });

  void it("the help page answers the pensioner's questions and links the claim and the login", async () => {
    for (const lang of ["it", "en"] as const) {
      const body = (await get("/aiuto", lang)).body;
      const main = text(mainOf(body));
      const links = hrefsOf(mainOf(body));
      assert.ok(links.includes("/richiedi-pin") && links.includes("/accedi"));
      assert.ok(main.includes("+39 06 164164") && main.includes("803 164"));
      assert.ok(main.includes("10") && main.includes("5 minut") && main.includes("6 m"));
      for (const c of ["FR", "AR", "AU"]) {
        const w = letterDelivery(c);
        assert.ok(main.includes(`${w.min}`) && main.includes(`${w.max}`), `${c} window`);
        assert.ok(main.includes(`${w.overdueAfter} `), `${c} overdue`);
      }
      assert.ok(main.includes(VERIFICATION_CALL.fromNumber));
      assert.ok(main.includes("SPID") && main.includes("CIE") && main.includes("CNS"));
      // Questions are h2 headings, listed at the top.
      const questions = [...mainOf(body).matchAll(/<h2 id="faq-[^"]+"[^>]*>([^<]+)<\/h2>/gu)];
      assert.ok(questions.length >= 10);
      for (const q of questions) assert.ok(q[1]?.endsWith("?"), `${q[1]} is a question`);
    }
  });

  void it("the legal notes say who owns the content", async () => {
    const main = text(mainOf((await get("/note-legali")).body));
    assert.ok(main.includes("© Istituto Nazionale della Previdenza Sociale (INPS)"));
    assert.ok(main.includes("EUPL 1.2"));
  });

  void it("the header shows the logout form to a person logged in, and nothing to a visitor", async () => {
    const anon = await get("/aiuto");
    assert.ok(!anon.body.includes('action="/esci"'));
    assert.ok(!anon.cookies.some((c) => c.name === "inps_session"), "no session is opened");
    const p = s.eligible[0];
    assert.ok(p !== undefined);
    const { jar } = await personWithPin(s, p);
    for (const path of PATHS) {
      const res = await s.app.inject({
        method: "GET",
        url: path,
        headers: { accept: "text/html", cookie: jar.header() },
      });
      assert.equal(res.statusCode, 200, path);
      assert.ok(res.body.includes('action="/esci"'), `${path}: logout form`);
      assert.match(res.body, /name="_csrf" value="[^"]+"/u, `${path}: its CSRF token`);
    }
  });

  for (const url of ["/favicon.svg", "/favicon.ico"]) {
    void it(`${url} answers the SVG icon`, async () => {
      const res = await s.app.inject({ method: "GET", url });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers["content-type"]), /^image\/svg\+xml/u);
      assert.match(String(res.headers["cache-control"]), /public, max-age=\d+/u);
      assert.match(res.body, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/u);
      assert.ok(res.body.includes("#0066cc"));
    });
  }
});

void describe("catalogue markup", () => {
  void it("escapes text and renders bold and links", () => {
    assert.equal(
      inline("a <b> & **c** [d e](/aiuto) [mail](mailto:x@inps.it)").value,
      'a &lt;b&gt; &amp; <strong>c</strong> <a class="text-break" href="/aiuto">d e</a> <a class="text-break" href="mailto:x@inps.it">mail</a>',
    );
  });

  void it("refuses links that are not local, https or mailto", () => {
    for (const href of [
      "javascript:alert(1)",
      "http://x.it/",
      "//evil.example/",
      "data:text/html,x",
    ]) {
      assert.throws(() => inline(`[x](${href})`), /unsafe or malformed link/u, href);
    }
  });

  void it("splits blocks into paragraphs, lists and subheadings", () => {
    const out = prose("### Sub\n\nOne\nline.\n\nLead:\n- a\n- b\n\n- c").value;
    assert.equal(
      out,
      '<h3 class="h5 mt-4">Sub</h3><p>One line.</p><p>Lead:</p><ul><li>a</li><li>b</li></ul><ul><li>c</li></ul>',
    );
  });
});

/**
 * Browser tests: the real service (startService(), listening on a loopback port) driven by
 * Debian's Chromium through playwright-core, with axe-core for accessibility. Never a
 * downloaded browser. When /usr/bin/chromium is missing the browser suites are skipped with a
 * message, unless REQUIRE_BROWSER=1 (CI), in which case they fail.
 */
import { existsSync } from "node:fs";
import assert from "node:assert/strict";
import { AxeBuilder } from "@axe-core/playwright";
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Page,
  type Response,
} from "playwright-core";
import { startService, type TestService, type TestServiceOptions } from "./app.ts";
import { freshCode, type TestStaff } from "./staff.ts";

export const CHROMIUM_PATH = "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 900 } as const;

const required = () => process.env.REQUIRE_BROWSER === "1";

/** Script errors and CSP refusals seen by each page opened through newPage(). */
const pageProblems = new WeakMap<Page, string[]>();

/** No script error and nothing refused by the Content Security Policy so far on this page. */
export function assertNoScriptErrors(page: Page, label: string): void {
  const problems = pageProblems.get(page) ?? [];
  assert.deepEqual(problems, [], `${label}: script errors or CSP refusals`);
}

/** Whether Debian's Chromium is installed where the tests expect it. */
export function browserAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/**
 * The `skip` option for a browser suite: false when the browser is there (or required, so a
 * missing browser fails the suite), else the reason, which node:test prints.
 */
export function browserSkip(): false | string {
  if (browserAvailable() || required()) return false;
  return `Chromium not found at ${CHROMIUM_PATH}: browser tests skipped (apt-get install chromium; REQUIRE_BROWSER=1 makes this a failure)`;
}

export interface BrowserService {
  s: TestService;
  /** http://127.0.0.1:PORT */
  base: string;
  browser: Browser;
  /** A fresh browser context (own cookies) and page; closed with the service. */
  newPage(opts?: { viewport?: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}

export async function startBrowserService(opts: TestServiceOptions = {}): Promise<BrowserService> {
  if (!browserAvailable()) {
    throw new Error(
      `REQUIRE_BROWSER=1 but Chromium is not installed at ${CHROMIUM_PATH} (apt-get install chromium)`,
    );
  }
  const s = await startService(opts);
  let browser: Browser;
  try {
    await s.app.listen({ port: 0, host: "127.0.0.1" });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  } catch (err) {
    await s.close();
    throw err;
  }
  const address = s.app.server.address();
  assert.ok(address !== null && typeof address === "object", "the service listens on a TCP port");
  const base = `http://127.0.0.1:${address.port}`;
  const contexts: BrowserContext[] = [];
  return {
    s,
    base,
    browser,
    async newPage(o = {}) {
      const context = await browser.newContext({
        baseURL: base,
        viewport: o.viewport ?? DESKTOP,
        locale: "es-AR",
        acceptDownloads: true,
      });
      context.setDefaultTimeout(15_000);
      contexts.push(context);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
      page.on("console", (m) => {
        if (m.type() === "error" && /Content Security Policy|Refused to/u.test(m.text()))
          problems.push(m.text());
      });
      pageProblems.set(page, problems);
      return page;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await s.close();
    },
  };
}

/** Every page of the service answers as HTML with a success status; returns the response. */
export function okHtml(res: Response | null, what: string): Response {
  assert.ok(res !== null, `${what}: no response`);
  assert.ok(res.status() < 400, `${what}: HTTP ${res.status()}`);
  assert.match(res.headers()["content-type"] ?? "", /^text\/html/u, `${what}: not HTML`);
  return res;
}

/**
 * Runs axe-core on the page and fails on any violation of impact "serious" or "critical",
 * listing each rule id, the elements (targets) and the help text so a failure says what to fix.
 */
export async function assertAccessible(page: Page, label: string): Promise<void> {
  assertNoScriptErrors(page, label);
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = bad
    .map(
      (v) =>
        `- [${v.impact ?? "?"}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes
          .slice(0, 8)
          .map(
            (n) =>
              `    at ${n.target.map(String).join(" > ")}${n.failureSummary !== undefined ? `\n      ${n.failureSummary.replace(/\n/gu, "\n      ")}` : ""}`,
          )
          .join("\n"),
    )
    .join("\n");
  assert.equal(
    bad.length,
    0,
    `axe found serious/critical violations on ${label} (${page.url()}):\n${report}`,
  );
}

/**
 * Nothing on the page needs sideways scrolling: neither the page itself nor a scrollable
 * table wrapper (on a phone, a table wider than the screen hides its last columns).
 */
/** The checks every page of a journey gets: axe, and no sideways scrolling. */
export async function assertPage(page: Page, label: string): Promise<void> {
  await assertAccessible(page, label);
  await assertFitsWidth(page, label);
}

export async function assertFitsWidth(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(`(() => {
    const out = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) out.push("page: " + doc.scrollWidth + "px wide in a " + doc.clientWidth + "px window");
    for (const el of document.querySelectorAll("body *")) {
      const x = getComputedStyle(el).overflowX;
      if ((x === "auto" || x === "scroll") && el.scrollWidth > el.clientWidth + 1) {
        out.push(el.tagName.toLowerCase() + (el.className ? "." + String(el.className).trim().replace(/\\s+/g, ".") : "") + ": " + el.scrollWidth + "px of content in " + el.clientWidth + "px");
      }
    }
    return out;
  })()`);
  assert.ok(Array.isArray(overflow));
  assert.deepEqual(
    overflow,
    [],
    `${label} (${page.url()}) scrolls sideways at ${page.viewportSize()?.width ?? "?"}px`,
  );
}

/** The visible text of <main>, as a person reads it. */
export async function mainText(page: Page): Promise<string> {
  return page.locator("main").innerText();
}

/** Checks a downloaded or fetched body is a PDF document. */
export function assertPdf(bytes: Buffer, what: string): void {
  assert.ok(bytes.length > 500, `${what}: too small to be a document (${bytes.length} bytes)`);
  assert.equal(bytes.subarray(0, 5).toString("latin1"), "%PDF-", `${what}: not a PDF`);
}

/**
 * Logs a member of staff in as a person does, on /operatori/accedi: username, password and a
 * fresh authenticator code typed. The login page gets the journey checks (axe, width); ends on
 * the desk (/operatori), which the caller checks if its journey needs to.
 */
export async function loginStaffInBrowser(
  page: Page,
  s: TestService,
  staff: TestStaff,
): Promise<void> {
  okHtml(await page.goto("/operatori/accedi"), "staff login");
  await assertPage(page, "staff login");
  await page.getByLabel("Nome utente").fill(staff.username);
  await page.getByLabel("Password").fill(staff.password);
  await page.getByLabel(/^Codice dell'app/u).fill(await freshCode(s, staff));
  await page.getByRole("button", { name: "Entra" }).click();
  await page.waitForURL((u) => u.pathname === "/operatori");
}

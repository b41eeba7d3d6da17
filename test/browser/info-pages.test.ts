/**
 * The information pages (accessibility statement, privacy notice, legal notes, help) in
 * Chromium: axe on each in both languages, nothing scrolling sideways at 320 px, the favicon.
 * (Their content is tested beside the screen, src/web/screens/info/info.test.ts.)
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  assertAccessible,
  assertFitsWidth,
  browserSkip,
  DESKTOP,
  startBrowserService,
  type BrowserService,
} from "../helpers/browser.ts";

const PATHS = ["/accessibilita", "/privacy", "/note-legali", "/aiuto"];

describe("information pages in Chromium", { skip: browserSkip() }, () => {
  let b: BrowserService;
  before(async () => {
    b = await startBrowserService({ archiveSize: 5 });
  });
  after(async () => {
    await b.close();
  });

  it("axe finds nothing serious on any of them, in either language", async () => {
    const page = await b.newPage({ viewport: DESKTOP });
    for (const path of PATHS) {
      for (const url of [path, `${path}?lang=en`]) {
        assert.equal((await page.goto(url))?.status(), 200, url);
        await assertAccessible(page, url);
      }
    }
  });

  it("nothing scrolls sideways on the narrowest phone (320px)", async () => {
    const page = await b.newPage({ viewport: { width: 320, height: 640 } });
    for (const path of PATHS) {
      for (const url of [path, `${path}?lang=en`]) {
        assert.equal((await page.goto(url))?.status(), 200, url);
        await assertFitsWidth(page, url);
      }
    }
  });

  it("the browser shows the favicon the head links", async () => {
    const page = await b.newPage();
    await page.goto("/aiuto");
    const href = await page.locator('link[rel="icon"]').getAttribute("href");
    const res = await page.request.get(href ?? "");
    assert.equal(res.status(), 200);
    assert.equal(res.headers()["content-type"], "image/svg+xml");
  });
});

// Every page of the built site, in Chromium over loopback: it loads with no console error,
// no uncaught exception, no failed request and no request to another origin.
import type { BrowserContext, Page, Request } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useServedSite } from '../support/served-site.ts';
import { TEST_SITES } from '../support/site.ts';
import { pageTypes, sitePaths } from './quality-support.ts';

interface Visit {
  problems: string[];
}

/** Loads `url` in `page` and lists what went wrong while it loaded and ran. */
async function visit(page: Page, url: string, origin: string): Promise<Visit> {
  const problems: string[] = [];
  const onConsole = (m: { type(): string; text(): string }) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  };
  const onPageError = (e: Error) => problems.push(`uncaught: ${e.message}`);
  const pending = new Set<unknown>();
  const onDone = (r: unknown) => pending.delete(r);
  const onRequest = (r: { url(): string }) => {
    pending.add(r);
    const u = new URL(r.url());
    if (u.protocol !== 'data:' && u.origin !== origin) problems.push(`request to another origin: ${r.url()}`);
  };
  const onFailed = (r: Request) => {
    pending.delete(r);
    // Chromium fetches the favicon for its own UI, after 'load' and outside the page; moving
    // on to the next page aborts that fetch. Only that abort is ignored: a missing favicon
    // still shows as an HTTP 404 here, and its link is checked in tests/build/site.test.ts.
    if (r.resourceType() === 'other' && r.url().endsWith('/favicon.svg') && r.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`failed request: ${r.url()} (${r.failure()?.errorText})`);
  };
  const onResponse = (r: { url(): string; status(): number }) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  };
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  page.on('request', onRequest);
  page.on('requestfailed', onFailed);
  page.on('requestfinished', onDone);
  page.on('response', onResponse);
  try {
    await page.goto(url, { waitUntil: 'load' });
    // Module scripts (text size, charts) have run by 'load'; whatever they still fetch is
    // waited for before the next page, until nothing has been pending for 300 ms (the search
    // page starts Pagefind, whose worker is fetched only once pagefind.js has run).
    let quiet = 0;
    for (let waited = 0; (pending.size > 0 || quiet < 300) && waited < 5_000; waited += 20) {
      await page.waitForTimeout(20);
      quiet = pending.size > 0 ? 0 : quiet + 20;
    }
    if (pending.size > 0) problems.push(`requests still pending 5 s after load: ${pending.size}`);
  } finally {
    page.off('requestfinished', onDone);
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
    page.off('request', onRequest);
    page.off('requestfailed', onFailed);
    page.off('response', onResponse);
  }
  return { problems };
}

for (const [name, site] of Object.entries(TEST_SITES)) {
  describe(`every page loads cleanly (${name} build, base ${site.base})`, () => {
    const live = useServedSite(site);
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await live.browser.newContext({ viewport: { width: 1280, height: 800 } });
      page = await context.newPage();
    });

    // The root build is crawled whole; the sub-path build one page of each type (its links
    // are all checked statically in tests/build/site.test.ts).
    const paths = name === 'root' ? sitePaths(site.dir) : pageTypes(site.dir).map((t) => t.path);

    it(`${paths.length} pages: no console error, failed request or other origin`, { timeout: 600_000 }, async () => {
      expect(paths.length).toBeGreaterThan(name === 'root' ? 100 : 8);
      const origin = new URL(live.server.url).origin;
      const failures: string[] = [];
      for (const path of paths) {
        const { problems } = await visit(page, live.server.url + path, origin);
        for (const problem of problems) failures.push(`/${path}: ${problem}`);
      }
      expect(failures).toEqual([]);
    });

    it('an unknown address gets the 404 page, with its styles and scripts', { timeout: 60_000 }, async () => {
      const origin = new URL(live.server.url).origin;
      const response = await page.goto(`${live.server.url}no-such-page/`);
      expect(response?.status()).toBe(404);
      // The 404 document itself is expected; what it loads must all succeed.
      const { problems } = await visit(page, `${live.server.url}no-such-page/`, origin);
      const notTheDocument = (p: string) => !p.includes('no-such-page') && !/console error: Failed to load resource: .* 404/.test(p);
      expect(problems.filter(notTheDocument)).toEqual([]);
      expect(await page.locator('h1').textContent()).toBe('页面不存在');
      expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('system-ui');
    });
  });
}

// Layout, on one page of each type: no sideways scrolling on a 360 px phone, nor at 1280 px
// with the browser zoomed to 200 %; the text-size control (A / A+ / A++) works and the
// largest size still fits a phone. Screenshots of each page type at 360 and 1280 px go to
// test-results/screenshots/ for people to look at (CI keeps that folder).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContextOptions } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useServedSite, type ServedSite } from '../support/served-site.ts';
import { PROJECT_ROOT, TEST_SITES } from '../support/site.ts';
import { horizontalOverflow, openAllDetails, overflowingElements, qualitySites } from './quality-support.ts';

const site = TEST_SITES.root;
const [root, departments] = qualitySites();
const types = root!.types;
const SCREENSHOTS = join(PROJECT_ROOT, 'test-results/screenshots');

/**
 * The viewports. Browser zoom at 200 % halves the number of CSS pixels across the window:
 * a 1280 px wide window zoomed to 200 % lays pages out in a 640 CSS px viewport, with two
 * device pixels per CSS pixel, and media queries see 640 px. So "1280 px at 200 %" is
 * emulated exactly by a 640 x 400 CSS px viewport with deviceScaleFactor 2 (its screenshot
 * is 1280 px wide). The CSS `zoom` property is not used: it does not change the viewport
 * width that media queries and percentage widths see, which is what real zoom does.
 */
const VIEWPORTS: Record<string, BrowserContextOptions> = {
  'phone-360': { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  'desktop-1280-zoom-200': { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
};

describe('layout', () => {
  const live = useServedSite(site);

  beforeAll(() => {
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  for (const [name, options] of Object.entries(VIEWPORTS)) {
    it.each(types)(`${name}: $name does not scroll sideways`, { timeout: 60_000 }, ({ path }) => noSidewaysScroll(live, options, path));
  }

  it('the text-size control enlarges the text, remembers it, and goes back', { timeout: 60_000 }, async () => {
    const context = await live.browser.newContext(VIEWPORTS['phone-360']);
    try {
      const page = await context.newPage();
      await page.goto(`${live.server.url}reports/2022/`);
      const control = page.locator('text-size-control');
      await expect.poll(() => control.isVisible()).toBe(true);
      const rootSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
      const normal = await rootSize();
      const sizes: number[] = [];
      for (const size of ['large', 'x-large'] as const) {
        await page.locator(`text-size-control button[data-size="${size}"]`).click();
        expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe(size);
        expect(await page.locator(`text-size-control button[data-size="${size}"]`).getAttribute('aria-pressed')).toBe('true');
        expect(await page.locator('text-size-control button[aria-pressed="true"]').count()).toBe(1);
        sizes.push(await rootSize());
      }
      expect(sizes[0]).toBeGreaterThan(normal * 1.1);
      expect(sizes[1]).toBeGreaterThan(sizes[0]! * 1.1);
      // Remembered on the next page.
      await page.goto(`${live.server.url}metrics/certified-social-workers/`);
      expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('x-large');
      expect(await rootSize()).toBeCloseTo(sizes[1]!, 1);
      await page.locator('text-size-control button[data-size="normal"]').click();
      expect(await rootSize()).toBeCloseTo(normal, 1);
    } finally {
      await context.close();
    }
  });

  it.each(types)('phone-360 at the largest text size (A++): $name does not scroll sideways', { timeout: 60_000 }, async ({ name, path }) => {
    const context = await live.browser.newContext(VIEWPORTS['phone-360']);
    try {
      await context.addInitScript(() => localStorage.setItem('portal-text-size', 'x-large'));
      const page = await context.newPage();
      await page.goto(live.server.url + path, { waitUntil: 'load' });
      expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('x-large');
      await openAllDetails(page);
      expect(await overflowingElements(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-360-a++.png`) });
    } finally {
      await context.close();
    }
  });

  for (const width of [360, 1280]) {
    it.each(types)(`screenshot at ${width} px: $name`, { timeout: 60_000 }, async ({ name, path }) => {
      const context = await live.browser.newContext({ viewport: { width, height: width === 360 ? 740 : 800 }, deviceScaleFactor: 1 });
      try {
        const page = await context.newPage();
        await page.goto(live.server.url + path, { waitUntil: 'load' });
        // Charts animate in; wait for them to settle (they honour reduced motion otherwise).
        await page.waitForTimeout(500);
        await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
      } finally {
        await context.close();
      }
    });
  }
});

describe('layout of the pages only a site of several departments has', () => {
  const live = useServedSite(departments!.site);
  for (const [name, options] of Object.entries(VIEWPORTS)) {
    it.each(departments!.types)(`${name}: $name does not scroll sideways`, { timeout: 60_000 }, ({ path }) => noSidewaysScroll(live, options, path));
  }
});

async function noSidewaysScroll(live: ServedSite, options: BrowserContextOptions, path: string): Promise<void> {
  const context = await live.browser.newContext(options);
  try {
    const page = await context.newPage();
    await page.goto(live.server.url + path, { waitUntil: 'load' });
    expect(await overflowingElements(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await openAllDetails(page);
    expect(await horizontalOverflow(page), 'with every <details> open').toBeLessThanOrEqual(0);
  } finally {
    await context.close();
  }
}

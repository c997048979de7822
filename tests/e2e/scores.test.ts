// The scores fixture site in Chromium (issue 19): the score table, the budget execution and the
// across-years page pass axe (WCAG 2.1 AA, light and dark), fit a 360 px phone without sideways
// scrolling, and their links to the text land on the quoted sentence and the table row.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { useServedSite } from '../support/served-site.ts';
import { FIXTURE_SITES } from '../support/site.ts';
import { horizontalOverflow, overflowingElements } from './quality-support.ts';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PAGES = ['/reports/2021/', '/reports/2022/', '/scores/key-project-self-evaluation/'];

describe('score tables and budget execution in the browser', () => {
  const live = useServedSite(FIXTURE_SITES.scores);

  for (const colorScheme of ['light', 'dark'] as const) {
    it.each(PAGES)(`axe, ${colorScheme}: %s`, { timeout: 60_000 }, async (path) => {
      const context = await live.browser.newContext({ bypassCSP: true, colorScheme });
      try {
        const page = await context.newPage();
        await page.goto(live.server.url + path);
        await page.addScriptTag({ path: AXE_PATH });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
          return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
        });
        expect(violations).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  // A 360 px phone at the largest text size (A++), and a 1280 px window at 200 % zoom (a 640 CSS px viewport, as tests/e2e/quality-layout.test.ts explains).
  const VIEWPORTS = {
    'phone-360-a++': { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
    'desktop-1280-zoom-200': { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
  };
  for (const [name, options] of Object.entries(VIEWPORTS)) {
    it.each(PAGES)(`no sideways scrolling, ${name}: %s`, { timeout: 60_000 }, async (path) => {
      const context = await live.browser.newContext(options);
      try {
        if (name.endsWith('a++')) await context.addInitScript(() => localStorage.setItem('portal-text-size', 'x-large'));
        const page = await context.newPage();
        await page.goto(live.server.url + path, { waitUntil: 'load' });
        if (name.endsWith('a++')) expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('x-large');
        expect(await overflowingElements(page)).toEqual([]);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      } finally {
        await context.close();
      }
    });
  }

  it('a score row’s 原文 link lands on the text’s row; the total and a rate on their sentence', { timeout: 60_000 }, async () => {
    const page = await live.browser.newPage();
    try {
      await page.goto(`${live.server.url}/reports/2022/`);
      await page.click('a[href="#score-output-quality-text"]');
      expect(await page.evaluate(() => document.querySelector(':target')?.textContent)).toContain('个别投诉跨年办结');
      await page.click('#score-table a[href="#score-total-text"]');
      expect(await page.evaluate(() => document.querySelector(':target')?.textContent)).toBe('92分');
      await page.click('#budget a[href="#budget-project-expenditure-rate-text"]');
      expect(await page.evaluate(() => document.querySelector(':target')?.textContent)).toBe('95%');
      await page.click('#budget-project-expenditure-rate-text');
      expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('budget-project-expenditure');
    } finally {
      await page.close();
    }
  });
});

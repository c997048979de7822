// Readers first (issue 18), in Chromium through nginx, at 360 × 780 and 1280 × 800: tables that
// read whole, the official text near the top, a figure's sentence as a place to land on and to
// copy, a printout that is the text, downloads per metric and topic, context, the official file.
import { createHash } from 'node:crypto';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useServedSite } from '../support/served-site.ts';
import { TEST_SITES } from '../support/site.ts';
import { pageTypes } from './quality-support.ts';

const site = TEST_SITES.root;
const types = pageTypes(site.dir);

const VIEWPORTS: Record<string, BrowserContextOptions> = {
  'phone-360': { viewport: { width: 360, height: 780 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true },
  'desktop-1280': { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
};
/** Two phone screens: the official text must begin within them. */
const TWO_SCREENS = 1560;

/** Visible table cells narrower than three characters of their own font size. */
function narrowCells(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const narrow: string[] = [];
    for (const cell of document.querySelectorAll<HTMLElement>('th, td')) {
      const box = cell.getBoundingClientRect();
      // Header rows hidden by the phone's card layout (clipped to 1 px) are not read.
      const hiddenHead = cell.closest('thead') && cell.closest('thead')!.getBoundingClientRect().width <= 1;
      if (!cell.checkVisibility() || hiddenHead || box.width === 0) continue;
      const size = parseFloat(getComputedStyle(cell).fontSize);
      if (box.width < 3 * size) narrow.push(`${cell.tagName} “${cell.textContent?.trim().slice(0, 12)}” ${box.width.toFixed(0)} px < ${3 * size} px`);
    }
    return narrow;
  });
}

describe('readers first', () => {
  const live = useServedSite(site);
  const open = async (options: BrowserContextOptions, path: string, javaScript = true) => {
    const context = await live.browser.newContext({ ...options, javaScriptEnabled: javaScript });
    const page = await context.newPage();
    await page.goto(live.server.url + path, { waitUntil: 'load' });
    return { page, close: () => context.close() };
  };

  for (const [name, options] of Object.entries(VIEWPORTS)) {
    it.each(types)(`${name}: $name has no table cell narrower than three characters`, { timeout: 60_000 }, async ({ path }) => {
      const { page, close } = await open(options, path);
      try {
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
        expect(await narrowCells(page)).toEqual([]);
      } finally {
        await close();
      }
    });
  }

  it.each(['reports/2018/', 'reports/2022/'])('phone: the official text of %s begins within two screens', { timeout: 60_000 }, async (path) => {
    const { page, close } = await open(VIEWPORTS['phone-360']!, path);
    try {
      const top = await page.locator('.report-text p').first().evaluate((p) => p.getBoundingClientRect().top + scrollY);
      expect(top).toBeLessThanOrEqual(TWO_SCREENS);
    } finally {
      await close();
    }
  });

  it('the signature line is right-aligned only where it is one', { timeout: 60_000 }, async () => {
    const { page, close } = await open(VIEWPORTS['desktop-1280']!, 'reports/2018/');
    try {
      const last = page.locator('.report-text p').last();
      expect(await last.textContent()).toBe('长沙市开福区民政局');
      expect(await last.evaluate((p) => getComputedStyle(p).textAlign)).toBe('right');
      await page.goto(`${live.server.url}reports/2022/`);
      const closing = page.locator('.report-text p').last();
      expect(await closing.evaluate((p) => getComputedStyle(p).textAlign)).not.toBe('right');
      expect(await page.locator('.report-text p.signature').count()).toBe(0);
    } finally {
      await close();
    }
  });

  for (const [name, options] of Object.entries(VIEWPORTS)) {
    it(`${name}: landing on a figure shows its whole sentence, highlighted`, { timeout: 60_000 }, async () => {
      const { page, close } = await open(options, 'reports/2022/#fig-certified-social-workers');
      try {
        const sentence = page.locator('.figure-sentence:has(#fig-certified-social-workers)');
        // The browser scrolls to the figure once the page has laid out.
        await expect.poll(() => sentence.evaluate((s) => s.getBoundingClientRect().top), { timeout: 15_000 }).toBeGreaterThanOrEqual(0);
        const box = await sentence.evaluate((s) => {
          const rects = [...s.getClientRects()];
          return { top: Math.min(...rects.map((r) => r.top)), bottom: Math.max(...rects.map((r) => r.bottom)), background: getComputedStyle(s).backgroundColor };
        });
        expect(box.bottom).toBeLessThanOrEqual(options.viewport!.height);
        expect(await sentence.textContent()).toContain('全区现有持证社工1106人');
        expect(box.background).not.toBe('rgba(0, 0, 0, 0)');
      } finally {
        await close();
      }
    });
  }

  it('each figure of a report and each row of a metric’s table offers its link and citation: as text without JavaScript, to copy with it', { timeout: 60_000 }, async () => {
    const nojs = await open(VIEWPORTS['phone-360']!, 'reports/2018/', false);
    try {
      const figures = await nojs.page.locator('.report-text a.figure').count();
      const links = nojs.page.locator('.key-figures copy-link');
      expect(await links.count()).toBe(figures);
      const first = await links.first().locator('a[data-copy-source="link"]').getAttribute('href');
      expect(first).toMatch(/\/reports\/2018\/#fig-/);
      expect(await links.first().locator('button').first().isVisible()).toBe(false);
      expect(await links.first().textContent()).toContain('引用：长沙市开福区民政局');
    } finally {
      await nojs.close();
    }
    const context = await live.browser.newContext({ ...VIEWPORTS['desktop-1280']! });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(live.server.url).origin });
    try {
      const page = await context.newPage();
      await page.goto(`${live.server.url}metrics/certified-social-workers/`);
      const row = page.locator('.series-table copy-link').first();
      const button = row.getByRole('button', { name: /^复制链接/ });
      await button.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => row.locator('[role="status"]').textContent()).toBe('已复制链接');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/reports\/2018\/#fig-certified-social-workers$/);
    } finally {
      await context.close();
    }
  });

  it('prints a report with its text first: address and citation on page one, charts as tables, page numbers', { timeout: 90_000 }, async () => {
    // The printable width of A4 with the page margins (about 178 mm at 96 px per inch).
    const { page, close } = await open({ viewport: { width: 672, height: 980 } }, 'reports/2018/');
    try {
      await page.emulateMedia({ media: 'print' });
      const cite = page.locator('.print-cite');
      expect(await cite.isVisible()).toBe(true);
      expect(await cite.textContent()).toMatch(/《2018年度部门整体支出绩效评价报告》.*\/reports\/2018\//);
      const textTop = await page.locator('.report-text p').first().evaluate((p) => p.getBoundingClientRect().top + scrollY);
      // The first page holds about 980 px (A4 less its margins).
      expect(textTop).toBeLessThan(900);
      expect(await page.locator('canvas').evaluateAll((all) => all.filter((c) => c.checkVisibility()).length)).toBe(0);
      expect(await page.locator('.report__charts table').first().isVisible()).toBe(true);
      const pdf = await page.pdf({ format: 'A4' });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
      expect(pages).toBeGreaterThan(1);
    } finally {
      await close();
    }
  });

  it('offers each chart’s figures for download: CSV with a byte-order mark and JSON with terms, date and columns', { timeout: 60_000 }, async () => {
    const { page, close } = await open(VIEWPORTS['desktop-1280']!, 'metrics/certified-social-workers/');
    try {
      const csvHref = await page.locator('.chart__downloads a', { hasText: 'CSV' }).getAttribute('href');
      const jsonHref = await page.locator('.chart__downloads a', { hasText: 'JSON' }).getAttribute('href');
      const csv = new Uint8Array(await (await fetch(new URL(csvHref!, live.server.url))).arrayBuffer());
      expect([...csv.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = new TextDecoder().decode(csv).trim().split('\r\n');
      expect(lines).toHaveLength(3);
      expect(lines[1]).toContain('全区现有持证社工674人');
      const json = (await (await fetch(new URL(jsonHref!, live.server.url))).json()) as { reuse_terms: string; last_changed: string | null; columns: { name: string; description: string }[]; figures: unknown[] };
      expect(json.reuse_terms).toContain('请注明出处');
      expect(json.columns.every((c) => c.description.length > 0)).toBe(true);
      expect(json.figures).toHaveLength(2);
      await page.goto(`${live.server.url}data/`);
      const data = await page.locator('main').textContent();
      expect(data).toContain('使用条件');
      expect(data).toContain('数据最后更新');
      const topic = await page.locator('main a', { hasText: 'CSV' }).nth(1).getAttribute('href');
      expect(topic).toMatch(/\/data\/topics\/[a-z-]+\.csv$/);
      expect((await fetch(new URL(topic!, live.server.url))).status).toBe(200);
    } finally {
      await close();
    }
  });

  it('publishes the official file beside the report, with its size and SHA-256', { timeout: 60_000 }, async () => {
    const { page, close } = await open(VIEWPORTS['phone-360']!, 'reports/2018/');
    try {
      expect(await page.locator('.report__facts').textContent()).toContain('《2018年度部门整体支出绩效评价报告》原件');
      const link = page.locator('.report__source a[download]');
      const bytes = new Uint8Array(await (await fetch(new URL((await link.getAttribute('href'))!, live.server.url))).arrayBuffer());
      const shown = await page.locator('.report__source code').first().textContent();
      expect(shown).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(await page.locator('.report__source').textContent()).toContain(`${bytes.byteLength.toLocaleString('en-US')} 字节`);
    } finally {
      await close();
    }
  });

  it('the home page answers first: the featured figures by topic, each with its sentence', { timeout: 60_000 }, async () => {
    const { page, close } = await open(VIEWPORTS['phone-360']!, '');
    try {
      const featured = page.locator('#featured-title + section, section[aria-labelledby="featured-title"]').first();
      for (const label of ['新增养老床位', '城乡低保资金发放额（全年预计）']) {
        const card = featured.locator('.featured-card', { hasText: label });
        expect(await card.count(), label).toBe(1);
        expect(await card.locator('.featured-card__quote').getAttribute('href')).toMatch(/\/reports\/\d{4}\/#fig-/);
      }
      // The first featured figure is within the first two screens.
      expect(await featured.locator('.featured-card').first().evaluate((c) => c.getBoundingClientRect().top + scrollY)).toBeLessThan(TWO_SCREENS);
    } finally {
      await close();
    }
  });

  it('context: related metrics, why a one-year figure is not compared, and what a comparison leaves out', { timeout: 60_000 }, async () => {
    const { page, close } = await open(VIEWPORTS['desktop-1280']!, 'metrics/new-elderly-care-beds/');
    try {
      const related = page.locator('section[aria-labelledby="related-title"]');
      const text = await related.textContent();
      expect(text).toContain('建设家庭养老床位');
      expect(text).toContain('口径不同');
      await page.goto(`${live.server.url}compare/2018-2022/`);
      const unpaired = page.locator('section[aria-labelledby="unpaired-title"]');
      expect(await unpaired.textContent()).toContain('新增养老床位');
      expect(await unpaired.textContent()).toContain('建设家庭养老床位');
      // Lists in Chinese collation: the 社会救助 table of the metrics index.
      await page.goto(`${live.server.url}metrics/`);
      const names = await page.locator('.metrics-table').first().locator('tbody th[scope="row"]').allTextContents();
      expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN').compare));
    } finally {
      await close();
    }
  });
});

describe('search says what it found', () => {
  const live = useServedSite(site);
  const search = async (query: string) => {
    const page = await live.browser.newPage({ viewport: { width: 360, height: 780 } });
    await page.goto(`${live.server.url}search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => /找到/.test(document.querySelector('[data-search-status]')?.textContent ?? '') && document.querySelector('.search-result') !== null);
    const status = (await page.locator('[data-search-status]').textContent()) ?? '';
    const paths = await page.locator('.search-result__title a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    const excerpts = await page.locator('.search-result__excerpt').allTextContents();
    await page.close();
    return { status, paths, excerpts };
  };

  it('a query no page holds whole says so', { timeout: 60_000 }, async () => {
    const { status } = await search('xyzzy不存在');
    expect(status).toContain('没有找到完整包含“xyzzy不存在”的页面');
    expect(status).not.toMatch(/^找到/);
  });

  it('低保 shows the featured 低保 fund metric among the first five, and excerpts are sentences, not chart rows', { timeout: 60_000 }, async () => {
    const { status, paths, excerpts } = await search('低保');
    expect(status).toMatch(/^找到 \d+ 条/);
    expect(paths.slice(0, 5)).toContain('/metrics/dibao-fund-estimate/');
    for (const excerpt of excerpts) expect(excerpt).not.toMatch(/\d{4}年 [^。]*\. (确数|预计数)/);
  });
});

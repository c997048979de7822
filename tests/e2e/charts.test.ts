import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageWeigher } from '../support/page-weight.ts';
import { useServedSite } from '../support/served-site.ts';
import { TEST_SITES } from '../support/site.ts';

const live = useServedSite(TEST_SITES.root);

/** Share of canvas pixels that are not transparent: 0 for a blank canvas. */
function inkedShare(canvas: HTMLCanvasElement): number {
  const ctx = canvas.getContext('2d')!;
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  let inked = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) inked += 1;
  return inked / (data.length / 4);
}

/** The chart chunk (chart.js and the drawing code) as its URL path ends: what <metric-chart> fetches on demand. */
const chartBundle = pageWeigher(TEST_SITES.root).onDemand('reports/2018/').map((s) => s.split('/').pop()!);
const isChartBundle = (url: string) => chartBundle.some((name) => url.endsWith(`/${name}`));

/** Counts the page's requests for the chart chunk. */
function chartRequests(page: Page): { count: number } {
  const seen = { count: 0 };
  page.on('request', (r) => { if (isChartBundle(r.url())) seen.count += 1; });
  return seen;
}

/** How many of the page's charts are drawn (their <metric-chart> holds a chart.js chart). */
const drawnCharts = (page: Page) =>
  page.locator('metric-chart').evaluateAll((all) => all.filter((el) => (el as HTMLElement & { chart?: unknown }).chart !== undefined).length);

/** Scrolls to each chart in turn and waits until it is drawn. */
async function scrollThroughCharts(page: Page): Promise<void> {
  for (const chart of await page.locator('metric-chart').all()) {
    await chart.scrollIntoViewIfNeeded();
    await chart.evaluate((el) => new Promise<void>((done) => {
      const check = () => ((el as HTMLElement & { chart?: unknown }).chart === undefined ? setTimeout(check, 20) : done());
      check();
    }));
  }
}

interface Drawn {
  labels: string[];
  values: number[];
  tooltips: string[];
  /** chart.js's border width per bar: 0 for an exact figure, 2 for the others (hatched or dotted). */
  borders: number[];
}

/** What each chart of the page drew, from its chart.js chart, and what its table says. */
function drawnAndShown(page: Page) {
  return page.locator('figure.chart').evaluateAll((figures) => figures.map((figure) => {
    type ChartJs = {
      data: { labels: string[]; datasets: { data: number[]; borderWidth: number[] }[] };
      config: { options: { plugins: { tooltip: { callbacks: { label(item: { dataIndex: number }): string } } } } };
    };
    const chart = (figure.querySelector('metric-chart') as HTMLElement & { chart?: ChartJs }).chart;
    const rows = [...figure.querySelectorAll('table tbody tr')];
    const cell = (row: Element, i: number) => row.children[i]!.textContent!.trim();
    const json = figure.querySelector<HTMLAnchorElement>('.chart__downloads a[href$=".json"]')!.href;
    const drawn = chart && {
      labels: chart.data.labels,
      values: chart.data.datasets[0]!.data,
      tooltips: chart.data.labels.map((_, i) => chart.config.options.plugins.tooltip.callbacks.label({ dataIndex: i })),
      borders: chart.data.datasets[0]!.borderWidth,
    };
    return {
      json,
      drawn: drawn as Drawn | undefined,
      table: { years: rows.map((r) => cell(r, 0)), values: rows.map((r) => cell(r, 1)), kinds: rows.map((r) => cell(r, 2)) },
    };
  }));
}

describe('charts', () => {
  for (const path of ['metrics/certified-social-workers/', 'topics/social-work/', 'topics/social-organisations/']) {
    it(`${path}: every chart draws a non-blank canvas once scrolled to, with no console error`, async () => {
      const page = await live.browser.newPage({ viewport: { width: 1000, height: 900 } });
      const errors: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(String(e)));
      const requests = chartRequests(page);
      await page.goto(live.server.url + path);
      const canvases = page.locator('metric-chart canvas');
      expect(await canvases.count()).toBeGreaterThan(0);
      await scrollThroughCharts(page);
      await page.waitForTimeout(600); // let the (short) entry animation finish
      for (const canvas of await canvases.all()) {
        expect(await canvas.isVisible()).toBe(true);
        expect(await canvas.evaluate(inkedShare)).toBeGreaterThan(0.01);
      }
      expect(requests.count, 'the chart chunk is fetched once per page').toBe(1);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('a report page fetches no chart code until the reader scrolls near its charts, then draws each from its table', { timeout: 60_000 }, async () => {
    const page = await live.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const requests = chartRequests(page);
    await page.goto(`${live.server.url}reports/2018/`, { waitUntil: 'load' });
    await page.waitForTimeout(500);
    const charts = await page.locator('metric-chart').count();
    expect(charts).toBeGreaterThan(1);
    expect(chartBundle.length).toBeGreaterThan(0);
    expect(requests.count, 'chart code fetched before scrolling').toBe(0);
    expect(await drawnCharts(page)).toBe(0);
    // Each canvas has its place already (marked busy), so the page does not move when it is drawn.
    const holders = page.locator('.chart__canvas');
    expect(await holders.evaluateAll((all) => all.every((h) => !(h as HTMLElement).hidden && h.getAttribute('aria-busy') === 'true'))).toBe(true);
    const tableTops = () => page.locator('figure.chart table').evaluateAll((all) => all.map((t) => Math.round(t.getBoundingClientRect().top + scrollY)));
    const before = await tableTops();

    // Scrolling to the text's end (a screen above the charts) is near enough: the first chart loads.
    await page.locator('.report__charts').evaluate((el) => scrollTo(0, el.getBoundingClientRect().top + scrollY - 1.5 * innerHeight));
    await expect.poll(() => drawnCharts(page), { timeout: 10_000 }).toBeGreaterThan(0);
    await scrollThroughCharts(page);
    expect(await drawnCharts(page)).toBe(charts);
    expect(requests.count, 'the chart chunk is fetched once per page').toBe(1);
    expect(await tableTops()).toEqual(before);
    expect(await holders.evaluateAll((all) => all.some((h) => h.hasAttribute('aria-busy')))).toBe(false);

    // What is drawn is what the table shows: a bar per row, its year, its value (the open data's,
    // in the chart's unit), its tooltip (the row's 数值) and its fill (solid only for a 确数).
    for (const { json, drawn, table } of await drawnAndShown(page)) {
      expect(drawn, json).toBeDefined();
      const data = (await (await fetch(json)).json()) as { figures: { year: number; normalised_value: number }[] };
      const valueOf = (label: string) => data.figures.find((f) => `${f.year}年` === label)?.normalised_value;
      expect(drawn!.labels).toEqual(table.years);
      expect(drawn!.values).toEqual(table.years.map(valueOf));
      expect(drawn!.tooltips).toEqual(table.values);
      expect(drawn!.borders).toEqual(table.kinds.map((k) => (k === '确数' ? 0 : 2)));
    }
    await page.close();
  });

  it('draws at once where IntersectionObserver is missing', async () => {
    const page = await live.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => { delete (window as { IntersectionObserver?: unknown }).IntersectionObserver; });
    const requests = chartRequests(page);
    await page.goto(`${live.server.url}reports/2018/`);
    const charts = await page.locator('metric-chart').count();
    await expect.poll(() => drawnCharts(page), { timeout: 10_000 }).toBe(charts);
    expect(requests.count).toBe(1);
    await page.close();
  });

  it('clicking a bar opens the sentence the figure comes from', async () => {
    const page = await live.browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${live.server.url}metrics/certified-social-workers/`);
    const canvas = page.locator('metric-chart canvas');
    await canvas.waitFor({ state: 'visible' });
    await canvas.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('metric-chart canvas')?.getAttribute('style') !== null);
    const box = (await canvas.boundingBox())!;
    // Two bars: 2018 on the left half, 2022 (the taller) on the right half, near the bottom.
    await page.mouse.click(box.x + box.width * 0.75, box.y + box.height * 0.8);
    await page.waitForURL(/\/reports\/2022\/#fig-certified-social-workers$/);
    expect(await page.locator('#fig-certified-social-workers').textContent()).toBe('1106人');
    await page.close();
  });

  it('without JavaScript the table and summary carry the data and no empty canvas shows', async () => {
    const context = await live.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const requests = chartRequests(page);
    await page.goto(`${live.server.url}metrics/certified-social-workers/`);
    expect(await page.locator('metric-chart canvas').isVisible()).toBe(false);
    const table = page.locator('figure.chart table');
    expect(await table.locator('tbody tr').count()).toBe(2);
    expect(await table.textContent()).toContain('1,106人');
    expect(await page.locator('.chart__summary').textContent()).toContain('增长64.1%');
    expect(requests.count).toBe(0);
    await context.close();
  });
});

describe('text-size control', () => {
  it('enlarges the text, is remembered across pages, and is hidden without JavaScript', async () => {
    const context = await live.browser.newContext();
    const page = await context.newPage();
    await page.goto(live.server.url);
    const rootSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const normal = await rootSize();
    await page.getByRole('button', { name: '特大字号' }).click();
    expect(await rootSize()).toBeGreaterThan(normal * 1.4);
    expect(await page.getByRole('button', { name: '特大字号' }).getAttribute('aria-pressed')).toBe('true');
    await page.goto(`${live.server.url}reports/2022/`);
    expect(await rootSize()).toBeGreaterThan(normal * 1.4);
    await context.close();

    const noJs = await live.browser.newContext({ javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(live.server.url);
    expect(await plain.getByRole('button', { name: '特大字号' }).isVisible()).toBe(false);
    await noJs.close();
  });
});

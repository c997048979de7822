import { describe, expect, it } from 'vitest';
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

describe('charts', () => {
  for (const path of ['metrics/certified-social-workers/', 'topics/social-work/', 'topics/social-organisations/']) {
    it(`${path}: every chart draws a non-blank canvas, with no console error`, async () => {
      const page = await live.browser.newPage({ viewport: { width: 1000, height: 900 } });
      const errors: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(live.server.url + path);
      const canvases = page.locator('metric-chart canvas');
      expect(await canvases.count()).toBeGreaterThan(0);
      await page.waitForTimeout(600); // let the (short) entry animation finish
      for (const canvas of await canvases.all()) {
        expect(await canvas.isVisible()).toBe(true);
        expect(await canvas.evaluate(inkedShare)).toBeGreaterThan(0.01);
      }
      expect(errors).toEqual([]);
      await page.close();
    });
  }

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
    await page.goto(`${live.server.url}metrics/certified-social-workers/`);
    expect(await page.locator('metric-chart canvas').isVisible()).toBe(false);
    const table = page.locator('figure.chart table');
    expect(await table.locator('tbody tr').count()).toBe(2);
    expect(await table.textContent()).toContain('1,106人');
    expect(await page.locator('.chart__summary').textContent()).toContain('增长64.1%');
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

// Keyboard use, on one page of each type: the first Tab lands on a skip link to #main, which
// works; Tab then reaches every interactive control on the page, each with a visible outline.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useServedSite } from '../support/served-site.ts';
import { TEST_SITES } from '../support/site.ts';
import { pageTypes } from './quality-support.ts';

const site = TEST_SITES.root;
const types = pageTypes(site.dir);

/** Marks every visible interactive control with data-kb="n" and returns how many there are. */
function markControls(page: Page): Promise<number> {
  return page.evaluate(() => {
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"]), canvas[tabindex]';
    let n = 0;
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (el.closest('[inert]') || (el as HTMLButtonElement).disabled) continue;
      // Controls inside a closed <details> (other than its summary) are not on screen.
      const details = el.parentElement?.closest('details');
      if (details && !details.open && el.tagName !== 'SUMMARY') continue;
      const visible = el.checkVisibility({ visibilityProperty: true, opacityProperty: false })
        // The skip link sits off-screen until focused; it counts.
        || el.classList.contains('skip-link');
      if (!visible) continue;
      el.dataset.kb = String(n++);
    }
    return n;
  });
}

interface Focused {
  kb: string | null;
  tag: string;
  text: string;
  outline: string;
  visibleOutline: boolean;
}

function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const width = parseFloat(style.outlineWidth);
    return {
      kb: el.dataset.kb ?? null,
      tag: el.tagName.toLowerCase(),
      text: (el.textContent ?? '').trim().slice(0, 40) || el.getAttribute('aria-label') || el.id,
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      visibleOutline: style.outlineStyle !== 'none' && width >= 2 && style.outlineColor !== 'rgba(0, 0, 0, 0)',
    };
  });
}

describe('keyboard', () => {
  const live = useServedSite(site);

  it.each(types)('$name: skip link first; Tab reaches every control, each visibly focused', { timeout: 120_000 }, async ({ path }) => {
    const page = await live.browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(live.server.url + path, { waitUntil: 'load' });
      const total = await markControls(page);
      expect(total).toBeGreaterThan(5);

      await page.keyboard.press('Tab');
      const first = await focused(page);
      expect(first?.tag).toBe('a');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#main');
      expect(first?.visibleOutline, `skip link outline: ${first?.outline}`).toBe(true);
      // The skip link is on screen while focused.
      const box = await page.evaluate(() => {
        const r = document.activeElement!.getBoundingClientRect();
        return { top: r.top, left: r.left, bottom: r.bottom };
      });
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(800);

      const reached = new Set<string>();
      const noOutline: string[] = [];
      const unexpected: string[] = [];
      if (first?.kb) reached.add(first.kb);
      for (let i = 0; i < total + 5; i += 1) {
        await page.keyboard.press('Tab');
        const now = await focused(page);
        if (!now || now.kb === first?.kb) break; // left the page, or wrapped round to the start
        if (now.kb === null) unexpected.push(`${now.tag} "${now.text}"`);
        else reached.add(now.kb);
        if (!now.visibleOutline) noOutline.push(`${now.tag} "${now.text}": ${now.outline}`);
      }
      const missed = await page.evaluate((seen) => {
        return [...document.querySelectorAll<HTMLElement>('[data-kb]')]
          .filter((el) => !seen.includes(el.dataset.kb!))
          .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`);
      }, [...reached]);
      expect(missed, 'controls Tab never reached').toEqual([]);
      expect(unexpected, 'focus went to elements that are not visible controls').toEqual([]);
      expect(noOutline, 'focused without a visible outline').toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the skip link moves focus to the main content', async () => {
    const page = await live.browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(`${live.server.url}reports/2022/`);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      expect(new URL(page.url()).hash).toBe('#main');
      // The next Tab goes to the first control inside main, not back to the header.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('the text-size buttons work from the keyboard', async () => {
    const page = await live.browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(`${live.server.url}data/`);
      const button = page.locator('text-size-control button[data-size="large"]');
      await button.focus();
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('large');
      expect(await button.getAttribute('aria-pressed')).toBe('true');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('x-large');
    } finally {
      await page.close();
    }
  });
});

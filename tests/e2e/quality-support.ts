// Shared by the quality checks (tests/e2e/quality-*.test.ts, tests/build/budgets.test.ts):
// sample pages of each page type of the registry (src/routing/page-types.ts), picked from a
// built site so that they follow the content.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { pagePath } from '../../src/publishing/verify-site.ts';
import { PAGE_TYPES, type BuiltSite, type SamplePage } from '../../src/routing/page-types.ts';
import { FIXTURE_SITES, TEST_SITES } from '../support/site.ts';

/** Every .html file of a built site, as paths under the base ('', 'reports/2018/', '404.html'). */
export function sitePaths(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => pagePath(relative(dir, join(e.parentPath, e.name))))
    .sort();
}

/** The HTML file a path under the base is served from. */
export function fileOf(dir: string, path: string): string {
  return join(dir, path === '' || path.endsWith('/') ? `${path}index.html` : path);
}

/** A built site as the registry's samples and budgets read it. */
export function builtSite(dir: string): BuiltSite {
  return { pages: sitePaths(dir), hasChart: (path) => readFileSync(fileOf(dir, path), 'utf8').includes('<metric-chart') };
}

/** The sample pages of every registered page type found in the built site `dir`. */
export function pageTypes(dir: string): SamplePage[] {
  const site = builtSite(dir);
  return PAGE_TYPES.flatMap((t) => t.samples(site));
}

/**
 * The sites the page-by-page checks visit, each with its samples: every page type of the root test
 * site, and the types only a site of several departments has (another department's reports,
 * commitments and series of a metric), on the departments fixture.
 */
export function qualitySites(): { name: string; site: { dir: string; base: string }; types: SamplePage[] }[] {
  const root = pageTypes(TEST_SITES.root.dir);
  const names = new Set(root.map((t) => t.name));
  const departments = pageTypes(FIXTURE_SITES.departments.dir).filter((t) => !names.has(t.name));
  return [
    { name: 'root', site: TEST_SITES.root, types: root },
    { name: 'departments', site: FIXTURE_SITES.departments, types: departments },
  ];
}

/** Opens every <details> so that what they hold is checked too (contrast, overflow, focus). */
export async function openAllDetails(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
}

/** The page's horizontal overflow in CSS pixels (0 when it does not scroll sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The widest elements sticking out past the right edge of the viewport, to say what overflows. */
export function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    // Inside a scrolling (or clipping) box, such as a wide table's .table-scroll, sticking
    // out is that box's business: the page itself does not get wider.
    const clipped = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll('*')) {
      if (clipped(el)) continue;
      const box = el.getBoundingClientRect();
      if (box.right > width + 0.5 && box.width > 0) {
        const id = el.id ? `#${el.id}` : '';
        const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
        out.push(`${el.tagName.toLowerCase()}${id}${cls} right=${Math.round(box.right)}`);
      }
    }
    return out.slice(0, 10);
  });
}

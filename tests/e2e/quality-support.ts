// Shared by the quality checks (tests/e2e/quality-*.test.ts, tests/build/budgets.test.ts):
// the page types of the portal, picked from a built site so that they follow the content.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Page } from 'playwright-core';

export interface PageType {
  /** Short name, used in test titles and screenshot file names. */
  name: string;
  /** Path under the base, without a leading slash: '' for the home page, 'reports/2018/'. */
  path: string;
}

/** Every .html file of a built site, as paths under the base ('', 'reports/2018/', '404.html'). */
export function sitePaths(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .map((file) => (file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file))
    .sort();
}

/** The HTML file a path under the base is served from. */
export function fileOf(dir: string, path: string): string {
  return join(dir, path === '' || path.endsWith('/') ? `${path}index.html` : path);
}

/** One page of each type (issue 6's list), found in the built site `dir`. */
export function pageTypes(dir: string): PageType[] {
  const has = (path: string) => existsSync(fileOf(dir, path));
  const metricDirs = readdirSync(join(dir, 'metrics'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const isChart = (id: string) => readFileSync(fileOf(dir, `metrics/${id}/`), 'utf8').includes('<metric-chart');
  const singleYear = metricDirs.find((id) => !isChart(id));
  // A topic page with a chart when there is one: it has the most on it.
  const topics = readdirSync(join(dir, 'topics'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const topic = topics.find((t) => readFileSync(fileOf(dir, `topics/${t}/`), 'utf8').includes('<metric-chart')) ?? topics[0];
  const types: (PageType | undefined)[] = [
    { name: 'home', path: '' },
    { name: 'reports-index', path: 'reports/' },
    { name: 'report-2018', path: 'reports/2018/' },
    { name: 'report-2022', path: 'reports/2022/' },
    { name: 'metrics-index', path: 'metrics/' },
    { name: 'metric-chart', path: 'metrics/certified-social-workers/' },
    singleYear ? { name: 'metric-single-year', path: `metrics/${singleYear}/` } : undefined,
    { name: 'topics-index', path: 'topics/' },
    topic ? { name: 'topic', path: `topics/${topic}/` } : undefined,
    { name: 'compare-index', path: 'compare/' },
    { name: 'compare-pair', path: 'compare/2018-2022/' },
    { name: 'commitments-index', path: 'commitments/' },
    { name: 'commitment', path: 'commitments/2018/welfare-centre/' },
    { name: 'data', path: 'data/' },
    { name: 'search', path: 'search/' },
    { name: 'about', path: 'about/' },
    { name: 'not-found', path: '404.html' },
  ];
  return types.filter((t): t is PageType => t !== undefined && has(t.path));
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

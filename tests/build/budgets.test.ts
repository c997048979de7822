// Page weight, asserted from the built files (not timed): HTML + CSS + JS per page type,
// gzip-compressed, within the budgets of tests/build/budgets.ts; JavaScript only where it is
// needed (the header's text-size script everywhere; the chart bundle on chart pages only).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { TEST_SITES } from '../support/site.ts';
import { fileOf, pageTypes, sitePaths } from '../e2e/quality-support.ts';
import { budgetFor, CHART_BUNDLE_BUDGET, CSS_BUDGET, HEADER_SCRIPT_BUDGET, PAGE_BUDGETS } from './budgets.ts';

const site = TEST_SITES.root;
const gz = (bytes: Buffer) => gzipSync(bytes, { level: 6 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** A site URL path ('/_astro/x.js') as a file of the built site. */
const fileOfUrl = (url: string) => join(site.dir, decodeURIComponent(url.replace(/^\//, '').slice(site.base.length - 1)));

/** A script and every script it imports statically (dynamic import() loads later, on demand). */
function scriptClosure(url: string, seen = new Set<string>()): Set<string> {
  if (seen.has(url)) return seen;
  seen.add(url);
  const code = readFileSync(fileOfUrl(url), 'utf8');
  for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]+\s*from\s*)?["']([^"']+)["']/g)) {
    const spec = m[1]!;
    if (!spec.startsWith('.') && !spec.startsWith('/')) continue;
    const next = spec.startsWith('/') ? spec : resolve(dirname(url), spec);
    scriptClosure(next, seen);
  }
  return seen;
}

interface Weight {
  html: number;
  css: number;
  js: number;
  total: number;
  styles: string[];
  scripts: string[];
}

/** What a first visit to `path` downloads, gzip-compressed. */
function weigh(path: string): Weight {
  const html = readFileSync(fileOf(site.dir, path));
  const text = html.toString('utf8');
  const styles = [...text.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
  const entries = [
    ...text.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g),
    ...text.matchAll(/<link rel="modulepreload" href="([^"]+)"/g),
  ].map((m) => m[1]!);
  const scripts = new Set<string>();
  for (const entry of entries) for (const s of scriptClosure(entry)) scripts.add(s);
  const css = styles.reduce((n, s) => n + gz(readFileSync(fileOfUrl(s))), 0);
  const js = [...scripts].reduce((n, s) => n + gz(readFileSync(fileOfUrl(s))), 0);
  return { html: gz(html), css, js, total: gz(html) + css + js, styles, scripts: [...scripts].sort() };
}

const types = pageTypes(site.dir);
const paths = sitePaths(site.dir);
const isChartPage = (path: string) => readFileSync(fileOf(site.dir, path), 'utf8').includes('<metric-chart');
const isSearchPage = (path: string) => path === 'search/';

// The header script is the one script of a page with neither chart nor search: the data page.
const headerScripts = weigh('data/').scripts;
const chartPage = types.find((t) => t.name === 'metric-chart')!.path;
const chartScripts = weigh(chartPage).scripts.filter((s) => !headerScripts.includes(s));

describe('page weight (gzip)', () => {
  it('prints the measured weights', () => {
    const rows = types.map(({ name, path }) => {
      const w = weigh(path);
      return `${name.padEnd(20)} html ${kb(w.html).padStart(8)}  css ${kb(w.css).padStart(7)}  js ${kb(w.js).padStart(8)}  total ${kb(w.total).padStart(8)}  budget ${kb(PAGE_BUDGETS[name] ?? 0).padStart(8)}`;
    });
    console.log(`Page weight, gzip (budgets in tests/build/budgets.ts):\n${rows.join('\n')}`);
  });

  it.each(types)('$name: within its budget', ({ name, path }) => {
    const budget = PAGE_BUDGETS[name];
    expect(budget, `no budget for page type ${name} in tests/build/budgets.ts`).toBeDefined();
    const w = weigh(path);
    expect(w.total, `${name}: ${kb(w.total)} (html ${kb(w.html)}, css ${kb(w.css)}, js ${kb(w.js)}) > ${kb(budget!)}`).toBeLessThanOrEqual(budget!);
  });

  it('every page is within the budget of its type', () => {
    const over = paths
      .map((p) => [p, weigh(p).total, budgetFor(p, isChartPage(p))] as const)
      .filter(([, total, budget]) => total > budget);
    expect(over.map(([p, t, b]) => `/${p}: ${kb(t)} > ${kb(b)}`)).toEqual([]);
  });

  it('the stylesheet, the header script and the chart bundle are within their budgets', () => {
    const { styles } = weigh('');
    expect(styles).toHaveLength(1);
    expect(gz(readFileSync(fileOfUrl(styles[0]!)))).toBeLessThanOrEqual(CSS_BUDGET);
    expect(headerScripts).toHaveLength(1);
    expect(gz(readFileSync(fileOfUrl(headerScripts[0]!)))).toBeLessThanOrEqual(HEADER_SCRIPT_BUDGET);
    expect(chartScripts.length).toBeGreaterThanOrEqual(1);
    const chart = chartScripts.reduce((n, s) => n + gz(readFileSync(fileOfUrl(s))), 0);
    expect(chart, kb(chart)).toBeLessThanOrEqual(CHART_BUNDLE_BUDGET);
  });
});

describe('JavaScript only where it is needed', () => {
  it('pages without a chart or search load only the header script', () => {
    const extra = paths
      .filter((p) => !isChartPage(p) && !isSearchPage(p))
      .map((p) => [p, weigh(p).scripts.filter((s) => !headerScripts.includes(s))] as const)
      .filter(([, scripts]) => scripts.length > 0);
    expect(extra.map(([p, s]) => `/${p}: ${s.join(', ')}`)).toEqual([]);
  });

  it('chart pages load the header script and the chart bundle, nothing else', () => {
    const chartPages = paths.filter(isChartPage);
    expect(chartPages.length).toBeGreaterThan(0);
    const expected = [...headerScripts, ...chartScripts].sort();
    for (const p of chartPages) expect(weigh(p).scripts, `/${p}`).toEqual(expected);
  });

  it('every page has one stylesheet, the same one (the search page may add its own)', () => {
    const sheets = new Set(paths.filter((p) => !isSearchPage(p)).map((p) => weigh(p).styles.join(' ')));
    expect([...sheets]).toHaveLength(1);
    if (paths.some(isSearchPage)) expect(weigh('search/').styles).toEqual(expect.arrayContaining([...sheets]));
  });

  it('the weighed files exist (the measurement reads real files)', () => {
    for (const s of [...headerScripts, ...chartScripts]) expect(existsSync(fileOfUrl(s)), s).toBe(true);
  });
});

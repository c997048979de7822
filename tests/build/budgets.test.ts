// Page weight, asserted from the built files (not timed): HTML + CSS + JS per page type, as
// the bytes nginx sends (the build's precompressed .br or .gz copy, or the file itself where
// none was worth writing; tests/e2e/nginx.test.ts checks that nginx sends exactly those), within
// the gzip budgets of tests/build/budgets.ts; JavaScript only where it is needed (the header's
// text-size script everywhere; <metric-chart> on chart pages only, and the chart bundle, chart.js,
// never with the page: <metric-chart> fetches it once a chart comes near the viewport).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEST_SITES } from '../support/site.ts';
import { builtSite, fileOf, pageTypes, sitePaths } from '../e2e/quality-support.ts';
import { pageWeigher, wireBytes } from '../support/page-weight.ts';
import { budgetFor, CHART_BUNDLE_BUDGET, CHART_ELEMENT_BUDGET, CSS_BUDGET, HEADER_SCRIPT_BUDGET, PAGE_BUDGETS } from './budgets.ts';

const site = TEST_SITES.root;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const { weigh, onDemand, fileOfUrl } = pageWeigher(site);
const gz = (file: string) => wireBytes(file, 'gz');

const types = pageTypes(site.dir);
const paths = sitePaths(site.dir);
const built = builtSite(site.dir);
const isChartPage = (path: string) => built.hasChart(path);
const isSearchPage = (path: string) => path === 'search/';

// The header script is the one script of a page with neither chart nor search: the data page.
const headerScripts = weigh('data/').scripts;
const chartPage = types.find((t) => t.name === 'metric-chart')!.path;
const chartScripts = weigh(chartPage).scripts.filter((s) => !headerScripts.includes(s));
// …and what <metric-chart> fetches on demand: chart.js and the drawing code.
const chartBundle = onDemand(chartPage);
const gzOf = (scripts: string[]) => scripts.reduce((n, s) => n + gz(fileOfUrl(s)), 0);

describe('page weight (bytes over the wire)', () => {
  it('prints the measured weights: br, gzip and uncompressed', () => {
    const rows = types.map(({ name, path }) => {
      const [br, gzip, none] = (['br', 'gz', 'none'] as const).map((e) => weigh(path, e));
      return `${name.padEnd(20)} br ${kb(br!.total).padStart(8)}  gzip ${kb(gzip!.total).padStart(8)} (html ${kb(gzip!.html).padStart(7)} css ${kb(gzip!.css).padStart(6)} js ${kb(gzip!.js).padStart(7)})  none ${kb(none!.total).padStart(9)}  budget ${kb(PAGE_BUDGETS[name] ?? 0).padStart(8)}`;
    });
    const later = `fetched on demand by <metric-chart>: the chart bundle, gzip ${kb(gzOf(chartBundle))} (budget ${kb(CHART_BUNDLE_BUDGET)})`;
    console.log(`Page weight over the wire (budgets, gzip, in tests/build/budgets.ts):\n${rows.join('\n')}\n${later}`);
  });

  it('every page is smaller in br than in gzip, and in gzip than uncompressed', () => {
    const worse = paths.filter((p) => !(weigh(p, 'br').total < weigh(p, 'gz').total && weigh(p, 'gz').total < weigh(p, 'none').total));
    expect(worse).toEqual([]);
  });

  it.each(types)('$name: within its budget', ({ name, path }) => {
    const budget = PAGE_BUDGETS[name];
    expect(budget, `no budget for page type ${name} in tests/build/budgets.ts`).toBeDefined();
    const w = weigh(path);
    expect(w.total, `${name}: ${kb(w.total)} (html ${kb(w.html)}, css ${kb(w.css)}, js ${kb(w.js)}) > ${kb(budget!)}`).toBeLessThanOrEqual(budget!);
  });

  it('every page is within the budget of its type', () => {
    const over = paths
      .map((p) => [p, weigh(p).total, budgetFor(p, built) ?? 0] as const)
      .filter(([, total, budget]) => total > budget);
    expect(over.map(([p, t, b]) => `/${p}: ${kb(t)} > ${kb(b)}`)).toEqual([]);
  });

  it('the stylesheet, the header script, <metric-chart> and the chart bundle it fetches are within their budgets', () => {
    const { styles } = weigh('');
    expect(styles).toHaveLength(1);
    expect(gz(fileOfUrl(styles[0]!))).toBeLessThanOrEqual(CSS_BUDGET);
    expect(headerScripts).toHaveLength(1);
    expect(gz(fileOfUrl(headerScripts[0]!))).toBeLessThanOrEqual(HEADER_SCRIPT_BUDGET);
    expect(chartScripts).toHaveLength(1);
    expect(gzOf(chartScripts), kb(gzOf(chartScripts))).toBeLessThanOrEqual(CHART_ELEMENT_BUDGET);
    expect(chartBundle.length).toBeGreaterThanOrEqual(1);
    expect(gzOf(chartBundle), kb(gzOf(chartBundle))).toBeLessThanOrEqual(CHART_BUNDLE_BUDGET);
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

  it('chart pages load the header script and <metric-chart>, nothing else; the chart bundle only on demand', () => {
    const chartPages = paths.filter(isChartPage);
    expect(chartPages.length).toBeGreaterThan(0);
    const expected = [...headerScripts, ...chartScripts].sort();
    for (const p of chartPages) {
      expect(weigh(p).scripts, `/${p}`).toEqual(expected);
      expect(onDemand(p), `/${p}`).toEqual(chartBundle);
    }
    // Nothing on a page asks for it ahead of time: neither a script nor a (module)preload link.
    const html = readFileSync(fileOf(site.dir, chartPage), 'utf8');
    for (const s of chartBundle) expect(html).not.toContain(s.split('/').pop()!);
  });

  it('every page has one stylesheet, the same one (the search page may add its own)', () => {
    const sheets = new Set(paths.filter((p) => !isSearchPage(p)).map((p) => weigh(p).styles.join(' ')));
    expect([...sheets]).toHaveLength(1);
    if (paths.some(isSearchPage)) expect(weigh('search/').styles).toEqual(expect.arrayContaining([...sheets]));
  });

  it('the weighed files exist (the measurement reads real files)', () => {
    for (const s of [...headerScripts, ...chartScripts, ...chartBundle]) expect(existsSync(fileOfUrl(s)), s).toBe(true);
  });
});

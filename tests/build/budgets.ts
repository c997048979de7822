// Page-weight budgets: the one place they are written. Bytes over the wire with gzip (the
// build's precompressed .gz copies, which nginx sends as they are; br is smaller still, and
// tests/build/budgets.test.ts prints both), of what a first visit to the page downloads before anyone clicks:
// its HTML, its stylesheets and its scripts with their static imports. Not the favicon, and not
// what the search page fetches once a query is typed (Pagefind's index; see
// scripts/bench/search.ts and docs/benchmark.md).
//
// Each budget is what the page type weighed when it was set (2026-11-25, the two real reports,
// noted beside it) plus headroom for content and small features; a failing budget means: see
// what grew, then shrink it or raise the budget here on purpose. Checked against the root test
// build by tests/build/budgets.test.ts, which prints the current weights.

const KB = 1024;

/** HTML + CSS + JS per page type (names as in tests/e2e/quality-support.ts). */
export const PAGE_BUDGETS: Record<string, number> = {
  'home': 10 * KB, //                measured  6.1 KB
  'reports-index': 8 * KB, //        measured  4.9 KB
  'report-2018': 88 * KB, //         measured 69.8 KB: 15.5 KB text with 100 marked figures + the chart bundle
  'report-2022': 80 * KB, //         measured 64.3 KB
  'metrics-index': 16 * KB, //       measured 10.7 KB
  'metric-chart': 72 * KB, //        measured 57.0 KB, of which the chart bundle is 51.7 KB
  'metric-single-year': 8 * KB, //   measured  5.2 KB
  'topics-index': 8 * KB, //         measured  5.1 KB
  'topic': 72 * KB, //               measured 58.6 KB, a topic with charts (all topic pages are checked)
  'compare-index': 10 * KB, //       measured  5.5 KB
  'compare-pair': 10 * KB, //        measured  5.5 KB
  'commitments-index': 12 * KB, //  measured  6.6 KB: 12 commitment cards (2026-12-04)
  'commitment': 8 * KB, //          measured  4.6 KB (2026-12-04)
  'data': 8 * KB, //                 measured  5.0 KB
  'search': 32 * KB, //              measured 25.0 KB before any query: <portal-search> 6.5 KB + pagefind.js 13 KB (modulepreload); 40.3 KB with Pagefind's Default UI
  'about': 10 * KB, //               measured  5.5 KB
  'not-found': 8 * KB, //            measured  4.5 KB
};

/** The one stylesheet every page shares. */
export const CSS_BUDGET = 4 * KB; //            measured  2.6 KB

/** The header's script (text size, search box): the only JavaScript on a page without a chart or search. */
export const HEADER_SCRIPT_BUDGET = 1.5 * KB; //  measured  0.9 KB (text size 0.4 KB + the folding search box)

/** chart.js (the bar-chart parts) and <metric-chart>: on pages with a chart, and only there. */
export const CHART_BUNDLE_BUDGET = 64 * KB; //  measured 51.3 KB

/**
 * The budget of any built page, by the type it belongs to: every metric, topic, report and
 * comparison page is held to its type's budget, not just the one picked as an example.
 */
export function budgetFor(path: string, hasChart: boolean): number {
  const of = (name: string) => PAGE_BUDGETS[name]!;
  if (path === '') return of('home');
  if (path === '404.html') return of('not-found');
  if (path.startsWith('reports/') && path !== 'reports/') return Math.max(of('report-2018'), of('report-2022'));
  if (path.startsWith('metrics/') && path !== 'metrics/') return of(hasChart ? 'metric-chart' : 'metric-single-year');
  if (path.startsWith('topics/') && path !== 'topics/') return of('topic');
  if (path.startsWith('compare/') && path !== 'compare/') return of('compare-pair');
  if (path.startsWith('commitments/') && path !== 'commitments/') return of('commitment');
  const named: Record<string, string> = {
    'reports/': 'reports-index', 'metrics/': 'metrics-index', 'topics/': 'topics-index',
    'compare/': 'compare-index', 'commitments/': 'commitments-index', 'data/': 'data', 'search/': 'search', 'about/': 'about',
  };
  return of(named[path] ?? 'home');
}

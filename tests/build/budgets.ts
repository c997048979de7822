// Page-weight budgets: bytes over the wire with gzip (the build's precompressed .gz copies,
// which nginx sends as they are; br is smaller still, and tests/build/budgets.test.ts prints
// both), of what a first visit to the page downloads before anyone clicks: its HTML, its
// stylesheets and its scripts with their static imports. Not the favicon, and not what the
// search page fetches once a query is typed (Pagefind's index; see scripts/bench/search.ts and
// docs/benchmark.md).
//
// Each page type's budget is written beside the type, in src/routing/page-types.ts; the
// shared files' budgets are here. Checked against the root test build by
// tests/build/budgets.test.ts, which prints the current weights.
import { PAGE_TYPES, pageTypeOf, type BuiltSite } from '../../src/routing/page-types.ts';

const KB = 1024;

/** HTML + CSS + JS of each sample page (names as the registry's samples). */
export const PAGE_BUDGETS: Readonly<Record<string, number>> = Object.assign({}, ...PAGE_TYPES.map((t) => t.budgets));

/** The one stylesheet every page shares. */
export const CSS_BUDGET = 5 * KB; //            measured  4.5 KB (2026-12-04: phone cards, print, score tables, the disclosure block, commitment cards, a chart's place while its code comes; 2.6 KB before)

/** The header's script (text size, search box): the only JavaScript on a page without a chart or search. */
export const HEADER_SCRIPT_BUDGET = 1.5 * KB; //  measured  0.9 KB (text size 0.4 KB + the folding search box)

/** <metric-chart> (src/client/metric-chart.ts): all a chart page loads for its charts on a first visit. */
export const CHART_ELEMENT_BUDGET = 1.5 * KB; // measured  1.2 KB (2026-12-04), 0.8 KB of it Vite's preload helper around the import()

/**
 * chart.js (the bar-chart parts) and the drawing code (src/client/draw-chart.ts): fetched by
 * <metric-chart> once a chart comes near the viewport, on chart pages only; not in any page's weight.
 */
export const CHART_BUNDLE_BUDGET = 56 * KB; //  measured 51.6 KB (2026-12-04; 51.3 KB when it loaded with the page)

/**
 * The budget of any built page, by the type it belongs to: every metric, topic, report and
 * comparison page is held to its type's budget, not just the one picked as an example. A page
 * of no registered type has none (the build's output check refuses it).
 */
export function budgetFor(path: string, site: BuiltSite): number | undefined {
  const type = pageTypeOf(path);
  if (type === undefined) return undefined;
  return type.budgetOf?.(path, site) ?? Math.max(...Object.values(type.budgets));
}

// The page-type registry: what each kind of page of the portal is, in one place. Its URL comes
// from src/render/urls.ts (the URL owner); everything else about it is here: how its pages are
// enumerated, whether it is searchable, in the sitemap or the feed, its
// page-weight budget and the pages the browser checks visit. The sitemap, the Pagefind glob,
// the output checks (src/publishing/verify-site.ts), the budgets (tests/build/budgets.ts), the
// quality sampling (tests/e2e/quality-support.ts) and the header's navigation derive from it.
// Pure: no Astro, no I/O, so the build script and the tests read it in Node.
import type { NamedTerm } from '../schemas/vocabulary.ts';
import { paths } from '../render/urls.ts';
import { catalogueYears } from '../render/disclosure/catalogue.ts';
import { yearOfReportKey } from '../domain/model.ts';

/** What page enumeration needs of the portal (src/data/portal.ts): a Portal is one. */
export interface PortalLike {
  /** Report keys (src/domain/model.ts reportKey) in reading order. */
  reports: readonly { key: string }[];
  /** Each department, its key prefix ('' for the primary one, '<id>/' for another) and its comparison pairs. */
  departments: readonly { id: string; prefix: string; pairs: readonly (readonly [number, number])[]; performanceTypes?: readonly string[] }[];
  /** Catalog order is the order metrics are listed in. */
  catalog: ReadonlyMap<string, unknown>;
  /** Metrics with at least one figure, by id: a series per department stating it (its id). */
  series: ReadonlyMap<string, readonly { department: string }[]>;
  /** Topics (content/topics.yaml) with a figure, in their order. */
  topicsInUse: readonly NamedTerm[];
  /** Each commitment's report key and id (src/domain/commitments.ts). */
  commitments: readonly { reportKey: string; id: string }[];
}

/** A built site as the budget and quality checks see it: its pages as paths under the base ('', 'reports/2018/', '404.html'). */
export interface BuiltSite {
  pages: readonly string[];
  hasChart(path: string): boolean;
}

/** A page the browser checks visit and the budget test weighs, named for test titles and screenshots. */
export interface SamplePage {
  name: string;
  path: string;
}

/** The header's section a page type opens (BaseLayout's `section`), and its navigation label. */
export type Section = 'home' | 'reports' | 'metrics' | 'topics' | 'compare' | 'commitments' | 'search' | 'data';

export interface PageType {
  name: string;
  /** Its URL, from src/render/urls.ts: parameters stand for any value (see `param`). */
  route: Route;
  /** Its pages as site paths, in reading order. */
  pages(portal: PortalLike): string[];
  /** Its pages carry data-pagefind-body and are indexed (their 类型 and filters: src/render/search-fields.ts, set by the route). */
  searchable?: true;
  sitemap: boolean;
  /** In /rss.xml (src/pages/rss.xml.ts lists these pages' reports). */
  feed: boolean;
  /** In the header's navigation, under this label, linking to `href` (a site path). */
  nav?: { section: Section; label: string; href: string };
  /** Budgets (gzip bytes of HTML + CSS + JS, tests/build/budgets.ts), by sample name. */
  budgets: Readonly<Record<string, number>>;
  /** The budget of any page of this type; the largest of `budgets` unless said otherwise. */
  budgetOf?(path: string, site: BuiltSite): number;
  /** One page or more of this type in a built site, each named by its budget. */
  samples(site: BuiltSite): SamplePage[];
}

/** A URL pattern: a path from src/render/urls.ts with PARAM where a value goes. */
interface Route {
  /** Matches the page's path under the base, without the leading slash ('' for home, 'reports/2018/'). */
  pattern: RegExp;
  /** The Pagefind glob of its HTML files (for searchable types). */
  glob: string;
}

const PARAM = '\u0000';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A department id starts with a letter, so that it is never taken for a year (src/schemas/department.ts).
const DEPARTMENT_ID = '[a-z][a-z0-9-]*';

/** A route from one or more urls.ts paths; `param` is the regular expression PARAM stands for, `glob` its glob. */
function route(sitePaths: string[], param = '', glob = '*'): Route {
  const bare = sitePaths.map((p) => p.replace(/^\//, ''));
  const file = (p: string) => (p === '' || p.endsWith('/') ? `${p}index.html` : p);
  return {
    pattern: new RegExp(`^(?:${bare.map((p) => escape(p).split(PARAM).join(`(?:${param})`)).join('|')})$`),
    glob: bare.map((p) => file(p).split(PARAM).join(glob)).join(','),
  };
}

/** A page type with one page, its own sample. */
const single = (name: string, path: string, budget: number, nav?: { section: Section; label: string }, rest: Partial<PageType> = {}): PageType => ({
  name,
  ...(nav && { nav: { ...nav, href: path } }),
  route: route([path]),
  pages: () => [path],
  sitemap: true,
  feed: false,
  budgets: { [name]: budget },
  samples: () => [{ name, path: path.replace(/^\//, '') }],
  ...rest,
});

/** The first page of a type in the built site, as its sample. */
const first = (type: () => PageType, name: string) => (site: BuiltSite): SamplePage[] => {
  const path = site.pages.find((p) => type().route.pattern.test(p));
  return path === undefined ? [] : [{ name, path }];
};

const KB = 1024;
const at = (path: string) => path.replace(/^\//, '');

// Each budget is what the page type weighed when it was set (2026-11-25, the two real reports,
// noted beside it) plus headroom for content and small features; a failing budget means: see
// what grew, then shrink it or raise the budget here on purpose (tests/build/budgets.ts).
const report: PageType = {
  name: 'report',
  route: route([paths.report(PARAM)], `(?:${DEPARTMENT_ID}/)?\\d{4}`, '**'),
  pages: (portal) => portal.reports.map((r) => paths.report(r.key)),
  searchable: true,
  sitemap: true,
  feed: true,
  budgets: {
    // measured 30.4 KB (2026-12-04): 23.5 KB HTML, the text with 100 marked figures and its charts' tables; chart.js only on scrolling near a chart
    'report-2018': 36 * KB,
    'report-2022': 28 * KB, //       measured 22.2 KB (2026-12-04)
  },
  samples: (site) => ['2018', '2022'].map((key) => ({ name: `report-${key}`, path: at(paths.report(key)) })).filter((s) => site.pages.includes(s.path)),
};

const metric: PageType = {
  name: 'metric',
  route: route([paths.metric(PARAM)], '[a-z0-9-]+'),
  pages: (portal) => [...portal.catalog.keys()].filter((id) => portal.series.has(id)).map((id) => paths.metric(id)),
  searchable: true,
  sitemap: true,
  feed: false,
  budgets: {
    'metric-chart': 14 * KB, //      measured 10.4 KB (2026-12-04), <metric-chart> 1.2 KB of it; chart.js fetched as the chart nears the viewport
    'metric-single-year': 10 * KB, // measured  9.0 KB (2026-12-04: related metrics, one-year context; the stylesheet of issues 18–21)
  },
  budgetOf: (path, site) => metric.budgets[site.hasChart(path) ? 'metric-chart' : 'metric-single-year']!,
  samples: (site) => {
    const chart = at(paths.metric('certified-social-workers'));
    const singleYear = site.pages.find((p) => metric.route.pattern.test(p) && !site.hasChart(p));
    return [
      ...(site.pages.includes(chart) ? [{ name: 'metric-chart', path: chart }] : []),
      ...(singleYear === undefined ? [] : [{ name: 'metric-single-year', path: singleYear }]),
    ];
  },
};

/** Another department's series of a metric: its chart and table, which the metric page links to from its table of departments. */
const metricDepartment: PageType = {
  name: 'metric-department',
  route: route([paths.metricDepartment(PARAM, PARAM)], '[a-z0-9-]+'),
  pages: (portal) => {
    const primary = portal.departments.find((d) => d.prefix === '')?.id;
    return [...portal.catalog.keys()].flatMap((id) => (portal.series.get(id) ?? []).filter((s) => s.department !== primary).map((s) => paths.metricDepartment(id, s.department)));
  },
  sitemap: true,
  feed: false,
  budgets: { 'metric-department': 14 * KB }, // as a metric page with one chart, which it is for one department
  samples: first(() => metricDepartment, 'metric-department'),
};

const topic: PageType = {
  name: 'topic',
  route: route([paths.topic(PARAM)], '[a-z0-9-]+'),
  pages: (portal) => portal.topicsInUse.map((t) => paths.topic(t.slug)),
  searchable: true,
  sitemap: true,
  feed: false,
  budgets: { topic: 16 * KB }, //    measured 12.1 KB (2026-12-04), a topic with charts (all topic pages are checked); chart.js on demand
  // A topic page with a chart when there is one: it has the most on it.
  samples: (site) => {
    const topics = site.pages.filter((p) => topic.route.pattern.test(p));
    const path = topics.find((p) => site.hasChart(p)) ?? topics[0];
    return path === undefined ? [] : [{ name: 'topic', path }];
  },
};

const departmentReports: PageType = {
  name: 'department-reports',
  route: route([paths.departmentReports(PARAM)], DEPARTMENT_ID),
  pages: (portal) => portal.departments.filter((d) => d.prefix !== '').map((d) => paths.departmentReports(d.id)),
  sitemap: true,
  feed: false,
  budgets: { 'department-reports': 8 * KB }, // as the reports index, which it is for one department
  samples: first(() => departmentReports, 'department-reports'),
};

const comparePair: PageType = {
  name: 'compare-pair',
  route: route([paths.comparePair(PARAM, 0, 0).replace(`${PARAM}0-0`, PARAM)], `(?:${DEPARTMENT_ID}/)?\\d{4}-\\d{4}`),
  pages: (portal) => portal.departments.flatMap((d) => d.pairs.map(([from, to]) => paths.comparePair(d.prefix, from, to))),
  sitemap: true,
  feed: false,
  budgets: { 'compare-pair': 14 * KB }, // measured 11.8 KB (2026-12-04): 5.5 KB + the figures found in only one of the two years, by topic (issue 18)
  samples: (site) => [{ name: 'compare-pair', path: at(paths.comparePair('', 2018, 2022)) }].filter((s) => site.pages.includes(s.path)),
};

/** One report type's scores and execution rates across years in one department (issue 19): where its reports state them. */
const scores: PageType = {
  name: 'scores',
  // A report type's slug after the department's prefix; like a department id it starts with a letter, so scores/2022/ is no page.
  route: route([paths.scores('', PARAM)], `(?:${DEPARTMENT_ID}/)?[a-z][a-z0-9-]*`, '**'),
  pages: (portal) => portal.departments.flatMap((d) => (d.performanceTypes ?? []).map((slug) => paths.scores(d.prefix, slug))),
  searchable: true,
  sitemap: true,
  feed: false,
  budgets: { scores: 10 * KB }, // measured 6.9 KB (tests/fixtures/scores: two years, one budget line, one score table)
  samples: first(() => scores, 'scores'),
};

/** Each report's citations (issue 20): its GB/T 7714 citation and one per figure. */
const citations: PageType = {
  name: 'citations',
  route: route([paths.citations(PARAM)], `(?:${DEPARTMENT_ID}/)?\\d{4}`, '**'),
  pages: (portal) => portal.reports.map((r) => paths.citations(r.key)),
  sitemap: true,
  feed: false,
  budgets: { citations: 16 * KB }, // measured 9.7 KB (2026-12-04): 2018, a citation for each of its 85 figures
  samples: (site) => [{ name: 'citations', path: at(paths.citations('2018')) }].filter((s) => site.pages.includes(s.path)),
};

/** One year of the 政府信息公开目录, on a site of more reports than its one page lists (CATALOGUE_ROWS). */
const disclosureYear: PageType = {
  name: 'disclosure-year',
  route: route([paths.disclosureYear(0).replace('/0/', `/${PARAM}/`)], '\\d{4}'),
  pages: (portal) => catalogueYears(portal.reports.map((r) => yearOfReportKey(r.key))).map((year) => paths.disclosureYear(year)),
  sitemap: true,
  feed: false,
  budgets: { 'disclosure-year': 10 * KB }, // as the catalogue, which it is for one year
  samples: first(() => disclosureYear, 'disclosure-year'),
};

/** Another department's commitments (the primary department's are on the index). */
const departmentCommitments: PageType = {
  name: 'department-commitments',
  route: route([paths.departmentCommitments(PARAM)], DEPARTMENT_ID),
  pages: (portal) => portal.departments.filter((d) => d.prefix !== '' && portal.commitments.some((c) => c.reportKey.startsWith(d.prefix))).map((d) => paths.departmentCommitments(d.id)),
  sitemap: true,
  feed: false,
  budgets: { 'department-commitments': 12 * KB }, // as the commitments index, which it is for one department
  samples: first(() => departmentCommitments, 'department-commitments'),
};

const commitment: PageType = {
  name: 'commitment',
  // One parameter for "<report key>/<id>", so that the glob has one ** (commitments/**/index.html).
  route: route([paths.commitment(PARAM, PARAM).replace(`${PARAM}/${PARAM}`, PARAM)], `(?:${DEPARTMENT_ID}/)?\\d{4}/[a-z0-9-]+`, '**'),
  pages: (portal) => portal.commitments.map((c) => paths.commitment(c.reportKey, c.id)),
  searchable: true,
  sitemap: true,
  feed: false,
  budgets: { commitment: 10 * KB }, // measured  8.1 KB (2026-12-04), the promise and its evidence, with the merged stylesheet
  samples: (site) => [{ name: 'commitment', path: at(paths.commitment('2018', 'welfare-centre')) }].filter((s) => site.pages.includes(s.path)),
};

/** Every page type, in reading order (the sitemap's order). */
export const PAGE_TYPES: readonly PageType[] = [
  single('home', paths.home(), 10 * KB, { section: 'home', label: '首页' }), //           measured  6.1 KB
  single('reports-index', paths.reports(), 10 * KB, { section: 'reports', label: '报告' }), // measured  8.0 KB (2026-12-04, the merged stylesheet 4.4 KB)
  departmentReports,
  report,
  // 政府信息公开目录 (issue 20): every report's disclosure metadata.
  single('disclosure', paths.disclosure(), 10 * KB), //                                          measured  7.0 KB (2026-12-04)
  disclosureYear,
  citations,
  single('metrics-index', paths.metrics(), 16 * KB, { section: 'metrics', label: '指标' }), // measured 10.7 KB
  metric,
  metricDepartment,
  single('topics-index', paths.topics(), 10 * KB, { section: 'topics', label: '主题' }), //  measured  8.1 KB (2026-12-04)
  topic,
  single('compare-index', paths.compare(), 10 * KB, { section: 'compare', label: '年度比较' }), // measured  5.5 KB
  comparePair,
  scores,
  // measured 8.0 KB (2026-12-04): 12 commitment cards
  single('commitments-index', paths.commitments(), 12 * KB, { section: 'commitments', label: '承诺与落实' }),
  departmentCommitments,
  commitment,
  // measured 25.0 KB before any query: <portal-search> 6.5 KB + pagefind.js 13 KB (modulepreload); 40.3 KB with Pagefind's Default UI
  single('search', paths.search(), 32 * KB),
  single('data', paths.data(), 11 * KB, { section: 'data', label: '开放数据' }), //          measured  9.5 KB (2026-12-04: reuse terms, per-topic downloads, column notes, Dataset JSON-LD)
  single('about', paths.about(), 10 * KB), //                                                        measured  5.5 KB
  single('not-found', '/404.html', 8 * KB, undefined, { sitemap: false }), //                                  measured  4.5 KB
];

/** The page type of a built page (its path under the base), or undefined when none claims it. */
export const pageTypeOf = (path: string): PageType | undefined => PAGE_TYPES.find((t) => t.route.pattern.test(path));

/** The searchable page types' HTML files, as one Pagefind glob: Pagefind need not parse the other pages. */
export const SEARCHABLE_PAGES = `{${PAGE_TYPES.filter((t) => t.searchable).map((t) => t.route.glob).join(',')}}`;

/** Every page of the sitemap, as site paths without the base, in reading order. */
export const sitePaths = (portal: PortalLike): string[] => PAGE_TYPES.filter((t) => t.sitemap).flatMap((t) => t.pages(portal));

/** The header's navigation: the page types that open a section. */
export const NAV_LINKS = PAGE_TYPES.flatMap((t) => (t.nav ? [t.nav] : []));

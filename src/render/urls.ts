// The site's URL and anchor scheme, in one place. Pages and components import it without
// touching the data loader (src/data/portal.ts).

/** Prefixes a site path with the configured base (astro.config.mjs), whatever its slashes. */
export function withBase(base: string, path: string): string {
  const trimmedBase = base.replace(/\/+$/, '');
  const trimmedPath = path.replace(/^\/+/, '');
  return `${trimmedBase}/${trimmedPath}`;
}

/** The id of a figure in its report page (#fig-<metric id>); metric ids are unique per report. */
export const figureAnchor = (metricId: string) => `fig-${metricId}`;

/** Anchors of a report's budget lines and score table, and of the places in the text they come from (issue 19). */
export const performanceAnchors = {
  budget: () => 'budget',
  budgetLine: (id: string) => `budget-${id}`,
  budgetQuote: (id: string, field: string) => `budget-${id}-${field}-text`,
  scoreTable: () => 'score-table',
  scoreRow: (id: string) => `score-${id}`,
  scoreRowText: (id: string) => `score-${id}-text`,
  scoreTotalText: () => 'score-total-text',
};
/** The id of a correction in its report's 更正说明 (#correction-<n>, numbered in date order). */
export const correctionAnchor = (n: number) => `correction-${n}`;
/** The id of a commitment's sentence in its report page (#promise-<commitment id>). */
export const promiseAnchor = (commitmentId: string) => `promise-${commitmentId}`;

/** The id of a topic's group on a commitments page (#<topic slug>): CommitmentsByTopic. */
export const commitmentTopicAnchor = (slug: string) => slug;

/** The id of a later report's sentence about a commitment of `year` (#outcome-<year>-<commitment id>). */
export const outcomeAnchor = (year: number, commitmentId: string) => `outcome-${year}-${commitmentId}`;

/**
 * The search index in the site: Pagefind's bundle in one folder; at scale the index comes in parts
 * (src/publishing/search-index.ts writes them, the search page merges them), each a bundle in a
 * folder of the first one, listed in its parts file (folder names, relative to the bundle).
 */
export const SEARCH_INDEX = {
  folder: 'pagefind',
  script: 'pagefind.js',
  parts: 'parts.json',
  part: (n: number) => `part-${n}/`,
} as const;

/** Site paths of every page type, without the base. */
export const paths = {
  home: () => '/',
  reports: () => '/reports/',
  /** Another department's reports (the primary department's are /reports/ itself). */
  departmentReports: (department: string) => `/reports/${department}/`,
  /** `key` is a report key (src/domain/model.ts reportKey): "2022" or "<department>/2022". */
  report: (key: string) => `/reports/${key}/`,
  figure: (key: string, metricId: string) => `/reports/${key}/#${figureAnchor(metricId)}`,
  metrics: () => '/metrics/',
  metric: (metricId: string) => `/metrics/${metricId}/`,
  /** Another department's series of a metric (the primary department's is on the metric page). */
  metricDepartment: (metricId: string, department: string) => `/metrics/${metricId}/${department}/`,
  topics: () => '/topics/',
  /** `slug` is the topic's, from content/topics.yaml. */
  topic: (slug: string) => `/topics/${slug}/`,
  compare: () => '/compare/',
  /** `prefix` is the department's (src/domain/model.ts departmentPrefix): '' for the primary one. */
  comparePair: (prefix: string, from: number, to: number) => `/compare/${prefix}${from}-${to}/`,
  /** 承诺与落实: every commitment; each has its own page under it. */
  commitments: () => '/commitments/',
  /** Another department's commitments (the primary department's are on /commitments/). */
  departmentCommitments: (department: string) => `/commitments/${department}/`,
  /** Another department's commitments on one topic (`slug`, the topic's). */
  departmentTopicCommitments: (department: string, slug: string) => `/commitments/${department}/#${commitmentTopicAnchor(slug)}`,
  commitment: (key: string, commitmentId: string) => `/commitments/${key}/${commitmentId}/`,
  promise: (key: string, commitmentId: string) => `/reports/${key}/#${promiseAnchor(commitmentId)}`,
  outcome: (key: string, year: number, commitmentId: string) => `/reports/${key}/#${outcomeAnchor(year, commitmentId)}`,
  dataCommitmentsCsv: () => '/data/commitments.csv',
  dataCommitmentsJson: () => '/data/commitments.json',
  search: () => '/search/',
  /** Pagefind's script, which the search page and the header's search box load. */
  searchBundle: () => `/${SEARCH_INDEX.folder}/${SEARCH_INDEX.script}`,
  data: () => '/data/',
  dataCsv: () => '/data/metrics.csv',
  dataJson: () => '/data/metrics.json',
  /** One metric's or one topic's figures, as CSV or JSON ("下载本图数据"). */
  metricData: (metricId: string, format: 'csv' | 'json') => `/data/metrics/${metricId}.${format}`,
  /** `slug` is the topic's, from content/topics.yaml. */
  topicData: (slug: string, format: 'csv' | 'json') => `/data/topics/${slug}.${format}`,
  /** An official file as the bureau issued it (content/sources/<name>). */
  sourceFile: (name: string) => `/sources/${name}`,
  rss: () => '/rss.xml',
  /** The sitemap: its URLs, or, for a site of more than a sitemap's limit, the index of its parts (src/render/site-map.ts). */
  sitemap: () => '/sitemap.xml',
  sitemapPart: (n: number) => `/sitemap-${n}.xml`,
  /** 政府信息公开目录 (issue 20): the catalogue, its CSV, the corrections feed, each report's citations. */
  disclosure: () => '/disclosure/',
  /** One year of the catalogue, when it has a page per year (src/render/disclosure/catalogue.ts CATALOGUE_ROWS). */
  disclosureYear: (year: number) => `/disclosure/${year}/`,
  disclosureCsv: () => '/disclosure/catalogue.csv',
  corrections: () => '/corrections.xml',
  citations: (key: string) => `/citations/${key}/`,
  citationsRis: (key: string) => `/citations/${key}.ris`,
  citationsCsl: (key: string) => `/citations/${key}.json`,
  about: () => '/about/',
  // Issue 19: a department's scores and execution rates across years, one report type (its slug) a page; their open data.
  scores: (prefix: string, reportType: string) => `/scores/${prefix}${reportType}/`,
  dataPerformance: (file: 'scores.csv' | 'scores.json' | 'budget.csv' | 'budget.json') => `/data/${file}`,
};

/** A site path with the configured base, for links in pages. */
export const url = (path: string) => withBase(import.meta.env.BASE_URL, path);

/** A link with the base (from url(), figureHref()) as an absolute address on the configured site, to copy or cite. */
export const absolute = (href: string) => new URL(href, import.meta.env.SITE).href;

/** Link to a figure in its report: the sentence it comes from, one click away. */
export const figureHref = (f: { reportKey: string; metricId: string }) => url(paths.figure(f.reportKey, f.metricId));

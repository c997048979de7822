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

/** The id of a correction in its report's 更正说明 (#correction-<n>, numbered in date order). */
export const correctionAnchor = (n: number) => `correction-${n}`;

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
  topics: () => '/topics/',
  /** `slug` is the topic's, from content/topics.yaml. */
  topic: (slug: string) => `/topics/${slug}/`,
  compare: () => '/compare/',
  /** `prefix` is the department's (src/domain/model.ts departmentPrefix): '' for the primary one. */
  comparePair: (prefix: string, from: number, to: number) => `/compare/${prefix}${from}-${to}/`,
  search: () => '/search/',
  data: () => '/data/',
  dataCsv: () => '/data/metrics.csv',
  dataJson: () => '/data/metrics.json',
  rss: () => '/rss.xml',
  /** 政府信息公开目录 (issue 20): the catalogue, its CSV, the corrections feed, each report's citations. */
  disclosure: () => '/disclosure/',
  disclosureCsv: () => '/disclosure/catalogue.csv',
  corrections: () => '/corrections.xml',
  citations: (key: string) => `/citations/${key}/`,
  citationsRis: (key: string) => `/citations/${key}.ris`,
  citationsCsl: (key: string) => `/citations/${key}.json`,
  about: () => '/about/',
};

/** A site path with the configured base, for links in pages. */
export const url = (path: string) => withBase(import.meta.env.BASE_URL, path);

/** Link to a figure in its report: the sentence it comes from, one click away. */
export const figureHref = (f: { reportKey: string; metricId: string }) => url(paths.figure(f.reportKey, f.metricId));

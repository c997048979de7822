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

/** The id of a commitment's sentence in its report page (#promise-<commitment id>). */
export const promiseAnchor = (commitmentId: string) => `promise-${commitmentId}`;

/** The id of a later report's sentence about a commitment of `year` (#outcome-<year>-<commitment id>). */
export const outcomeAnchor = (year: number, commitmentId: string) => `outcome-${year}-${commitmentId}`;

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
  /** 承诺与落实: every commitment; each has its own page under it. */
  commitments: () => '/commitments/',
  commitment: (key: string, commitmentId: string) => `/commitments/${key}/${commitmentId}/`,
  promise: (key: string, commitmentId: string) => `/reports/${key}/#${promiseAnchor(commitmentId)}`,
  outcome: (key: string, year: number, commitmentId: string) => `/reports/${key}/#${outcomeAnchor(year, commitmentId)}`,
  dataCommitmentsCsv: () => '/data/commitments.csv',
  dataCommitmentsJson: () => '/data/commitments.json',
  search: () => '/search/',
  data: () => '/data/',
  dataCsv: () => '/data/metrics.csv',
  dataJson: () => '/data/metrics.json',
  rss: () => '/rss.xml',
  about: () => '/about/',
};

/** A site path with the configured base, for links in pages. */
export const url = (path: string) => withBase(import.meta.env.BASE_URL, path);

/** Link to a figure in its report: the sentence it comes from, one click away. */
export const figureHref = (f: { reportKey: string; metricId: string }) => url(paths.figure(f.reportKey, f.metricId));

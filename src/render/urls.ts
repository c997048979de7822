import { TOPIC_INFO, type Topic } from '../schemas/topic.ts';

/** Prefixes a site path with the configured base (astro.config.mjs), whatever its slashes. */
export function withBase(base: string, path: string): string {
  const trimmedBase = base.replace(/\/+$/, '');
  const trimmedPath = path.replace(/^\/+/, '');
  return `${trimmedBase}/${trimmedPath}`;
}

/** Site paths of every page type, without the base. One place for the URL scheme. */
export const paths = {
  home: () => '/',
  reports: () => '/reports/',
  /** Another unit's reports (the primary department's are /reports/ itself). */
  unitReports: (department: string) => `/reports/${department}/`,
  /** `key` is a report key (src/domain/model.ts reportKey): "2022" or "<department>/2022". */
  report: (key: string) => `/reports/${key}/`,
  figure: (key: string, metricId: string) => `/reports/${key}/#fig-${metricId}`,
  metrics: () => '/metrics/',
  metric: (metricId: string) => `/metrics/${metricId}/`,
  topics: () => '/topics/',
  topic: (topic: Topic) => `/topics/${TOPIC_INFO[topic].slug}/`,
  compare: () => '/compare/',
  /** `prefix` is the department's (src/domain/model.ts departmentPrefix): '' for the primary one. */
  comparePair: (prefix: string, from: number, to: number) => `/compare/${prefix}${from}-${to}/`,
  search: () => '/search/',
  data: () => '/data/',
  dataCsv: () => '/data/metrics.csv',
  dataJson: () => '/data/metrics.json',
  rss: () => '/rss.xml',
  about: () => '/about/',
};

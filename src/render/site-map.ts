import type { Topic } from '../schemas/topic.ts';
import { paths, withBase } from './urls.ts';

/** What sitePaths needs of the portal (src/data/portal.ts): a Portal is one. */
export interface PortalLike {
  /** Report keys (src/domain/model.ts reportKey) in reading order. */
  reports: readonly { key: string }[];
  /** Each department, its key prefix ('' for the primary one, '<id>/' for another) and its comparison pairs. */
  departments: readonly { id: string; prefix: string; pairs: readonly (readonly [number, number])[] }[];
  /** Catalog order is the order metrics are listed in. */
  catalog: ReadonlyMap<string, unknown>;
  /** Metrics with at least one figure, by id. */
  series: ReadonlyMap<string, unknown>;
  topicsInUse: readonly Topic[];
  /** Each commitment's report key and id (src/domain/commitments.ts). */
  commitments: readonly { reportKey: string; id: string }[];
}

/**
 * Every page of the site, as site paths without the base, in reading order: the same pages
 * the routes under src/pages generate. The sitemap is built from this list.
 */
export function sitePaths(portal: PortalLike): string[] {
  const metricIds = [...portal.catalog.keys()].filter((id) => portal.series.has(id));
  return [
    paths.home(),
    paths.reports(),
    ...portal.departments.filter((d) => d.prefix !== '').map((d) => paths.departmentReports(d.id)),
    ...portal.reports.map((r) => paths.report(r.key)),
    paths.metrics(),
    ...metricIds.map((id) => paths.metric(id)),
    paths.topics(),
    ...portal.topicsInUse.map((topic) => paths.topic(topic)),
    paths.compare(),
    ...portal.departments.flatMap((d) => d.pairs.map(([from, to]) => paths.comparePair(d.prefix, from, to))),
    paths.commitments(),
    ...portal.commitments.map((c) => paths.commitment(c.reportKey, c.id)),
    paths.search(),
    paths.data(),
    paths.about(),
  ];
}

/**
 * The absolute URL of a site path: the configured `site` (astro.config.mjs) and `base`
 * (import.meta.env.BASE_URL, possibly a sub-path such as /kaifu/).
 */
export function absoluteUrl(site: URL | string | undefined, base: string, path: string): string {
  if (site === undefined) {
    throw new Error('astro.config.mjs 没有设置 site，无法生成订阅和站点地图中的完整网址 (site is not configured)');
  }
  return new URL(withBase(base, path), site).href;
}

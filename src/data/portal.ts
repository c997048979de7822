import { getCollection, type CollectionEntry } from 'astro:content';
import type { CatalogEntry } from '../schemas/catalog.ts';
import type { Department } from '../schemas/department.ts';
import { TOPICS, type Topic } from '../schemas/topic.ts';
import { seriesOf, type Series } from '../domain/compare.ts';
import { departmentOf, departmentPrefix, figuresOf, reportKey, type FigureRecord } from '../domain/model.ts';
import { comparisonPairs } from '../domain/pairs.ts';
import { paths, withBase } from '../render/urls.ts';

/** One report with what its pages need, computed once. */
export interface PortalReport {
  /** Its path under /reports/: "2022", or "<department>/2022" for another unit (src/domain/model.ts). */
  key: string;
  entry: CollectionEntry<'reports'>;
  data: CollectionEntry<'reports'>['data'];
  department: Department;
  figures: FigureRecord[];
}

/** One department's reports and what is compared between them. */
export interface Shelf {
  department: Department;
  /** '' for the primary department, '<id>/' for another: prefixes its report and comparison keys. */
  prefix: string;
  /** Oldest first. */
  reports: PortalReport[];
  /** This department's series, by metric id. */
  series: Map<string, Series>;
  /** Pairs of years with a comparison page (src/domain/pairs.ts). */
  pairs: [number, number][];
}

export interface Portal {
  /** The primary department's shelf first, then the others in content/departments.yaml order; only shelves with reports. */
  shelves: Shelf[];
  primary: Shelf;
  /** Every report, shelf by shelf, oldest first within a shelf. */
  reports: PortalReport[];
  reportByKey: Map<string, PortalReport>;
  catalog: Map<string, CatalogEntry>;
  figures: FigureRecord[];
  /** Every series of each metric that has a figure, by metric id: one per department stating it, in shelf order. */
  series: Map<string, Series[]>;
  comparable: Series[];
  topicsInUse: Topic[];
}

let portal: Promise<Portal> | undefined;

async function load(): Promise<Portal> {
  const departments = (await getCollection('departments')).map((e) => e.data);
  const primaryDepartment = departments.find((d) => d.primary)!;
  const primary = primaryDepartment.id;
  const entries = (await getCollection('metrics')).map((e) => e.data);
  const catalog = new Map(entries.map((e) => [e.id, e]));
  const byDepartment = new Map(departments.map((d) => [d.id, d]));
  const reports: PortalReport[] = (await getCollection('reports')).map((entry) => {
    const department = byDepartment.get(departmentOf(entry.data, primary))!;
    return {
      key: reportKey(department.id, entry.data.year, primary),
      entry,
      data: entry.data,
      department,
      figures: figuresOf(entry.data, catalog, primary),
    };
  });
  const order = [primaryDepartment, ...departments.filter((d) => d !== primaryDepartment)];
  const shelves = order.flatMap((department): Shelf[] => {
    const own = reports.filter((r) => r.department === department).sort((a, b) => a.data.year - b.data.year);
    if (own.length === 0) return [];
    const series = new Map(seriesOf(own.flatMap((r) => r.figures)).map((s) => [s.metricId, s]));
    return [{ department, prefix: departmentPrefix(department.id, primary), reports: own, series, pairs: comparisonPairs(own.map((r) => r.data.year)) }];
  });
  const sortedReports = shelves.flatMap((s) => s.reports);
  const figures = sortedReports.flatMap((r) => r.figures);
  const allSeries = shelves.flatMap((s) => [...s.series.values()]);
  return {
    shelves,
    primary: shelves[0]!,
    reports: sortedReports,
    reportByKey: new Map(sortedReports.map((r) => [r.key, r])),
    catalog,
    figures,
    series: Map.groupBy(allSeries, (s) => s.metricId),
    comparable: allSeries.filter((s) => s.points.length >= 2),
    topicsInUse: TOPICS.filter((t) => figures.some((f) => f.topic === t)),
  };
}

/** How many of the primary department's latest reports a metrics table shows as columns. */
export const TABLE_YEARS = 5;

/**
 * Rows and year columns of a metrics table (components/MetricsTable.astro): the metrics with a
 * figure, in catalog order, against the primary department's latest reports. Older years and
 * other departments are on each metric's own page, so the table stays readable however many.
 */
export function metricsTable(portal: Portal, topic: Topic) {
  const years = portal.primary.reports.slice(-TABLE_YEARS).map((r) => r.data.year);
  const rows = [...portal.catalog.values()]
    .filter((e) => e.topic === topic && portal.series.has(e.id))
    .map((e) => ({ metricId: e.id, label: e.label, points: portal.primary.series.get(e.id)?.points ?? [] }));
  const complete = portal.shelves.length === 1 && portal.primary.reports.length <= TABLE_YEARS;
  return { rows, years, complete };
}

/** Everything the pages show, computed once per build from the typed collections. */
export function getPortal(): Promise<Portal> {
  portal ??= load();
  return portal;
}

/** A site path with the configured base, for links in pages. */
export const url = (path: string) => withBase(import.meta.env.BASE_URL, path);

/** Link to a figure in its report: the sentence it comes from, one click away. */
export const figureHref = (f: { reportKey: string; metricId: string }) => url(paths.figure(f.reportKey, f.metricId));

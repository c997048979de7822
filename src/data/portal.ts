import { getCollection, type CollectionEntry } from 'astro:content';
import type { CatalogEntry } from '../schemas/catalog.ts';
import type { Department } from '../schemas/department.ts';
import type { Topic } from '../schemas/topic.ts';
import type { NamedTerm } from '../schemas/vocabulary.ts';
import { linkCommitments, type CommitmentRecord } from '../domain/commitments.ts';
import { isComparable, seriesOf, type Series } from '../domain/compare.ts';
import { departmentOf, departmentPrefix, figuresOf, reportKey, type FigureRecord } from '../domain/model.ts';
import { comparisonPairs } from '../domain/pairs.ts';
import { statesPerformance } from '../domain/scores/history.ts';
import type { UnitTable } from '../domain/units.ts';
import { siteStrings, type SiteStrings } from '../render/site-strings.ts';

/** One report with what its pages need, computed once. */
export interface PortalReport {
  /** Its path under /reports/: "2022", or "<department>/2022" for another department (src/domain/model.ts). */
  key: string;
  entry: CollectionEntry<'reports'>;
  data: CollectionEntry<'reports'>['data'];
  department: Department;
  figures: FigureRecord[];
}

/** A department (content/departments.yaml) with its reports and what is compared between them. */
export interface PortalDepartment extends Department {
  /** '' for the primary department, '<id>/' for another: prefixes its report and comparison keys. */
  prefix: string;
  /** Oldest first. */
  reports: PortalReport[];
  /** This department's series, by metric id. */
  series: Map<string, Series>;
  /** Pairs of years with a comparison page (src/domain/pairs.ts). */
  pairs: [number, number][];
  /** The report types (slugs, in the vocabulary's order) of which some report states budget lines or a score table: a page of them across years each (issue 19). */
  performanceTypes: string[];
}

export interface Portal {
  /** The primary department first, then the others in content/departments.yaml order; only those with reports. */
  departments: PortalDepartment[];
  primary: PortalDepartment;
  /** The site's strings, worded for the primary department (src/render/site-strings.ts). */
  strings: SiteStrings;
  /** Every report, department by department, oldest first within a department. */
  reports: PortalReport[];
  reportByKey: Map<string, PortalReport>;
  catalog: Map<string, CatalogEntry>;
  units: UnitTable;
  figures: FigureRecord[];
  /** Every series of each metric that has a figure, by metric id: one per department stating it, in department order. */
  series: Map<string, Series[]>;
  comparable: Series[];
  /** content/topics.yaml, by name, in the vocabulary's order. */
  topics: Map<string, NamedTerm>;
  /** content/report-types.yaml, by name, in the vocabulary's order. */
  reportTypes: Map<string, NamedTerm>;
  /** The topics with a figure, in the vocabulary's order. */
  topicsInUse: NamedTerm[];
  /** Every commitment with its outcomes and status (src/domain/commitments.ts), in report order. */
  commitments: CommitmentRecord[];
}

let portal: Promise<Portal> | undefined;

/** A vocabulary kept as content (content/topics.yaml, content/report-types.yaml), by name, in its order. */
async function vocabulary(collection: 'topics' | 'reportTypes'): Promise<Map<string, NamedTerm>> {
  const terms = (await getCollection(collection)).map((e) => ({ name: e.id, ...e.data })).sort((a, b) => a.order - b.order);
  return new Map(terms.map((t) => [t.name, t]));
}

async function load(): Promise<Portal> {
  const topics = await vocabulary('topics');
  const departments = (await getCollection('departments')).map((e) => e.data);
  const primaryDepartment = departments.find((d) => d.primary)!;
  const primary = primaryDepartment.id;
  // Lists follow Chinese collation of the names, never the English ids the collection is keyed by.
  const collator = new Intl.Collator('zh-CN');
  const entries = (await getCollection('metrics')).map((e) => e.data).sort((a, b) => collator.compare(a.label, b.label));
  const catalog = new Map(entries.map((e) => [e.id, e]));
  const units: UnitTable = new Map((await getCollection('units')).map((e) => [e.id, e.data]));
  const byDepartment = new Map(departments.map((d) => [d.id, d]));
  const reports: PortalReport[] = (await getCollection('reports')).map((entry) => {
    const department = byDepartment.get(departmentOf(entry.data, primary))!;
    return {
      key: reportKey(department.id, entry.data.year, primary),
      entry,
      data: entry.data,
      department,
      figures: figuresOf(entry.data, catalog, units, primary),
    };
  });
  const reportTypes = await vocabulary('reportTypes');
  const order = [primaryDepartment, ...departments.filter((d) => d !== primaryDepartment)];
  const published = order.flatMap((department): PortalDepartment[] => {
    const own = reports.filter((r) => r.department === department).sort((a, b) => a.data.year - b.data.year);
    if (own.length === 0) return [];
    const series = new Map(seriesOf(own.flatMap((r) => r.figures)).map((s) => [s.metricId, s]));
    return [{ ...department, prefix: departmentPrefix(department.id, primary), reports: own, series, pairs: comparisonPairs(own.map((r) => r.data.year)), performanceTypes: [...reportTypes.values()].filter((t) => own.some((r) => r.data.reportType === t.name && statesPerformance(r.data))).map((t) => t.slug) }];
  });
  const sortedReports = published.flatMap((d) => d.reports);
  const figures = sortedReports.flatMap((r) => r.figures);
  const allSeries = published.flatMap((d) => [...d.series.values()]);
  return {
    departments: published,
    primary: published[0]!,
    strings: siteStrings(primaryDepartment),
    reports: sortedReports,
    reportByKey: new Map(sortedReports.map((r) => [r.key, r])),
    catalog,
    units,
    figures,
    series: Map.groupBy(allSeries, (s) => s.metricId),
    comparable: allSeries.filter(isComparable),
    topics,
    reportTypes,
    topicsInUse: [...topics.values()].filter((t) => figures.some((f) => f.topic === t.name)),
    commitments: linkCommitments(sortedReports.map((r) => ({ key: r.key, department: r.department.id, year: r.data.year, commitments: r.data.commitments, evidence: r.data.evidence }))),
  };
}

/** How many of the primary department's latest reports a metrics table shows as columns. */
export const TABLE_YEARS = 5;

/**
 * Rows and year columns of a metrics table (components/metrics/MetricsTable.astro): the metrics with a
 * figure, in catalog order, against the primary department's latest reports. Older years and
 * other departments are on each metric's own page, so the table stays readable however many.
 */
export function metricsTable(portal: Portal, topic: Topic) {
  const years = portal.primary.reports.slice(-TABLE_YEARS).map((r) => r.data.year);
  const rows = [...portal.catalog.values()]
    .filter((e) => e.topic === topic && portal.series.has(e.id))
    .map((e) => ({ metricId: e.id, label: e.label, points: portal.primary.series.get(e.id)?.points ?? [] }));
  const complete = portal.departments.length === 1 && portal.primary.reports.length <= TABLE_YEARS;
  return { rows, years, complete };
}

/** Everything the pages show, computed once per build from the typed collections. */
export function getPortal(): Promise<Portal> {
  portal ??= load();
  return portal;
}

// Route data, computed once per page (Starlight's utils/routing is the model): what each page
// of the report, metric, topic and comparison types shows (series, comparability, chart
// windows, department labels, search filters). The routes under src/pages/ hand these to
// getStaticPaths and wire the props into components; they decide nothing themselves.
import { computeChange, isComparable, pointsAround, type Series } from '../domain/compare.ts';
import { changesBetween, pairsWith } from '../domain/pairs.ts';
import { getPortal, metricsTable, type Portal, type PortalDepartment, type PortalReport } from '../data/portal.ts';
import { seriesChart } from '../render/chart-spec.ts';
import { passagesFor } from '../render/passages.ts';
import { filtersOffered } from '../render/search-fields.ts';
import { departmentLabel } from '../render/site-strings.ts';
import { absolute, figureHref, paths, url } from '../render/urls.ts';
import { disclosureRecord, lastCorrected, latestFigureCorrections } from '../domain/disclosure/metadata.ts';
import { relatedMetrics } from '../domain/related.ts';
import { plainCitation } from '../render/report-text/plain-citation.ts';
import { readSourceFiles } from '../reading/source-files.ts';
import { byTopic, commitmentView, statusCounts, viewContext } from '../render/commitments/commitment-view.ts';
import { reportCommitments } from '../render/commitments/report-commitments.ts';
import { performanceHistory, performanceReport, statesPerformance } from '../domain/scores/history.ts';
import { withCacheKeys } from './cache-key.ts';
import { sitePaths } from './page-types.ts';
import { sitemapParts } from '../render/site-map.ts';
import { catalogueEntries, catalogueRows, catalogueYears } from '../render/disclosure/catalogue.ts';
import { figureHistories } from '../render/disclosure/figure-history.ts';
import { contentLastChanged } from '../reading/content-changed.ts';
import type { FigureRecord } from '../domain/model.ts';
import type { CommitmentRecord } from '../domain/commitments.ts';

/**
 * What every page reads beside its props (the layout's SiteStrings, made by code from the
 * departments' records; units and vocabularies in components): part of each page's cacheKey
 * (./cache-key.ts), so that changing any of it renders every page again.
 */
const siteWide = (portal: Portal) => [[...new Set(portal.reports.map((r) => r.department))], portal.units, portal.topics, portal.reportTypes, portal.catalog];

/** The home page's figures residents look for first (content/metrics.yaml featured): the primary department's, by topic, in catalog order. */
export async function featuredFigures() {
  const { catalog, primary, topicsInUse } = await getPortal();
  const featured = [...catalog.values()].filter((e) => e.featured && primary.series.has(e.id));
  return topicsInUse
    .map(({ name: topic }) => ({ topic, items: featured.filter((e) => e.topic === topic).map((entry) => ({ entry, series: primary.series.get(entry.id)! })) }))
    .filter((g) => g.items.length > 0);
}

/** Each chart of a report page shows its year among this many neighbours; the whole series is on the metric page. */
export const REPORT_CHART_YEARS = 6;

/**
 * A report page's charts: each series it charts, around the report's year, and whether any was
 * shortened. Made as the page renders, not in its props: the series are the department's, shared
 * by its reports, so the cache key (cache-key.ts) hashes each once, where the charts made from
 * them differ from report to report (the cache keys of 200 reports' routes took 570 ms, not 780).
 */
export function reportCharts(chartSeries: Series[], year: number) {
  return {
    charts: chartSeries.map((s) => seriesChart(pointsAround(s, year, REPORT_CHART_YEARS), figureHref)),
    shortened: chartSeries.some((s) => s.points.length > REPORT_CHART_YEARS),
  };
}

/** A report's neighbours in its department: the reports before and after it, and the comparisons it is part of. */
export interface ReportNeighbours {
  previous: { key: string; year: number } | undefined;
  next: { key: string; year: number } | undefined;
  comparisons: [number, number][];
  /** The department's prefix in comparison addresses. */
  prefix: string;
}

function neighboursOf(department: PortalDepartment, year: number): ReportNeighbours {
  const index = department.reports.findIndex((r) => r.data.year === year);
  const at = (i: number) => {
    const report = department.reports[i];
    return report && { key: report.key, year: report.data.year };
  };
  return { previous: at(index - 1), next: at(index + 1), comparisons: pairsWith(department.pairs, year), prefix: department.prefix };
}

/**
 * A report page: the report, whose it is, its charts and the filters it files itself under.
 * Only what the page shows of its department is in its props (its record, its neighbours, the
 * series it charts), so that another report's text changing does not render this page again.
 */
export async function reportRoutes() {
  const portal = await getPortal();
  const { reports, departments, topicsInUse, reportTypes } = portal;
  const sources = await readSourceFiles();
  const offered = filtersOffered(departments.length);
  return withCacheKeys(reports.map((report) => {
    const department = departments.find((d) => d.id === report.department.id)!;
    const { year } = report.data;
    const chartSeries = [...department.series.values()].filter((s) => isComparable(s) && s.points.some((p) => p.year === year));
    return {
      params: { report: report.key },
      props: {
        report,
        department: report.department,
        neighbours: neighboursOf(department, year),
        // Another department's report says whose it is first: titles alone repeat across departments.
        title: departmentLabel(!department.primary && department.name, report.data.title),
        /** The series it charts (reportCharts): the department's own, which its reports share. */
        chartSeries,
        /** The topics its figures belong to, in the vocabulary's order. */
        topics: topicsInUse.filter((t) => report.figures.some((f) => f.topic === t.name)).map((t) => t.name),
        /** A short citation of the report, with its address (the print block, the citation box). */
        citation: plainCitation(report.data, absolute(url(paths.report(report.key)))),
        /** The official file as issued (content/sources/), when there: its name, size and SHA-256. */
        source: sources.get(report.data.sourceFile),
        /** The 单位 filter's value, when the site offers it. */
        departmentFilter: offered.includes('department') ? department.name : undefined,
        /** Issue 19: its report type's scores and execution rates across years, when it states them. */
        scoresPath: statesPerformance(report.data) ? paths.scores(department.prefix, reportTypes.get(report.data.reportType)!.slug) : undefined,
        /** 政府信息公开 metadata (issue 20), and each corrected figure's latest correction. */
        disclosure: disclosureRecord(report.data, department),
        corrected: latestFigureCorrections(report.data.corrections),
        /** What it promised and what became of it, the earlier promises it reports on, the sentences to mark. */
        commitments: reportCommitments(portal, report.key),
      },
    };
  }), siteWide(portal));
}

/** A report's citations (issue 20): its page /citations/<key>/ and its RIS and CSL-JSON files. */
export async function citationRoutes() {
  const portal = await getPortal();
  return withCacheKeys(portal.reports.map((report) => ({ params: { report: report.key }, props: { report } })), siteWide(portal));
}

/** A department's series of a metric as its page draws it: chart (or table), change, and each figure's link and citation. */
function seriesSection(portal: Portal, s: Series, several: boolean) {
  const { department } = portal.reportByKey.get(s.points[0]!.reportKey)!;
  const comparable = isComparable(s);
  return {
    series: s,
    department,
    comparable,
    spec: seriesChart(s, figureHref, department.primary ? undefined : department.name),
    change: comparable ? computeChange(s.points[0]!, s.points.at(-1)!) : null,
    headingId: 'series-title',
    heading: departmentLabel(several && department.name, comparable ? '历年数据' : '数据'),
    // Each figure's sentence, to copy as a link or a citation.
    links: s.points.map((p) => {
      const href = absolute(figureHref(p));
      return { href, citation: plainCitation(portal.reportByKey.get(p.reportKey)!.data, href, p.quote) };
    }),
  };
}

/**
 * A metric page: the primary department's series drawn, and one row for each other department
 * (its years, its latest figure), linking to its own page of the series: the page weighs the
 * same for 1 department or 200.
 */
export async function metricRoutes() {
  const portal = await getPortal();
  const { catalog, series, reportByKey, topics, primary } = portal;
  const related = relatedMetrics([...catalog.values()]);
  return withCacheKeys([...series.keys()].map((id) => {
    const entry = catalog.get(id)!;
    const all = series.get(id)!;
    const several = all.length > 1;
    const own = all.find((s) => s.department === primary.id);
    const section = own && seriesSection(portal, own, several);
    const others = all.filter((s) => s !== own).map((s) => ({
      department: reportByKey.get(s.points[0]!.reportKey)!.department,
      first: s.points[0]!.year,
      latest: s.points.at(-1)!,
      reports: s.points.length,
      href: url(paths.metricDepartment(id, s.department)),
    }));
    // The reports the metric appears in, with what the search filters need of each.
    const appearances = all.flatMap((s) => s.points).map((p) => {
      const report = reportByKey.get(p.reportKey)!;
      return { year: p.year, reportKey: p.reportKey, reportType: report.data.reportType, department: report.department.name };
    });
    // Related metrics with figures (src/domain/related.ts), each with its figures in every department.
    const relatedWithFigures = (related.get(id) ?? []).filter((r) => series.has(r.id)).map((r) => ({ entry: r, points: series.get(r.id)!.flatMap((x) => x.points) }));
    return { params: { id }, props: { entry, topic: topics.get(entry.topic)!, section, others, several, appearances, related: relatedWithFigures } };
  }), siteWide(portal));
}

/** Another department's series of a metric, on a page of its own (the metric page lists it). */
export async function metricDepartmentRoutes() {
  const portal = await getPortal();
  const { catalog, series, topics, primary } = portal;
  return withCacheKeys([...series.entries()].flatMap(([id, all]) => {
    const entry = catalog.get(id)!;
    return all.filter((s) => s.department !== primary.id).map((s) => ({
      params: { id, department: s.department },
      props: { entry, topic: topics.get(entry.topic)!, section: seriesSection(portal, s, true) },
    }));
  }), siteWide(portal));
}

/** How many of each department's latest reports a topic page sets side by side. */
export const SIDE_BY_SIDE = 2;

/** A topic page: the primary department's comparable series drawn, each department's latest reports side by side. */
export async function topicRoutes() {
  const portal = await getPortal();
  const { topicsInUse, primary, departments } = portal;
  return withCacheKeys(topicsInUse.map(({ name: topic, ...term }) => ({
    params: { slug: term.slug },
    props: {
      topic,
      term,
      table: metricsTable(portal, topic),
      // The primary department's series drawn; every department's on each metric page.
      charts: [...primary.series.values()].filter((s) => isComparable(s) && s.points[0]!.topic === topic).map((s) => seriesChart(s, figureHref)),
      columns: departments.flatMap((department) => department.reports.slice(-SIDE_BY_SIDE).map((report: PortalReport) => ({
        report,
        whose: department === primary ? undefined : department.name,
        passages: passagesFor(report.entry.body ?? '', report.figures.filter((f) => f.topic === topic)),
      }))),
      older: departments.some((d) => d.reports.length > SIDE_BY_SIDE),
      ...topicCommitments(portal, topic, term.slug),
    },
  })), siteWide(portal));
}

/**
 * A topic's commitments: the primary department's as cards, and each other department's counted,
 * linking to them on its own commitments page, as the topic's charts are the primary department's
 * (every department's cards made one topic page 4.6 MB, 115 KB gzip, at 1,000 reports).
 */
function topicCommitments(portal: Portal, topic: string, slug: string) {
  const context = viewContext(portal);
  const onTopic = portal.commitments.filter((c) => c.topic === topic);
  return {
    commitments: onTopic.filter((c) => c.department === portal.primary.id).map((c) => commitmentView(c, context)),
    otherCommitments: otherDepartmentsCommitments(portal, onTopic, (d) => paths.departmentTopicCommitments(d.id, slug)),
  };
}

/** Each other department with commitments among `records`: how many, how many show each status, and the page (`path`) that draws them. */
function otherDepartmentsCommitments(portal: Portal, records: readonly CommitmentRecord[], path: (department: PortalDepartment) => string) {
  return portal.departments.filter((d) => d !== portal.primary).flatMap((d) => {
    const theirs = records.filter((c) => c.department === d.id);
    return theirs.length > 0 ? [{ name: d.name, href: url(path(d)), count: theirs.length, counts: statusCounts(theirs) }] : [];
  });
}

/** What a comparison of two years shows: the changes between them and how many figures each year states. */
export function comparison(department: PortalDepartment, from: number, to: number) {
  const count = (year: number) => department.reports.find((r) => r.data.year === year)!.figures.length;
  return { from, to, changes: changesBetween(department.series.values(), from, to), counts: { from: count(from), to: count(to) }, pairs: department.pairs, prefix: department.prefix };
}

/**
 * What a comparison of two years leaves out: by topic, the figures of each year whose metric the
 * other year's report does not state.
 */
export function unpairedFigures(department: PortalDepartment, from: number, to: number, topics: readonly string[]) {
  const figuresOf = (year: number) => department.reports.find((r) => r.data.year === year)!.figures;
  const onlyIn = (year: number, other: number) => {
    const stated = new Set(figuresOf(other).map((f) => f.metricId));
    return figuresOf(year).filter((f) => !stated.has(f.metricId));
  };
  return topics
    .map((topic) => ({ topic, only: [[from, to], [to, from]].map(([year, other]) => ({ year: year!, figures: onlyIn(year!, other!).filter((f) => f.topic === topic) })) }))
    .filter((g) => g.only.some((o) => o.figures.length > 0));
}

/** A comparison page of two years of one department. */
export async function comparePairRoutes() {
  const portal = await getPortal();
  const { departments, topicsInUse } = portal;
  return withCacheKeys(departments.flatMap((department) =>
    department.pairs.map(([from, to]) => ({
      params: { pair: `${department.prefix}${from}-${to}` },
      props: { department, title: departmentLabel(!department.primary && department.name, `${from}年与${to}年`), comparison: comparison(department, from, to), unpaired: unpairedFigures(department, from, to, topicsInUse.map((t) => t.name)) },
    })),
  ), siteWide(portal));
}

/** One report type's scores and execution rates across years in one department (issue 19), a page each. */
export async function scoresRoutes() {
  const portal = await getPortal();
  const { departments, units, reportTypes } = portal;
  const offered = filtersOffered(departments.length);
  const bySlug = new Map([...reportTypes.values()].map((t) => [t.slug, t]));
  return withCacheKeys(departments.flatMap((department) => {
    const histories = performanceHistory(department.reports.map((r) => performanceReport(r.key, department.id, r.data)), units);
    return department.performanceTypes.map((slug) => {
      const reportType = bySlug.get(slug)!;
      const history = histories.find((h) => h.reportType === reportType.name)!;
      const years = [...new Set([...history.scores.map((s) => s.year), ...history.budget.flatMap((b) => b.years.map((y) => y.year))])].sort();
      return {
        params: { scores: `${department.prefix}${slug}` },
        props: {
          department,
          reportType,
          history,
          years,
          title: departmentLabel(!department.primary && department.name, `${reportType.name}：历年绩效得分与预算执行`),
          /** The same department's other report types with such a page. */
          others: department.performanceTypes.filter((other) => other !== slug).map((other) => bySlug.get(other)!),
          /** The 单位 filter's value, when the site offers it. */
          departmentFilter: offered.includes('department') ? department.name : undefined,
        },
      };
    });
  }), siteWide(portal));
}

/**
 * 承诺与落实: how many commitments show each status, the primary department's as cards by topic,
 * and every other department with its counts and a page of its own (departmentCommitmentRoutes):
 * the index stays one department's size however many publish.
 */
export async function commitmentsIndex() {
  const portal = await getPortal();
  const context = viewContext(portal);
  const own = portal.commitments.filter((c) => c.department === portal.primary.id);
  return {
    count: portal.commitments.length,
    /** The primary department's: its name, counts and cards. */
    own: { name: portal.primary.name, count: own.length, counts: statusCounts(own), groups: byTopic(own.map((c) => commitmentView(c, context)), portal.topics) },
    others: otherDepartmentsCommitments(portal, portal.commitments, (d) => paths.departmentCommitments(d.id)),
  };
}

/** Another department's commitments, as cards by topic, with how many show each status. */
export async function departmentCommitmentRoutes() {
  const portal = await getPortal();
  const context = viewContext(portal);
  return withCacheKeys(portal.departments.filter((d) => d !== portal.primary).flatMap((department) => {
    const records = portal.commitments.filter((c) => c.department === department.id);
    if (records.length === 0) return [];
    return [{
      params: { department: department.id },
      props: { name: department.name, count: records.length, counts: statusCounts(records), groups: byTopic(records.map((c) => commitmentView(c, context)), portal.topics) },
    }];
  }), siteWide(portal));
}

/** A commitment's own page: the card, its report, and the years and filters it files itself under. */
export async function commitmentRoutes() {
  const portal = await getPortal();
  const context = viewContext(portal);
  return withCacheKeys(portal.commitments.map((record) => ({
    params: { commitment: `${record.reportKey}/${record.id}` },
    props: {
      view: commitmentView(record, context),
      report: portal.reportByKey.get(record.reportKey)!,
      years: [record.year, ...record.outcomes.map((o) => o.year)],
    },
  })), siteWide(portal));
}

/**
 * A download of figures, every department and year, each with its 发布日期 and corrections, and
 * the date the content last changed: one per metric (/data/metrics/<id>.csv|json, 下载本图数据)
 * and per topic (/data/topics/<slug>.csv|json).
 */
function downloads<Params, About>(portal: Portal, groups: Array<{ params: Params; figures: FigureRecord[]; about: About }>) {
  const history = figureHistories(portal.reports);
  const lastChanged = contentLastChanged();
  return withCacheKeys(groups.map(({ params, figures, about }) => ({
    params,
    props: { ...about, figures, histories: new Map(figures.map((f) => [f, history(f)])), lastChanged },
  })), siteWide(portal));
}

export async function metricDownloadRoutes() {
  const portal = await getPortal();
  const byMetric = Map.groupBy(portal.figures, (f) => f.metricId);
  return downloads(portal, [...portal.series.keys()].map((id) => ({ params: { id }, figures: byMetric.get(id) ?? [], about: { entry: portal.catalog.get(id)! } })));
}

export async function topicDownloadRoutes() {
  const portal = await getPortal();
  const byTopic = Map.groupBy(portal.figures, (f) => f.topic);
  return downloads(portal, portal.topicsInUse.map(({ name, slug }) => ({ params: { slug }, figures: byTopic.get(name) ?? [], about: { topic: name } })));
}

/** The sitemap's pages (the page types in it, src/routing/page-types.ts), each with the day it last changed when known. */
export async function sitemapPages() {
  const portal = await getPortal();
  // A report's page last changed on its latest correction, else on its 发布日期.
  const lastmod = new Map(portal.reports.map((r) => [paths.report(r.key), lastCorrected(r.data.corrections) ?? r.data.disclosure.publishedDate]));
  return sitePaths(portal).map((path) => ({ path, lastmod: lastmod.get(path) }));
}

/** The sitemap's parts, when the site has more pages than one sitemap may list (src/render/site-map.ts). */
export async function sitemapPartRoutes() {
  const portal = await getPortal();
  return withCacheKeys(sitemapParts(await sitemapPages()).map((part, i) => ({ params: { n: String(i + 1) }, props: { pages: part.urls } })), siteWide(portal));
}

/** The 政府信息公开目录: its rows (every report, newest first), and the years it has a page of when one page cannot hold them all. */
export async function disclosureCatalogue() {
  const portal = await getPortal();
  const rows = catalogueRows(catalogueEntries(portal.reports, (path) => absolute(url(path))));
  const byYear = Map.groupBy(rows, (r) => r.year);
  const departments = portal.departments.map(({ id, name }) => ({ id, name }));
  const years = catalogueYears(rows.map((r) => r.year)).map((year) => ({ year, rows: byYear.get(year)!, href: url(paths.disclosureYear(year)) }));
  return { rows, departments, years };
}

/** A year of the 政府信息公开目录, on a site of more reports than its one page lists. */
export async function disclosureYearRoutes() {
  const portal = await getPortal();
  const { departments, years } = await disclosureCatalogue();
  return withCacheKeys(years.map(({ year, rows }) => ({ params: { year: String(year) }, props: { year, rows, departments } })), siteWide(portal));
}

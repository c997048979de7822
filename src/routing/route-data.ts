// Route data, computed once per page (Starlight's utils/routing is the model): what each page
// of the report, metric, topic and comparison types shows (series, comparability, chart
// windows, department labels, search filters). The routes under src/pages/ hand these to
// getStaticPaths and wire the props into components; they decide nothing themselves.
import { computeChange, isComparable, pointsAround } from '../domain/compare.ts';
import { changesBetween } from '../domain/pairs.ts';
import { getPortal, metricsTable, type PortalDepartment, type PortalReport } from '../data/portal.ts';
import { seriesChart } from '../render/chart-spec.ts';
import { passagesFor } from '../render/passages.ts';
import { filtersOffered } from '../render/search-fields.ts';
import { departmentLabel } from '../render/site-strings.ts';
import { byTopic, commitmentView, statusCounts, viewContext } from '../render/commitments/commitment-view.ts';
import { reportCommitments } from '../render/commitments/report-commitments.ts';
import { figureHref } from '../render/urls.ts';

/** Each chart of a report page shows its year among this many neighbours; the whole series is on the metric page. */
export const REPORT_CHART_YEARS = 6;

/** A report page: the report, whose it is, its charts and the filters it files itself under. */
export async function reportRoutes() {
  const portal = await getPortal();
  const { reports, departments, topicsInUse } = portal;
  const offered = filtersOffered(departments.length);
  return reports.map((report) => {
    const department = departments.find((d) => d.id === report.department.id)!;
    const { year } = report.data;
    const chartSeries = [...department.series.values()].filter((s) => isComparable(s) && s.points.some((p) => p.year === year));
    return {
      params: { report: report.key },
      props: {
        report,
        department,
        // Another department's report says whose it is first: titles alone repeat across departments.
        title: departmentLabel(!department.primary && department.name, report.data.title),
        charts: chartSeries.map((s) => seriesChart(pointsAround(s, year, REPORT_CHART_YEARS), figureHref)),
        shortened: chartSeries.some((s) => s.points.length > REPORT_CHART_YEARS),
        /** The topics its figures belong to, in the vocabulary's order. */
        topics: topicsInUse.filter((t) => report.figures.some((f) => f.topic === t.name)).map((t) => t.name),
        /** The 单位 filter's value, when the site offers it. */
        departmentFilter: offered.includes('department') ? department.name : undefined,
        /** What it promised and what became of it, the earlier promises it reports on, the sentences to mark. */
        commitments: reportCommitments(portal, report.key),
      },
    };
  });
}

/** A metric page: one section per department that states the metric, the primary department first. */
export async function metricRoutes() {
  const { catalog, series, reportByKey, topics } = await getPortal();
  return [...series.keys()].map((id) => {
    const entry = catalog.get(id)!;
    const all = series.get(id)!;
    const several = all.length > 1;
    const sections = all.map((s) => {
      const { department } = reportByKey.get(s.points[0]!.reportKey)!;
      return {
        series: s,
        department,
        comparable: isComparable(s),
        spec: seriesChart(s, figureHref, department.primary ? undefined : department.name),
        change: isComparable(s) ? computeChange(s.points[0]!, s.points.at(-1)!) : null,
        headingId: department.primary ? 'series-title' : `series-${department.id}`,
        heading: departmentLabel(several && department.name, isComparable(s) ? '历年数据' : '数据'),
      };
    });
    // The reports the metric appears in, with what the search filters need of each.
    const appearances = sections.flatMap((s) => s.series.points).map((p) => {
      const report = reportByKey.get(p.reportKey)!;
      return { year: p.year, reportKey: p.reportKey, reportType: report.data.reportType, department: report.department.name };
    });
    return { params: { id }, props: { entry, topic: topics.get(entry.topic)!, sections, several, appearances } };
  });
}

/** How many of each department's latest reports a topic page sets side by side. */
export const SIDE_BY_SIDE = 2;

/** A topic page: the primary department's comparable series drawn, each department's latest reports side by side. */
export async function topicRoutes() {
  const portal = await getPortal();
  const { topicsInUse, primary, departments } = portal;
  return topicsInUse.map(({ name: topic, ...term }) => ({
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
      commitments: portal.commitments.filter((c) => c.topic === topic).map((c) => commitmentView(c, viewContext(portal))),
    },
  }));
}

/** What a comparison of two years shows: the changes between them and how many figures each year states. */
export function comparison(department: PortalDepartment, from: number, to: number) {
  const count = (year: number) => department.reports.find((r) => r.data.year === year)!.figures.length;
  return { from, to, changes: changesBetween(department.series.values(), from, to), counts: { from: count(from), to: count(to) }, pairs: department.pairs, prefix: department.prefix };
}

/** A comparison page of two years of one department. */
export async function comparePairRoutes() {
  const { departments } = await getPortal();
  return departments.flatMap((department) =>
    department.pairs.map(([from, to]) => ({
      params: { pair: `${department.prefix}${from}-${to}` },
      props: { department, title: departmentLabel(!department.primary && department.name, `${from}年与${to}年`), comparison: comparison(department, from, to) },
    })),
  );
}

/** 承诺与落实: every commitment as a card, by topic, and how many show each status. */
export async function commitmentsIndex() {
  const portal = await getPortal();
  const context = viewContext(portal);
  return { count: portal.commitments.length, groups: byTopic(portal.commitments.map((c) => commitmentView(c, context)), portal.topics), counts: statusCounts(portal.commitments) };
}

/** A commitment's own page: the card, its report, and the years and filters it files itself under. */
export async function commitmentRoutes() {
  const portal = await getPortal();
  const context = viewContext(portal);
  return portal.commitments.map((record) => ({
    params: { commitment: `${record.reportKey}/${record.id}` },
    props: {
      view: commitmentView(record, context),
      report: portal.reportByKey.get(record.reportKey)!,
      years: [record.year, ...record.outcomes.map((o) => o.year)],
    },
  }));
}

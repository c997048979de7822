import type { CommitmentRecord, CommitmentStatus } from '../../domain/commitments.ts';
import { COMMITMENT_STATUSES, NO_LATER_REPORT, UNMENTIONED } from '../../domain/commitments.ts';
import type { Topic } from '../../schemas/topic.ts';
import type { NamedTerm } from '../../schemas/vocabulary.ts';
import { paths } from '../urls.ts';

/** One commitment as its card shows it: site paths without the base (components add it). */
export interface CommitmentView {
  record: CommitmentRecord;
  /** Its id on pages that list several (the 承诺与落实 page, report and topic pages). */
  anchor: string;
  page: string;
  /** The department's name when the site has several, else undefined. */
  department: string | undefined;
  topicPage: string | undefined;
  promise: { href: string; report: string };
  outcomes: { year: number; status: CommitmentStatus; quote: string; href: string; report: string }[];
  /** Why a commitment without evidence shows what it shows. */
  statusNote: string | undefined;
  metrics: { label: string; href: string }[];
}

export interface ViewContext {
  /** Metric labels by id (content/metrics.yaml), for those with a page. */
  metricLabels: ReadonlyMap<string, string>;
  /** The topics with a page (content/topics.yaml, those with a figure). */
  topicsInUse: readonly NamedTerm[];
  /** Department names by id when more than one department publishes; empty otherwise. */
  departmentNames: ReadonlyMap<string, string>;
}

/** What a view needs of the portal (src/data/portal.ts): a Portal is one. */
export interface PortalLike {
  catalog: ReadonlyMap<string, { label: string }>;
  /** Metrics with a page (at least one figure), by id. */
  series: ReadonlyMap<string, unknown>;
  topicsInUse: readonly NamedTerm[];
  departments: readonly { id: string; name: string }[];
}

export function viewContext(portal: PortalLike): ViewContext {
  return {
    metricLabels: new Map([...portal.catalog].filter(([id]) => portal.series.has(id)).map(([id, e]) => [id, e.label])),
    topicsInUse: portal.topicsInUse,
    departmentNames: portal.departments.length > 1 ? new Map(portal.departments.map((d) => [d.id, d.name])) : new Map(),
  };
}

const years = (list: readonly { year: number }[]) => list.map((r) => `${r.year}年`).join('、');

export function commitmentView(record: CommitmentRecord, context: ViewContext): CommitmentView {
  const { reportKey, id, year } = record;
  const topicTerm = context.topicsInUse.find((t) => t.name === record.topic);
  const statusNote =
    record.status === UNMENTIONED ? `此后的${years(record.laterReports)}报告没有提到这项工作。`
    : record.status === NO_LATER_REPORT ? '本单位还没有更晚的报告。'
    : undefined;
  return {
    record,
    anchor: `c-${reportKey.replace('/', '-')}-${id}`,
    page: paths.commitment(reportKey, id),
    department: context.departmentNames.get(record.department),
    topicPage: topicTerm ? paths.topic(topicTerm.slug) : undefined,
    promise: { href: paths.promise(reportKey, id), report: paths.report(reportKey) },
    outcomes: record.outcomes.map((o) => ({
      year: o.year, status: o.status, quote: o.quote,
      href: paths.outcome(o.reportKey, year, id), report: paths.report(o.reportKey),
    })),
    statusNote,
    metrics: record.metrics.flatMap((m) => {
      const label = context.metricLabels.get(m);
      return label ? [{ label, href: paths.metric(m) }] : [];
    }),
  };
}

/** Commitments by topic, in the vocabulary's order (content/topics.yaml); oldest report first within a topic. */
export function byTopic(views: readonly CommitmentView[], topics: ReadonlyMap<string, NamedTerm>): { topic: Topic; slug: string; views: CommitmentView[] }[] {
  return [...topics.values()].map((term) => ({
    topic: term.name,
    slug: term.slug,
    views: views.filter((v) => v.record.topic === term.name).sort((a, b) => a.record.year - b.record.year),
  })).filter((g) => g.views.length > 0);
}

/** How many commitments show each status, in the order statuses are listed; none left out as 0. */
export function statusCounts(records: readonly CommitmentRecord[]): { status: CommitmentStatus; count: number }[] {
  return COMMITMENT_STATUSES.map((status) => ({ status, count: records.filter((r) => r.status === status).length })).filter((c) => c.count > 0);
}

import type { Commitment, EvidenceStatus } from '../schemas/report/commitment.ts';
import type { Topic } from '../schemas/topic.ts';

/**
 * What a commitment shows when no later report gives evidence: computed here, never typed. A
 * later report of the same department that says nothing about it: 后续报告未提及; no later
 * report yet: 尚无后续报告 (saying "not mentioned" of a report not yet written would be unfair).
 */
export const UNMENTIONED = '后续报告未提及';
export const NO_LATER_REPORT = '尚无后续报告';
export type CommitmentStatus = EvidenceStatus | typeof UNMENTIONED | typeof NO_LATER_REPORT;

/** Every status a commitment can show, in the order the portal counts them. */
export const COMMITMENT_STATUSES: readonly CommitmentStatus[] = ['已完成', '部分完成', '未完成', UNMENTIONED, NO_LATER_REPORT];

/** What the domain needs of one report (its frontmatter as the schema parsed it, and where it lives). */
export interface ReportWithCommitments {
  /** The report key (src/domain/model.ts reportKey). */
  key: string;
  department: string;
  year: number;
  commitments?: readonly Commitment[] | undefined;
  evidence?: readonly { report: number; commitment: string; status: EvidenceStatus; quote?: string | undefined }[] | undefined;
}

/** A later report's sentence about a commitment. */
export interface OutcomeRecord {
  reportKey: string;
  year: number;
  status: EvidenceStatus;
  quote: string;
}

/** One commitment with everything later reports of its department say about it. */
export interface CommitmentRecord {
  reportKey: string;
  department: string;
  year: number;
  id: string;
  quote: string;
  topic: Topic;
  due: number | undefined;
  metrics: readonly string[];
  /** Oldest first. */
  outcomes: OutcomeRecord[];
  /** The latest outcome's status, else computed (UNMENTIONED, NO_LATER_REPORT). */
  status: CommitmentStatus;
  /** The department's reports after this one, oldest first: the ones that could have answered. */
  laterReports: { key: string; year: number }[];
}

/**
 * Joins each commitment with the evidence later reports of its department record for it. The
 * content check has made sure every pointer resolves; one that does not is ignored here.
 */
export function linkCommitments(reports: readonly ReportWithCommitments[]): CommitmentRecord[] {
  const records = new Map<string, CommitmentRecord>();
  const keyOf = (department: string, year: number, id: string) => `${department}\u0000${year}\u0000${id}`;
  for (const report of reports) {
    for (const c of report.commitments ?? []) {
      records.set(keyOf(report.department, report.year, c.id), {
        reportKey: report.key, department: report.department, year: report.year,
        id: c.id, quote: c.quote, topic: c.topic, due: c.due, metrics: c.metrics ?? [],
        outcomes: [], status: NO_LATER_REPORT, laterReports: [],
      });
    }
  }
  for (const report of [...reports].sort((a, b) => a.year - b.year)) {
    for (const e of report.evidence ?? []) {
      const record = records.get(keyOf(report.department, e.report, e.commitment));
      if (record && e.quote !== undefined && e.report < report.year) {
        record.outcomes.push({ reportKey: report.key, year: report.year, status: e.status, quote: e.quote });
      }
    }
  }
  return [...records.values()].map((record) => {
    const laterReports = reports
      .filter((r) => r.department === record.department && r.year > record.year)
      .map((r) => ({ key: r.key, year: r.year }))
      .sort((a, b) => a.year - b.year);
    const latest = record.outcomes.at(-1);
    const status = latest ? latest.status : laterReports.length > 0 ? UNMENTIONED : NO_LATER_REPORT;
    return { ...record, status, laterReports };
  });
}

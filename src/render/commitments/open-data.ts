import type { CommitmentRecord } from '../../domain/commitments.ts';

/** One row of the commitments' open data: a commitment and the latest evidence for it. */
export interface CommitmentRow {
  year: number;
  department: string;
  commitment_id: string;
  topic: string;
  quote: string;
  /** The year it is due, when the text says so; '' otherwise. */
  due: number | '';
  metric_ids: string;
  status: string;
  evidence_year: number | '';
  evidence_quote: string;
  url: string;
  evidence_url: string;
}

export const COMMITMENT_COLUMNS = [
  'year', 'department', 'commitment_id', 'topic', 'quote', 'due', 'metric_ids',
  'status', 'evidence_year', 'evidence_quote', 'url', 'evidence_url',
] as const satisfies readonly (keyof CommitmentRow)[];

/** Absolute URLs of a commitment's sentence and of a later report's sentence about it. */
export interface CommitmentUrls {
  promise: (c: CommitmentRecord) => string;
  outcome: (c: CommitmentRecord, reportKey: string) => string;
}

export function commitmentRows(commitments: readonly CommitmentRecord[], urls: CommitmentUrls): CommitmentRow[] {
  return commitments.map((c) => {
    const latest = c.outcomes.at(-1);
    return {
      year: c.year,
      department: c.department,
      commitment_id: c.id,
      topic: c.topic,
      quote: c.quote,
      due: c.due ?? '',
      metric_ids: c.metrics.join('|'),
      status: c.status,
      evidence_year: latest?.year ?? '',
      evidence_quote: latest?.quote ?? '',
      url: urls.promise(c),
      evidence_url: latest ? urls.outcome(c, latest.reportKey) : '',
    };
  });
}

/** The JSON form: every outcome, oldest first, not only the latest. */
export function commitmentRecordsJson(commitments: readonly CommitmentRecord[], urls: CommitmentUrls) {
  return commitments.map((c) => ({
    year: c.year, department: c.department, commitment_id: c.id, topic: c.topic, quote: c.quote,
    due: c.due ?? null, metric_ids: c.metrics, status: c.status, url: urls.promise(c),
    outcomes: c.outcomes.map((o) => ({ year: o.year, status: o.status, quote: o.quote, url: urls.outcome(c, o.reportKey) })),
  }));
}

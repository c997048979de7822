import type { Correction } from '../../schemas/report/correction.ts';
import type { ReportData } from '../../schemas/report.ts';

/** What open data says of a figure's publication: its report's 发布日期 and its corrections, oldest first. */
export interface FigureHistory {
  publishedDate: string;
  corrections: readonly Correction[];
}

/** Each figure's history, looked up by its report key and metric id. */
export function figureHistories(reports: readonly { key: string; data: ReportData }[]): (f: { reportKey: string; metricId: string }) => FigureHistory {
  const byKey = new Map(reports.map((r) => [r.key, r.data]));
  return (f) => {
    const data = byKey.get(f.reportKey)!;
    const corrections = (data.corrections ?? []).filter((c) => c.metric === f.metricId).toSorted((a, b) => a.date.localeCompare(b.date));
    return { publishedDate: data.disclosure.publishedDate, corrections };
  };
}

import type { BudgetLine } from '../../schemas/report/budget.ts';
import type { ReportData } from '../../schemas/report.ts';
import type { ScoreTable } from '../../schemas/report/score-table.ts';
import { describePointsChange } from '../compare.ts';
import type { UnitTable } from '../units.ts';
import { checkRate, computedRateText } from './budget.ts';
import { scoreDisagreements } from './score-table.ts';

/** What the history and the open data need of a report. */
export interface PerformanceReport {
  year: number;
  reportKey: string;
  /** Department id (content/departments.yaml). */
  department: string;
  reportType: string;
  budget?: BudgetLine[] | undefined;
  scoreTable?: ScoreTable | undefined;
}

/** Whether a report states budget lines or a score table: what gives its department a page of them across years. */
export const statesPerformance = (data: Pick<ReportData, 'budget' | 'scoreTable'>) => data.budget !== undefined || data.scoreTable !== undefined;

/** A report's budget lines and score table, with what places them. */
export const performanceReport = (reportKey: string, department: string, data: ReportData): PerformanceReport =>
  ({ year: data.year, reportKey, department, reportType: data.reportType, budget: data.budget, scoreTable: data.scoreTable });

/** One year's total score: as the text states it, and what its rows give when they disagree. */
export interface ScoreYear {
  year: number;
  reportKey: string;
  stated: number;
  /** The first-level rows' sum, when it is not the stated total. */
  rowsGive: number | null;
  fullScore: number | undefined;
  grade: string | undefined;
  /** From the previous year with a score, in 分 (src/domain/compare.ts); null for the first. */
  change: string | null;
}

/** One year of a budget line: the rate as stated, and what its parts give when they disagree. */
export interface RateYear {
  year: number;
  reportKey: string;
  line: BudgetLine;
  /** Null when the line states no rate. */
  stated: number | null;
  /** The parts' rate, when it is not the stated rate. */
  partsGive: string | null;
  /** From the previous year with a rate, in 个百分点; null for the first. */
  change: string | null;
}

/** A budget line (by its id) across years. */
export interface BudgetHistory {
  id: string;
  /** As the latest report names it. */
  label: string;
  flow: BudgetLine['flow'];
  years: RateYear[];
}

/** One report type of one department, across years, oldest first. */
export interface TypeHistory {
  reportType: string;
  scores: ScoreYear[];
  budget: BudgetHistory[];
}

/** Each value's change from the one before it, worded in points of its kind. */
function withChanges<T extends { change: string | null }>(items: T[], value: (item: T) => number | null, kind: 'rate' | 'score'): T[] {
  let previous: number | null = null;
  return items.map((item) => {
    const current = value(item);
    const change = current !== null && previous !== null ? describePointsChange(previous, current, kind) : null;
    if (current !== null) previous = current;
    return { ...item, change };
  });
}

/**
 * A department's scores and execution rates across years, report type by report type (a score
 * of a key project is not compared with one of the whole department). Only types with a score
 * table or a budget line appear.
 */
export function performanceHistory(reports: readonly PerformanceReport[], units: UnitTable): TypeHistory[] {
  const sorted = reports.toSorted((a, b) => a.year - b.year);
  const types = [...new Set(sorted.map((r) => r.reportType))];
  return types.flatMap((reportType): TypeHistory[] => {
    const own = sorted.filter((r) => r.reportType === reportType);
    const scores = own.flatMap((r): ScoreYear[] => {
      const table = r.scoreTable;
      if (!table) return [];
      const total = scoreDisagreements(table).find((d) => d.kind === 'total');
      return [{ year: r.year, reportKey: r.reportKey, stated: table.total.value, rowsGive: total?.computed ?? null, fullScore: table.fullScore, grade: table.grade?.value, change: null }];
    });
    const ids = [...new Set(own.flatMap((r) => (r.budget ?? []).map((l) => l.id)))];
    const budget = ids.map((id): BudgetHistory => {
      const years = own.flatMap((r): RateYear[] => {
        const line = r.budget?.find((l) => l.id === id);
        if (!line) return [];
        const check = checkRate(line, units);
        return [{ year: r.year, reportKey: r.reportKey, line, stated: line.rate?.value ?? null, partsGive: check && !check.agrees ? computedRateText(check) : null, change: null }];
      });
      const latest = years.at(-1)!.line;
      return { id, label: latest.label, flow: latest.flow, years: withChanges(years, (y) => y.stated, 'rate') };
    });
    if (scores.length === 0 && budget.length === 0) return [];
    return [{ reportType, scores: withChanges(scores, (s) => s.stated, 'score'), budget }];
  });
}

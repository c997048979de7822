import { checkRate, computedRateText } from '../../domain/scores/budget.ts';
import { describeScoreDisagreement, scoreDisagreements } from '../../domain/scores/score-table.ts';
import type { UnitTable } from '../../domain/units.ts';
import type { PerformanceReport } from '../../domain/scores/history.ts';
import { amountName, BUDGET_AMOUNTS } from '../../schemas/report/budget.ts';

/** One row of scores.csv: a row of a score table, or (level 0, row_id "total") the total the text states. */
export type ScoreDataRow = Record<(typeof SCORE_COLUMNS)[number], string | number>;

export const SCORE_COLUMNS = [
  'year', 'department', 'report_type', 'table', 'row_id', 'level', 'parent', 'label', 'weight', 'deduction', 'score',
  'target', 'actual', 'grade', 'deviation', 'quote', 'parts_give', 'editor_note', 'url',
] as const;

/** One row of budget.csv: one amount of one budget line, as the text states it. */
export type BudgetDataRow = Record<(typeof BUDGET_COLUMNS)[number], string | number>;

export const BUDGET_COLUMNS = [
  'year', 'department', 'report_type', 'line_id', 'flow', 'label', 'amount', 'value', 'unit', 'qualifier', 'quote', 'parts_give', 'editor_note', 'url',
] as const;


/**
 * Every score table row and total, as the texts state them; `parts_give` says what the row's
 * parts give where the text disagrees with itself, `editor_note` the editor's acknowledgement.
 * `urlOf(report, anchor)` is the absolute address of a place in the report's page.
 */
export function scoreRows(reports: readonly PerformanceReport[], urlOf: (r: PerformanceReport, anchor: string) => string, anchorOf: { table: string; row: (id: string) => string }): ScoreDataRow[] {
  return reports.flatMap((r) => {
    const table = r.scoreTable;
    if (!table) return [];
    const found = scoreDisagreements(table);
    const partsOf = (row?: string) => found.filter((d) => d.row === row).map((d) => describeScoreDisagreement(d).parts).join('；');
    const common = { year: r.year, department: r.department, report_type: r.reportType, table: table.caption };
    const total: ScoreDataRow = {
      ...common, row_id: 'total', level: 0, parent: '', label: '总分', weight: table.fullScore ?? '', deduction: '', score: table.total.value,
      target: '', actual: '', grade: table.grade?.value ?? '', deviation: '', quote: table.total.quote,
      parts_give: partsOf(undefined), editor_note: table.acknowledged?.note ?? '', url: urlOf(r, anchorOf.table),
    };
    return [total, ...table.rows.map((row): ScoreDataRow => ({
      ...common, row_id: row.id, level: row.level, parent: row.parent ?? '', label: row.label, weight: row.weight,
      deduction: row.deduction ?? '', score: row.score, target: row.target ?? '', actual: row.actual ?? '', grade: row.grade ?? '',
      deviation: row.deviation ?? '', quote: '', parts_give: partsOf(row.id), editor_note: row.acknowledged?.note ?? '', url: urlOf(r, anchorOf.row(row.id)),
    }))];
  });
}

/** Every amount of every budget line; a rate its parts contradict has them in `parts_give`. */
export function budgetRows(reports: readonly PerformanceReport[], units: UnitTable, urlOf: (r: PerformanceReport, anchor: string) => string, anchorOf: (id: string) => string): BudgetDataRow[] {
  return reports.flatMap((r) => (r.budget ?? []).flatMap((line) => {
    const check = checkRate(line, units);
    return BUDGET_AMOUNTS.flatMap(({ field }): BudgetDataRow[] => {
      const amount = line[field];
      if (!amount) return [];
      return [{
        year: r.year, department: r.department, report_type: r.reportType, line_id: line.id, flow: line.flow, label: line.label,
        amount: amountName(line, field), value: amount.value, unit: amount.unit, qualifier: amount.qualifier.join('|'),
        quote: amount.quote, parts_give: field === 'rate' && check && !check.agrees ? computedRateText(check) : '',
        editor_note: line.acknowledged?.note ?? '', url: urlOf(r, anchorOf(line.id)),
      }];
    });
  }));
}

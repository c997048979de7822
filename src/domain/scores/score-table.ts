import type { ScoreRow, ScoreTable } from '../../schemas/report/score-table.ts';
import { exactDifference, exactSum } from './decimals.ts';

/**
 * A place where a score table's own numbers disagree. `row` is the row's id; a disagreement of the
 * whole table (its total, its full score) has none. `stated` is what the text says, `computed`
 * what its parts give.
 */
export interface ScoreDisagreement {
  kind: 'over-weight' | 'deduction' | 'children-weight' | 'children-score' | 'total' | 'full-score';
  row?: string;
  stated: number;
  computed: number;
}

/** The rows one level below `row`, in table order. */
export const childrenOf = (rows: readonly ScoreRow[], row: ScoreRow) => rows.filter((r) => r.parent === row.id);

/**
 * Every disagreement of a score table: 得分 above 分值, 得分 ≠ 分值 − 扣分, a parent ≠ the sum of
 * its children (分值 and 得分), the first-level rows ≠ the stated total, and their 分值 ≠ the full
 * score the table claims.
 */
export function scoreDisagreements(table: ScoreTable): ScoreDisagreement[] {
  const found: ScoreDisagreement[] = [];
  for (const row of table.rows) {
    if (row.score > row.weight) found.push({ kind: 'over-weight', row: row.id, stated: row.score, computed: row.weight });
    if (row.deduction !== undefined) {
      const computed = exactDifference(row.weight, row.deduction);
      if (computed !== row.score) found.push({ kind: 'deduction', row: row.id, stated: row.score, computed });
    }
    const children = childrenOf(table.rows, row);
    if (children.length === 0) continue;
    const weights = exactSum(children.map((c) => c.weight));
    if (weights !== row.weight) found.push({ kind: 'children-weight', row: row.id, stated: row.weight, computed: weights });
    const scores = exactSum(children.map((c) => c.score));
    if (scores !== row.score) found.push({ kind: 'children-score', row: row.id, stated: row.score, computed: scores });
  }
  const top = table.rows.filter((r) => r.level === 1);
  const total = exactSum(top.map((r) => r.score));
  if (total !== table.total.value) found.push({ kind: 'total', stated: table.total.value, computed: total });
  if (table.fullScore !== undefined) {
    const weights = exactSum(top.map((r) => r.weight));
    if (weights !== table.fullScore) found.push({ kind: 'full-score', stated: table.fullScore, computed: weights });
  }
  return found;
}

/** What the text says and what its parts give, in words: for the checker's messages and the reader. */
export function describeScoreDisagreement(d: ScoreDisagreement): { says: string; parts: string } {
  switch (d.kind) {
    case 'over-weight':
      return { says: `得分 ${d.stated} 分`, parts: `高于分值 ${d.computed} 分` };
    case 'deduction':
      return { says: `得分 ${d.stated} 分`, parts: `分值减扣分为 ${d.computed} 分` };
    case 'children-weight':
      return { says: `分值 ${d.stated} 分`, parts: `下级指标分值合计 ${d.computed} 分` };
    case 'children-score':
      return { says: `得分 ${d.stated} 分`, parts: `下级指标得分合计 ${d.computed} 分` };
    case 'total':
      return { says: `总分 ${d.stated} 分`, parts: `一级指标得分合计 ${d.computed} 分` };
    case 'full-score':
      return { says: `满分 ${d.stated} 分`, parts: `一级指标分值合计 ${d.computed} 分` };
  }
}

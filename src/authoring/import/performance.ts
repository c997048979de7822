import { traceProblem } from '../../checks/scores/trace.ts';
import { findNumbers } from '../../domain/numerals.ts';
import { officialLines, officialText } from '../../domain/official-text.ts';
import { checkRate, computedRateText } from '../../domain/scores/budget.ts';
import { kindOf, type UnitTable } from '../../domain/units.ts';
import { BUDGET_AMOUNTS, type BudgetAmountField, type BudgetLine } from '../../schemas/report/budget.ts';
import type { ScoreRow, ScoreTable } from '../../schemas/report/score-table.ts';
import type { StatedAmount } from '../../schemas/report/stated-amount.ts';
import type { FoundFigure } from './figures.ts';

/**
 * Budget lines and the score table proposed from the official text (issue 19): budget
 * sentences (预算数, 调整后预算, 执行数/决算数, 执行率) from the figures the importer found, and
 * the indicator score table from the text's tables (Word tables and text tables alike are
 * Markdown tables by then). Each proposal carries a `review:` line; rows the checker could not
 * trace to the official table are not proposed.
 */

type Field = BudgetAmountField;

/** The words before a budget amount that say which it is, most specific first. */
const FIELD_WORDS: readonly { field: Field; words: RegExp; kind: 'money' | 'rate' }[] = [
  { field: 'adjusted', words: /调整后(?:的)?预算(?:数|金额)?/, kind: 'money' },
  { field: 'rate', words: /执行率/, kind: 'rate' },
  { field: 'spent', words: /执行数|决算数|实际支出|执行金额/, kind: 'money' },
  { field: 'budget', words: /预算(?:数|金额|资金)?/, kind: 'money' },
];

const amountOf = (f: FoundFigure): StatedAmount => ({ value: f.value, unit: f.unit, qualifier: f.qualifiers, quote: f.quote });

/** Proposed budget lines: the budget amounts of one paragraph form a line; a kind stated twice starts another. */
export function proposeBudget(body: string, figures: readonly FoundFigure[], units: UnitTable): BudgetLine[] {
  const text = officialText(body);
  const paragraphOf = (f: FoundFigure) => text.slice(0, f.at).split('\n').length;
  const groups: { paragraph: number; amounts: Partial<Record<Field, FoundFigure>>; spentTerm: BudgetLine['spentTerm'] }[] = [];
  for (const figure of figures) {
    if (figure.cell || !units.has(figure.unit)) continue;
    const kind = kindOf(units, figure.unit);
    const found = FIELD_WORDS.find((w) => w.kind === kind && w.words.test(figure.context.before));
    if (!found) continue;
    const paragraph = paragraphOf(figure);
    let group = groups.at(-1);
    if (!group || group.paragraph !== paragraph || group.amounts[found.field]) {
      group = { paragraph, amounts: {}, spentTerm: '执行数' };
      groups.push(group);
    }
    group.amounts[found.field] = figure;
    if (found.field === 'spent' && figure.context.before.includes('决算数')) group.spentTerm = '决算数';
  }
  return groups.map((group, i): BudgetLine => {
    const { amounts } = group;
    const income = Object.values(amounts).some((f) => /收入/.test(`${f.context.sentence}${f.context.clause}`));
    const line: BudgetLine = {
      id: `budget-line-${i + 1}`,
      flow: income ? '收入' : '支出',
      label: income ? '收入' : '支出',
      spentTerm: group.spentTerm,
      ...Object.fromEntries(Object.entries(amounts).map(([field, f]) => [field, amountOf(f!)])),
    };
    const check = checkRate(line, units);
    const disagrees = check !== null && !check.agrees;
    const arithmetic = check === null ? '' : disagrees
      ? `原文执行率 ${check.stated}% 与其组成计算的 ${computedRateText(check)} 不符：核对无误后加 acknowledged 说明。`
      : `执行率与其组成一致（${computedRateText(check)}）。`;
    // Graded as the figures' review lines are (src/authoring/import/draft.ts): a disagreement is doubtful.
    return { ...line, review: `${disagrees ? '存疑' : '核对'}：导入提议的预算行；核对各数额，把 id、flow、label 改为原文对这一行的叫法（如“项目支出”）。${arithmetic}` };
  });
}

/** Header words of a score table's columns. */
const COLUMNS = {
  weight: /分值|权重|标准分/,
  deduction: /扣分/,
  score: /^(?!.*分值).*得分/,
  target: /目标值|年度目标|指标值/,
  actual: /实际(?:完成)?值|完成值|实际完成/,
  grade: /评价等级|等级/,
  deviation: /偏差|原因/,
} as const;
const LEVEL_HEADERS = [/一级指标/, /二级指标/, /三级指标/];
const TOTAL_ROW = /^(?:合计|总计|总分|得分合计)$/;
const GRADES = /评价等级(?:为|是|：|:)?[“"]?(优秀|优|良好|良|中等|中|合格|及格|差)/;

/** The text's score table (a header row with 分值 and 得分), its rows, and the total and grade the text states. */
export function proposeScoreTable(body: string, figures: readonly FoundFigure[], units: UnitTable): ScoreTable | null {
  const lines = officialLines(body);
  const start = lines.findIndex((l) => l.cells?.some((c) => COLUMNS.weight.test(c)) && l.cells.some((c) => COLUMNS.score.test(c)));
  if (start === -1) return null;
  const header = lines[start]!.cells!;
  const column = (pattern: RegExp) => header.findIndex((c) => pattern.test(c));
  const levelColumns = LEVEL_HEADERS.map((p) => column(p)).filter((c) => c !== -1);
  const labelColumns = levelColumns.length > 0 ? levelColumns : [Math.max(0, column(/指标/))];
  const tableRows: string[][] = [];
  for (let i = start + 1; lines[i]?.cells; i += 1) tableRows.push(lines[i]!.cells!);
  const numberIn = (cells: string[], pattern: RegExp) => {
    const at = column(pattern);
    return at === -1 ? undefined : findNumbers(cells[at] ?? '')[0]?.value;
  };
  const text = (cells: string[], pattern: RegExp) => {
    const at = column(pattern);
    const value = at === -1 ? '' : (cells[at] ?? '').trim();
    return value === '' ? undefined : value;
  };
  const rows: ScoreRow[] = [];
  const lastAt: (string | undefined)[] = [];
  let fullScore: number | undefined;
  for (const cells of tableRows) {
    const depth = labelColumns.findLastIndex((c) => (cells[c] ?? '').trim() !== '');
    if (depth === -1) continue;
    const label = cells[labelColumns[depth]!]!.trim();
    const weight = numberIn(cells, COLUMNS.weight);
    const score = numberIn(cells, COLUMNS.score);
    if (TOTAL_ROW.test(label)) {
      fullScore = weight;
      continue;
    }
    if (weight === undefined || score === undefined) continue;
    const level = (depth + 1) as ScoreRow['level'];
    const parent = level > 1 ? lastAt[level - 2] : undefined;
    if (level > 1 && parent === undefined) continue;
    const deduction = numberIn(cells, COLUMNS.deduction);
    const row: ScoreRow = { id: `row-${rows.length + 1}`, level, label, weight, score, ...(parent ? { parent } : {}), ...(deduction !== undefined ? { deduction } : {}) };
    for (const field of ['target', 'actual', 'grade', 'deviation'] as const) {
      const value = text(cells, COLUMNS[field]);
      if (value !== undefined) row[field] = value;
    }
    if (traceProblem(lines, row)) continue;
    rows.push(row);
    lastAt[level - 1] = row.id;
    lastAt.length = level;
  }
  // The total the text states in words (自评得分92分), never a table cell.
  const total = figures.find((f) => !f.cell && units.has(f.unit) && kindOf(units, f.unit) === 'score' && /得分|总分|评分/.test(f.context.before));
  if (rows.length === 0 || !total) return null;
  const paragraphs = lines.filter((l) => !l.cells).map((l) => l.text);
  const whole = lines.map((l) => l.text).join('\n');
  const captionLine = lines.slice(0, start).findLast((l) => !l.cells)?.text ?? '';
  const caption = /表/.test(captionLine) && captionLine.length <= 40 ? captionLine : header.join(' ');
  // A grade whose words occur twice cannot be quoted: left for the editor.
  const grade = paragraphs.map((p) => GRADES.exec(p)).find((m) => m !== null && whole.split(m[0]).length === 2);
  return {
    caption,
    ...(fullScore !== undefined ? { fullScore } : {}),
    total: amountOf(total),
    ...(grade ? { grade: { value: grade[1]!, quote: grade[0] } } : {}),
    rows,
    review: `核对：导入提议的得分表（${rows.length} 行，取自原文表格“${caption}”）：核对每行的级别、上级和数字，把 id 改为有意义的英文（可不改）。`,
  };
}

/** Whether a found figure is one of the proposed budget amounts or the score total: typed there, it is not also proposed as a metric. */
export function proposedElsewhere(figure: FoundFigure, budget: readonly BudgetLine[], scoreTable: ScoreTable | null): boolean {
  const amounts = [...budget.flatMap((line) => BUDGET_AMOUNTS.map(({ field }) => line[field])), scoreTable?.total];
  return amounts.some((a) => a !== undefined && a.quote === figure.quote && a.value === figure.value);
}

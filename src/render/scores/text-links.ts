import { formatNumber } from '../../domain/format.ts';
import { amountName, BUDGET_AMOUNTS, type BudgetLine } from '../../schemas/report/budget.ts';
import type { ScoreTable } from '../../schemas/report/score-table.ts';
import type { FigureMark } from '../mark-figures.ts';
import { performanceAnchors as anchors } from '../urls.ts';


/**
 * The places in the official text that a report's budget lines and score total are quoted
 * from, marked like figures: each gets an id the typed table links to, and links back to its row.
 */
export function performanceMarks(budget: readonly BudgetLine[] = [], scoreTable?: ScoreTable): FigureMark[] {
  const marks = budget.flatMap((line) =>
    BUDGET_AMOUNTS.flatMap(({ field }): FigureMark[] => {
      const amount = line[field];
      if (!amount) return [];
      const name = amountName(line, field);
      return [{
        quote: amount.quote, value: amount.value, unit: amount.unit,
        anchor: anchors.budgetQuote(line.id, field),
        href: `#${anchors.budgetLine(line.id)}`,
        title: `${line.label}${name}：${formatNumber(amount.value)}${amount.unit}（见预算执行情况表）`,
      }];
    }));
  if (scoreTable) {
    const { total } = scoreTable;
    marks.push({
      quote: total.quote, value: total.value, unit: total.unit,
      anchor: anchors.scoreTotalText(), href: `#${anchors.scoreTable()}`,
      title: `总分：${formatNumber(total.value)}${total.unit}（见绩效评价得分表）`,
    });
  }
  return marks;
}

const cellTexts = (row: string) => [...row.matchAll(/<(?:td|th)\b[^>]*>([\s\S]*?)<\/(?:td|th)>/g)].map((m) => m[1]!.replace(/<[^>]*>/g, '').trim());

/**
 * Gives the row of the text's table that each score row is traced to (the one row with a cell
 * reading its label, as the checker requires) the id the typed table links to.
 */
export function anchorScoreRows(html: string, scoreTable?: ScoreTable): string {
  if (!scoreTable) return html;
  const byLabel = new Map(scoreTable.rows.map((row) => [row.label, anchors.scoreRowText(row.id)]));
  return html.replace(/<tr>([\s\S]*?)<\/tr>/g, (whole, inner: string) => {
    const id = cellTexts(inner).map((text) => byLabel.get(text)).find((found) => found !== undefined);
    return id ? `<tr id="${id}">${inner}</tr>` : whole;
  });
}

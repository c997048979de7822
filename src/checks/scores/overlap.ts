import { locateFigure } from '../../domain/locate-figure.ts';
import type { UnitTable } from '../../domain/units.ts';
import { BUDGET_AMOUNTS, budgetLineSchema } from '../../schemas/report/budget.ts';
import { figureSchema } from '../../schemas/figure.ts';
import { scoreTableSchema } from '../../schemas/report/score-table.ts';
import type { Problem } from '../../reading/problems.ts';
import type { QuotedNumber } from '../quotes.ts';
import type { ProblemAt } from './located.ts';

/** Where a quoted number sits in the text, or null when its quote does not single it out (the quote rule says why). */
function numberAt(quoted: QuotedNumber, text: string, units: UnitTable): number | null {
  const at = text.indexOf(quoted.quote);
  if (at === -1 || text.includes(quoted.quote, at + 1) || !units.has(quoted.unit)) return null;
  const span = locateFigure(quoted.quote, quoted.value, quoted.unit, units);
  return span ? at + span.start : null;
}

/**
 * A number of the text is recorded once: a budget amount or a score total that is also a
 * metric's figure would be two records of one number (and two links on it in the page).
 */
export function recordedTwice(data: { metrics?: unknown; budget?: unknown; scoreTable?: unknown }, text: string, units: UnitTable, at: ProblemAt): Problem[] {
  const metrics = new Map<number, string>();
  (Array.isArray(data.metrics) ? data.metrics : []).forEach((raw: unknown) => {
    const figure = figureSchema.safeParse(raw);
    const position = figure.success ? numberAt(figure.data, text, units) : null;
    if (figure.success && position !== null) metrics.set(position, figure.data.id);
  });
  const amounts: { path: PropertyKey[]; quoted: QuotedNumber }[] = [];
  (Array.isArray(data.budget) ? data.budget : []).forEach((raw: unknown, i) => {
    const line = budgetLineSchema.safeParse(raw);
    if (!line.success) return;
    for (const { field } of BUDGET_AMOUNTS) {
      const amount = line.data[field];
      if (amount) amounts.push({ path: ['budget', i, field, 'quote'], quoted: amount });
    }
  });
  const table = scoreTableSchema.safeParse(data.scoreTable);
  if (table.success) amounts.push({ path: ['scoreTable', 'total', 'quote'], quoted: table.data.total });
  return amounts.flatMap(({ path, quoted }) => {
    const position = numberAt(quoted, text, units);
    const id = position === null ? undefined : metrics.get(position);
    return id === undefined ? [] : [at(path, `原文这个数字已登记为指标“${id}”；同一个数字只登记一处：删去那项指标（预算和得分在历年得分与预算执行页比较），或删去这一项`)];
  });
}

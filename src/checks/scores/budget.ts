import { checkRate, computedRateText } from '../../domain/scores/budget.ts';
import { formatNumber } from '../../domain/format.ts';
import { kindOf, type UnitTable } from '../../domain/units.ts';
import { amountName, BUDGET_AMOUNTS, budgetLineSchema } from '../../schemas/report/budget.ts';
import type { Problem } from '../../reading/problems.ts';
import { checkQuote } from '../quotes.ts';
import { unknownUnitMessage } from '../units.ts';
import { acknowledgeHint, STALE_ACKNOWLEDGEMENT, type ProblemAt } from './located.ts';

/**
 * The budget lines of a report: each amount's unit and quote (the figures' quote rule), ids
 * unique, and each rate against its parts at the text's precision, unless acknowledged.
 */
export function checkBudget(raw: unknown, text: string, units: UnitTable, at: ProblemAt): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  (Array.isArray(raw) ? raw : []).forEach((item: unknown, i) => {
    const parsed = budgetLineSchema.safeParse(item);
    if (!parsed.success) return; // the schema check has located it
    const line = parsed.data;
    if (seen.has(line.id)) problems.push(at(['budget', i, 'id'], `预算行 id “${line.id}”在本报告中重复`));
    seen.add(line.id);
    let unitsKnown = true;
    for (const { field, kind } of BUDGET_AMOUNTS) {
      const name = amountName(line, field);
      const amount = line[field];
      if (!amount) continue;
      if (!units.has(amount.unit)) {
        unitsKnown = false;
        problems.push(at(['budget', i, field, 'unit'], unknownUnitMessage(amount.unit)));
        continue;
      }
      if (kindOf(units, amount.unit) !== kind) {
        unitsKnown = false;
        problems.push(at(['budget', i, field, 'unit'], `${name}的单位“${amount.unit}”不是${kind === 'rate' ? '比率（如 %）' : '金额（如 万元）'}`));
      }
      for (const problem of checkQuote(amount, text, units)) {
        problems.push(at(['budget', i, field, problem.field], problem.message));
      }
    }
    if (!unitsKnown) return;
    const rate = checkRate(line, units);
    if (rate && !rate.agrees && !line.acknowledged) {
      const base = rate.base === 'adjusted' ? line.adjusted! : line.budget!;
      const baseName = amountName(line, rate.base);
      problems.push(at(['budget', i, 'rate', 'value'],
        `${line.label}的执行率原文写作 ${formatNumber(rate.stated)}%，但${line.spentTerm} ${formatNumber(line.spent!.value)}${line.spent!.unit} ÷ ${baseName} ${formatNumber(base.value)}${base.unit} = ${computedRateText(rate)}。${acknowledgeHint('这一预算行')}`));
    }
    if (line.acknowledged && (!rate || rate.agrees)) problems.push(at(['budget', i, 'acknowledged'], STALE_ACKNOWLEDGEMENT));
  });
  return problems;
}

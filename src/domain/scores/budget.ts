import type { BudgetLine } from '../../schemas/report/budget.ts';
import { findNumbers } from '../numerals.ts';
import { canConvert, convert, type UnitTable } from '../units.ts';
import { atPrecision } from './decimals.ts';

/** What a budget line's 执行率 is checked against: its parts, at the precision the text writes the rate. */
export interface RateCheck {
  /** The rate as the text states it, in per cent. */
  stated: number;
  /** 执行数 ÷ (调整后预算, else 预算数) × 100, unrounded. */
  exact: number;
  /** `exact` at the text's precision (rounded half up). */
  computed: number;
  /** Decimals of the rate as written (100% → 0, 98.56% → 2). */
  decimals: number;
  /** The base the rate is computed on. */
  base: 'adjusted' | 'budget';
  /** The text's rate is what its parts give, rounded or cut at its precision. */
  agrees: boolean;
}

/** Decimals of `value` as written in `quote` (100.0% keeps one); 0 when the quote does not hold it. */
export function writtenDecimals(quote: string, value: number): number {
  const written = findNumbers(quote).find((n) => n.value === value)?.text ?? '';
  const [, fraction = ''] = written.replaceAll(',', '').split('.');
  return fraction.length;
}

/** The base a line's rate is computed on: the adjusted budget when the text states one, else the budget. */
export function rateBase(line: BudgetLine) {
  if (line.adjusted) return { base: 'adjusted' as const, amount: line.adjusted };
  if (line.budget) return { base: 'budget' as const, amount: line.budget };
  return null;
}

/**
 * Recomputes a line's 执行率 from its parts. Null when the line does not state a rate, its spent
 * amount and a base, when the amounts cannot be converted to one unit, or when the base is 0.
 */
export function checkRate(line: BudgetLine, units: UnitTable): RateCheck | null {
  const found = rateBase(line);
  const { rate, spent } = line;
  if (!found || !rate || !spent) return null;
  const { base, amount } = found;
  if (!canConvert(units, spent.unit, amount.unit) || amount.value === 0) return null;
  const exact = (convert(units, spent.value, spent.unit, amount.unit) / amount.value) * 100;
  const decimals = writtenDecimals(rate.quote, rate.value);
  const { rounded, cut } = atPrecision(exact, decimals);
  return { stated: rate.value, exact, computed: rounded, decimals, base, agrees: rate.value === rounded || rate.value === cut };
}

/** The parts' rate for a reader: at the text's precision, at least one decimal (186.8%, not 187%). */
export function computedRateText(check: RateCheck): string {
  return `${atPrecision(check.exact, Math.max(1, check.decimals)).rounded}%`;
}

import { findNumbers } from './numerals.ts';
import type { Qualifier, QualifierRule } from '../schemas/qualifier-table.ts';
import { qualifierRules } from './qualifiers.ts';
import type { UnitTable } from './units.ts';

/** True when the text after a unit makes it a longer unit: 人 then 次 is 人次, 元 then /月 is 元/月. */
function continuesAsLongerUnit(units: UnitTable, unit: string, after: string): boolean {
  return [...units.keys()].some((u) => u.length > unit.length && u.startsWith(unit) && after.startsWith(u.slice(unit.length)));
}

/** Where a figure sits in a quote: the number with its unit and the qualifier words around it. */
export interface FigureSpan {
  start: number;
  end: number;
  /** The number exactly as written (674, 2626.9, 两, 万). */
  number: string;
  /** The qualifiers written right before or after the number (近, 约; 余, 多), in text order. */
  qualifiers: Qualifier[];
}

/** A qualifier's variant found at `text`'s start (`atEnd`: its end), longest first. */
function variantAt(rules: readonly QualifierRule[], text: string, atEnd = false): { rule: QualifierRule; length: number } | undefined {
  const found = rules.flatMap((rule) => rule.variants.map((variant) => ({ rule, variant })))
    .filter(({ variant }) => (atEnd ? text.endsWith(variant) : text.startsWith(variant)))
    .sort((a, b) => b.variant.length - a.variant.length)[0];
  return found && { rule: found.rule, length: found.variant.length };
}

/** The qualifier written right before a number (近, 约) that follows `text`, longest variant first, and how long it is written. */
export function qualifierBefore(text: string): { word: Qualifier; length: number } | undefined {
  const found = variantAt(qualifierRules('before'), text, true);
  return found && { word: found.rule.word as Qualifier, length: found.length };
}

/**
 * How far the unit reaches into `rest` (the text after the number), allowing spaces and the
 * qualifiers that stand after a number before or inside the unit (870余万元, 3万多条, 15 名).
 */
function unitExtent(rest: string, unit: string): { length: number; qualifiers: Qualifier[] } | null {
  const after = qualifierRules('after');
  const qualifiers: Qualifier[] = [];
  let consumed = 0;
  let matched = 0;
  while (matched < unit.length) {
    if (rest[consumed] === unit[matched]) {
      consumed += 1;
      matched += 1;
    } else if (rest[consumed] === ' ') {
      consumed += 1;
    } else {
      const variant = variantAt(after, rest.slice(consumed));
      if (!variant) return null;
      qualifiers.push(variant.rule.word as Qualifier);
      consumed += variant.length;
    }
  }
  return { length: consumed, qualifiers };
}

/**
 * Finds `value` followed by `unit` in `quote` (and not by a longer unit of `units`), with the qualifiers written right before the
 * number (近, 约) or after it (余, 多) included in the span. Null when the quote does not
 * state that figure.
 */
export function locateFigure(quote: string, value: number, unit: string, units: UnitTable): FigureSpan | null {
  for (const n of findNumbers(quote)) {
    if (n.value !== value) continue;
    const extent = unitExtent(quote.slice(n.end), unit);
    if (!extent || continuesAsLongerUnit(units, unit, quote.slice(n.end + extent.length))) continue;
    const before = qualifierBefore(quote.slice(0, n.start));
    return {
      start: n.start - (before?.length ?? 0),
      end: n.end + extent.length,
      number: n.text,
      qualifiers: [...(before ? [before.word] : []), ...extent.qualifiers],
    };
  }
  return null;
}

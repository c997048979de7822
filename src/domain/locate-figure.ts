import { findNumbers } from './numerals.ts';
import { UNITS } from './units.ts';

/** True when the text after a unit makes it a longer unit: 人 then 次 is 人次, 元 then /月 is 元/月. */
function continuesAsLongerUnit(unit: string, after: string): boolean {
  return Object.keys(UNITS).some((u) => u.length > unit.length && u.startsWith(unit) && after.startsWith(u.slice(unit.length)));
}

/** Where a figure sits in a quote: the number with its unit and the qualifier words around it. */
export interface FigureSpan {
  start: number;
  end: number;
  /** The number exactly as written (674, 2626.9, 两, 万). */
  number: string;
}

/** Qualifier characters that may sit inside a figure: 870余万元, 3万多条, 100多次, 15 名. */
const INFIX = /^[ 余多]*/;

/**
 * Finds `value` followed by `unit` in `quote` (近/约 before it are included in the span).
 * Returns null when the quote does not state that figure.
 */
export function locateFigure(quote: string, value: number, unit: string): FigureSpan | null {
  for (const n of findNumbers(quote)) {
    if (n.value !== value) continue;
    const rest = quote.slice(n.end);
    const infix = INFIX.exec(rest)![0];
    let unitEnd: number | null = null;
    if (rest.slice(infix.length).startsWith(unit)) {
      unitEnd = n.end + infix.length + unit.length;
    } else {
      // The qualifier can sit inside the unit: 3万多条 is 3 万条 more than.
      let consumed = 0;
      let matched = 0;
      while (matched < unit.length && consumed < rest.length) {
        const ch = rest[consumed]!;
        if (ch === unit[matched]) matched += 1;
        else if (!/[余多 ]/.test(ch)) break;
        consumed += 1;
      }
      if (matched === unit.length) unitEnd = n.end + consumed;
    }
    if (unitEnd === null || continuesAsLongerUnit(unit, quote.slice(unitEnd))) continue;
    const start = /[近约]/.test(quote[n.start - 1] ?? '') ? n.start - 1 : n.start;
    return { start, end: unitEnd, number: n.text };
  }
  return null;
}

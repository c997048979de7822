import { computeChange, type Change, type Series } from './compare.ts';

/**
 * The pairs of report years that get a comparison page, older year first: each report with
 * the next one, and each with the latest. Every pair would grow with the square of the
 * number of reports (and the pages with it); these are the comparisons readers ask for.
 */
export function comparisonPairs(years: readonly number[]): [number, number][] {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const latest = sorted.at(-1);
  const pairs = new Map<string, [number, number]>();
  sorted.forEach((year, i) => {
    const next = sorted[i + 1];
    if (next !== undefined) pairs.set(`${year}-${next}`, [year, next]);
    if (latest !== undefined && year !== latest) pairs.set(`${year}-${latest}`, [year, latest]);
  });
  return [...pairs.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** The comparison pages that involve `year`. */
export function pairsWith(pairs: readonly [number, number][], year: number): [number, number][] {
  return pairs.filter(([a, b]) => a === year || b === year);
}

const collator = new Intl.Collator('zh-CN');

/** Changes between two years for every metric stated in both, largest relative move first (a rate's by its points). */
export function changesBetween(series: Iterable<Series>, from: number, to: number): Change[] {
  const changes: Change[] = [];
  for (const s of series) {
    const a = s.points.find((p) => p.year === from);
    const b = s.points.find((p) => p.year === to);
    if (a && b) changes.push(computeChange(a, b));
  }
  // A change in points (a rate, a score) ranks by its points over 100: 3 个百分点 beside a 3% change.
  const size = (c: Change) => (c.bound === 'unknown' ? -1 : Math.abs(c.percent ?? (c.points === null ? 0 : c.absolute / 100)));
  return changes.sort((x, y) => size(y) - size(x) || collator.compare(x.from.label, y.from.label));
}

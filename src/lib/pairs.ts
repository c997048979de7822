import { computeChange, type Change, type Series } from './compare.ts';

/** Every pair of report years, older first: [2018, 2022], … */
export function yearPairs(years: readonly number[]): [number, number][] {
  const sorted = [...years].sort((a, b) => a - b);
  return sorted.flatMap((from, i) => sorted.slice(i + 1).map((to): [number, number] => [from, to]));
}

/** Changes between two years for every metric stated in both, largest relative move first. */
export function changesBetween(series: Iterable<Series>, from: number, to: number): Change[] {
  const changes: Change[] = [];
  for (const s of series) {
    const a = s.points.find((p) => p.year === from);
    const b = s.points.find((p) => p.year === to);
    if (a && b) changes.push(computeChange(a, b));
  }
  const size = (c: Change) => (c.bound === 'unknown' ? -1 : Math.abs(c.percent ?? 0));
  return changes.sort((x, y) => size(y) - size(x) || x.from.metricId.localeCompare(y.from.metricId));
}

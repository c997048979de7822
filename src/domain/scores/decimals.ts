/**
 * Arithmetic at the precision a text writes its numbers: 90.35 has two decimals, so sums are
 * taken in hundredths (0.1 + 0.2 is 0.3, never 0.30000000000000004).
 */

/** Decimals of a number as JavaScript writes it (90.35 → 2, 100 → 0). */
export function decimalsOf(value: number): number {
  const [, fraction = ''] = String(value).split('.');
  return fraction.length;
}

/** The sum of `values`, exact at the largest precision among them. */
export function exactSum(values: readonly number[]): number {
  const scale = 10 ** Math.max(0, ...values.map(decimalsOf));
  return values.reduce((sum, v) => sum + Math.round(v * scale), 0) / scale;
}

/** `a − b`, exact at the larger precision of the two. */
export function exactDifference(a: number, b: number): number {
  const scale = 10 ** Math.max(decimalsOf(a), decimalsOf(b));
  return (Math.round(a * scale) - Math.round(b * scale)) / scale;
}

/** `value` rounded half up (and, separately, cut) at `decimals`: the two ways a text may shorten a number. */
export function atPrecision(value: number, decimals: number): { rounded: number; cut: number } {
  const scale = 10 ** decimals;
  // toPrecision removes binary noise first: 186.8 × 10 is 1868, not 1867.9999999999998.
  const scaled = Number((value * scale).toPrecision(12));
  return { rounded: Math.round(scaled) / scale, cut: Math.trunc(scaled) / scale };
}

/**
 * Words the texts put beside a figure that change what it means. An exact figure has none.
 * 预计 also covers 预测; 截至 needs `asOf`.
 */
export const QUALIFIERS = ['预计', '余', '多', '近', '约', '截至'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** What a qualifier says about the number, for arithmetic and wording. */
export type Precision = 'exact' | 'estimate' | 'lower-bound' | 'approximate';

export function precisionOf(qualifiers: readonly Qualifier[]): Precision {
  if (qualifiers.includes('余') || qualifiers.includes('多')) return 'lower-bound';
  if (qualifiers.includes('近') || qualifiers.includes('约')) return 'approximate';
  if (qualifiers.includes('预计')) return 'estimate';
  return 'exact';
}

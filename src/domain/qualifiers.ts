import { QUALIFIER_TABLE, type Qualifier, type QualifierMeaning, type QualifierPosition, type QualifierRule } from '../schemas/qualifier-table.ts';

const RULES: readonly QualifierRule[] = QUALIFIER_TABLE;

export const qualifierRules = (position?: QualifierPosition): readonly QualifierRule[] =>
  position === undefined ? RULES : RULES.filter((rule) => rule.position === position);

/**
 * What each meaning says, for readers (the about page), and how a change computed from such a
 * figure is worded (src/domain/compare.ts): `inChange` is the word it carries when the figure is
 * the later one of the two, `fromEarlier` when it is the earlier one. 截至 changes no wording.
 */
export const MEANINGS: Record<QualifierMeaning, { reader: string; inChange: string; fromEarlier: string }> = {
  estimate: { reader: '报告写于年底之前，是估计数，不是最终结果', inChange: '约', fromEarlier: '约' },
  'lower-bound': { reader: '实际数不少于此数，是下限', inChange: '至少', fromEarlier: '至多' },
  approximate: { reader: '是约数', inChange: '约', fromEarlier: '约' },
  'as-of': { reader: '只统计到该日期，不是全年数', inChange: '', fromEarlier: '' },
};

/** What a qualifier says about the number, for arithmetic and wording. */
export type Precision = 'exact' | 'estimate' | 'lower-bound' | 'approximate';

/** The strongest claim wins: a lower bound, then an approximation, then an estimate; 截至 changes none. */
const PRECISION_ORDER: readonly (QualifierMeaning & Precision)[] = ['lower-bound', 'approximate', 'estimate'];

export function precisionOf(qualifiers: readonly Qualifier[]): Precision {
  const meanings = new Set(RULES.filter((rule) => (qualifiers as readonly string[]).includes(rule.word)).map((rule) => rule.meaning));
  return PRECISION_ORDER.find((meaning) => meanings.has(meaning)) ?? 'exact';
}

/**
 * A figure written with its qualifiers, as the portal shows it: 预计3,516万元 · 870余万元 ·
 * 约3000条 · 3513万元（截至11月初）. `number` is already formatted.
 */
export function withQualifiers(number: string, unit: string, qualifiers: readonly Qualifier[], asOf: string | undefined): string {
  const present = RULES.filter((rule) => (qualifiers as readonly string[]).includes(rule.word));
  const words = (position: QualifierPosition, asOfToo: boolean) =>
    present.filter((r) => r.position === position && (r.meaning === 'as-of') === asOfToo).map((r) => r.word);
  // One word per place, as the texts write them: 近 or 约 before the number, 余 or 多 after it.
  const prefix = words('sentence', false).join('');
  const before = words('before', false)[0] ?? '';
  const after = words('after', false)[0] ?? '';
  const asOfWord = words('sentence', true)[0];
  const until = asOfWord && asOf ? `（${asOfWord}${asOf}）` : '';
  return `${prefix}${before}${number}${after}${unit}${until}`;
}

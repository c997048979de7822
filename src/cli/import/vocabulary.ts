import { canConvert, isUnit, UNITS } from '../../domain/units.ts';
import { QUALIFIERS, type Qualifier } from '../../domain/qualifiers.ts';

/**
 * The importer's one door to the domain's units and qualifiers, so that when units move into
 * content/units.yaml and qualifiers into one table in src/domain/, only this file changes.
 */
export interface Vocabulary {
  /** Every unit a figure may have, longest first (万人次 before 人次 before 人). */
  units: readonly string[];
  /** Whether two units measure the same thing (人 and 名; 元 and 万元). */
  sameFamily(a: string, b: string): boolean;
  qualifiers: readonly Qualifier[];
}

export async function loadVocabulary(_root: string): Promise<Vocabulary> {
  return {
    units: Object.keys(UNITS).toSorted((a, b) => b.length - a.length),
    sameFamily: (a, b) => isUnit(a) && isUnit(b) && canConvert(a, b),
    qualifiers: QUALIFIERS,
  };
}

/**
 * Where each qualifier stands relative to the number, as the checker reads it:
 * 余/多 after the number (870余万元, 3万多条), 近/约 right before it (近万条),
 * 预计 (also written 预测) and 截至 earlier in the same sentence.
 */
export const QUALIFIER_PLACES = {
  after: ['余', '多'],
  before: ['近', '约'],
  sentence: { 预计: ['预计', '预测'], 截至: ['截至'] },
} as const satisfies {
  after: readonly Qualifier[];
  before: readonly Qualifier[];
  sentence: Partial<Record<Qualifier, readonly string[]>>;
};

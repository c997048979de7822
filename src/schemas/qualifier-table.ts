/** Where a qualifier stands relative to the number it qualifies. */
export type QualifierPosition =
  /** Right before the number: 约3000条, 近万条. */
  | 'before'
  /** After the number, before or inside its unit: 870余万元, 3万多条. */
  | 'after'
  /** Anywhere in the quote's sentence: 预计…发放3516万元, 截至10月…618人. */
  | 'sentence';

/** What a qualifier means for arithmetic. */
export type QualifierMeaning = 'estimate' | 'lower-bound' | 'approximate' | 'as-of';

/** One row of the qualifier table. */
export interface QualifierRule {
  /** As editors write it in a figure's `qualifier:`. */
  readonly word: string;
  /** How the official texts write it (预计 is also written 预测); the word itself first. */
  readonly variants: readonly string[];
  readonly position: QualifierPosition;
  readonly meaning: QualifierMeaning;
  /** For readers (about page): how the texts use it, e.g. “870余万元”. */
  readonly example: string;
  /** For editors: when to write it; docs/editing.md 第三节 says the same (a test compares them). */
  readonly editor: string;
}

/**
 * The qualifiers: words the official texts put beside a figure that change what it means (an
 * exact figure has none). One row each. The schema, the checker's quote checks, locating a
 * figure in the text, the wording of figures and comparisons, the editors' messages, the about
 * and data pages all derive from this table (src/schemas/qualifier.ts, src/domain/qualifiers.ts).
 * It lives with the schemas, the bottom layer, because the schema of a figure is made from it. Adding a qualifier is a
 * row here and a row in docs/editing.md (section 三), which a test keeps in step.
 */
export const QUALIFIER_TABLE = [
  {
    word: '预计', variants: ['预计', '预测'], position: 'sentence', meaning: 'estimate',
    example: '“预计”“预测”的数',
    editor: '原文说“预计”或“预测”：报告写成时年度尚未结束，数字是估计',
  },
  {
    word: '余', variants: ['余'], position: 'after', meaning: 'lower-bound',
    example: '“870余万元”',
    editor: '数字后带“余”：实际数大于这个数',
  },
  {
    word: '多', variants: ['多'], position: 'after', meaning: 'lower-bound',
    example: '“100多次”',
    editor: '数字后带“多”，意思同“余”',
  },
  {
    word: '近', variants: ['近'], position: 'before', meaning: 'approximate',
    example: '“近万条”',
    editor: '数字前带“近”：接近但不到这个数',
  },
  {
    word: '约', variants: ['约'], position: 'before', meaning: 'approximate',
    example: '“约3000条”',
    editor: '数字前带“约”：大约',
  },
  {
    word: '截至', variants: ['截至'], position: 'sentence', meaning: 'as-of',
    example: '“截至10月”等',
    editor: '原文说“截至某时”：不是全年数，只累计到某个日期。必须同时填 asOf',
  },
] as const satisfies readonly QualifierRule[];

export type Qualifier = (typeof QUALIFIER_TABLE)[number]['word'];

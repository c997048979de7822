import { z } from 'astro/zod';
import { QUALIFIER_TABLE, type Qualifier, type QualifierMeaning, type QualifierRule } from './qualifier-table.ts';

const RULES: readonly QualifierRule[] = QUALIFIER_TABLE;

/** Every qualifier's word, in table order: what a figure's `qualifier:` may say. */
export const QUALIFIERS = RULES.map((rule) => rule.word) as [Qualifier, ...Qualifier[]];

/** The qualifiers of one meaning, in table order: ['余', '多'] for lower-bound. */
export const wordsMeaning = (meaning: QualifierMeaning): string[] =>
  RULES.filter((rule) => rule.meaning === meaning).map((rule) => rule.word);

/** The qualifiers' words joined for prose: “余”“多”. */
export const quoted = (words: readonly string[]) => words.map((w) => `“${w}”`).join('');

export const qualifierSchema = z.enum(QUALIFIERS);

/** Editors may write one qualifier or a list; code always sees a list. */
export const qualifiersSchema = z
  .union([qualifierSchema, z.array(qualifierSchema)])
  .optional()
  .transform((q): Qualifier[] => (q === undefined ? [] : Array.isArray(q) ? q : [q]));

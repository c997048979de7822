import { z } from 'astro/zod';

/**
 * One term of a vocabulary kept as content (content/topics.yaml, content/report-types.yaml):
 * `名称: { slug, en, order, definition }`. The name is the entry's key, as reports write it.
 */
export const vocabularyTermSchema = z.strictObject({
  /** Part of a URL: lower-case ASCII words joined by hyphens. */
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'slug 只能用小写英文字母、数字和连字符（例如 social-assistance）' }),
  en: z.string().min(1),
  /** Where the term is listed: ascending, each number once. */
  order: z.number().int(),
  definition: z.string().min(1),
});

export type VocabularyTerm = z.infer<typeof vocabularyTermSchema>;
/** A term with its name (the key it is written under). */
export type NamedTerm = VocabularyTerm & { name: string };

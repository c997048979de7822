import { z } from 'astro/zod';
import { topicSchema } from './topic.ts';
import { unitSchema } from './unit.ts';

/** A metric id is part of a URL (/metrics/<id>/): lower-case ASCII words joined by hyphens. */
export const metricIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: 'id 只能用小写英文字母、数字和连字符（例如 certified-social-workers）',
  });

/** One entry of content/metrics.yaml: what a metric means, whatever the year. */
export const catalogEntrySchema = z.strictObject({
  id: metricIdSchema,
  label: z.string().min(1),
  labelEn: z.string().min(1),
  unit: unitSchema,
  topic: topicSchema,
  definition: z.string().min(1),
  /**
   * One of the figures residents look for first (how many elderly-care beds were added, what
   * dibao cost): the home page shows it by topic, and it leads a search for its name.
   */
  featured: z.boolean().optional(),
  /** Left by npm run import for the editor; the content check refuses it (src/checks/review.ts). */
  review: z.string().optional(),
});

export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

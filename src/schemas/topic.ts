import { z } from 'astro/zod';

/**
 * A topic, as reports and the catalog write it: one of the names in content/topics.yaml (the
 * content check refuses any other). Which topics exist, their slugs and order are content.
 */
export const topicSchema = z.string().min(1);
export type Topic = z.infer<typeof topicSchema>;

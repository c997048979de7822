import { z } from 'astro/zod';
import { metricIdSchema } from './catalog.ts';
import { qualifiersSchema, quoted, wordsMeaning } from './qualifier.ts';
import { topicSchema } from './topic.ts';
import { unitSchema } from './unit.ts';

/** One figure a report states: the number, as the text writes it, and where. */
export const figureSchema = z
  .strictObject({
    id: metricIdSchema,
    value: z.number().nonnegative(), // zod 4 numbers are finite: 1e400 is refused
    unit: unitSchema,
    qualifier: qualifiersSchema,
    asOf: z.string().min(1).optional(),
    topic: topicSchema,
    quote: z.string().min(1),
    /** Left by npm run import for the editor; the content check refuses it (src/checks/review.ts). */
    review: z.string().optional(),
  })
  .superRefine((figure, ctx) => {
    // A figure counted up to a date (截至) says which date in `asOf`; no other figure has one.
    const asOfWords = wordsMeaning('as-of');
    const asOfNeeded = figure.qualifier.some((q) => asOfWords.includes(q));
    if (asOfNeeded && figure.asOf === undefined) {
      ctx.addIssue({ code: 'custom', path: ['asOf'], message: `限定词为${quoted(asOfWords)}时必须填写 asOf（截至的日期，如“10月”）` });
    }
    if (!asOfNeeded && figure.asOf !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['asOf'], message: `只有限定词含${quoted(asOfWords)}时才填写 asOf` });
    }
  });

export type Figure = z.infer<typeof figureSchema>;

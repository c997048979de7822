import { z } from 'astro/zod';
import { metricIdSchema } from '../catalog.ts';
import { isoDateSchema } from './disclosure.ts';

/**
 * One correction of a report after it was published: nothing published changes silently.
 * A figure's correction names it (`metric`) and gives its published value and its new one;
 * a correction of the text says what changed in `what`, with the old and the new wording.
 */
export const correctionSchema = z
  .strictObject({
    /** The day the correction was published. */
    date: isoDateSchema,
    /** The figure corrected (its metric id in this report), if it is a figure. */
    metric: metricIdSchema.optional(),
    /** What changed, in words, when it is not a figure (or to say more than the figure's name). */
    what: z.string().min(1).optional(),
    /** Before and after: a figure's values as numbers, a text's wording as text. */
    from: z.union([z.number(), z.string().min(1)]),
    to: z.union([z.number(), z.string().min(1)]),
    reason: z.string().min(1),
    /** On whose decision (a person's role or a body, e.g. 局办公室). */
    decidedBy: z.string().min(1),
  })
  .superRefine((correction, ctx) => {
    if (correction.metric === undefined && correction.what === undefined) {
      ctx.addIssue({ code: 'custom', path: ['what'], message: '更正须写明改了什么：更正数字时填写 metric（指标 id），更正文字时填写 what' });
    }
    if (correction.metric !== undefined && (typeof correction.from !== 'number' || typeof correction.to !== 'number')) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: '更正数字时 from 和 to 都应是数字（更正前、更正后的数值）' });
    }
  });

export type Correction = z.infer<typeof correctionSchema>;

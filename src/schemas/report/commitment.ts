import { z } from 'astro/zod';
import { metricIdSchema } from '../catalog.ts';
import { topicSchema } from '../topic.ts';

/**
 * A commitment's id: part of its anchor (#promise-<id>) and of every reference to it, so the
 * same shape as a metric id. Unique within its report; a later report names it with the year.
 */
export const commitmentIdSchema = metricIdSchema;

/** What a later report's sentence shows became of a commitment. Never typed without the sentence. */
export const EVIDENCE_STATUSES = ['已完成', '部分完成', '未完成'] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

/** One thing a report says it will do: its own words, checked against its text. */
export const commitmentSchema = z.strictObject({
  id: commitmentIdSchema,
  /** Verbatim from this report's text, found there exactly once (src/checks/quotes.ts). */
  quote: z.string().min(1),
  topic: topicSchema,
  /** The year it is due, only when the text says so (明年 in a 2018 report: 2019). */
  due: z.number().int().min(1949).max(2100).optional(),
  /** Metrics whose figures measure it (content/metrics.yaml ids). */
  metrics: z.array(metricIdSchema).optional(),
  /** Left by npm run import for the editor; the content check refuses it (src/checks/review.ts). */
  review: z.string().optional(),
});

/**
 * A sentence of this report recorded as evidence for a commitment of an earlier report of the
 * same department. It lives in the later report, beside the text it quotes: the earlier report
 * is an official record that is never edited again, and the quote is checked where it is written.
 */
export const evidenceSchema = z
  .strictObject({
    /** The year of the earlier report that made the commitment (same department as this report). */
    report: z.number().int().min(1949).max(2100),
    /** The commitment's id in that report. */
    commitment: commitmentIdSchema,
    status: z.enum(EVIDENCE_STATUSES),
    /** Verbatim from this report's text. Optional here only to word its absence for editors. */
    quote: z.string().min(1).optional(),
    review: z.string().optional(),
  })
  .superRefine((evidence, ctx) => {
    if (evidence.quote === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['quote'],
        message: `落实情况“${evidence.status}”必须有依据：请在 quote 中逐字摘录本报告中说明落实情况的句子；报告没有提到的承诺不要写 evidence，网站会显示“后续报告未提及”`,
      });
    }
  });

export type Commitment = z.infer<typeof commitmentSchema>;
export type Evidence = z.infer<typeof evidenceSchema> & { quote: string };

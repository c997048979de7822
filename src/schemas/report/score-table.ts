import { z } from 'astro/zod';
import { acknowledgementSchema } from './acknowledgement.ts';
import { statedAmountSchema } from './stated-amount.ts';

/** A row id is part of an anchor (#score-<id>): lower-case ASCII words joined by hyphens. */
export const scoreRowIdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  message: 'id 只能用小写英文字母、数字和连字符（例如 input-budget）',
});

/**
 * One row of the indicator score table (绩效评价指标得分表), traceable to the official table by
 * its label: the row of the text's table whose cells hold it (src/checks/scores/trace.ts).
 */
export const scoreRowSchema = z
  .strictObject({
    id: scoreRowIdSchema,
    /** 1, 2, 3: 一级、二级、三级指标 */
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    /** The row one level up; a first-level row has none. */
    parent: scoreRowIdSchema.optional(),
    /** The row's label as the text's table writes it. */
    label: z.string().min(1),
    /** 分值 */
    weight: z.number().nonnegative(),
    /** 扣分, when the table states it. */
    deduction: z.number().nonnegative().optional(),
    /** 得分 */
    score: z.number().nonnegative(),
    /** 目标值, 实际完成值, 评价等级, 偏差原因: as the table writes them. */
    target: z.string().min(1).optional(),
    actual: z.string().min(1).optional(),
    grade: z.string().min(1).optional(),
    deviation: z.string().min(1).optional(),
    acknowledged: acknowledgementSchema.optional(),
  })
  .superRefine((row, ctx) => {
    if (row.level === 1 && row.parent !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['parent'], message: '一级指标没有上级（parent）' });
    }
    if (row.level > 1 && row.parent === undefined) {
      ctx.addIssue({ code: 'custom', path: ['parent'], message: `${row.level}级指标须填写上级指标的 id（parent）` });
    }
  });

/** A grade the text states (评价等级为优), with its quote. */
export const statedGradeSchema = z.strictObject({
  value: z.string().min(1),
  quote: z.string().min(1),
});

/** The score table of a report, with the total and grade the text states. */
export const scoreTableSchema = z.strictObject({
  /** The table's title as the text writes it: 绩效评价指标得分表. */
  caption: z.string().min(1),
  /** The full score the table claims (满分100分): the first-level weights must add up to it. */
  fullScore: z.number().positive().optional(),
  /** 自评得分 / 考评得分, in 分, with its quote. */
  total: statedAmountSchema,
  grade: statedGradeSchema.optional(),
  rows: z.array(scoreRowSchema).min(1),
  /** Acknowledges a disagreement of the whole table: rows that miss the total, weights that miss the full score. */
  acknowledged: acknowledgementSchema.optional(),
  /** Left by npm run import for the editor; the content check refuses it (src/checks/review.ts). */
  review: z.string().optional(),
});

export type ScoreRow = z.infer<typeof scoreRowSchema>;
export type ScoreTable = z.infer<typeof scoreTableSchema>;

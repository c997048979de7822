import { z } from 'astro/zod';
import { acknowledgementSchema } from './acknowledgement.ts';
import { statedAmountSchema } from './stated-amount.ts';
import type { UnitKind } from '../unit.ts';

/** Which side of the budget a line is on. */
export const BUDGET_FLOWS = ['收入', '支出'] as const;

/** A line id is part of an anchor (#budget-<id>): lower-case ASCII words joined by hyphens. */
export const budgetLineIdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  message: 'id 只能用小写英文字母、数字和连字符（例如 project-expenditure）',
});

/**
 * One budget line a report states (预算数, 调整后预算, 执行数/决算数, 执行率), each amount with its
 * quote. The checker recomputes the rate from its parts (src/domain/budget.ts).
 */
export const budgetLineSchema = z
  .strictObject({
    id: budgetLineIdSchema,
    flow: z.enum(BUDGET_FLOWS),
    /** What the text calls the line: 部门整体支出, 基本支出, 项目支出 … */
    label: z.string().min(1),
    /** 年初预算 / 预算数 */
    budget: statedAmountSchema.optional(),
    /** 调整后预算: the base of the rate when stated. */
    adjusted: statedAmountSchema.optional(),
    /** 执行数 or 决算数, as `spentTerm` says the text names it. */
    spent: statedAmountSchema.optional(),
    spentTerm: z.enum(['执行数', '决算数']).default('执行数'),
    /** 执行率 */
    rate: statedAmountSchema.optional(),
    acknowledged: acknowledgementSchema.optional(),
    /** Left by npm run import for the editor; the content check refuses it (src/checks/review.ts). */
    review: z.string().optional(),
  })
  .refine((line) => line.budget ?? line.adjusted ?? line.spent ?? line.rate, {
    message: '预算行至少要有 budget、adjusted、spent、rate 中的一项',
  });

export type BudgetLine = z.infer<typeof budgetLineSchema>;

/** A line's amounts in the order texts give them, what the text calls each, and the kind of unit it has. */
export const BUDGET_AMOUNTS = [
  { field: 'budget', name: '预算数', kind: 'money' },
  { field: 'adjusted', name: '调整后预算', kind: 'money' },
  { field: 'spent', name: '执行数', kind: 'money' },
  { field: 'rate', name: '执行率', kind: 'rate' },
] as const satisfies readonly { field: keyof BudgetLine; name: string; kind: UnitKind }[];

export type BudgetAmountField = (typeof BUDGET_AMOUNTS)[number]['field'];

/** What this line's text calls an amount: 执行数 is 决算数 where the text says so (`spentTerm`). */
export const amountName = (line: Pick<BudgetLine, 'spentTerm'>, field: BudgetAmountField): string =>
  field === 'spent' ? line.spentTerm : BUDGET_AMOUNTS.find((a) => a.field === field)!.name;

import { z } from 'astro/zod';
import { commitmentSchema, evidenceSchema } from './report/commitment.ts';
import { departmentIdSchema } from './department.ts';
import { figureSchema } from './figure.ts';
import { budgetLineSchema } from './report/budget.ts';
import { scoreTableSchema } from './report/score-table.ts';
import { correctionSchema } from './report/correction.ts';
import { disclosureSchema } from './report/disclosure.ts';

/** A report type: one of the names in content/report-types.yaml (the content check refuses any other). */
export const reportTypeSchema = z.string().min(1);

const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '应为“年-月”格式，如 "2022-01"' });

/**
 * Frontmatter of content/reports/<year>.mdx (the bureau's own reports) or
 * content/reports/<department>/<year>.mdx (another department's). The body is the official text.
 */
export const reportSchema = z.strictObject({
  year: z.number().int().min(1949).max(2100),
  /** An id from content/departments.yaml; left out, the report is the primary department's. */
  department: departmentIdSchema.optional(),
  title: z.string().min(1),
  reportType: reportTypeSchema,
  issuer: z.string().min(1),
  period: z.strictObject({ from: yearMonth, to: yearMonth }),
  sourceFile: z.string().min(1),
  summary: z.string().min(1),
  metrics: z.array(figureSchema).min(1),
  // Issue 19: budget execution and the indicator score table, typed (src/schemas/report/budget.ts, score-table.ts).
  budget: z.array(budgetLineSchema).min(1).optional(),
  scoreTable: scoreTableSchema.optional(),
  /** 政府信息公开 metadata (src/schemas/report/disclosure.ts). */
  disclosure: disclosureSchema,
  /** Every change made after publication, oldest first (src/schemas/report/correction.ts). */
  corrections: z.array(correctionSchema).optional(),
  // Issue 21: what this report commits to, and what it shows became of earlier commitments.
  commitments: z.array(commitmentSchema).optional(),
  evidence: z.array(evidenceSchema).optional(),
});

export type ReportData = z.infer<typeof reportSchema>;
export type ReportType = z.infer<typeof reportTypeSchema>;

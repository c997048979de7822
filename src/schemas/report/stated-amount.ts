import { z } from 'astro/zod';
import { qualifiersSchema } from '../qualifier.ts';
import { unitSchema } from '../unit.ts';

/**
 * A number the text states outside the metric catalog (a budget line's amount, a score table's
 * total), with the quote that proves it: checked against the official text by the same quote
 * rule as a figure (src/checks/quotes.ts).
 */
export const statedAmountSchema = z.strictObject({
  value: z.number().nonnegative(),
  unit: unitSchema,
  qualifier: qualifiersSchema,
  quote: z.string().min(1),
});

export type StatedAmount = z.infer<typeof statedAmountSchema>;

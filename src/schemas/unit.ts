import { z } from 'astro/zod';

/** What a unit measures; it decides how a change is worded (src/domain/compare.ts). */
export const UNIT_KINDS = ['count', 'people', 'money', 'money-per', 'rate', 'score', 'area', 'length', 'age', 'duration'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/**
 * A unit as a report or the catalog writes it. Which units exist is content
 * (content/units.yaml): the content checker refuses a unit that file does not define.
 */
export const unitSchema = z.string().min(1);

/** One line of content/units.yaml: `万元: { base: 元, factor: 10000, kind: money }`. */
export const unitDefinitionSchema = z.strictObject({
  base: unitSchema,
  factor: z.number().positive(),
  kind: z.enum(UNIT_KINDS),
});

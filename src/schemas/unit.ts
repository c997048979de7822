import { z } from 'astro/zod';
import { UNIT_KINDS } from '../domain/units.ts';

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

import { z } from 'astro/zod';
import { QUALIFIERS, type Qualifier } from '../domain/qualifiers.ts';

export const qualifierSchema = z.enum(QUALIFIERS);

/** Editors may write one qualifier or a list; code always sees a list. */
export const qualifiersSchema = z
  .union([qualifierSchema, z.array(qualifierSchema)])
  .optional()
  .transform((q): Qualifier[] => (q === undefined ? [] : Array.isArray(q) ? q : [q]));

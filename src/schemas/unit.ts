import { z } from 'astro/zod';
import { UNITS } from '../domain/units.ts';

export const unitSchema = z.enum(Object.keys(UNITS) as [keyof typeof UNITS, ...(keyof typeof UNITS)[]]);

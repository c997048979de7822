import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { catalogEntrySchema } from './schemas/catalog.ts';
import { departmentSchema } from './schemas/department.ts';
import { reportSchema } from './schemas/report.ts';
import { unitDefinitionSchema } from './schemas/unit.ts';

export const collections = {
  /**
   * content/reports/<year>.mdx (the bureau's own) and content/reports/<department>/<year>.mdx:
   * the official text, with every figure it states in frontmatter.
   */
  reports: defineCollection({
    loader: glob({ pattern: '**/*.mdx', base: './content/reports' }),
    schema: reportSchema,
  }),
  /** content/metrics.yaml: what each metric id means, whatever the year. */
  metrics: defineCollection({
    loader: file('./content/metrics.yaml'),
    schema: catalogEntrySchema,
  }),
  /** content/departments.yaml: the departments whose reports are published, the primary one first. */
  departments: defineCollection({
    loader: file('./content/departments.yaml'),
    schema: departmentSchema,
  }),
  /** content/units.yaml: each unit (the entry's id), the base it converts to, the factor and its kind. */
  units: defineCollection({
    loader: file('./content/units.yaml'),
    schema: unitDefinitionSchema,
  }),
};

import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { DATA_FILES, REPORTS } from './reading/content-files.ts';
import { parseContentYaml } from './reading/content-yaml.ts';
import { catalogEntrySchema } from './schemas/catalog.ts';
import { departmentSchema } from './schemas/department.ts';
import { reportSchema } from './schemas/report.ts';
import { unitDefinitionSchema } from './schemas/unit.ts';
import { vocabularyTermSchema } from './schemas/vocabulary.ts';

// Where content is (REPORTS, DATA_FILES) and how its YAML is read are the checker's, so that
// what the checker passes is exactly what the site publishes (src/reading/content-files.ts).
const dataFile = (path: string) => file(`./${path}`, { parser: (text) => parseContentYaml(text) as Record<string, unknown>[] });

export const collections = {
  /**
   * content/reports/<year>.mdx (the bureau's own) and content/reports/<department>/<year>.mdx:
   * the official text, with every figure it states in frontmatter.
   */
  reports: defineCollection({
    loader: glob({ pattern: REPORTS.pattern, base: `./${REPORTS.base}` }),
    schema: reportSchema,
  }),
  /** content/metrics.yaml: what each metric id means, whatever the year. */
  metrics: defineCollection({
    loader: dataFile(DATA_FILES.catalog),
    schema: catalogEntrySchema,
  }),
  /** content/departments.yaml: the departments whose reports are published, the primary one first. */
  departments: defineCollection({
    loader: dataFile(DATA_FILES.departments),
    schema: departmentSchema,
  }),
  /** content/units.yaml: each unit (the entry's id), the base it converts to, the factor and its kind. */
  units: defineCollection({
    loader: dataFile(DATA_FILES.units),
    schema: unitDefinitionSchema,
  }),
  /** content/topics.yaml: each topic (the entry's id), its slug, English name, order and definition. */
  topics: defineCollection({
    loader: dataFile(DATA_FILES.topics),
    schema: vocabularyTermSchema,
  }),
  /** content/report-types.yaml: each report type (the entry's id), as topics are. */
  reportTypes: defineCollection({
    loader: dataFile(DATA_FILES.reportTypes),
    schema: vocabularyTermSchema,
  }),
};

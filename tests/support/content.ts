import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { splitFrontmatter } from '../../src/reading/frontmatter.ts';
import { checkUnits } from '../../src/checks/units.ts';
import { checkVocabulary } from '../../src/checks/vocabulary.ts';
import type { NamedTerm } from '../../src/schemas/vocabulary.ts';
import { DATA_FILES } from '../../src/reading/content-files.ts';
import type { SourceFile } from '../../src/reading/located-yaml.ts';
import type { UnitTable } from '../../src/domain/units.ts';
import { PROJECT_ROOT } from './site.ts';

export interface RawReport {
  year: number;
  title: string;
  body: string;
  metrics: { id: string; value: number; unit: string; quote: string; qualifier?: string | string[] }[];
}

/** The real reports, read straight from content/ (independently of the site's own code). */
export function readReports(): RawReport[] {
  const dir = join(PROJECT_ROOT, 'content/reports');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => {
      const { yaml, body } = splitFrontmatter(readFileSync(join(dir, name), 'utf8'));
      return { ...(parse(yaml ?? '') as Omit<RawReport, 'body'>), body };
    })
    .sort((a, b) => a.year - b.year);
}

/** content/units.yaml as the checker reads it: the unit table the site is built with. */
export function readUnits(): UnitTable {
  const file = 'content/units.yaml';
  const { problems, units } = checkUnits({ file, text: readFileSync(join(PROJECT_ROOT, file), 'utf8') });
  if (problems.length > 0) throw new Error(`${file}: ${problems.map((p) => p.message).join('; ')}`);
  return units;
}

/**
 * The data files of a content folder (tests/fixtures/<name>/content, or content/), as the
 * checker reads them (src/reading/content-files.ts DATA_FILES), for validateContent.
 */
export function dataSources(contentDir: string): Record<keyof typeof DATA_FILES, SourceFile> {
  const entries = Object.entries(DATA_FILES).map(([key, file]) => {
    const path = join(contentDir, file.replace(/^content\//, ''));
    return [key, { file, text: readFileSync(path, 'utf8') }] as const;
  });
  return Object.fromEntries(entries) as Record<keyof typeof DATA_FILES, SourceFile>;
}

/** content/topics.yaml as the checker reads it: the topics, in their order. */
export function readTopics(): NamedTerm[] {
  const { problems, terms } = checkVocabulary(dataSources(join(PROJECT_ROOT, 'content')).topics, 'topics');
  if (problems.length > 0) throw new Error(`content/topics.yaml: ${problems.map((p) => p.message).join('; ')}`);
  return [...terms.values()];
}

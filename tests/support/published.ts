import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_FILES, listContentFiles } from '../../src/reading/content-files.ts';
import { parseContentYaml } from '../../src/reading/content-yaml.ts';
import { splitFrontmatter } from '../../src/reading/frontmatter.ts';
import { reportKey } from '../../src/domain/model.ts';
import { paths } from '../../src/render/urls.ts';

export interface ExpectedReportPage {
  /** The report file, relative to the project root. */
  file: string;
  title: string;
  /** The built page, relative to the output folder. */
  page: string;
}

/**
 * The page each report file of a content tree must have once built: every file the checker's
 * inventory (src/reading/content-files.ts) takes for a report. Call it on content the checker passes.
 */
export async function expectedReportPages(root: string): Promise<ExpectedReportPage[]> {
  const departments = parseContentYaml(readFileSync(join(root, DATA_FILES.departments), 'utf8')) as { id: string; primary?: boolean }[];
  const primary = departments.find((d) => d.primary)!.id;
  const { reports } = await listContentFiles(root);
  return reports.map((file) => {
    const { yaml } = splitFrontmatter(readFileSync(join(root, file), 'utf8'));
    const data = parseContentYaml(yaml ?? '') as { year: number; title: string; department?: string };
    const key = reportKey(data.department ?? primary, data.year, primary);
    return { file, title: data.title, page: join(paths.report(key), 'index.html').replace(/^\//, '') };
  });
}

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPORTS_DIR } from '../checks/check-content.ts';

/**
 * Every report file under content/reports/ (other departments' in sub-folders), paths relative
 * to the project root with '/', as reportFileFor writes them. What new-report and import look
 * at before they write, so that neither ever overwrites or duplicates a report.
 */
export async function readReportFiles(root: string): Promise<{ file: string; text: string }[]> {
  const dir = join(root, REPORTS_DIR);
  let names: string[];
  try {
    names = (await readdir(dir, { recursive: true })).filter((name) => /\.mdx?$/.test(name)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return Promise.all(
    names.map(async (name) => ({
      file: `${REPORTS_DIR}/${name.replaceAll('\\', '/')}`,
      text: await readFile(join(dir, name), 'utf8'),
    })),
  );
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listContentFiles } from '../reading/content-files.ts';

/**
 * Every report file of the content (src/reading/content-files.ts: the files the site publishes,
 * never a symlink), paths relative to the project root with '/', as reportFileFor writes them.
 * What new-report and import look at before they write, so that neither ever overwrites or
 * duplicates a report.
 */
export async function readReportFiles(root: string): Promise<{ file: string; text: string }[]> {
  const { reports } = await listContentFiles(root);
  return Promise.all(reports.map(async (file) => ({ file, text: await readFile(join(root, file), 'utf8') })));
}

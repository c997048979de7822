import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Problem } from './problems.ts';
import type { SourceFile } from './located-yaml.ts';
import { UNITS_FILE } from './units.ts';
import { validateContent } from './validate.ts';

/** Where editors put content, relative to the project root. */
export const REPORTS_DIR = 'content/reports';
export const CATALOG_FILE = 'content/metrics.yaml';
export const DEPARTMENTS_FILE = 'content/departments.yaml';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a file as strict UTF-8: a file in another encoding is a problem, never mojibake. */
async function readSource(root: string, path: string): Promise<SourceFile | Problem> {
  const file = relative(root, path);
  try {
    return { file, text: utf8.decode(await readFile(path)) };
  } catch (error) {
    const message = error instanceof TypeError
      ? '文件不是 UTF-8 编码；请在编辑器中以 UTF-8 重新保存'
      : (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? '找不到这个文件；它是内容的必需部分（见 docs/editing.md）'
        : `无法读取文件：${(error as Error).message}`;
    return { file, line: 1, column: 1, field: '', message };
  }
}

const isProblem = (x: SourceFile | Problem): x is Problem => 'message' in x;

/** Reads the catalogs and every report under `root` and returns every problem found. */
export async function checkContent(root: string): Promise<Problem[]> {
  const reportsDir = join(root, REPORTS_DIR);
  // content/reports/<year>.mdx and content/reports/<department>/<year>.mdx
  const names = (await readdir(reportsDir, { recursive: true })).filter((name) => /\.mdx?$/.test(name)).sort();
  const reports = await Promise.all(names.map((name) => readSource(root, join(reportsDir, name))));
  const catalog = await readSource(root, join(root, CATALOG_FILE));
  const departments = await readSource(root, join(root, DEPARTMENTS_FILE));
  const units = await readSource(root, join(root, UNITS_FILE));
  const unreadable = [...reports, catalog, departments, units].filter(isProblem);
  if (isProblem(catalog) || isProblem(departments) || isProblem(units)) return unreadable;
  const readable = reports.filter((r): r is SourceFile => !isProblem(r));
  return [...unreadable, ...validateContent({ reports: readable, catalog, departments, units })];
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONTENT_DIR, DATA_FILES, listContentFiles, REPORTS } from '../reading/content-files.ts';
import type { Problem } from '../reading/problems.ts';
import type { SourceFile } from '../reading/located-yaml.ts';
import { validateContent } from './validate.ts';

// ignoreBOM keeps a byte-order mark in the text, as Astro reads it: splitFrontmatter allows one, as Astro does.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads a file as strict UTF-8: a file in another encoding is a problem, never mojibake. */
async function readSource(root: string, file: string): Promise<SourceFile | Problem> {
  try {
    return { file, text: utf8.decode(await readFile(join(root, file))) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = error instanceof TypeError
      ? '文件不是 UTF-8 编码；请在编辑器中以 UTF-8 重新保存'
      : code === 'EACCES' || code === 'EPERM'
        ? '没有读取这个文件的权限；请检查文件权限'
        : `无法读取文件（${(error as Error).message}）；请检查文件是否完整，或重新保存`;
    return { file, line: 1, column: 1, field: '', message };
  }
}

const isProblem = (x: SourceFile | Problem): x is Problem => 'message' in x;

/**
 * Reads the catalogs and every report under `root` and returns every problem found. Only what
 * listContentFiles finds is read: regular files inside content/, the same the build publishes.
 */
export async function checkContent(root: string): Promise<Problem[]> {
  const files = await listContentFiles(root);
  const problems = [...files.problems];
  const dataFile = async (file: string): Promise<SourceFile | null> => {
    if (problems.some((p) => p.file === file)) return null;
    if (!files.dataFiles.includes(file)) {
      problems.push({ file, line: 1, column: 1, field: '', message: '找不到这个文件；它是内容的必需部分（见 docs/editing.md）' });
      return null;
    }
    const source = await readSource(root, file);
    if (isProblem(source)) problems.push(source);
    return isProblem(source) ? null : source;
  };
  const catalog = await dataFile(DATA_FILES.catalog);
  const departments = await dataFile(DATA_FILES.departments);
  const units = await dataFile(DATA_FILES.units);
  const topics = await dataFile(DATA_FILES.topics);
  const reportTypes = await dataFile(DATA_FILES.reportTypes);
  if (files.reports.length === 0 && !problems.some((p) => p.file === CONTENT_DIR)) {
    problems.push({ file: REPORTS.base, line: 1, column: 1, field: '', message: `${REPORTS.base}/ 中没有报告：网站至少要有一份报告（用 npm run new-report 生成骨架）` });
  }
  const reports = await Promise.all(files.reports.map((file) => readSource(root, file)));
  problems.push(...reports.filter(isProblem));
  if (!catalog || !departments || !units || !topics || !reportTypes) return problems;
  const readable = reports.filter((r): r is SourceFile => !isProblem(r));
  return [...problems, ...validateContent({ reports: readable, catalog, departments, units, topics, reportTypes })];
}
